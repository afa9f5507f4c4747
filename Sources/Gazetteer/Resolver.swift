import Foundation

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

    /// Why this match ranks where it does, for people: "Russian name 'Алабуга'; a city of 72,643 people (geonames)".
    public var reason: String {
        let how = switch kind {
        case .id: "id '\(matchedName)'"
        case .name: "English name '\(matchedName)'"
        case .documentLanguageAlias, .otherLanguageAlias: "\(Languages.name(of: language)) name '\(matchedName)'"
        }
        let population = place.population.map { " of \(Self.grouped($0)) people" } ?? ""
        return "\(how); \(place.source == "curated" ? "curated" : "imported (\(place.source))") \(place.kind.rawValue)\(population)\(place.country.map { " in \($0)" } ?? "")"
    }

    /// 72643 → "72,643".
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        return String(digits.enumerated().flatMap { i, d in (i > 0 && (digits.count - i) % 3 == 0) ? [",", d] : [d] })
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
    /// Matches rank: an exact id first; then curated places before imported ones (a curated alias
    /// such as "Amirabad" for the port beats a GeoNames village named Amirabad); then by how they
    /// matched (English name > name in a document language (en, id, ru, fa) > name in another
    /// language); then by kind (country, continent, union, sea, city, port, facility, region,
    /// building, village, other feature); then by population. Places equal on all of these are
    /// ambiguous: never a guess. A country narrows the search: `Amirabad@IR`, `Amirabad, Iran`.
    public func resolve(_ query: String) -> Resolution {
        resolve([query])[0]
    }

    /// Resolves many names as `resolve` does one; the near names of every unknown one come from a
    /// single scan of the gazetteer's names (3,000 unknown names cost about one scan, not 3,000).
    public func resolve(_ queries: [String]) -> [Resolution] {
        var resolutions: [Resolution?] = []
        var unknown: [(index: Int, key: String, country: String?)] = []
        for query in queries {
            let matches = candidates(for: query)
            guard let best = matches.first else {
                let (name, qualifier) = Self.qualified(query)
                // A name known elsewhere than the country asked for: suggest it where it is.
                let elsewhere = name == query ? [] : candidates(for: name)
                if elsewhere.isEmpty {
                    unknown.append((resolutions.count, NameNormalizer.key(name), qualifier.flatMap(country(named:))))
                    resolutions.append(nil)
                } else {
                    resolutions.append(.unknown(suggestions: Array(elsewhere.prefix(3))))
                }
                continue
            }
            let tied = matches.prefix { rank($0).tie == rank(best).tie }
            resolutions.append(tied.count > 1 ? .ambiguous(Array(tied)) : .resolved(best, alternatives: Array(matches.dropFirst())))
        }
        if !unknown.isEmpty {
            for (slot, near) in zip(unknown, suggestions(forKeys: unknown.map(\.key))) { resolutions[slot.index] = .unknown(suggestions: near) }
        }
        return resolutions.map { $0! }
    }

    /// Every place the query names, strongest first, ranked as `resolve` ranks them.
    public func candidates(for query: String) -> [PlaceMatch] {
        // `@` always qualifies; a comma only when the whole text is no name ("Washington, D.C." is one).
        let whole = query.contains("@") ? [] : lookUp(NameNormalizer.key(query))
        let (name, qualifier) = whole.isEmpty ? Self.qualified(query) : (query, nil)
        var matches = (whole.isEmpty ? lookUp(NameNormalizer.key(name)) : whole).map(match)
        if let qualifier, let country = country(named: qualifier) {
            matches.removeAll { $0.place.country != country }
        } else if qualifier != nil {
            matches = []
        }
        return matches.sorted { a, b in
            let (ra, rb) = (rank(a), rank(b))
            return ra.tie != rb.tie ? ra.tie.lexicographicallyPrecedes(rb.tie) : ra.id < rb.id
        }
    }

    /// The entries of a key as written, or else of the names it meets in a Russian case form ("Приморского края"),
    /// one per place, its strongest.
    func lookUp(_ key: String) -> [NameEntry] {
        let exact = entries(forKey: key)
        guard exact.isEmpty else { return exact }
        var strongest: [Int: NameEntry] = [:]
        for entry in inflectedEntries(forKey: key) where strongest[entry.placeIndex].map({ entry.kind < $0.kind }) ?? true {
            strongest[entry.placeIndex] = entry
        }
        return strongest.values.sorted { $0.placeIndex < $1.placeIndex }
    }

    /// `Amirabad@IR` → ("Amirabad", "IR"); `Amirabad, Iran` → ("Amirabad", "Iran"); else (query, nil).
    public static func qualified(_ query: String) -> (name: String, qualifier: String?) {
        for separator in ["@", ","] {
            guard let cut = query.range(of: separator, options: .backwards) else { continue }
            let name = query[..<cut.lowerBound].trimmingCharacters(in: .whitespaces)
            let qualifier = query[cut.upperBound...].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty, !qualifier.isEmpty { return (name, qualifier) }
        }
        return (query, nil)
    }

    /// The ISO code of the country a qualifier names: a code (`IR`) or a country's name in any language (`Iran`, `Иран`).
    func country(named qualifier: String) -> String? {
        if qualifier.count == 2, qualifier.allSatisfy({ $0.isASCII && $0.isLetter }) { return qualifier.uppercased() }
        return lookUp(NameNormalizer.key(qualifier)).lazy.map { self.place(at: $0.placeIndex) }.first { $0.kind == .country }?.country
    }

    /// The ranking key of a match, and the part of it that decides ties.
    private func rank(_ m: PlaceMatch) -> (tie: [Int], id: String) {
        ([m.kind == .id ? 0 : 1, m.place.source == "curated" ? 0 : 1, m.kind.rawValue, Self.kindRank(m.place.kind), -(m.place.population ?? 0)], m.place.id)
    }

    /// Where a kind ranks when names tie, lowest first: countries, continents, unions, waters (seas, straits, rivers…), cities … villages, features.
    public static func kindRank(_ kind: PlaceKind) -> Int {
        switch kind {
        case .country: 0
        case .continent: 1
        case .union, .macroRegion: 2
        case .ocean, .sea, .gulf, .bay, .strait, .river, .canal, .lake: 3
        case .city: 4
        case .port: 5
        case .facility: 6
        case .region, .island: 7
        case .building: 8
        case .village: 9
        case .feature: 10
        }
    }

    /// Up to `limit` places whose names are within a small edit distance of the query key, ranked so that a
    /// near spelling in the query's script, a place's own or document-language name, and a place in the
    /// country asked for (`Vostochny@RU`) come first.
    func suggestions(for key: String, country: String? = nil, limit: Int = 3) -> [PlaceMatch] {
        suggestions(forKeys: [key], countries: [country], limit: limit)[0]
    }

    /// Up to `limit` near places for each query key (and the country, if any, its query asked for),
    /// from one scan of the names, each list ranked as `suggestions(for:country:limit:)` ranks it.
    ///
    /// Bounded however long the queries or large the gazetteer: a key is decoded once and compared
    /// only with the queries whose UTF-8 length it could reach in the budget of edits, and whose
    /// letters it holds but for that budget (a 64-bit mask of each name's letters: an edit removes
    /// at most one of them), before any edit distance is computed; the banded edit distance gives up
    /// as soon as a row passes the budget; a query longer than a place name may be has no suggestions.
    func suggestions(forKeys keys: [String], countries: [String?] = [], limit: Int = 3) -> [[PlaceMatch]] {
        var matchers: [NearKeyMatcher] = []
        var queryOf: [Int] = []  // matcher → query
        for (index, key) in keys.enumerated() {
            let length = key.unicodeScalars.count
            guard length > 0, length <= NameNormalizer.maximumNameLength + 3 else { continue }
            matchers.append(NearKeyMatcher(query: key, limit: max(1, min(3, length / 3))))
            queryOf.append(index)
        }
        var best = Array(repeating: [Int: (distance: Int, entry: NameEntry)](), count: keys.count)
        if !matchers.isEmpty {
            // Matchers by the UTF-8 length of their query, to find those a key's length can reach; their
            // lengths, scalar counts, budgets and letter masks in flat arrays, for tests that cost no copying.
            let order = matchers.indices.sorted { matchers[$0].byteCount < matchers[$1].byteCount }
            let lengths = order.map { matchers[$0].byteCount }, counts = order.map { matchers[$0].query.count }
            let limits = order.map { matchers[$0].limit }, masks = order.map { matchers[$0].mask }
            var key = NearKeyMatcher.Key()
            forEachNameKeyBytes { bytes, _, entries in
                // An edit changes a key by at most 4 bytes (one scalar), and the budget is at most 3 edits.
                var at = Self.lowerBound(lengths, bytes.count - 12)
                guard at < lengths.count, lengths[at] <= bytes.count + 12 else { return }
                key.decode(bytes)
                let keyMask = key.mask, keyCount = key.scalars.count
                var read: [NameEntry]?
                while at < lengths.count, lengths[at] <= bytes.count + 12 {
                    let limit = limits[at]
                    defer { at += 1 }
                    guard abs(bytes.count - lengths[at]) <= 4 * limit, abs(keyCount - counts[at]) <= limit,
                          (masks[at] & ~keyMask).nonzeroBitCount <= limit, (keyMask & ~masks[at]).nonzeroBitCount <= limit,
                          let distance = matchers[order[at]].distance(to: key) else { continue }
                    if read == nil { read = entries() }
                    let query = queryOf[order[at]]
                    for entry in read! where best[query][entry.placeIndex].map({ distance < $0.distance }) ?? true {
                        best[query][entry.placeIndex] = (distance, entry)
                    }
                }
            }
        }
        // Nearest first; among equally near names, the query's script, then the country asked for, then a place's
        // own or document-language name over another language's (Boston's Latin-script 'Vostoni'), curated places,
        // kind, and bigger places.
        return best.enumerated().map { query, found in
            guard !found.isEmpty else { return [] }
            let script = Self.script(of: keys[query])
            let country = query < countries.count ? countries[query] : nil
            func rank(_ suggestion: (distance: Int, entry: NameEntry)) -> [Int] {
                let place = place(at: suggestion.entry.placeIndex)
                return [suggestion.distance, Self.script(of: NameNormalizer.key(suggestion.entry.name)) == script ? 0 : 1,
                        country.map { place.country == $0 ? 0 : 1 } ?? 0, suggestion.entry.kind.rawValue,
                        place.source == "curated" ? 0 : 1, Self.kindRank(place.kind), -(place.population ?? 0)]
            }
            return found.values
                .map { (rank: rank($0), suggestion: $0) }
                .sorted { a, b in a.rank != b.rank ? a.rank.lexicographicallyPrecedes(b.rank) : a.suggestion.entry.name < b.suggestion.entry.name }
                .prefix(limit)
                .map { match($0.suggestion.entry) }
        }
    }

    /// The first index of a sorted array whose value is at least `value`.
    private static func lowerBound(_ sorted: [Int], _ value: Int) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The script a folded name is written in, by its first letter: 0 Latin and other ASCII, 1 Cyrillic, 2 Arabic, 3 any other.
    static func script(of key: String) -> Int {
        guard let first = key.unicodeScalars.first(where: { $0.properties.isAlphabetic }) else { return 0 }
        switch first.value {
        case 0..<0x250, 0x1E00..<0x1F00: return 0
        case 0x400..<0x530: return 1
        case 0x600..<0x700, 0x750..<0x780, 0xFB50..<0xFF00: return 2
        default: return 3
        }
    }

    private func match(_ entry: NameEntry) -> PlaceMatch {
        PlaceMatch(place: place(at: entry.placeIndex), kind: entry.kind, matchedName: entry.name, language: entry.language)
    }
}
