import Coordinates
import Geodesy

/// The point of a country's outline nearest to a place, and how far it is along the geodesic:
/// "290 km from the Ukrainian border" is the distance to the nearest point of Ukraine's outline.
public struct NearestBoundaryPoint: Sendable {
    /// Where on the outline.
    public let point: Coordinate
    /// The geodesic distance from the place, in metres (WGS84, PROJ).
    public let distance: Double
    /// Whether the place lies inside the country (then `distance` is to its border from within).
    public let inside: Bool
}

extension WorldGeometry {
    /// The point of `country`'s outline (its land borders and coasts) nearest `place`.
    ///
    /// Every vertex is measured by geodesic; on the two edges beside the nearest vertices the
    /// nearest point is then found by golden-section search along the edge's geodesic, so the
    /// answer is the outline's own nearest point to within a metre, not the nearest vertex.
    public func nearestBoundaryPoint(of country: Country, to place: Coordinate) -> NearestBoundaryPoint? {
        let geodesic = Geodesic.wgs84
        var best: (ring: [LonLat], index: Int, distance: Double)?
        for polygon in country.polygons {
            for ring in polygon where ring.count >= 2 {
                for (i, vertex) in ring.enumerated() {
                    let d = geodesic.inverse(from: place, to: Coordinate(uncheckedLatitude: vertex.latitude, longitude: vertex.longitude)).distance
                    if d < best?.distance ?? .infinity { best = (ring, i, d) }
                }
            }
        }
        guard let best else { return nil }
        let vertex = best.ring[best.index]
        var nearest = (point: Coordinate(uncheckedLatitude: vertex.latitude, longitude: vertex.longitude), distance: best.distance)
        for neighbour in [best.index - 1, best.index + 1] {
            let other = best.ring[(neighbour + best.ring.count) % best.ring.count]
            let edge = GeodesicPath(from: nearest.point, to: Coordinate(uncheckedLatitude: other.latitude, longitude: other.longitude))
            guard edge.length > 0 else { continue }
            let at = { (s: Double) -> Coordinate in
                let p = edge.point(atDistance: s)
                var lon = p.unrolledLongitude.truncatingRemainder(dividingBy: 360)
                if lon > 180 { lon -= 360 } else if lon < -180 { lon += 360 }
                return Coordinate(uncheckedLatitude: p.latitude, longitude: lon)
            }
            var (low, high) = (0.0, edge.length)
            let ratio = (5.0.squareRoot() - 1) / 2
            for _ in 0..<60 where high - low > 0.5 {
                let a = high - ratio * (high - low), b = low + ratio * (high - low)
                let da = geodesic.inverse(from: place, to: at(a)).distance
                let db = geodesic.inverse(from: place, to: at(b)).distance
                if da < db { high = b } else { low = a }
            }
            let point = at((low + high) / 2)
            let d = geodesic.inverse(from: place, to: point).distance
            if d < nearest.distance { nearest = (point, d) }
        }
        return NearestBoundaryPoint(point: nearest.point, distance: nearest.distance, inside: self.country(containing: place) == country)
    }
}
