/// Words of place names that are also common words of the document languages, and how common:
/// their Zipf frequency in English, Indonesian, Russian and Persian (wordfreq; 3 is once per million
/// words, 6 once per thousand), from `gazetteer/world/common_words.tsv`.
///
/// No place is dropped for having such a name: the geoparser asks for evidence when it meets one
/// ("Rajin" in an Indonesian text, where *rajin* means diligent; خبر, "news", in Persian).
public enum CommonWords {
    /// The document languages the table has a column for, in its column order.
    public static let languages = ["en", "id", "ru", "fa"]

    /// How common the folded word (`NameNormalizer.key`) is in `language`; nil when it is not a common word there.
    public static func zipf(_ folded: String, in language: String) -> Double? {
        guard let column = languages.firstIndex(of: language), let row = table[folded] else { return nil }
        let value = row[column]
        return value > 0 ? Double(value) : nil
    }

    /// The table, read once from the embedded TSV (a header row `word en id ru fa`, blanks for rare).
    private static let table: [String: [Float]] = {
        var rows: [String: [Float]] = [:]
        for record in EmbeddedRecords.records(in: "world") where record.path.hasSuffix("/common_words.tsv") {
            for line in record.json.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard fields.count >= 2 else { continue }
                rows[String(fields[0])] = (1..<5).map { $0 < fields.count ? Float(fields[$0]) ?? 0 : 0 }
            }
        }
        return rows
    }()
}
