/// What a gazetteer holds: places by source and kind, names by language.
public struct GazetteerStatistics: Sendable {
    /// Places in all.
    public let places: Int
    /// Places by source (`curated`, `naturalearth`, `geonames`…).
    public let placesBySource: [String: Int]
    /// Places by kind (`city`, `country`…).
    public let placesByKind: [String: Int]
    /// Name entries: each way a normalised name leads to a place.
    public let names: Int
    /// Distinct normalised names.
    public let distinctNames: Int
    /// Name entries by language code (`en`, `ru`…; place ids count as `(place id)`).
    public let namesByLanguage: [String: Int]
}

extension Gazetteer {
    /// Counts its places and names; visits every place (about a second per million).
    public func statistics() -> GazetteerStatistics {
        var bySource: [String: Int] = [:], byKind: [String: Int] = [:], byLanguage: [String: Int] = [:]
        for i in 0..<count {
            let place = place(at: i)
            bySource[place.source, default: 0] += 1
            byKind[place.kind.rawValue, default: 0] += 1
        }
        var names = 0, keys = 0
        forEachNameKey { _, read in
            let entries = read()
            keys += 1
            names += entries.count
            for entry in entries { byLanguage[entry.language ?? "(place id)", default: 0] += 1 }
        }
        return GazetteerStatistics(places: count, placesBySource: bySource, placesByKind: byKind, names: names, distinctNames: keys, namesByLanguage: byLanguage)
    }
}
