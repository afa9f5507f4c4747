import Coordinates
import GeoJSON
import Geodesy

/// A range ring: everything within a geodesic distance of a place ("within 2,500 km of
/// Makhachkala"), drawn as RFC 7946 polygons, with the document passage that gives the radius.
public struct RangeRing: Sendable {
    /// The centre.
    public let centre: Waypoint
    /// The radius as given.
    public let radius: Length
    /// What the ring means, such as "Shahed-136 reach".
    public let label: String?
    /// Where a document gives the radius.
    public let citation: Citation?
    /// The circle itself.
    public let ring: GeodesicRing

    /// Draws the ring with `steps` vertices.
    public init(centre: Waypoint, radius: Length, steps: Int = 360, label: String? = nil, citation: Citation? = nil) throws(RouteMapError) {
        self.centre = centre
        self.radius = radius
        self.label = label
        self.citation = citation
        do {
            ring = try GeodesicRing(centre: centre.coordinate, radius: radius.metres, steps: steps)
        } catch {
            throw .badRing(centre.name, error)
        }
    }

    /// The ring's area (m²) and perimeter (m) as drawn, its edges taken as geodesics. The perimeter
    /// is the ring's circumference: the edges along ±180° and over a pole that cutting adds are
    /// not counted (a 500 km ring at 65°N 179°E measures 3,138 km, not 5,129 km).
    public var areaAndPerimeter: (area: Double, perimeter: Double) {
        let measured = GeometryMeasurement(geometry)
        return (measured.area, measured.perimeter)
    }

    /// An id that names the centre and the radius: `ring-makhachkala-2500000m`.
    public var defaultID: String {
        let metres = radius.metres
        return "ring-\(MapFeatures.reference(centre))-\(metres == metres.rounded() && metres < 1e15 ? String(Int64(metres)) : "\(metres)")m"
    }

    /// The ring as a feature with its `defaultID`.
    public var feature: Feature { feature() }

    /// The ring as a Polygon, or a MultiPolygon when it is cut at ±180°.
    public var geometry: Geometry {
        let parts = ring.polygons().map { [$0.map { Position(longitude: $0.longitude, latitude: $0.latitude) }] }
        return parts.count == 1 ? .polygon(parts[0]) : .multiPolygon(parts)
    }

    /// The ring as a feature whose properties name its centre, radius, meaning and source; its id
    /// is `id`, or `defaultID`.
    public func feature(id: String? = nil) -> Feature {
        let measured = areaAndPerimeter
        let id = id ?? defaultID
        var properties: [(String, JSONValue)] = [
            ("id", .string(id)),
            ("feature_type", .string("range-ring")),
            ("name", .string(label ?? "\(radius) from \(centre.name)")),
            ("centre", .string(MapFeatures.reference(centre))),
            ("centre_name", .string(centre.name)),
            ("centre_latitude", .number(centre.coordinate.latitude)),
            ("centre_longitude", .number(centre.coordinate.longitude)),
            ("radius", .string(radius.description)),
            ("radius_m", .number(radius.metres)),
            ("vertices", .integer(ring.vertices.count)),
            ("encloses_pole", ring.enclosedPole.map { .string($0.rawValue) } ?? .null),
            ("area_km2", .number((measured.area / 1e6).rounded())),
            ("area_m2", .number(measured.area)),
            ("perimeter_m", .number(measured.perimeter)),
        ]
        if let citation { properties.append(("citations", MapFeatures.citations([citation]))) }
        return Feature(id: id, geometry: geometry, properties: properties)
    }
}
