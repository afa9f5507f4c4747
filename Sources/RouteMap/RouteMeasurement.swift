import Coordinates
import Geodesy

/// One leg of a route: the geodesic from one waypoint to the next.
public struct Leg: Sendable, Equatable {
    public let from: Waypoint
    public let to: Waypoint
    /// The geodesic between them on WGS84.
    public let geodesic: GeodesicInverse
}

/// The legs of a route through waypoints in order, and their total length in metres.
public struct RouteMeasurement: Sendable, Equatable {
    public let legs: [Leg]
    public let totalDistance: Double

    /// Measures the geodesic legs through `waypoints` (at least two) on `geodesic`'s ellipsoid.
    public init(waypoints: [Waypoint], on geodesic: Geodesic = .wgs84) {
        legs = zip(waypoints, waypoints.dropFirst()).map { from, to in
            Leg(from: from, to: to, geodesic: geodesic.inverse(from: from.coordinate, to: to.coordinate))
        }
        totalDistance = legs.reduce(0) { $0 + $1.geodesic.distance }
    }
}
