import Gazetteer

/// The form a word is matched in: folded (case, diacritics) and, for Cyrillic, stemmed.
enum TokenKey {
    /// The key of one word as written.
    static func key(_ word: String) -> String {
        let folded = NameNormalizer.key(word)
        return RussianStemmer.isCyrillic(folded) ? RussianStemmer.stem(folded) : folded
    }
}
