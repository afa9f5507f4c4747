/// Compass readings of an azimuth, for people: 0–360° and a 16-point name.
public enum Bearing {
    private static let points = ["N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"]

    /// The azimuth wrapped into [0, 360).
    public static func degrees(_ azimuth: Double) -> Double {
        let x = azimuth.truncatingRemainder(dividingBy: 360)
        return x < 0 ? x + 360 : x
    }

    /// The nearest of the 16 compass points ("N", "NNE", … "NNW").
    public static func compassPoint(_ azimuth: Double) -> String {
        points[Int((degrees(azimuth) / 22.5).rounded()) % 16]
    }

    /// The nearest of the 8 plain-word directions ("north", "north-east", … ) for sentences.
    public static func direction(_ azimuth: Double) -> String {
        ["north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west"][Int((degrees(azimuth) / 45).rounded()) % 8]
    }
}
