/// A set of places with their names indexed for lookup.
public struct Gazetteer: Sendable {
    /// Every place, in load order.
    public let places: [Place]
    private let byId: [String: Int]
    let index: NameIndex

    /// Indexes `places`; ids must be unique (as `PlaceLoader.places(from:)` ensures).
    public init(places: [Place]) {
        self.places = places
        self.byId = Dictionary(places.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.index = NameIndex(places: places)
    }

    /// The curated places of `gazetteer/`, compiled into the binary, and the place records of `sources`.
    public static func embedded(adding sources: GazetteerSources = GazetteerSources()) throws(GazetteerError) -> Gazetteer {
        Gazetteer(places: try PlaceLoader.places(from: EmbeddedRecords.records(in: "places") + sources.placeRecords))
    }

    /// The curated places, the world's countries, continents, cities and regions (`gazetteer/world/`),
    /// and `sources`: their place records, then their GeoNames dumps, leaving out every GeoNames
    /// place an earlier source already has (curated and world places link their GeoNames ids).
    public static func world(adding sources: GazetteerSources = GazetteerSources()) throws(GazetteerError) -> Gazetteer {
        let curated = try PlaceLoader.places(from: EmbeddedRecords.records(in: "places") + sources.placeRecords)
        let known = curated + (try WorldPlaces.places(besides: curated))
        guard !sources.geonamesFiles.isEmpty else { return Gazetteer(places: known) }
        var reader = GeoNamesReader(skipping: Set(known.compactMap { $0.links["geonames"].flatMap { Int($0) } }))
        for file in sources.geonamesFiles { try reader.readGeonames(at: file) }
        for file in sources.alternateNameFiles { try reader.readAlternateNames(at: file) }
        return Gazetteer(places: known + reader.places)
    }

    /// The place with this id, if any.
    public func place(id: String) -> Place? {
        byId[id].map { places[$0] }
    }

    /// The chain of containing places, nearest first (Yelabuga → Tatarstan → Russia).
    public func ancestors(of place: Place) -> [Place] {
        var chain: [Place] = []
        var current = place
        while let parentId = current.parent, let parent = self.place(id: parentId), !chain.contains(parent) {
            chain.append(parent)
            current = parent
        }
        return chain
    }
}
