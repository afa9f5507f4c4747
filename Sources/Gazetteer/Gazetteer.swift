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

    /// The curated places of `gazetteer/`, compiled into the binary.
    public static func embedded() throws(GazetteerError) -> Gazetteer {
        Gazetteer(places: try PlaceLoader.places(from: EmbeddedRecords.records(in: "places")))
    }

    /// The curated places and the world's countries, continents, cities and regions (`gazetteer/world/`).
    public static func world() throws(GazetteerError) -> Gazetteer {
        let curated = try PlaceLoader.places(from: EmbeddedRecords.records(in: "places"))
        return Gazetteer(places: curated + (try WorldPlaces.places(besides: curated)))
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
