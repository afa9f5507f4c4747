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

    /// An azimuth from what people type: a compass point (`SE`, `nne`), a direction in words
    /// (`south-east`, `southeast`, `east`), or degrees clockwise from north (`135`, `135°`, `-45`); nil otherwise.
    public static func parse(_ text: String) -> Double? {
        let word = String(text.lowercased().filter { $0 != " " })
        if let index = points.firstIndex(where: { $0.lowercased() == word }) { return Double(index) * 22.5 }
        let words = ["north", "north-north-east", "north-east", "east-north-east", "east", "east-south-east", "south-east", "south-south-east",
                     "south", "south-south-west", "south-west", "west-south-west", "west", "west-north-west", "north-west", "north-north-west"]
        if let index = words.firstIndex(where: { $0 == word || $0.filter { $0 != "-" } == word }) { return Double(index) * 22.5 }
        var number = Substring(word)
        for suffix in ["°", "degrees", "deg"] where number.hasSuffix(suffix) { number = number.dropLast(suffix.count) }
        guard let value = Double(number), value.isFinite, (-360...360).contains(value) else { return nil }
        return value
    }
}
