/// A GeoJSON position: longitude then latitude, in degrees on WGS84 (RFC 7946 §3.1.1).
public struct Position: Equatable, Sendable {
    public var longitude: Double
    public var latitude: Double

    /// A position; note the order, which is GeoJSON's and not the `lat, lon` people type.
    public init(longitude: Double, latitude: Double) {
        self.longitude = longitude
        self.latitude = latitude
    }
}
