/// Words of place names that are also common words of the document languages, and how common:
/// their Zipf frequency in English, Indonesian, Russian and Persian (wordfreq; 3 is once per million
/// words, 6 once per thousand), from `gazetteer/world/common_words.tsv`.
///
/// No place is dropped for having such a name: the geoparser asks for evidence when it meets one
/// ("Rajin" in an Indonesian text, where *rajin* means diligent; خبر, "news", in Persian).
public enum CommonWords {
    /// The document languages the table has a column for, in its column order.
    public static let languages = ["en", "id", "ru", "fa"]

    /// Every row of the table: a folded word (`NameNormalizer.key`) and its Zipf frequency in each of
    /// `languages` (0 where it is rare). Read from the embedded TSV on each call: for building the
    /// name automaton, which keeps the rows its names can meet (`NameAutomaton.zipf`).
    public static func rows() -> [(word: String, zipf: [Float])] {
        var rows: [(word: String, zipf: [Float])] = []
        for record in EmbeddedRecords.records(in: "world") where record.path.hasSuffix("/common_words.tsv") {
            for line in record.json.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard fields.count >= 2 else { continue }
                rows.append((String(fields[0]), (1...languages.count).map { $0 < fields.count ? Float(fields[$0]) ?? 0 : 0 }))
            }
        }
        return rows
    }
}
