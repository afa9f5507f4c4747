import Gazetteer

/// The form a word is matched in: folded (case, diacritics) and, for Cyrillic, stemmed.
enum TokenKey {
    /// The key of one word as written.
    static func key(_ word: String) -> String {
        let folded = NameNormalizer.key(word)
        return RussianStemmer.isCyrillic(folded) ? RussianStemmer.stem(folded) : folded
    }

    /// The key of an ASCII word: its lowercase form, made without going through Unicode folding.
    static func asciiKey(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { out in
            for (i, b) in bytes.enumerated() { out[i] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
            return bytes.count
        }
    }
}
