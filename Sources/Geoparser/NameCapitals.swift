import Gazetteer

/// Which words of a gazetteer name the text must write with a capital.
///
/// Russian writes the generic word after a name's first word in lower case ("Канарские острова",
/// "Центральноафриканской республики", "Баренцево море"), where iso-codes and GeoNames often capitalise it
/// ("Канарские Острова"); such a word matches in either case. Every other capitalised word must stay capitalised.
enum NameCapitals {
    /// For each word of `name` (its `tokens`), whether the text must write it capitalised.
    static func required(_ tokens: [Token], in utf8: [UInt8]) -> [Bool] {
        tokens.enumerated().map { k, token in
            guard token.isCapitalised, k > 0 else { return token.isCapitalised }
            let word = NameNormalizer.key(String(decoding: utf8[token.byteStart..<token.byteEnd], as: UTF8.self))
            return !russianGenericWords.contains(word)
        }
    }

    /// Russian generic words of place names, folded (ё as е), in the forms names hold them.
    static let russianGenericWords: Set<String> = [
        "республика", "острова", "остров", "море", "залив", "пролив", "полуостров", "озеро", "река", "область", "край",
        "округ", "провинция", "штат", "княжество", "королевство", "федерация", "эмираты", "территория", "нагорье",
    ]
}
