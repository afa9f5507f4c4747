import Gazetteer

/// The form a word is matched in: folded (case, diacritics) and, for Cyrillic, stemmed.
enum TokenKey {
    /// The key of one word as written.
    static func key(_ word: String) -> String {
        key(folded: NameNormalizer.key(word))
    }

    /// The key of a word already folded by `NameNormalizer.key`.
    static func key(folded: String) -> String {
        RussianStemmer.isCyrillic(folded) ? RussianStemmer.stem(folded) : folded
    }
}
