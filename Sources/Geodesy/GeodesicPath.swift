import CProj
import Coordinates

/// A point on a geodesic path; the longitude is unrolled, so it runs on past ±180° without jumping.
public struct PathPoint: Equatable, Sendable {
    public let latitude: Double
    /// Degrees east, continuous along the path: it may lie outside [-180, 180].
    public let unrolledLongitude: Double
    /// Distance from the start of the path in metres.
    public let distance: Double

    /// A point at `distance` metres along a path.
    public init(latitude: Double, unrolledLongitude: Double, distance: Double) {
        self.latitude = latitude
        self.unrolledLongitude = unrolledLongitude
        self.distance = distance
    }
}

/// The geodesic between two points, as a line PROJ can walk along (`geod_inverseline`).
public struct GeodesicPath: Sendable {
    private let line: geod_geodesicline
    private let start: Coordinate
    private let end: Coordinate
    /// Length of the path in metres.
    public var length: Double { line.s13 }

    /// The shortest geodesic from `start` to `end` on `geodesic`'s ellipsoid.
    public init(from start: Coordinate, to end: Coordinate, on geodesic: Geodesic = .wgs84) {
        var line = geod_geodesicline()
        geodesic.withEllipsoid { g in
            geod_inverseline(&line, g, start.latitude, start.longitude, end.latitude, end.longitude, GEOD_ALL.rawValue)
        }
        self.line = line
        self.start = start
        self.end = end
    }

    /// The point `distance` metres from the start.
    public func point(atDistance distance: Double) -> PathPoint {
        var latitude = 0.0, longitude = 0.0
        withUnsafePointer(to: line) { l in
            _ = geod_genposition(l, GEOD_LONG_UNROLL.rawValue, distance, &latitude, &longitude, nil, nil, nil, nil, nil, nil)
        }
        return PathPoint(latitude: latitude, unrolledLongitude: longitude, distance: distance)
    }

    /// Points along the path, no two consecutive more than `maxSegment` metres apart; the ends are the exact endpoints.
    public func densified(maxSegment: Double) -> [PathPoint] {
        let segments = max(1, Int((length / max(maxSegment, 1e-3)).rounded(.up)))
        var points = (0...segments).map { point(atDistance: length * Double($0) / Double(segments)) }
        points[0] = PathPoint(latitude: start.latitude, unrolledLongitude: start.longitude, distance: 0)
        // The end keeps the number of turns round the globe that PROJ unrolled, with the exact coordinate.
        let turns = ((points[segments].unrolledLongitude - end.longitude) / 360).rounded()
        points[segments] = PathPoint(latitude: end.latitude, unrolledLongitude: end.longitude + 360 * turns, distance: length)
        return points
    }

    /// The point between two distances where the unrolled longitude equals `meridian`, by bisection to 1e-9 m.
    public func crossing(ofUnrolledLongitude meridian: Double, between low: Double, and high: Double) -> PathPoint {
        var (a, b) = (low, high)
        let rising = point(atDistance: b).unrolledLongitude > point(atDistance: a).unrolledLongitude
        for _ in 0..<200 where b - a > 1e-9 {
            let middle = (a + b) / 2
            if (point(atDistance: middle).unrolledLongitude < meridian) == rising { a = middle } else { b = middle }
        }
        let found = point(atDistance: (a + b) / 2)
        return PathPoint(latitude: found.latitude, unrolledLongitude: meridian, distance: found.distance)
    }
}

extension Geodesic {
    /// Runs `body` with PROJ's ellipsoid structure.
    func withEllipsoid<T>(_ body: (UnsafePointer<geod_geodesic>) -> T) -> T {
        withUnsafePointer(to: ellipsoid, body)
    }
}
