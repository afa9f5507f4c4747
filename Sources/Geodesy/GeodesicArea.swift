import CProj
import Coordinates

/// Areas and lengths on the ellipsoid by PROJ's `geod_polygon` (Karney): edges are geodesics,
/// as GeographicLib's `Planimeter` takes them.
extension Geodesic {
    /// The signed area (m², positive counterclockwise) and perimeter (m) of a closed ring; a
    /// repeated closing vertex is ignored. Rings around a pole are handled.
    public func ringArea(_ ring: [Coordinate]) -> (area: Double, perimeter: Double) {
        let points = ring.count > 1 && ring.first == ring.last ? Array(ring.dropLast()) : ring
        return measure(points, polyline: false)
    }

    /// The area (m²) and perimeter (m) of a polygon: the exterior's area less its holes', each
    /// ring taken as the smaller region it bounds, whatever its winding. The perimeter counts every ring.
    public func polygonArea(_ rings: [[Coordinate]]) -> (area: Double, perimeter: Double) {
        guard let exterior = rings.first else { return (0, 0) }
        let outer = ringArea(exterior)
        var area = abs(outer.area), perimeter = outer.perimeter
        for hole in rings.dropFirst() {
            let inner = ringArea(hole)
            area -= abs(inner.area)
            perimeter += inner.perimeter
        }
        return (area, perimeter)
    }

    /// The geodesic length (m) of a polyline through the points.
    public func length(_ line: [Coordinate]) -> Double {
        measure(line, polyline: true).perimeter
    }

    private func measure(_ points: [Coordinate], polyline: Bool) -> (area: Double, perimeter: Double) {
        var polygon = geod_polygon()
        var area = 0.0, perimeter = 0.0
        withUnsafePointer(to: ellipsoid) { g in
            geod_polygon_init(&polygon, polyline ? 1 : 0)
            for point in points { geod_polygon_addpoint(g, &polygon, point.latitude, point.longitude) }
            geod_polygon_compute(g, &polygon, 0, 1, &area, &perimeter)
        }
        return (area, perimeter)
    }
}
