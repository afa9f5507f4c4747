/// English names of the language codes the gazetteer uses.
public enum Languages {
    /// The languages of the documents routemap reads; names in them outrank names in other languages.
    public static let documentLanguages: Set<String> = ["en", "id", "ru", "fa"]
    /// Countries whose towns' Arabic-script names of several words are Persian: "بندر جاسک" is as Persian as "جاسک". Not
    /// Afghanistan: its places' names there are Pashto or Dari spellings that take Pakistan's towns ("پسنی").
    public static let persianScriptCountries: Set<String> = ["IR"]
    /// Arab countries: Persian news writes their towns as Arabic does ("بانیاس", "حمص", "الحدیده"), so a town's Arabic-script
    /// names count as the document's in a Persian text.
    public static let arabicCountries: Set<String> = ["AE", "BH", "DZ", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA",
                                                      "SA", "SD", "SY", "TN", "YE"]
    /// Russia and the former Soviet countries: a town's Cyrillic-script name there is often the Russian spelling Russian
    /// news writes ("Варена" for Varėna), where GeoNames gives no Russian name; it counts as the document's where the
    /// document names the town's country or region. Elsewhere it may be Tatar, Ukrainian, Azerbaijani ("Алабуга", "Бакы").
    public static let russianScriptCountries: Set<String> = ["AM", "AZ", "BY", "EE", "GE", "KG", "KZ", "LT", "LV", "MD", "RU", "TJ", "TM", "UA", "UZ"]

    private static let names = [
        "en": "English", "id": "Indonesian", "ru": "Russian", "fa": "Persian", "tt": "Tatar", "uk": "Ukrainian",
        "ar": "Arabic", "de": "German", "fr": "French", "es": "Spanish", "tr": "Turkish", "zh": "Chinese",
        "latn": "Latin-script", "cyrl": "Cyrillic-script", "arab": "Arabic-script",
    ]

    /// "Russian" for "ru"; the code itself when it is not known; "any" for nil.
    public static func name(of code: String?) -> String {
        guard let code else { return "any" }
        return names[code] ?? code
    }
}
