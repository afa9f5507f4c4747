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
        add(places, startingAt: 0)
    }

    /// Indexes the names of `places`, the first of which is place number `start`.
    mutating func add(_ places: [Place], startingAt start: Int) {
        for (i, place) in places.enumerated() {
            Self.forEachName(of: place) { name, kind, language in add(name, NameEntry(placeIndex: start + i, kind: kind, name: name, language: language)) }
        }
    }

    /// Every way a place can be named, in index order: its English name, its id, then its names and
    /// abbreviations by language (English first), each with how it matches and its language.
    static func forEachName(of place: Place, _ body: (String, MatchKind, String?) -> Void) {
        body(place.name, .name, "en")
        body(place.id, .id, nil)
        let languages = place.names.merging(place.abbreviations, uniquingKeysWith: +)
            .sorted { ($0.key == "en" ? 0 : 1, $0.key) < ($1.key == "en" ? 0 : 1, $1.key) }
        for (language, names) in languages {
            let kind: MatchKind = Languages.documentLanguages.contains(language) ? .documentLanguageAlias : .otherLanguageAlias
            for name in names { body(name, kind, language) }
        }
    }

    /// Whether a new way (`kind`) of naming a place replaces the one a key already holds for it:
    /// one entry per place and key, its strongest, but a place's own name rather than an id spelled the same.
    static func replaces(_ kind: MatchKind, _ existing: MatchKind) -> Bool {
        kind < existing && !(kind == .id && existing == .name)
    }

    private mutating func add(_ name: String, _ entry: NameEntry) {
        let key = NameNormalizer.key(name)
        guard !key.isEmpty else { return }
        var list = entries[key, default: []]
        if let existing = list.firstIndex(where: { $0.placeIndex == entry.placeIndex }) {
            if Self.replaces(entry.kind, list[existing].kind) { list[existing] = entry }
        } else {
            list.append(entry)
        }
        entries[key] = list
    }
}
