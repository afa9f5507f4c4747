import Coordinates
import Gazetteer
import Geodesy

/// Chooses among the places a name fits, using the rest of the document.
///
/// In running text a place's English name and its names in the document languages (en, id, ru,
/// fa) are equally good evidence; a name in another language (Tatar 'Алабуга' for Yelabuga) ranks
/// lower. Among equals, the candidate that fits the places the document names unambiguously
/// (or a country, whose name beats the towns named after it) wins: inside one of them or in a country the document names (+2), a region
/// or town that holds one of them (+2: "Parana" beside Medianeira is Brazil's state, not Argentina's city), near one of them (+1 within
/// 300 km, by geodesic), in the country whose language the document is in (+2: Persian 'آبادان' is Abadan, not Ibadan), a port,
/// city or country (+1); among equals, a curated place before an imported one. The reason is kept with each mention.
struct Disambiguator {
    let gazetteer: Gazetteer
    /// The names the candidates' nodes end, and the nodes' summaries.
    let automaton: NameAutomaton
    /// The document's language (en, id, ru, fa), if known: a place in the country that writes it is likelier (`homeCountries`).
    var language: String? = nil

    /// The country whose news a document language mostly is: Persian 'آبادان' is Abadan before Ibadan. Not Russian: Russian news
    /// names Ukraine's, Belarus's and Kazakhstan's towns as often, and many share a name with a smaller Russian one ("в Донецке" is
    /// Donetsk, Ukraine, 901,645 people, not Donetsk, Rostov oblast; "Северск" beside Kostiantynivka is Siversk).
    static let homeCountries = ["fa": "IR", "id": "ID"]

    /// Resolves every candidate. Linear in the mentions: anchors are distinct places, and each distinct
    /// set of rival places is ranked once per document. Reads only the places the candidates name.
    func resolve(_ blocks: [[Geoparser.Candidate]], in bytes: UnsafeBufferPointer<UInt8>, session: Geoparser.Session) -> [Mention] {
        // Anchors: the distinct places named by a candidate whose strongest match is unique.
        var anchorSet = Set<Int>()
        for c in blocks.joined() {
            if let fitted = c.fitted {
                if let only = Self.onlyStrongestPlace(fitted) ?? Self.soleCountry(fitted, session: session) { anchorSet.insert(only) }
            } else if c.summary.anchor >= 0 {
                anchorSet.insert(Int(c.summary.anchor))
            } else {
                // "Lebanon" also names towns in the United States, but the country is named: it anchors the document too.
                let country = session.countryOfNode[c.node] ?? Self.soleCountry(session.entries(of: c.node), session: session) ?? -1
                session.countryOfNode[c.node] = country
                if country >= 0 { anchorSet.insert(country) }
            }
        }
        let anchorIndexes = anchorSet.sorted()
        // How many anchors lie in each country: a place that is itself the only one does not name its country for itself or its rivals.
        var anchorCountries: [String: Int] = [:]
        for i in anchorIndexes { if let code = session.place(i).country { anchorCountries[code, default: 0] += 1 } }
        // The regions and towns that hold an anchor: "Parana" beside Medianeira and Realeza is the Brazilian state that holds them.
        var holders: [Int: Int] = [:]
        for i in anchorIndexes {
            for a in session.ancestorIndexes(of: i) where holders[a] == nil && ![.country, .union, .continent, .macroRegion].contains(session.place(a).kind) {
                holders[a] = i
            }
        }
        let nearby = AnchorGrid(anchorIndexes.compactMap { i in
            let place = session.place(i)
            return [.country, .union, .macroRegion, .continent].contains(place.kind) ? nil : (i, place.coordinate)
        })
        // Each distinct set of rival readings is ranked once, and its alternatives built once, per document:
        // by node when all of the node's names fitted, else by the set of places and match kinds.
        var rankings: [[Int]: (winner: NameEntry, choice: Mention.Choice?)] = [:]
        var rankingsByNode: [Int32: (winner: NameEntry, choice: Mention.Choice?)] = [:]
        var nearest = NearestCache(grid: nearby)
        let namedCountries = Set(anchorIndexes.compactMap { session.place($0).kind == .country ? session.place($0).country : nil })
        var supported: [Int: Bool] = [:]
        /// A name in another language ("Tavan" for Tavannes, "Jacob" for Kayes) counts only for a place the document supports, or
        /// one written in the document's own script where that script is the place's (`writtenAtHome`).
        func keeps(_ entry: NameEntry, surface: String, cued: Bool) -> Bool {
            guard entry.kind == .otherLanguageAlias else { return true }
            if writtenAtHome(entry, place: session.place(entry.placeIndex), surface: surface, cued: cued) { return true }
            if let known = supported[entry.placeIndex] { return known }
            let found = hasSupport(entry.placeIndex, anchors: anchorSet, namedCountries: namedCountries, nearest: &nearest, session: session)
            supported[entry.placeIndex] = found
            return found
        }
        // A name a word for a kind of place cues once is cued throughout the document (one sense per discourse): "اسکله عسلویه",
        // then "از عسلویه خارج". Only Persian reads the cue, so only a Persian document is scanned for it.
        let cuedNodes = language == "fa" ? Set(blocks.joined().lazy.filter(\.cuedByPlaceType).map(\.node)) : []
        var mentions: [Mention] = []
        mentions.reserveCapacity(blocks.reduce(0) { $0 + $1.count })
        for var candidate in blocks.joined() {
            if !cuedNodes.isEmpty, cuedNodes.contains(candidate.node) { candidate.cuedByPlaceType = true }
            let surface = String(decoding: UnsafeBufferPointer(rebasing: bytes[candidate.byteRange]), as: UTF8.self)
            if candidate.fitted == nil, candidate.summary.sole >= 0 {
                let (entry, place) = session.sole(of: candidate.node, at: Int(candidate.summary.sole))
                guard keeps(entry, surface: surface, cued: candidate.cuedByPlaceType) else { continue }
                mentions.append(Mention(surface: surface, start: candidate.start, end: candidate.end, byteRange: candidate.byteRange,
                                        place: place, entry: entry, choice: nil))
                continue
            }
            let winner: NameEntry, choice: Mention.Choice?
            let sole = candidate.fitted.map(Self.soleEntry) ?? -1
            if sole >= 0 {
                winner = candidate.fitted![sole]
                choice = nil
            } else if candidate.fitted == nil, let known = rankingsByNode[candidate.node] {
                (winner, choice) = known
            } else {
                let entries = candidate.fitted ?? session.entries(of: candidate.node)
                let key = entries.map { $0.placeIndex * 4 + $0.kind.rawValue }.sorted()
                if let known = rankings[key] {
                    (winner, choice) = known
                } else {
                    (winner, choice) = rank(entries, nearest: &nearest, anchors: anchorSet, holders: holders, countries: anchorCountries, session: session)
                    rankings[key] = (winner, choice)
                }
                if candidate.fitted == nil { rankingsByNode[candidate.node] = (winner, choice) }
            }
            guard keeps(winner, surface: surface, cued: candidate.cuedByPlaceType) else { continue }
            mentions.append(Mention(surface: surface,
                                    start: candidate.start, end: candidate.end, byteRange: candidate.byteRange,
                                    place: session.place(winner.placeIndex), entry: winner, choice: choice))
        }
        return mentions
    }

