import Coordinates
import GeoJSON
import Geodesy

/// The geodesic size of a GeoJSON geometry: area and perimeter of polygons, length of lines,
/// every edge taken as a geodesic on WGS84 (as PROJ's `geod_polygonarea` and `Planimeter` do).
public struct GeometryMeasurement: Sendable, Equatable {
    /// Area in m² (polygons; holes subtracted), else 0.
    public let area: Double
    /// Perimeter of polygons (every ring) in m, else 0: the true boundary, without the edges RFC 7946
    /// cutting adds along ±180° and over a pole (see `CutEdges`).
    public let perimeter: Double
    /// Length of lines in m, else 0.
    public let length: Double

    /// Measures one geometry.
    public init(_ geometry: Geometry, geodesic: Geodesic = .wgs84) {
        let coordinates = { (ring: [Position]) in ring.map { Coordinate(uncheckedLatitude: $0.latitude, longitude: $0.longitude) } }
        var area = 0.0, perimeter = 0.0, length = 0.0
        switch geometry {
        case .point: break
        case .lineString(let line): length = geodesic.length(coordinates(line))
        case .multiLineString(let lines): length = lines.reduce(0) { $0 + geodesic.length(coordinates($1)) }
        case .polygon(let rings):
            area = geodesic.polygonArea(rings.map(coordinates)).area
            perimeter = rings.reduce(0) { $0 + Self.boundaryLength($1, geodesic: geodesic) }
        case .multiPolygon(let polygons):
            for rings in polygons {
                area += geodesic.polygonArea(rings.map(coordinates)).area
                perimeter += rings.reduce(0) { $0 + Self.boundaryLength($1, geodesic: geodesic) }
            }
        }
        self.area = area
        self.perimeter = perimeter
        self.length = length
    }

    /// The geodesic length of a ring's edges, less its cut edges.
    static func boundaryLength(_ ring: [Position], geodesic: Geodesic) -> Double {
        var total = 0.0
        for (a, b) in zip(ring, ring.dropFirst()) where !CutEdges.isCut(a, b) {
            total += geodesic.inverse(from: Coordinate(uncheckedLatitude: a.latitude, longitude: a.longitude),
                                      to: Coordinate(uncheckedLatitude: b.latitude, longitude: b.longitude)).distance
        }
        return total
    }
}
