/// The RFC 7946 geometries routemap writes.
public enum Geometry: Equatable, Sendable {
    case point(Position)
    case lineString([Position])
    case multiLineString([[Position]])
    /// Rings: the exterior first, then holes. The writer winds them by the right-hand rule.
    case polygon([[Position]])
    case multiPolygon([[[Position]]])

    /// The GeoJSON `type` member.
    public var typeName: String {
        switch self {
        case .point: "Point"
        case .lineString: "LineString"
        case .multiLineString: "MultiLineString"
        case .polygon: "Polygon"
        case .multiPolygon: "MultiPolygon"
        }
    }

    /// Every position of the geometry, holes included, in order.
    public var positions: [Position] {
        switch self {
        case .point(let p): [p]
        case .lineString(let line): line
        case .multiLineString(let lines): lines.flatMap { $0 }
        case .polygon(let rings): rings.flatMap { $0 }
        case .multiPolygon(let polygons): polygons.flatMap { $0.flatMap { $0 } }
        }
    }

    /// Every position, for bounding boxes.
    var allPositions: [[Position]] {
        switch self {
        case .point(let p): [[p]]
        case .lineString(let line): [line]
        case .multiLineString(let lines): lines
        case .polygon(let rings): [rings.first ?? []]
        case .multiPolygon(let polygons): polygons.map { $0.first ?? [] }
        }
    }
}