    /// GeoNames' Cyrillic-script names of towns where Cyrillic is written (Russia, Ukraine, Belarus, Kazakhstan, Kyrgyzstan,
    /// Tajikistan), in a Russian document, are Russian, as written (`surface`): 3,777 Russian villages have no other ('«Пограничный»');
    /// a case form may be a surname's ("автоматов Калашникова" is no Kalashnikovo). Its Arabic-script names of Iranian and Afghan towns
    /// are Persian in a Persian document where a word for a kind of place cues them ('گمرک بازرگان', 'روستای میلک') or they have
    /// several words ('دوست محمد'); one word alone may be a Persian word ('مهاجران', migrants).
    func writtenAtHome(_ entry: NameEntry, place: Place, surface: String, cued: Bool) -> Bool {
        guard let code = place.country else { return false }
        switch (language, entry.language) {
        case ("ru", "cyrl"): return Self.cyrillicCountries.contains(code) && NameNormalizer.key(surface) == NameNormalizer.key(entry.name)
        case ("fa", "arab"): return Self.persianCountries.contains(code) && (cued || entry.words.count > 1)
        default: return false
        }
    }

    /// Countries whose towns' Cyrillic-script names are the names Russian writes: narrower than `Languages.russianScriptCountries`,
    /// whose others (the Baltic states, the South Caucasus, Moldova, Uzbekistan, Turkmenistan) write another script, so there a
    /// Cyrillic name still needs the document's support.
    static let cyrillicCountries: Set<String> = ["RU", "UA", "BY", "KZ", "KG", "TJ"]
    /// Countries whose towns' Arabic-script names are the names Persian writes.
    static let persianCountries: Set<String> = ["IR", "AF"]

    /// True when the document supports the place at `index` beyond its own name: it is well known, lies in a country the
    /// document names, or inside or within 300 km of another place it names.
    func hasSupport(_ index: Int, anchors: Set<Int>, namedCountries: Set<String>, nearest: inout NearestCache,
                    session: Geoparser.Session) -> Bool {
        if session.isWellKnown(index) { return true }
        let place = session.place(index)
        if let code = place.country, namedCountries.contains(code) { return true }
        if session.ancestorIndexes(of: index).contains(where: anchors.contains) { return true }
        return nearest.anchor(near: index, at: place.coordinate) != nil
    }

