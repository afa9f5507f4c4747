/// How a query met a place's name; lower ranks are stronger.
public enum MatchKind: Int, Comparable, Sendable, CustomStringConvertible {
    /// The query is the place's id.
    case id = 0
    /// The query is the place's English name.
    case name = 1
    /// The query is a name or abbreviation in a language routemap reads documents in (en, id, ru, fa).
    case documentLanguageAlias = 2
    /// The query is a name in another language.
    case otherLanguageAlias = 3

    public static func < (a: MatchKind, b: MatchKind) -> Bool { a.rawValue < b.rawValue }

    public var description: String {
        switch self {
        case .id: "id"
        case .name: "English name"
        case .documentLanguageAlias: "name"
        case .otherLanguageAlias: "name in another language"
        }
    }
}

/// One way a normalised name leads to a place.
struct NameEntry: Sendable {
    let placeIndex: Int
    let kind: MatchKind
    /// The name as written in the gazetteer.
    let name: String
    /// Language code of the name, or nil for ids and English names.
    let language: String?
}

/// Normalised names → places, built once per gazetteer.
struct NameIndex: Sendable {
    private(set) var entries: [String: [NameEntry]] = [:]

    /// Entries read back from a compiled index, already keyed.
    init(entries: [String: [NameEntry]]) {
        self.entries = entries
    }

    init(places: [Place]) {
        for (i, place) in places.enumerated() {
            add(place.name, NameEntry(placeIndex: i, kind: .name, name: place.name, language: "en"))
            add(place.id, NameEntry(placeIndex: i, kind: .id, name: place.id, language: nil))
            let languages = place.names.merging(place.abbreviations, uniquingKeysWith: +)
                .sorted { ($0.key == "en" ? 0 : 1, $0.key) < ($1.key == "en" ? 0 : 1, $1.key) }
            for (language, names) in languages {
                let kind: MatchKind = Languages.documentLanguages.contains(language) ? .documentLanguageAlias : .otherLanguageAlias
                for name in names { add(name, NameEntry(placeIndex: i, kind: kind, name: name, language: language)) }
            }
        }
    }

    private mutating func add(_ name: String, _ entry: NameEntry) {
        let key = NameNormalizer.key(name)
        guard !key.isEmpty else { return }
        var list = entries[key, default: []]
        // Keep one entry per place: its strongest, but report a place's own name rather than an id spelled the same.
        if let existing = list.firstIndex(where: { $0.placeIndex == entry.placeIndex }) {
            if entry.kind < list[existing].kind, !(entry.kind == .id && list[existing].kind == .name) { list[existing] = entry }
        } else {
            list.append(entry)
        }
        entries[key] = list
    }
}
