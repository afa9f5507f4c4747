/// A country of Natural Earth's 1:50m admin-0 map: its codes, its name and its outline.
public struct Country: Sendable, Hashable {
    /// ISO 3166-1 alpha-2 code, or nil where Natural Earth gives none (Kosovo, Northern Cyprus, Somaliland…).
    public let iso2: String?
    /// ISO 3166-1 alpha-3 code, else Natural Earth's own three-letter code (`KOS`, `CYN`, `SOL`).
    public let code: String
    /// Natural Earth's short English name.
    public let name: String
    /// The outline: polygons, each an outer ring and its holes, rings as closed (longitude, latitude) lists.
    public let polygons: [[[LonLat]]]

    /// The code people read: ISO alpha-2 when there is one, else the three-letter code.
    public var shortCode: String { iso2 ?? code }

    /// Countries are the same when their codes are: the outline does not take part.
    public static func == (a: Country, b: Country) -> Bool { a.code == b.code }
    /// Hashes the code alone, as `==` compares it.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}

/// A vertex of an outline, in degrees, longitude first as in GeoJSON.
public struct LonLat: Sendable, Hashable {
    public let longitude: Double
    public let latitude: Double

    /// A vertex at `longitude`, `latitude` degrees.
    public init(longitude: Double, latitude: Double) {
        self.longitude = longitude
        self.latitude = latitude
    }
}

extension Country: CustomStringConvertible, CustomDebugStringConvertible {
    /// The name and code, `Egypt (EG)`: never the outline.
    public var description: String { "\(name) (\(shortCode))" }
    public var debugDescription: String { "Country(\(shortCode))" }
}