    /// An anchor within 300 km of each candidate place, looked up once per place per document.
    struct NearestCache {
        let grid: AnchorGrid
        private var known: [Int: (index: Int, distance: Double)?] = [:]

        init(grid: AnchorGrid) {
            self.grid = grid
        }

        mutating func anchor(near placeIndex: Int, at coordinate: Coordinate) -> (index: Int, distance: Double)? {
            if let cached = known[placeIndex] { return cached }
            let found = grid.anchor(near: coordinate, within: 300_000, excluding: placeIndex)
            known[placeIndex] = found
            return found
        }
    }

    /// How much a match's strength counts in text: every document-language name alike, others less.
    private static func weight(_ kind: MatchKind) -> Int {
        kind == .otherLanguageAlias ? 0 : 1
    }

    /// When every entry names one place: the index of the strongest entry, else -1.
    static func soleEntry(_ entries: [NameEntry]) -> Int {
        guard let first = entries.first, entries.allSatisfy({ $0.placeIndex == first.placeIndex }) else { return -1 }
        return entries.indices.min { entries[$0].kind < entries[$1].kind }!
    }

    /// The place of the strongest entries when they all name one place (the candidate is an anchor), without allocating.
    static func onlyStrongestPlace(_ entries: [NameEntry]) -> Int? {
        var top = -1, place = -1
        for entry in entries {
            let w = weight(entry.kind)
            if w > top {
                (top, place) = (w, entry.placeIndex)
            } else if w == top, entry.placeIndex != place {
                place = -2
            }
        }
        return place >= 0 ? place : nil
    }

    /// The country that the strongest of `entries` name, when exactly one is a country (or union) and no
    /// rival is a city of a million or a sea: it wins in any document ("Lebanon", not Lebanon, Ohio), so it is an anchor.
    static func soleCountry(_ entries: [NameEntry], session: Geoparser.Session) -> Int? {
        let top = entries.map { weight($0.kind) }.max() ?? 0
        var country: Int?
        for entry in entries where weight(entry.kind) == top {
            let place = session.place(entry.placeIndex)
            if place.kind == .country || place.kind == .union {
                if let found = country, found != entry.placeIndex { return nil }
                country = entry.placeIndex
            } else if prominence(place) >= 2 {
                return nil
            }
        }
        return country
    }

    private struct Scored {
        let entry: NameEntry
        let score: Int
        let reason: String
    }

