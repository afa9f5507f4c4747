/// Which of the four document languages a report is in, by script and, for Latin script, by its commonest words.
enum ReportLanguage {
    private static let indonesian: Set<String> = ["yang", "dan", "di", "ke", "dari", "dengan", "untuk", "ini", "itu", "tidak", "akan", "pada", "dalam", "telah", "oleh", "bahwa"]
    private static let english: Set<String> = ["the", "and", "of", "to", "in", "that", "with", "for", "from", "was", "were", "has", "have", "by", "on", "is"]

    /// `ru` for mostly Cyrillic words, `fa` for mostly Arabic-script words, else `id` or `en` by function words.
    static func guess(_ text: ReportText) -> String {
        var cyrillic = 0, arabic = 0, latin = 0, id = 0, en = 0
        for word in text.words {
            guard let first = word.folded.unicodeScalars.first else { continue }
            switch first.value {
            case 0x0400...0x04FF: cyrillic += 1
            case 0x0600...0x06FF: arabic += 1
            default:
                latin += 1
                if indonesian.contains(word.folded) { id += 1 }
                if english.contains(word.folded) { en += 1 }
            }
        }
        if cyrillic > latin && cyrillic >= arabic { return "ru" }
        if arabic > latin { return "fa" }
        return id > en ? "id" : "en"
    }
}
