/// A position on the WGS84 ellipsoid, in degrees: latitude north-positive, longitude east-positive.
public struct Coordinate: Hashable, Sendable {
    /// Degrees north of the equator, in [-90, 90].
    public let latitude: Double
    /// Degrees east of Greenwich, in [-180, 180].
    public let longitude: Double

    /// Makes a coordinate, rejecting values outside the valid ranges or not finite.
    public init(latitude: Double, longitude: Double) throws(CoordinateError) {
        guard latitude.isFinite else { throw .notFinite(component: "latitude") }
        guard longitude.isFinite else { throw .notFinite(component: "longitude") }
        guard (-90...90).contains(latitude) else { throw .latitudeOutOfRange(latitude) }
        guard (-180...180).contains(longitude) else { throw .longitudeOutOfRange(longitude) }
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Makes a coordinate from values the caller has already validated (data files, PROJ output).
    public init(uncheckedLatitude latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}

/// Why a coordinate could not be made or parsed.
public enum CoordinateError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case latitudeOutOfRange(Double)
    case longitudeOutOfRange(Double)
    case notFinite(component: String)
    case malformed(String, reason: String)

    /// Text quoted in a message, cut to 200 characters.
    private static func cut(_ text: String) -> String {
        text.count > 200 ? String(text.prefix(200)) + "…" : text
    }

    public var description: String {
        switch self {
        case .empty:
            return "empty coordinate: write latitude,longitude, for example 42.98,47.50"
        case .latitudeOutOfRange(let value):
            return "latitude \(value) is outside -90…90: write latitude first, for example 55.76,37.62"
        case .longitudeOutOfRange(let value):
            return "longitude \(value) is outside -180…180: write latitude,longitude, for example 55.76,37.62"
        case .notFinite(let component):
            return "\(Self.cut(component)) is not a finite number"
        case .malformed(let text, let reason):
            return "cannot read '\(Self.cut(text))' as a coordinate: \(reason); write 42.98,47.50 or 42.98N 47.50E or 42°59′N 47°30′E"
        }
    }
}
