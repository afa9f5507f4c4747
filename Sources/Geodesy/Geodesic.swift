import CProj
import Coordinates

/// Geodesics on an ellipsoid by PROJ's `geodesic.h` (Karney's algorithm): exact to a few nanometres.
public struct Geodesic: Sendable {
    let ellipsoid: geod_geodesic

    /// The WGS84 ellipsoid (a = 6378137 m, f = 1/298.257223563), as `geod +ellps=WGS84` uses.
    public static let wgs84 = Geodesic(equatorialRadius: 6_378_137, flattening: 1 / 298.257223563)

    /// An ellipsoid with the given equatorial radius in metres and flattening.
    public init(equatorialRadius: Double, flattening: Double) {
        var ellipsoid = geod_geodesic()
        geod_init(&ellipsoid, equatorialRadius, flattening)
        self.ellipsoid = ellipsoid
    }

    /// Solves the inverse problem: the shortest geodesic from `start` to `end`.
    public func inverse(from start: Coordinate, to end: Coordinate) -> GeodesicInverse {
        var distance = 0.0, azimuth1 = 0.0, azimuth2 = 0.0
        withUnsafePointer(to: ellipsoid) { g in
            geod_inverse(g, start.latitude, start.longitude, end.latitude, end.longitude, &distance, &azimuth1, &azimuth2)
        }
        return GeodesicInverse(distance: distance, initialAzimuth: azimuth1, finalAzimuth: azimuth2)
    }

    /// Solves the direct problem: where a geodesic from `start` at `azimuth` degrees ends after `distance` metres.
    public func direct(from start: Coordinate, azimuth: Double, distance: Double) -> GeodesicDirect {
        var latitude = 0.0, longitude = 0.0, azimuth2 = 0.0
        withUnsafePointer(to: ellipsoid) { g in
            geod_direct(g, start.latitude, start.longitude, azimuth, distance, &latitude, &longitude, &azimuth2)
        }
        return GeodesicDirect(
            end: Coordinate(uncheckedLatitude: latitude, longitude: Self.normalizedLongitude(longitude)),
            finalAzimuth: azimuth2
        )
    }

    /// Wraps a longitude into [-180, 180].
    static func normalizedLongitude(_ longitude: Double) -> Double {
        var x = longitude.truncatingRemainder(dividingBy: 360)
        if x > 180 { x -= 360 } else if x < -180 { x += 360 }
        return x
    }
}

/// The answer to the inverse problem; azimuths in degrees clockwise from north, in (-180, 180] as PROJ gives them.
public struct GeodesicInverse: Equatable, Sendable {
    /// Length of the geodesic in metres.
    public let distance: Double
    /// Azimuth of the geodesic at the start.
    public let initialAzimuth: Double
    /// Azimuth of the geodesic at the end (the direction of travel on arrival).
    public let finalAzimuth: Double
}

/// The answer to the direct problem.
public struct GeodesicDirect: Equatable, Sendable {
    /// Where the geodesic ends.
    public let end: Coordinate
    /// Azimuth of the geodesic at the end, in degrees.
    public let finalAzimuth: Double
}
