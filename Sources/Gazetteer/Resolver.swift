/// A place that a query matched, and how.
public struct PlaceMatch: Sendable, Equatable {
    /// The place.
    public let place: Place
    /// How the query met it.
    public let kind: MatchKind
    /// The gazetteer name (or id) that matched.
    public let matchedName: String
    /// Language of the matched name, nil for an id.
    public let language: String?

    /// A match; `Gazetteer.resolve` makes these, and data files naming a place by id make `.id` ones.
    public init(place: Place, kind: MatchKind, matchedName: String, language: String?) {
        self.place = place
        self.kind = kind
        self.matchedName = matchedName
        self.language = language
    }

    /// Why this match ranks where it does, for people: "Russian name 'Алабуга'".
    public var reason: String {
        switch kind {
        case .id: "id '\(matchedName)'"
        case .name: "English name '\(matchedName)'"
        case .documentLanguageAlias, .otherLanguageAlias: "\(Languages.name(of: language)) name '\(matchedName)'"
        }
    }
}

/// What resolving a name gave.
public enum Resolution: Sendable {
    /// One place ranks first; weaker matches of the same name are listed, ranked, in `alternatives`.
    case resolved(PlaceMatch, alternatives: [PlaceMatch])
    /// Several places match equally well: the caller must choose (by id).
    case ambiguous([PlaceMatch])
    /// Nothing matches; up to three near names are suggested.
    case unknown(suggestions: [PlaceMatch])
}

extension Gazetteer {
    /// Resolves a name, alias or id, ignoring case, diacritics, punctuation and spacing.
    ///
    /// Matches rank id > English name > name in a document language (en, id, ru, fa) > name in another language.
    /// A tie at the top is ambiguous, never a guess.
    public func resolve(_ query: String) -> Resolution {
        let key = NameNormalizer.key(query)
        let matches = (index.entries[key] ?? [])
            .sorted { ($0.kind, places[$0.placeIndex].id) < ($1.kind, places[$1.placeIndex].id) }
            .map(match)
        guard let best = matches.first else { return .unknown(suggestions: suggestions(for: key)) }
        let tied = matches.prefix { $0.kind == best.kind }
        if tied.count > 1 { return .ambiguous(matches) }
        return .resolved(best, alternatives: Array(matches.dropFirst()))
    }

    /// Up to `limit` places whose names are within a small edit distance of the query key.
    func suggestions(for key: String, limit: Int = 3) -> [PlaceMatch] {
        guard !key.isEmpty else { return [] }
        let budget = max(1, min(3, key.count / 3))
        var best: [Int: (distance: Int, entry: NameEntry)] = [:]
        for (candidate, entries) in index.entries {
            guard abs(candidate.count - key.count) <= budget,
                  let distance = EditDistance.bounded(key, candidate, limit: budget) else { continue }
            for entry in entries where best[entry.placeIndex].map({ distance < $0.distance }) ?? true {
                best[entry.placeIndex] = (distance, entry)
            }
        }
        return best.values
            .sorted { ($0.distance, $0.entry.kind, $0.entry.name) < ($1.distance, $1.entry.kind, $1.entry.name) }
            .prefix(limit)
            .map { match($0.entry) }
    }

    private func match(_ entry: NameEntry) -> PlaceMatch {
        PlaceMatch(place: places[entry.placeIndex], kind: entry.kind, matchedName: entry.name, language: entry.language)
    }
}
