import Coordinates

/// A named place: a country, region, city, port, facility, sea… with its names by language and provenance.
public struct Place: Sendable, Equatable {
    /// Stable identifier, lowercase words joined by hyphens (`amirabad-port`).
    public let id: String
    /// The English name.
    public let name: String
    /// What sort of place it is.
    public let kind: PlaceKind
    /// ISO 3166-1 alpha-2 code of the country it lies in, if it lies in one.
    public let country: String?
    /// Id of the place that contains it (factory → SEZ → city → region → country).
    public let parent: String?
    /// Representative coordinate: a point inside the place.
    public let coordinate: Coordinate
    /// Bounding box of an area, where a source gives one.
    public let bbox: BoundingBox?
    /// Names by language code (`en`, `id`, `ru`, `fa`…); the first of each list is that language's usual name.
    public let names: [String: [String]]
    /// Abbreviations by language (`AS`, `UE`, `США`); written in capitals, matched only as whole tokens in text.
    public let abbreviations: [String: [String]]
    /// Identifiers in other gazetteers (`geonames`, `wikidata`, `iso3166_2`).
    public let links: [String: String]
    /// Where each value comes from, by field (`coordinate`, `bbox`, `names`).
    public let sources: [String: String]
    /// The file the record was read from, for error messages and provenance.
    public let origin: String
    /// People living there, where a source says (GeoNames for cities).
    public let population: Int?
    /// Which source the place comes from: `curated` (gazetteer/places) or the dataset of an imported one.
    public let source: String

    /// Makes a place; `PlaceLoader` checks records read from files.
    public init(
        id: String, name: String, kind: PlaceKind, country: String?, parent: String?, coordinate: Coordinate,
        bbox: BoundingBox?, names: [String: [String]], abbreviations: [String: [String]] = [:],
        links: [String: String] = [:], sources: [String: String] = [:], origin: String = "",
        population: Int? = nil, source: String = "curated"
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.country = country
        self.parent = parent
        self.coordinate = coordinate
        self.bbox = bbox
        self.names = names
        self.abbreviations = abbreviations
        self.links = links
        self.sources = sources
        self.origin = origin
        self.population = population
        self.source = source
    }
}

/// The sorts of place the gazetteer holds.
public enum PlaceKind: String, CaseIterable, Sendable {
    case country, region, city, port, facility, sea, building, union, continent
    case macroRegion = "macro-region"
    /// A populated place too small to be a city (GeoNames class P under 15,000 people).
    case village
    /// Any other named feature an import brings: a mountain, a river, a park.
    case feature
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
