import Coordinates
import Gazetteer
import Geodesy

/// How extraction compares with a document's annotations, and what the gazetteer seems to lack.
///
/// A mention is *found* when its span is an annotated span, and *correct* when it is found and
/// resolved to the annotated place: the same id, within `nearEnough` of the annotation's
/// reference point, or an area (country, region, sea…) whose box holds that point.
public struct Coverage: Sendable {
    /// Mentions whose span and place both match an annotation.
    public let correct: [Mention]
    /// Mentions with no annotation at that span and place.
    public let unexpected: [Mention]
    /// Annotations no mention matched (span and place).
    public let missed: [Annotation]
    /// Mentions at an annotated span but resolved to another place.
    public let misresolved: [Mention]
    /// Mentions at an annotated span, whatever their place.
    public let spanMatches: Int
    /// Capitalised phrases after a locative word that resolve to nothing: places the gazetteer may lack.
    public let unknownCandidates: [(surface: String, start: Int)]

    /// How far from the reference point a resolved place may lie: 161 km, 100 miles.
    public static let nearEnough = 161_000.0

    /// Compares `mentions` with `annotations` (nil when the document has none).
    public init(mentions: [Mention], annotations: [Annotation]?, unknownCandidates: [(surface: String, start: Int)]) {
        self.unknownCandidates = unknownCandidates
        guard let annotations else {
            (correct, unexpected, missed, misresolved, spanMatches) = (mentions, [], [], [], 0)
            return
        }
        let bySpan = Dictionary(annotations.map { (Span(start: $0.start, end: $0.end), $0) }, uniquingKeysWith: { first, _ in first })
        var correct: [Mention] = [], unexpected: [Mention] = [], misresolved: [Mention] = [], matchedSpans = Set<Span>()
        for mention in mentions {
            let span = Span(start: mention.start, end: mention.end)
            guard let annotation = bySpan[span] else { unexpected.append(mention); continue }
            if Self.resolves(mention.place, annotation) {
                correct.append(mention)
                matchedSpans.insert(span)
            } else {
                unexpected.append(mention)
                misresolved.append(mention)
            }
        }
        (self.correct, self.unexpected, self.misresolved) = (correct, unexpected, misresolved)
        spanMatches = correct.count + misresolved.count
        missed = annotations.filter { !matchedSpans.contains(Span(start: $0.start, end: $0.end)) }
    }

    /// True when `place` is the annotated place, near its reference point, or an area that holds it.
    public static func resolves(_ place: Place, _ annotation: Annotation) -> Bool {
        if place.id == annotation.placeId { return true }
        if annotation.placeId.hasPrefix("geonames:"), place.links["geonames"] == String(annotation.placeId.dropFirst("geonames:".count)) { return true }
        guard let reference = annotation.reference else { return false }
        if Geodesic.wgs84.inverse(from: place.coordinate, to: reference).distance <= nearEnough { return true }
        return place.bbox?.contains(reference) ?? false
    }

    /// Correct over all mentions found; nil with nothing found.
    public var precision: Double? {
        let found = correct.count + unexpected.count
        return found == 0 ? nil : Double(correct.count) / Double(found)
    }

    /// Correct over all annotations; nil with no annotations.
    public var recall: Double? {
        let expected = correct.count + missed.count
        return expected == 0 ? nil : Double(correct.count) / Double(expected)
    }

    /// Correct over mentions at an annotated span: how often a toponym found is resolved right.
    public var resolution: Double? {
        spanMatches == 0 ? nil : Double(correct.count) / Double(spanMatches)
    }

    private struct Span: Hashable {
        let start: Int
        let end: Int
    }
}

extension Geoparser {
    /// Words after which a place name usually follows, by language: in, from, to, at, near; di, ke,
    /// dari, menuju; в, во, из, на, до, под, около; در, از, به, تا.
    public static let locativeWords: Set<String> = [
        "in", "from", "to", "at", "near", "into", "via", "across", "di", "ke", "dari", "menuju", "dekat", "melalui",
        "в", "во", "из", "на", "до", "под", "около", "через", "در", "از", "به", "تا",
    ]

    /// True when only spaces separate two words: a phrase does not run on across punctuation.
    static func spaceBetween(_ a: Token, _ b: Token, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        b.byteStart > a.byteEnd && bytes[a.byteEnd..<b.byteStart].allSatisfy { $0 == 0x20 }
    }

    /// Capitalised phrases right after a locative word that are not part of any mention.
    public func unknownCandidates(in bytes: UnsafeBufferPointer<UInt8>, mentions: [Mention]) -> [(surface: String, start: Int)] {
        let tokens = Tokenizer.tokens(in: bytes)
        let covered = Set(mentions.flatMap { Array($0.start..<$0.end) })
        var found: [(String, Int)] = []
        var i = 0
        while i < tokens.count - 1 {
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[tokens[i].byteStart..<tokens[i].byteEnd]), as: UTF8.self)
            guard Self.locativeWords.contains(word.lowercased()) else { i += 1; continue }
            var j = i + 1
            while j < tokens.count, tokens[j].isCapitalised, !covered.contains(tokens[j].start), j == i + 1 || Self.spaceBetween(tokens[j - 1], tokens[j], in: bytes) {
                j += 1
            }
            if j > i + 1 {
                let range = tokens[i + 1].byteStart..<tokens[j - 1].byteEnd
                found.append((String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self), tokens[i + 1].start))
            }
            i = max(j, i + 1)
        }
        return found
    }
}
