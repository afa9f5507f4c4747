/// A document's text as code points, cut into sentences and words, with the offsets citations use.
///
/// Offsets are Unicode code points, end exclusive, as in the annotations and the geoparser's
/// mentions: in Python, `text[start:end]` is the passage.
public struct ReportText: Sendable {
    /// The text's code points.
    public let scalars: [Unicode.Scalar]
    /// Its sentences, in order.
    public let sentences: [Range<Int>]
    /// Its words, in order.
    let words: [Word]

    /// A run of letters, digits and combining marks (with inner hyphens, apostrophes and dots in numbers).
    struct Word: Sendable {
        let range: Range<Int>
        /// Lowercase, ё as е, Arabic-script yeh and kaf as Persian writes them, no diacritics on Latin letters.
        let folded: String
        /// The first letter is a capital.
        let isCapitalised: Bool
        /// Digits only (with separators): a number.
        let isNumber: Bool
    }

    /// Cuts `text` into sentences and words.
    public init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        words = Self.words(in: scalars)
        sentences = Self.sentences(in: scalars, words: words)
    }

    /// The passage at `range`, exactly as written.
    public func passage(_ range: Range<Int>) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[range])
        return String(s)
    }

    /// The index of the sentence holding code point `offset`.
    public func sentenceIndex(containing offset: Int) -> Int {
        var low = 0, high = sentences.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if sentences[mid].lowerBound <= offset { low = mid } else { high = mid - 1 }
        }
        return max(0, low)
    }

    /// The indices of the words inside `range`.
    func wordIndices(in range: Range<Int>) -> Range<Int> {
        let first = firstWord(atOrAfter: range.lowerBound)
        var end = first
        while end < words.count, words[end].range.upperBound <= range.upperBound { end += 1 }
        return first..<end
    }

    /// The index of the first word that starts at or after `offset`.
    func firstWord(atOrAfter offset: Int) -> Int {
        var low = 0, high = words.count
        while low < high {
            let mid = (low + high) / 2
            if words[mid].range.lowerBound < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// True when only spaces and the given punctuation lie between two offsets.
    func onlySpace(from start: Int, to end: Int, allowing punctuation: Set<Unicode.Scalar> = []) -> Bool {
        guard start <= end else { return false }
        return scalars[start..<end].allSatisfy { $0.properties.isWhitespace && $0 != "\n" || punctuation.contains($0) }
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType != nil || s.properties.generalCategory == .nonspacingMark
            || s.properties.generalCategory == .spacingMark
    }

    private static func words(in scalars: [Unicode.Scalar]) -> [Word] {
        var words: [Word] = []
        var i = 0
        while i < scalars.count {
            guard isWordScalar(scalars[i]) else { i += 1; continue }
            var j = i + 1
            while j < scalars.count {
                if isWordScalar(scalars[j]) { j += 1; continue }
                // Inner joiners: north-east, don't, 1,300 / 1.300, and Persian's zero-width non-joiner.
                let joiner = scalars[j]
                if j + 1 < scalars.count, isWordScalar(scalars[j + 1]),
                   joiner == "-" || joiner == "'" || joiner == "’" || joiner == "\u{200C}"
                    || ((joiner == "," || joiner == "." || joiner == "٫" || joiner == "٬") && scalars[j - 1].properties.numericType != nil && scalars[j + 1].properties.numericType != nil) {
                    j += 2
                    continue
                }
                break
            }
            let range = i..<j
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            let text = String(view)
            let isNumber = scalars[range].allSatisfy { $0.properties.numericType != nil || $0 == "," || $0 == "." || $0 == "٫" || $0 == "٬" }
            words.append(Word(range: range, folded: fold(text), isCapitalised: scalars[i].properties.isUppercase, isNumber: isNumber))
            i = j
        }
        return words
    }

    /// Lowercase with Latin diacritics removed, ё → е, Arabic yeh and kaf → Persian, ZWNJ dropped, ’ → '.
    static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "\u{0306}" where out.last.map({ (0x0400...0x04FF).contains($0.value) }) ?? false:
                out.append(scalar)  // й keeps its breve
            case "\u{0301}", "\u{0300}", "\u{0302}", "\u{0303}", "\u{0308}", "\u{0304}", "\u{0306}", "\u{0327}", "\u{030C}", "\u{0323}",
                 "\u{0331}", "\u{02BF}", "\u{02BE}":
                continue
            case "\u{064A}", "\u{0649}": out.append("\u{06CC}")  // Arabic yeh, alef maksura → Persian yeh
            case "\u{0643}": out.append("\u{06A9}")  // Arabic kaf → Persian keheh
            case "\u{06D5}", "\u{0629}": out.append("\u{0647}")  // ae and teh marbuta → heh, as Persian text mixes them
            case "\u{200C}", "\u{200D}", "\u{0640}": continue  // ZWNJ, ZWJ and tatweel join or stretch, they do not separate
            case "’": out.append("'")
            default: out.append(scalar)
            }
        }
        return String(out).precomposedStringWithCanonicalMapping.replacingOccurrences(of: "ё", with: "е")
    }

    /// Words that end in a dot without ending a sentence.
    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "capt", "sen", "rep", "gov", "no", "vs", "approx", "est", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "inc", "co", "corp", "ltd", "jr",
        "sr", "e.g", "i.e", "etc", "al", "mt", "ft", "km", "pt", "no", "jl", "kab", "kec", "prov", "г", "гг", "т", "д", "ул", "им",
        "см", "стр", "тыс", "млн", "млрд", "руб", "долл", "проф", "акад", "ген",
    ]

    /// Sentence ranges: a sentence ends at . ! ? ؟ … (not after an abbreviation or inside a number) followed by space, or at a line break.
    private static func sentences(in scalars: [Unicode.Scalar], words: [Word]) -> [Range<Int>] {
        var wordEndingAt: [Int: Int] = [:]
        for (k, w) in words.enumerated() { wordEndingAt[w.range.upperBound] = k }
        var sentences: [Range<Int>] = []
        var start = 0
        func close(_ end: Int) {
            var a = start, b = end
            while a < b, scalars[a].properties.isWhitespace { a += 1 }
            while b > a, scalars[b - 1].properties.isWhitespace { b -= 1 }
            if a < b { sentences.append(a..<b) }
            start = end
        }
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s == "\n" || s == "\r" {
                close(i + 1)
            } else if s == "." || s == "!" || s == "?" || s == "؟" || s == "…" || s == "。" {
                var j = i + 1
                while j < scalars.count, ["\"", "”", "“", "»", "'", "’", ")", "."].contains(scalars[j]) { j += 1 }
                var abbreviation = false, lowercaseWordBefore = false
                if let k = wordEndingAt[i] {
                    let word = words[k].folded
                    abbreviation = s == "." && (abbreviations.contains(word) || (word.count == 1 && words[k].isCapitalised))
                    lowercaseWordBefore = word.count >= 2 && scalars[words[k].range.upperBound - 1].properties.isLowercase
                }
                // Scraped text drops the space: "…in Ukraine.In a press briefing" ends a sentence too.
                let glued = j < scalars.count && lowercaseWordBefore && scalars[j].properties.isUppercase
                let atEnd = j >= scalars.count || scalars[j].properties.isWhitespace || glued
                if atEnd && !abbreviation { close(j) ; i = j; continue }
            }
            i += 1
        }
        close(scalars.count)
        return sentences
    }
}