    /// Ranks the places `entries` name. The parts of a ranking that depend on the document (inside
    /// or in the country of a place it names, near one) are worked out first; when none applies, the
    /// ranking is the same in every document, and the session keeps it for the next one.
    private func rank(_ entries: [NameEntry], nearest: inout NearestCache, anchors: Set<Int>, holders: [Int: Int], countries: [String: Int],
                      session: Geoparser.Session) -> (winner: NameEntry, choice: Mention.Choice?) {
        var byPlace: [Int: NameEntry] = [:]
        for entry in entries where byPlace[entry.placeIndex].map({ entry.kind < $0.kind }) ?? true { byPlace[entry.placeIndex] = entry }
        var context: [(entry: NameEntry, place: Place, inside: String?, country: String?, near: (index: Int, distance: Double)?, holds: String?)] = []
        var dependsOnDocument = false
        let home = language.flatMap { Self.homeCountries[$0] }
        // A country these very words name supports none of its rivals: "Тунис" is Tunisia and its capital, and the
        // country, an anchor by its name, must not lift the city that shares it.
        let ownCountries = Set(byPlace.keys.filter { anchors.contains($0) && (session.place($0).kind == .country || session.place($0).kind == .union) })
        let ownCodes = Set(ownCountries.compactMap { session.place($0).country })
        // Nor does a reading of these words that is an anchor name its country for the others ("Тихорецкая" is Tikhoretsk, an
        // anchor; its country is no evidence for a village that shares the name): a country counts with an anchor of other words.
        let ownAnchors = byPlace.keys.filter(anchors.contains)
        let othersInCountry = { (code: String) in (countries[code] ?? 0) - ownAnchors.filter { session.place($0).country == code }.count > 0 }
        for entry in byPlace.values {
            let place = session.place(entry.placeIndex)
            let inside = session.ancestorIndexes(of: entry.placeIndex).first { anchors.contains($0) && !ownCountries.contains($0) }.map { session.place($0).id }
            let country = inside == nil && place.kind != .country ? place.country.flatMap { othersInCountry($0) && !ownCodes.contains($0) ? $0 : nil } : nil
            let near = nearest.anchor(near: entry.placeIndex, at: place.coordinate)
            let atHome = home != nil && place.country == home && place.kind != .country
            // An anchor of other words it holds (not a reading of these very words).
            let holds = holders[entry.placeIndex].flatMap { byPlace[$0] == nil ? session.place($0).id : nil }
            dependsOnDocument = dependsOnDocument || inside != nil || country != nil || near != nil || atHome || holds != nil
            context.append((entry, place, inside, country, near, holds))
        }
        // These very names (the session's shared entries, in order), not only the same places: the winner's name is shown.
        let names = entries.map(ObjectIdentifier.init)
        if !dependsOnDocument, let known = session.rankingInAnyDocument[names] { return known }
        var scored: [(Scored, Place)] = []
        scored.reserveCapacity(context.count)
        for (entry, place, inside, country, near, holds) in context {
            // A Cyrillic-script name of a town in Russia or a former Soviet country, in a document that names its country or
            // region, is as good as a Russian name: "в районе Варена" in a report on Lithuania is Varėna, not Waren.
            let russianSpelling = entry.kind == .otherLanguageAlias && entry.language == "cyrl" && (inside != nil || country != nil)
                && place.country.map(Languages.russianScriptCountries.contains) == true
            var score = (russianSpelling ? 1 : Self.weight(entry.kind)) * 10
            var reason = "\(entry.kind) '\(entry.name)'"
            if let inside {
                score += 2
                reason += "; inside \(inside), which the document names"
            } else if let country {
                score += 2
                reason += "; in \(country), a country the document names"
            }
            if let holds {
                score += 2
                reason += "; holds \(holds), which the document names"
            }
            if let near {
                score += 1
                reason += "; \(Int((near.distance / 1000).rounded())) km from \(session.place(near.index).id)"
            }
            if let home, place.country == home, place.kind != .country {
                score += 2
                reason += "; in \(home), whose language the document is in"
            }
            if place.kind == .port || place.kind == .city || place.kind == .country {
                score += 1
                reason += "; a \(place.kind.rawValue)"
            }
            let prominence = Self.prominence(place)
            if prominence > 0 {
                score += prominence
                reason += "; "
                reason += place.kind == .country || place.kind == .union || place.kind == .continent ? "a country or union's own name"
                    : place.population.map { "\(Self.grouped($0)) people" }
                    ?? (place.source == "curated" ? "a curated place" : "a sea or strait")
            }
            scored.append((Scored(entry: entry, score: score, reason: reason), place))
        }
        // Equal scores: as the resolver ranks them, curated before imported, then by kind (the country San Marino
        // before its city), then the more populous (Dubai, not Duba, for "Дубая"); then by id, so the answer never
        // depends on load order.
        let ranked = scored.sorted { a, b in
            if a.0.score != b.0.score { return a.0.score > b.0.score }
            let (aCurated, bCurated) = (a.1.source == "curated", b.1.source == "curated")
            if aCurated != bCurated { return aCurated }
            let (aKind, bKind) = (Gazetteer.kindRank(a.1.kind), Gazetteer.kindRank(b.1.kind))
            if aKind != bKind { return aKind < bKind }
            let (aPopulation, bPopulation) = (a.1.population ?? 0, b.1.population ?? 0)
            if aPopulation != bPopulation { return aPopulation > bPopulation }
            return a.1.id < b.1.id
        }
        let alternatives = ranked.dropFirst().map { Mention.Alternative(place: $0.1, reason: $0.0.reason) }
        let result = (ranked[0].0.entry, alternatives.isEmpty ? nil : Mention.Choice(reason: ranked[0].0.reason, alternatives: alternatives))
        if !dependsOnDocument { session.rankingInAnyDocument[names] = result }
        return result
    }

    /// How well known a place is, as evidence beside the document's own: a country, union or
    /// continent named by its name (+3: China, not China, Texas, when the text also names the
    /// United States), a sea or strait (+2), a curated place without a population (+2: Moscow), a city of a
    /// million (+2) or of 100,000 (+1): a town of a
    /// few thousand wins only with the document's own evidence (its region or a place near it).
    static func prominence(_ place: Place) -> Int {
        switch place.kind {
        case .country, .union, .continent: return 3
        default: break
        }
        if place.kind == .sea || place.kind == .ocean || place.kind == .gulf || place.kind == .strait { return 2 }
        // Curated places are those the reports name; their records carry no population (Moscow's).
        if place.source == "curated", place.population == nil { return 2 }
        let population = place.population ?? 0
        return population >= 1_000_000 ? 2 : population >= 100_000 ? 1 : 0
    }

    static func grouped(_ n: Int) -> String {
        var digits = String(n), out = ""
        while digits.count > 3 { out = "," + digits.suffix(3) + out; digits.removeLast(3) }
        return digits + out
    }
}
