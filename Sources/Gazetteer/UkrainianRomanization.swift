/// The spellings English-language reports use for Ukrainian places, from the spellings GeoNames gives.
///
/// GeoNames romanises Ukrainian names in the BGN/PCGN style (Avdiyivka, Kupyansk, Izyum,
/// Kostyantynivka, Dzhankoy); Ukraine's own national system of 2010, which news agencies follow,
/// writes ї, я, ю, є inside a word as i, ia, iu, ie and й after a vowel as i (Avdiivka, Kupiansk,
/// Izium, Kostiantynivka, Dzhankoi), and -iia is often shortened to -ia (Feodosia).
enum UkrainianRomanization {
    /// The national-system spellings of a BGN-style name that differ from it (none when it has no such letters).
    static func nationalVariants(of name: String) -> [String] {
        let letters = Array(name)
        var out: [Character] = []
        var i = 0
        func isVowel(_ c: Character) -> Bool { "aeiouy".contains(c.lowercased()) }
        while i < letters.count {
            let c = letters[i]
            let atWordStart = i == 0 || !letters[i - 1].isLetter
            let next = i + 1 < letters.count ? letters[i + 1] : nil
            if c == "y", !atWordStart, let next, "aeu".contains(next) {
                out += ["i", next]  // я, є, ю inside a word: ya, ye, yu → ia, ie, iu
                i += 2
                continue
            }
            if c == "y", !atWordStart, isVowel(letters[i - 1]), next == "i" {
                out.append("i")  // ї after a vowel: Avdiyivka → Avdiivka, Kyyiv → Kyiv (after a consonant, "yi" is и and ї: Kyiv)
                i += 2
                continue
            }
            if c == "y", !atWordStart, isVowel(letters[i - 1]), next.map({ !$0.isLetter || !isVowel($0) }) ?? true {
                out.append("i")  // й after a vowel: Dzhankoy → Dzhankoi
                i += 1
                continue
            }
            if c != "'" && c != "’" { out.append(c) }
            i += 1
        }
        let national = String(out)
        var variants = national == name ? [] : [national]
        if national.hasSuffix("iia") { variants.append(String(national.dropLast(2)) + "a") }  // Feodosiia → Feodosia
        return variants
    }
}
