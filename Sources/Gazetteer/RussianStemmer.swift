/// Strips Russian case endings so that inflected place names meet their dictionary forms:
/// Москва, Москве, Москвы, Москвой → москв; Каспийское море, в Каспийском море → каспийск мор;
/// Астрахань, Астраханью → астрахан; Елабуга, Елабуге → елабуг; Набережные Челны, в Набережных
/// Челнах → набережн челн.
///
/// One ending is removed, the longest that leaves a stem of at least three letters. Nouns in -ия
/// and -ея keep their и and е (Россия, Россией → росси; Корея, в Корее → коре), so -ией and -ее are
/// not endings of their own. Both the
/// gazetteer's names and the text's words go through the same function, so they meet in the middle.
/// It lives in Gazetteer because both the geoparser (text) and the resolver (typed names) use it.
public enum RussianStemmer {
    private static let endings: [[Unicode.Scalar]] = [
        "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими",
        "ой", "ей", "ом", "ем", "ам", "ям", "ах", "ях", "ую", "юю", "ая", "яя", "ое", "ые", "ие", "ый", "ий", "ых", "их", "ым", "им",
        "ью", "ов", "ев",
        "ы", "и", "а", "я", "е", "у", "ю", "о", "ь", "й",
    ].map { Array($0.unicodeScalars) }

    /// True for words written in Cyrillic, which are the ones stemmed.
    public static func isCyrillic(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first else { return false }
        return (0x400...0x4FF).contains(first.value)
    }

    /// The stem of a folded Cyrillic word (`NameNormalizer.key`: lowercase, й composed, no combining marks,
    /// so each letter is one scalar and scalars can be compared without grapheme breaking).
    public static func stem(_ word: String) -> String {
        let letters = Array(word.unicodeScalars)
        for ending in endings where letters.count - ending.count >= 3 && letters.suffix(ending.count).elementsEqual(ending) {
            return String(String.UnicodeScalarView(letters.dropLast(ending.count)))
        }
        return word
    }

    /// The stems a folded Cyrillic name word answers to in text, as the geoparser's name trie builds them: its
    /// own stem; its whole form when it ends in -ов, -ев, -ин or -ын (Харькове, Харькова stem to харьков);
    /// and the stem of its genitive when it ends in -ай, -яй, -уй or -ей (Китая stems to кит, not кита).
    public static func answeringStems(ofNameWord word: String) -> [String] {
        var stems = [stem(word)]
        if stems[0] != word, ["ов", "ев", "ин", "ын"].contains(where: word.hasSuffix) { stems.append(word) }
        if ["ай", "яй", "уй", "ей"].contains(where: word.hasSuffix) {
            let genitive = stem(String(word.unicodeScalars.dropLast()) + "я")
            if genitive != stems[0] { stems.append(genitive) }
        }
        return stems
    }
}
