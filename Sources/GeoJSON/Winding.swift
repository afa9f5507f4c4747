/// The right-hand rule of RFC 7946 §3.1.6: exterior rings counterclockwise, holes clockwise.
public enum Winding {
    /// Twice the signed area of a closed ring in the lon/lat plane; positive when counterclockwise.
    public static func signedArea(_ ring: [Position]) -> Double {
        zip(ring, ring.dropFirst()).reduce(0) { $0 + ($1.0.longitude * $1.1.latitude - $1.1.longitude * $1.0.latitude) }
    }

    /// The ring, reversed if needed so that it runs counterclockwise (or clockwise).
    public static func wound(_ ring: [Position], counterclockwise: Bool) -> [Position] {
        (signedArea(ring) > 0) == counterclockwise ? ring : ring.reversed()
    }
}
