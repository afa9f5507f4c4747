/// How extraction compares with a document's annotations, and what the gazetteer seems to lack.
public struct Coverage: Sendable {
    /// Mentions whose span and place both match an annotation.
    public let correct: [Mention]
    /// Mentions with no annotation at that span and place.
    public let unexpected: [Mention]
    /// Annotations no mention matched (span and place).
    public let missed: [Annotation]
    /// Capitalised phrases after a locative word that resolve to nothing: places the gazetteer may lack.
    public let unknownCandidates: [(surface: String, start: Int)]

    /// Compares `mentions` with `annotations` (nil when the document has none).
    public init(mentions: [Mention], annotations: [Annotation]?, unknownCandidates: [(surface: String, start: Int)]) {
        self.unknownCandidates = unknownCandidates
        guard let annotations else {
            (correct, unexpected, missed) = (mentions, [], [])
            return
        }
        let expected = Set(annotations.map { Key(start: $0.start, end: $0.end, id: $0.placeId) })
        let found = Set(mentions.map { Key(start: $0.start, end: $0.end, id: $0.place.id) })
        correct = mentions.filter { expected.contains(Key(start: $0.start, end: $0.end, id: $0.place.id)) }
        unexpected = mentions.filter { !expected.contains(Key(start: $0.start, end: $0.end, id: $0.place.id)) }
        missed = annotations.filter { !found.contains(Key(start: $0.start, end: $0.end, id: $0.placeId)) }
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

    private struct Key: Hashable {
        let start: Int
        let end: Int
        let id: String
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
