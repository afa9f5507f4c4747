import Coordinates
import Gazetteer
import Geodesy

/// Chooses among the places a name fits, using the rest of the document.
///
/// In running text a place's English name and its names in the document languages (en, id, ru,
/// fa) are equally good evidence; a name in another language (Tatar 'Алабуга' for Yelabuga) ranks
/// lower. Among equals, the candidate that fits the places the document names unambiguously
/// wins: inside one of them or in a country the document names (+2), near one of them (+1 within
/// 300 km, by geodesic), a port, city or country (+1). The reason is kept with each mention.
struct Disambiguator {
    let gazetteer: Gazetteer

    func resolve(_ candidates: [Geoparser.Candidate]) -> [Mention] {
        // Anchors: places named by a candidate whose strongest match is unique.
        var anchors: [Place] = []
        for c in candidates {
            let best = strongest(c.entries)
            if Set(best.map(\.placeIndex)).count == 1 { anchors.append(gazetteer.places[best[0].placeIndex]) }
        }
        let anchorIds = Set(anchors.map(\.id))
        let anchorCountries = Set(anchors.compactMap(\.country))
        return candidates.map { candidate in
            let ranked = rank(candidate.entries, anchors: anchors, anchorIds: anchorIds, countries: anchorCountries)
            let winner = ranked[0]
            let place = gazetteer.places[winner.entry.placeIndex]
            let alternatives = ranked.dropFirst().map { Mention.Alternative(place: gazetteer.places[$0.entry.placeIndex], reason: $0.reason) }
            return Mention(surface: candidate.surface, start: candidate.start, end: candidate.end, byteRange: candidate.byteRange,
                           place: place, matchedName: winner.entry.name, language: winner.entry.language, kind: winner.entry.kind,
                           alternatives: alternatives, reason: alternatives.isEmpty ? nil : winner.reason)
        }
    }

    /// How much a match's strength counts in text: every document-language name alike, others less.
    private static func weight(_ kind: MatchKind) -> Int {
        kind == .otherLanguageAlias ? 0 : 1
    }

    private func strongest(_ entries: [NameEntry]) -> [NameEntry] {
        guard let top = entries.map({ Self.weight($0.kind) }).max() else { return [] }
        return entries.filter { Self.weight($0.kind) == top }
    }

    private struct Scored {
        let entry: NameEntry
        let score: Int
        let reason: String
    }

    private func rank(_ entries: [NameEntry], anchors: [Place], anchorIds: Set<String>, countries: Set<String>) -> [Scored] {
        var byPlace: [Int: NameEntry] = [:]
        for entry in entries where byPlace[entry.placeIndex].map({ entry.kind < $0.kind }) ?? true { byPlace[entry.placeIndex] = entry }
        let scored = byPlace.values.map { entry -> Scored in
            let place = gazetteer.places[entry.placeIndex]
            var score = Self.weight(entry.kind) * 10
            var reasons = ["\(entry.kind) '\(entry.name)'"]
            let ancestors = gazetteer.ancestors(of: place).map(\.id)
            if let inside = ancestors.first(where: anchorIds.contains) {
                score += 2
                reasons.append("inside \(inside), which the document names")
            } else if let country = place.country, countries.contains(country), place.kind != .country {
                score += 2
                reasons.append("in \(country), a country the document names")
            }
            let others = anchors.filter { $0.id != place.id && $0.kind != .country && $0.kind != .union && $0.kind != .macroRegion }
            if let nearest = others.map({ ($0, Geodesic.wgs84.inverse(from: place.coordinate, to: $0.coordinate).distance) }).min(by: { $0.1 < $1.1 }),
               nearest.1 <= 300_000 {
                score += 1
                reasons.append("\(Int((nearest.1 / 1000).rounded())) km from \(nearest.0.id)")
            }
            if [.port, .city, .country].contains(place.kind) {
                score += 1
                reasons.append("a \(place.kind.rawValue)")
            }
            return Scored(entry: entry, score: score, reason: reasons.joined(separator: "; "))
        }
        return scored.sorted { ($0.score, gazetteer.places[$1.entry.placeIndex].id) > ($1.score, gazetteer.places[$0.entry.placeIndex].id) }
    }
}
