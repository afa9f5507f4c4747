extension Coordinate {
    /// `lat, lon` in decimal degrees with `places` decimals, the order people type: `42.97782, 47.50027`.
    public func decimalString(places: Int = 5) -> String {
        "\(fixed(latitude, places)), \(fixed(longitude, places))"
    }

    /// Degrees, minutes and seconds with hemisphere letters: `42°58′40″N 47°30′01″E`.
    public var dmsString: String {
        "\(Self.dms(latitude, positive: "N", negative: "S")) \(Self.dms(longitude, positive: "E", negative: "W"))"
    }

    private static func dms(_ value: Double, positive: String, negative: String) -> String {
        var seconds = Int((abs(value) * 3600).rounded())
        let degrees = seconds / 3600
        seconds -= degrees * 3600
        let minutes = seconds / 60
        seconds -= minutes * 60
        let pad = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return "\(degrees)°\(pad(minutes))′\(pad(seconds))″\(value < 0 ? negative : positive)"
    }
}

/// Formats `value` with exactly `places` decimals, without Foundation's locale-dependent formatters.
public func fixed(_ value: Double, _ places: Int) -> String {
    guard value.isFinite else { return "\(value)" }
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    guard scaled < 9.0e15 else { return "\(value)" }
    let digits = String(Int64(scaled))
    let sign = value < 0 && scaled != 0 ? "-" : ""
    guard places > 0 else { return sign + digits }
    let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
    return sign + padded.dropLast(places) + "." + padded.suffix(places)
}
