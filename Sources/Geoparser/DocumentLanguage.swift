/// Which document language a text is in: Russian for mostly Cyrillic words, Persian for mostly
/// Arabic-script ones, else Indonesian or English by their commonest function words.
public enum DocumentLanguage {
    private static let indonesian: Set<String> = ["yang", "dan", "di", "ke", "dari", "dengan", "untuk", "ini", "itu", "tidak", "akan", "pada",
                                                  "dalam", "telah", "oleh", "bahwa"]
    private static let english: Set<String> = ["the", "and", "of", "to", "in", "that", "with", "for", "from", "was", "were", "has", "have",
                                                "by", "on", "is"]

    /// The same words, each packed by `packedLowercase`, so that an ASCII word is looked up without making a string.
    private static let indonesianPacked = Set(indonesian.map { Array($0.utf8).withUnsafeBufferPointer(packedLowercase)! })
    private static let englishPacked = Set(english.map { Array($0.utf8).withUnsafeBufferPointer(packedLowercase)! })

    /// A word of up to 8 ASCII bytes, lowercased, in one integer; nil for a longer word or one with other bytes (looked up as a string).
    private static func packedLowercase(_ word: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard word.count <= 8 else { return nil }
        var packed: UInt64 = 0
        for byte in word {
            guard byte < 0x80 else { return nil }
            packed = packed << 8 | UInt64(byte &- 0x41 < 26 ? byte | 0x20 : byte)
        }
        return packed
    }

    /// `en`, `id`, `ru` or `fa`, judged from the first 64 KiB of UTF-8 text.
    public static func guess(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let sample = UnsafeBufferPointer(rebasing: bytes[0..<min(bytes.count, 1 << 16)])
        var counts = Counts()
        for token in Tokenizer.tokens(in: sample) { counts.add(token, in: sample) }
        return counts.language
    }

    /// The same judgement from `tokens`, the text's words from its start over at least its first 64 KiB as
    /// `Tokenizer` cut them: only a word across the 64 KiB mark is cut again, as `guess(_:)` cuts it.
    static func guess(_ bytes: UnsafeBufferPointer<UInt8>, startingWith tokens: [Token]) -> String {
        let sample = UnsafeBufferPointer(rebasing: bytes[0..<min(bytes.count, 1 << 16)])
        var counts = Counts()
        var end = 0
        for token in tokens {
            guard token.byteEnd <= sample.count else { break }
            counts.add(token, in: sample)
            end = token.byteEnd
        }
        for token in Tokenizer.tokens(in: sample, from: end, to: sample.count, scalarStart: 0).tokens { counts.add(token, in: sample) }
        return counts.language
    }

    /// Words counted by script, and the Latin ones by language.
    private struct Counts {
        var cyrillic = 0, arabic = 0, latin = 0, id = 0, en = 0

        mutating func add(_ token: Token, in sample: UnsafeBufferPointer<UInt8>) {
            let first = sample[token.byteStart]
            if first < 0x80 {
                latin += 1
                guard token.byteEnd - token.byteStart <= 6 else { return }
                let bytes = UnsafeBufferPointer(rebasing: sample[token.byteStart..<token.byteEnd])
                if let packed = packedLowercase(bytes) {
                    if indonesianPacked.contains(packed) { id += 1 }
                    if englishPacked.contains(packed) { en += 1 }
                    return
                }
                let word = String(decoding: bytes, as: UTF8.self).lowercased()
                if indonesian.contains(word) { id += 1 }
                if english.contains(word) { en += 1 }
            } else if first == 0xD0 || first == 0xD1 {
                cyrillic += 1
            } else if (0xD8...0xDB).contains(first) {
                arabic += 1
            }
        }

        var language: String {
            if cyrillic > latin && cyrillic >= arabic { return "ru" }
            if arabic > latin { return "fa" }
            return id > en ? "id" : "en"
        }
    }

    /// The language of a string (see `guess(_:)` for bytes).
    public static func guess(_ text: String) -> String {
        var text = text
        return text.withUTF8 { guess($0) }
    }
}
