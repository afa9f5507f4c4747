/// A fixed set of words that answers exactly as a `Set<String>` of them would (canonical equivalence), but looks an
/// all-ASCII word up by its bytes: no `String` built, no `Hasher`, no normalisation.
///
/// Why that is the same answer: an all-ASCII string is canonically equivalent only to itself and to strings that hold, beside
/// ASCII, only the three characters that decompose to ASCII (KELVIN SIGN U+212A, GREEK QUESTION MARK U+037E, GREEK VARIA
/// U+1FEF). A set with a member holding one of them looks every word up as a string. Any other word is looked up as a string.
struct WordSet: ExpressibleByArrayLiteral, Sendable {
    private let strings: Set<String>
    /// The all-ASCII members, by their bytes; nil when a member rules the byte lookup out.
    private let ascii: ByteKeyTable?
    /// The all-ASCII members without a capital, met by a word's bytes with A–Z folded: what a lowercased ASCII word can equal.
    private let asciiLowercase: ByteKeyTable?

    /// The set of `words`.
    init(_ words: some Sequence<String>) {
        strings = Set(words)
        let byBytes = !strings.contains { $0.unicodeScalars.contains { $0 == "\u{212A}" || $0 == "\u{037E}" || $0 == "\u{1FEF}" } }
        var exact = ByteKeyTable(capacity: strings.count, foldingASCIICase: false)
        var lowercase = ByteKeyTable(capacity: strings.count, foldingASCIICase: true)
        for word in strings where word.utf8.allSatisfy({ $0 < 0x80 }) {
            exact.insert(word, 0)
            if !word.utf8.contains(where: { $0 &- 0x41 < 26 }) { lowercase.insert(word, 0) }
        }
        (ascii, asciiLowercase) = byBytes ? (exact, lowercase) : (nil, nil)
    }

    /// The set of the literal's words.
    init(arrayLiteral words: String...) {
        self.init(words)
    }

    /// This set without `words`.
    func subtracting(_ words: [String]) -> WordSet {
        WordSet(strings.subtracting(words))
    }

    /// True when `word` is a member.
    func contains(_ word: String) -> Bool {
        if let ascii, let found = word.utf8.withContiguousStorageIfAvailable({ Self.isASCII($0) ? ascii.value(for: $0) != nil : nil }), let found {
            return found
        }
        return strings.contains(word)
    }

    /// True when the word written in these UTF-8 bytes is a member.
    func contains(utf8 word: UnsafeBufferPointer<UInt8>) -> Bool {
        if let ascii, Self.isASCII(word) { return ascii.value(for: word) != nil }
        return strings.contains(String(decoding: word, as: UTF8.self))
    }

    /// True when the word written in these UTF-8 bytes, lowercased (`String.lowercased()`), is a member.
    func containsLowercased(utf8 word: UnsafeBufferPointer<UInt8>) -> Bool {
        if let asciiLowercase, Self.isASCII(word) { return asciiLowercase.value(for: word) != nil }
        return strings.contains(String(decoding: word, as: UTF8.self).lowercased())
    }

    @inline(__always)
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 }
    }
}
