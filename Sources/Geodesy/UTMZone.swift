import Coordinates

/// The UTM zone of a WGS84 point, with the Norway and Svalbard exceptions of the UTM grid.
public struct UTMZone: Equatable, Sendable, CustomStringConvertible {
    /// Zone number, 1…60.
    public let number: Int
    /// Whether the point is in the northern hemisphere (latitude ≥ 0).
    public let isNorth: Bool

    /// The EPSG code of "WGS 84 / UTM zone nN|S": 326nn north, 327nn south.
    public var epsg: String { "EPSG:\(isNorth ? 32600 + number : 32700 + number)" }

    public var description: String { "\(number)\(isNorth ? "N" : "S")" }

    /// The zone for a coordinate; nil beyond 84°N and 80°S, where UTM gives way to the polar (UPS) grid.
    public init?(_ coordinate: Coordinate) {
        let lat = coordinate.latitude, lon = coordinate.longitude
        guard lat <= 84, lat >= -80 else { return nil }
        var zone = Int(((lon + 180) / 6).rounded(.down)) % 60 + 1
        if lat >= 56, lat < 64, lon >= 3, lon < 12 { zone = 32 }
        if lat >= 72, lat <= 84, lon >= 0, lon < 42 {
            switch lon {
            case ..<9: zone = 31
            case ..<21: zone = 33
            case ..<33: zone = 35
            default: zone = 37
            }
        }
        number = zone
        isNorth = lat >= 0
    }
}
