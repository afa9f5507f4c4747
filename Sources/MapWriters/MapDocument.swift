import GeoJSON

/// A map to write or draw: its title, where its data came from, and its features in named layers.
///
/// Writers and the cartography know nothing of how the features were found: a command fills a
/// document (the seeds' sites, routes and range rings; a report's places and claims) and hands
/// it to a `MapWriter`.
public struct MapDocument: Sendable {
    /// The map's name, such as the report's title: the SVG's heading, the HTML page's title, the
    /// KML document's name.
    public var title: String
    /// One line per source of the data ("Sites and routes: routemap's curated gazetteer, citing
    /// seeds/000_90bee0a42d78c8e4.txt"); maps print them with the base map's own credit.
    public var attribution: [String]
    /// The layers, drawn and written in this order (the first is drawn at the bottom of the data).
    public var layers: [MapLayer]
    /// When the data last changed, ISO 8601 (`2024-05-01T00:00:00.000Z`), for GeoPackage's
    /// `last_change`; nil writes `1970-01-01T00:00:00.000Z`, so the same input gives the same bytes.
    public var lastChange: String?

    /// A document with the given layers.
    public init(title: String, attribution: [String] = [], layers: [MapLayer], lastChange: String? = nil) {
        self.title = title
        self.attribution = attribution
        self.layers = layers
        self.lastChange = lastChange
    }

    /// A document whose layers are made from `features` by their `feature_type` property (`site`,
    /// `route`, `range-ring`, `place`, `claim`), and otherwise by geometry (`points`, `lines`,
    /// `polygons`, `records` for features without one), in `MapLayer.standardNames` order.
    public init(title: String, attribution: [String] = [], features: [Feature], lastChange: String? = nil) {
        var grouped: [String: [Feature]] = [:]
        var order: [String] = []
        for feature in features {
            let name = MapLayer.layerName(for: feature)
            if grouped[name] == nil { order.append(name) }
            grouped[name, default: []].append(feature)
        }
        let ranked = order.sorted { (MapLayer.standardNames.firstIndex(of: $0) ?? .max, order.firstIndex(of: $0)!) < (MapLayer.standardNames.firstIndex(of: $1) ?? .max, order.firstIndex(of: $1)!) }
        self.init(title: title, attribution: attribution, layers: ranked.map { MapLayer(name: $0, features: grouped[$0]!) }, lastChange: lastChange)
    }

    /// Every feature of every layer, in layer order.
    public var allFeatures: [Feature] { layers.flatMap(\.features) }
}

/// One layer of a map: features of one kind, such as the sites or the routes.
public struct MapLayer: Sendable {
    /// The layer's name: `sites`, `routes`, `ranges`, `places`, `claims`, or any other lowercase
    /// name. It names the GeoPackage table and the KML folder, and picks the map's styling.
    public let name: String
    /// A heading for people ("Facility sites"); by default from the name.
    public let title: String
    /// The features. Every one has an `id` (its own, its `id` property, or `<layer>-<n>`) and a
    /// `layer` property holding the layer's name.
    public let features: [Feature]

    /// The layers routemap fills, in drawing order.
    public static let standardNames = ["ranges", "routes", "sites", "places", "claims"]

    /// A layer; features without an id get one, and each gets a `layer` property.
    public init(name: String, title: String? = nil, features: [Feature]) {
        self.name = name
        self.title = title ?? Self.defaultTitle(name)
        self.features = features.enumerated().map { index, feature in
            var feature = feature
            if feature.id == nil {
                if case .string(let id)? = feature.properties.first(where: { $0.0 == "id" })?.1 {
                    feature.id = id
                } else {
                    feature.id = "\(name)-\(index + 1)"
                }
            }
            feature.properties.removeAll { $0.0 == "layer" }
            feature.properties.append(("layer", .string(name)))
            return feature
        }
    }

    /// The layer a feature belongs in when none is named: by its `feature_type`, else by geometry.
    public static func layerName(for feature: Feature) -> String {
        if case .string(let type)? = feature.properties.first(where: { $0.0 == "feature_type" })?.1 {
            switch type {
            case "site": return "sites"
            case "route": return "routes"
            case "range-ring": return "ranges"
            case "place": return "places"
            case "claim": return "claims"
            default: break
            }
        }
        switch GeometryFamily(feature.geometry) {
        case .points: return "points"
        case .lines: return "lines"
        case .polygons: return "polygons"
        case .none: return "records"
        }
    }

    private static func defaultTitle(_ name: String) -> String {
        switch name {
        case "sites": "Facility sites"
        case "routes": "Supply routes"
        case "ranges": "Range rings"
        case "places": "Places named"
        case "claims": "Claims"
        default: name.prefix(1).uppercased() + name.dropFirst()
        }
    }
}

/// The kind of geometry a GIS layer holds one of: points, lines or polygons (or none).
public enum GeometryFamily: String, Sendable, CaseIterable {
    case points, lines, polygons, none

    /// The family of a geometry; `none` for a feature without one.
    public init(_ geometry: Geometry?) {
        switch geometry {
        case .point: self = .points
        case .lineString, .multiLineString: self = .lines
        case .polygon, .multiPolygon: self = .polygons
        case nil: self = .none
        }
    }
}

extension Feature {
    /// The value of a property, nil when absent.
    public func property(_ key: String) -> JSONValue? {
        properties.first { $0.0 == key }?.1
    }

    /// A string property's text, nil when absent or not a string.
    public func string(_ key: String) -> String? {
        if case .string(let s)? = property(key) { return s }
        return nil
    }

    /// A number property's value (real or integer), nil when absent or not a number.
    public func number(_ key: String) -> Double? {
        switch property(key) {
        case .number(let x)?: x
        case .integer(let n)?: Double(n)
        default: nil
        }
    }
}
