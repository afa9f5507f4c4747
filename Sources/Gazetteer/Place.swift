import Coordinates

/// A named place: a country, region, city, port, facility, sea… with its names by language and provenance.
///
/// Its fields live in one immutable box, so copying a place (every mention and match holds one)
/// costs one reference count, not one for each of its strings and tables.
public struct Place: Sendable, Equatable {
    private final class Fields: Sendable {
        let id: String, name: String, kind: PlaceKind, country: String?, parent: String?
        let coordinate: Coordinate, bbox: BoundingBox?
        let lists: PlaceLists
        let origin: String, population: Int?, source: String

        init(id: String, name: String, kind: PlaceKind, country: String?, parent: String?, coordinate: Coordinate, bbox: BoundingBox?,
             lists: PlaceLists, origin: String, population: Int?, source: String) {
            (self.id, self.name, self.kind, self.country, self.parent) = (id, name, kind, country, parent)
            (self.coordinate, self.bbox, self.lists) = (coordinate, bbox, lists)
            (self.origin, self.population, self.source) = (origin, population, source)
        }
    }

    private let fields: Fields

    /// Stable identifier, lowercase words joined by hyphens (`amirabad-port`).
    public var id: String { fields.id }
    /// The English name.
    public var name: String { fields.name }
    /// What sort of place it is.
    public var kind: PlaceKind { fields.kind }
    /// ISO 3166-1 alpha-2 code of the country it lies in, if it lies in one.
    public var country: String? { fields.country }
    /// Id of the place that contains it (factory → SEZ → city → region → country).
    public var parent: String? { fields.parent }
    /// Representative coordinate: a point inside the place.
    public var coordinate: Coordinate { fields.coordinate }
    /// Bounding box of an area, where a source gives one.
    public var bbox: BoundingBox? { fields.bbox }
    /// Names by language code (`en`, `id`, `ru`, `fa`…); the first of each list is that language's usual name.
    public var names: [String: [String]] { fields.lists.value.names }
    /// Abbreviations by language (`AS`, `UE`, `США`); written in capitals, matched only as whole tokens in text.
    public var abbreviations: [String: [String]] { fields.lists.value.abbreviations }
    /// Identifiers in other gazetteers (`geonames`, `wikidata`, `iso3166_2`).
    public var links: [String: String] { fields.lists.value.links }
    /// Where each value comes from, by field (`coordinate`, `bbox`, `names`).
    public var sources: [String: String] { fields.lists.value.sources }
    /// The file the record was read from, for error messages and provenance.
    public var origin: String { fields.origin }
    /// People living there, where a source says (GeoNames for cities).
    public var population: Int? { fields.population }
    /// Which source the place comes from: `curated` (gazetteer/places) or the dataset of an imported one.
    public var source: String { fields.source }

    /// Makes a place; `PlaceLoader` checks records read from files.
    public init(
        id: String, name: String, kind: PlaceKind, country: String?, parent: String?, coordinate: Coordinate,
        bbox: BoundingBox?, names: [String: [String]], abbreviations: [String: [String]] = [:],
        links: [String: String] = [:], sources: [String: String] = [:], origin: String = "",
        population: Int? = nil, source: String = "curated"
    ) {
        let lists = PlaceLists(PlaceLists.Decoded(names: names, abbreviations: abbreviations, links: links, sources: sources))
        self.init(id: id, name: name, kind: kind, country: country, parent: parent, coordinate: coordinate, bbox: bbox, lists: lists,
                  origin: origin, population: population, source: source)
    }

    /// Makes a place whose names, abbreviations, links and sources `lists` holds (decoded when first read).
    init(id: String, name: String, kind: PlaceKind, country: String?, parent: String?, coordinate: Coordinate, bbox: BoundingBox?,
         lists: PlaceLists, origin: String, population: Int?, source: String) {
        fields = Fields(id: id, name: name, kind: kind, country: country, parent: parent, coordinate: coordinate, bbox: bbox, lists: lists,
                        origin: origin, population: population, source: source)
    }

    /// Places are equal when every field is.
    public static func == (a: Place, b: Place) -> Bool {
        a.fields === b.fields || (a.id == b.id && a.name == b.name && a.kind == b.kind && a.country == b.country && a.parent == b.parent
            && a.coordinate == b.coordinate && a.bbox == b.bbox && a.names == b.names && a.abbreviations == b.abbreviations
            && a.links == b.links && a.sources == b.sources && a.origin == b.origin && a.population == b.population && a.source == b.source)
    }
}

/// The sorts of place the gazetteer holds.
public enum PlaceKind: String, CaseIterable, Sendable {
    case country, region, city, port, facility, sea, building, union, continent
    case macroRegion = "macro-region"
    /// A populated place too small to be a city (GeoNames class P under 15,000 people).
    case village
    /// Any other named feature an import brings: a mountain, a park.
    case feature
    /// Water, from the hand-kept table `gazetteer/world/waters.tsv`: an ocean, a gulf, a bay, a strait, a river, a canal, a lake or reservoir.
    case ocean, gulf, bay, strait, river, canal, lake
    /// An island, from the hand-kept table `gazetteer/world/islands.tsv` (its outline Natural Earth's coastline): Lombok, Borneo, Socotra.
    case island
}

extension PlaceKind {
    /// True for a division inside a country as the rules read one: a region, or an island (read alike).
    public var isRegionOrIsland: Bool { self == .region || self == .island }
    /// True for a country or a division inside one (`isRegionOrIsland`): the areas a town lies in.
    public var isCountryOrRegion: Bool { self == .country || isRegionOrIsland }
}

/// A box `[west, south, east, north]` in degrees; `east < west` when it crosses the antimeridian.
public struct BoundingBox: Equatable, Sendable {
    public let west: Double
    public let south: Double
    public let east: Double
    public let north: Double

    /// Makes a box from its four edges.
    public init(west: Double, south: Double, east: Double, north: Double) {
        self.west = west
        self.south = south
        self.east = east
        self.north = north
    }

    /// True when the box crosses ±180° longitude.
    public var crossesAntimeridian: Bool { east < west }

    /// True when the coordinate lies inside the box (edges included).
    public func contains(_ c: Coordinate) -> Bool {
        guard (south...north).contains(c.latitude) else { return false }
        return crossesAntimeridian
            ? c.longitude >= west || c.longitude <= east
            : (west...east).contains(c.longitude)
    }

    /// The four edges in GeoJSON order.
    public var array: [Double] { [west, south, east, north] }
}
