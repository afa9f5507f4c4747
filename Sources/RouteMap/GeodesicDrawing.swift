import Coordinates
import GeoJSON
import Geodesy

/// Draws route legs for GeoJSON along the WGS84 geodesic, not the straight lon/lat line RFC 7946 implies.
public struct GeodesicDrawing: Sendable {
    /// No drawn segment is longer than this, in metres.
    public let maxSegment: Double

    /// The default keeps segments to 10 km: on the seeds' 841 km Caspian leg, 85 segments.
    public static let defaultMaxSegment = 10_000.0

    public init(maxSegment: Double = defaultMaxSegment) {
        self.maxSegment = maxSegment
    }

    /// A LineString through the waypoints, or a MultiLineString whose parts meet at ±180° where the path crosses it.
    public func geometry(through waypoints: [Waypoint]) -> Geometry {
        geometry(along: waypoints.map(\.coordinate))
    }

    /// A LineString along `points`, consecutive points joined by geodesics (a leg drawn on the
    /// water network is such a list), cut at ±180° into a MultiLineString where it crosses.
    public func geometry(along points: [Coordinate]) -> Geometry {
        var parts: [[Position]] = []
        for (from, to) in zip(points, points.dropFirst()) where from != to {
            let legParts = self.parts(from: from, to: to)
            if let last = parts.last?.last, let first = legParts.first?.first, last == first {
                parts[parts.count - 1] += legParts[0].dropFirst()
                parts += legParts.dropFirst()
            } else {
                parts += legParts
            }
        }
        // A route whose waypoints are all one point has a single position: RFC 7946 needs two for a
        // LineString, so it is drawn as a line of no length from the point to itself.
        if parts.isEmpty, let only = points.first { parts = [[Position(longitude: only.longitude, latitude: only.latitude)]] }
        for i in parts.indices where parts[i].count == 1 { parts[i].append(parts[i][0]) }
        return parts.count == 1 ? .lineString(parts[0]) : .multiLineString(parts)
    }

    /// One leg, densified, cut into runs that each stay within [-180, 180].
    func parts(from start: Coordinate, to end: Coordinate) -> [[Position]] {
        let path = GeodesicPath(from: start, to: end)
        var points = path.densified(maxSegment: maxSegment)
        // At a pole every longitude is the same point: take the neighbour's, so an end at a pole
        // makes no jump of longitude (which would read as a crossing of ±180°).
        for i in points.indices where abs(points[i].latitude) == 90 && points.count > 1 {
            let neighbour = points[i == 0 ? 1 : i - 1]
            points[i] = PathPoint(latitude: points[i].latitude, unrolledLongitude: neighbour.unrolledLongitude, distance: points[i].distance)
        }
        var parts: [[Position]] = [[position(points[0])]]
        for (a, b) in zip(points, points.dropFirst()) {
            let bandA = band(a.unrolledLongitude), bandB = band(b.unrolledLongitude)
            if bandA != bandB {
                // The path crosses the meridian between the two bands; both halves end exactly there.
                let eastward = bandB > bandA
                let meridian = 180 + 360 * Double(min(bandA, bandB))
                let crossing = path.crossing(ofUnrolledLongitude: meridian, between: a.distance, and: b.distance)
                let end = Position(longitude: eastward ? 180 : -180, latitude: crossing.latitude)
                if parts[parts.count - 1].last != end { parts[parts.count - 1].append(end) }
                parts.append([Position(longitude: eastward ? -180 : 180, latitude: crossing.latitude)])
            }
            let next = position(b)
            if parts[parts.count - 1].last != next { parts[parts.count - 1].append(next) }
        }
        return parts
    }

    /// Which 360° band an unrolled longitude is in: 0 for [-180, 180).
    private func band(_ longitude: Double) -> Int {
        Int(((longitude + 180) / 360).rounded(.down))
    }

    /// The point with its longitude brought into [-180, 180]. The clamp only catches rounding: for
    /// 179.99999999999997, `+ 180` rounds to 360, the band is 1, and the subtraction gives -180.00000000000003.
    private func position(_ p: PathPoint) -> Position {
        Position(longitude: min(180, max(-180, p.unrolledLongitude - 360 * Double(band(p.unrolledLongitude)))), latitude: p.latitude)
    }
}
