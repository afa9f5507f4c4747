extension Coordinate {
    /// Parses what people type: `42.98,47.50`, `42.98 47.50`, `42.98N 47.50E`, `42°59′N 47°30′E`, `42:59:00N, 47:30E`.
    ///
    /// Latitude comes first unless hemisphere letters say otherwise (`47.5E 42.98N`).
    public init(parsing text: String) throws(CoordinateError) {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw .empty }
        let (first, second) = try Self.splitPair(trimmed, original: text)
        let a = try Angle(parsing: first, original: text)
        let b = try Angle(parsing: second, original: text)
        let latitude: Angle, longitude: Angle
        switch (a.axis, b.axis) {
        case (.longitude, .latitude), (.longitude, nil), (nil, .latitude):
            (latitude, longitude) = (b, a)
        case (.latitude, .latitude), (.longitude, .longitude):
            throw .malformed(text, reason: "both parts name the same axis")
        default:
            (latitude, longitude) = (a, b)
        }
        try self.init(latitude: latitude.degrees, longitude: longitude.degrees)
    }

    /// True when `text` should be read as a coordinate rather than a place name: it holds a digit.
    public static func looksLikeCoordinate(_ text: String) -> Bool {
        text.unicodeScalars.contains { ("0"..."9").contains($0) }
    }

    private static func splitPair(_ text: String, original: String) throws(CoordinateError) -> (String, String) {
        let commas = text.filter { $0 == "," }.count
        if commas == 1 {
            let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
            guard !parts[0].isEmpty else { throw .malformed(original, reason: "the latitude before the comma is missing") }
            guard !parts[1].isEmpty else { throw .malformed(original, reason: "the longitude after the comma is missing") }
            return (parts[0], parts[1])
        }
        guard commas == 0 else { throw .malformed(original, reason: "more than one comma") }
        // No comma: split after the first hemisphere letter, or else at the only run of spaces.
        let scalars = Array(text)
        if let split = scalars.firstIndex(where: { "NSns".contains($0) }), split > 0, split < scalars.count - 1 {
            let head = String(scalars[...split]).trimmingWhitespace()
            let tail = String(scalars[(split + 1)...]).trimmingWhitespace()
            if !tail.isEmpty { return (head, tail) }
        }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count == 2 else {
            throw .malformed(original, reason: words.count < 2 ? "a latitude and a longitude are needed" : "expected two numbers")
        }
        return (String(words[0]), String(words[1]))
    }
}

/// One parsed latitude or longitude, with the axis its hemisphere letter names, if any.
private struct Angle {
    enum Axis { case latitude, longitude }
    var degrees: Double
    var axis: Axis?

    init(parsing raw: String, original: String) throws(CoordinateError) {
        var text = Substring(raw.trimmingWhitespace())
        if ["nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity"].contains(text.lowercased()) {
            throw .notFinite(component: "'\(text)'")
        }
        var sign = 1.0
        axis = nil
        if let letter = text.last, let (s, a) = Self.hemisphere(letter) {
            (sign, axis) = (s, a)
            text = text.dropLast()
        } else if let letter = text.first, let (s, a) = Self.hemisphere(letter) {
            (sign, axis) = (s, a)
            text = text.dropFirst()
        }
        let numbers = text.split(whereSeparator: { "°º'′’\"″”: \t".contains($0) || $0 == "d" })
        guard (1...3).contains(numbers.count) else {
            throw .malformed(original, reason: "'\(raw)' is not degrees, degrees and minutes, or degrees, minutes and seconds")
        }
        var values: [Double] = []
        for (index, number) in numbers.enumerated() {
            if let value = Self.decimal(number, signed: index == 0) {
                values.append(value)
            } else if let value = Double(number), !value.isFinite || number.contains(where: { $0 == "e" || $0 == "E" }) {
                guard value.isFinite else { throw .notFinite(component: "'\(number)'") }
                values.append(value)
            } else {
                throw .malformed(original, reason: "'\(number)' is not a decimal number")
            }
        }
        if axis != nil, values[0] < 0 {
            throw .malformed(original, reason: "'\(raw)' has both a minus sign and a hemisphere letter")
        }
        for minutesOrSeconds in values.dropFirst() where minutesOrSeconds >= 60 {
            throw .malformed(original, reason: "minutes and seconds must be below 60 in '\(raw)'")
        }
        let magnitude = abs(values[0]) + (values.count > 1 ? values[1] / 60 : 0) + (values.count > 2 ? values[2] / 3600 : 0)
        degrees = sign * (values[0] < 0 || raw.hasPrefix("-") ? -magnitude : magnitude)
    }

    private static func hemisphere(_ letter: Character) -> (Double, Axis)? {
        switch letter {
        case "N", "n": (1, .latitude)
        case "S", "s": (-1, .latitude)
        case "E", "e": (1, .longitude)
        case "W", "w": (-1, .longitude)
        default: nil
        }
    }

    /// Reads `[-+]digits[.digits]` and nothing else: no exponents, no `nan` or `inf`.
    private static func decimal(_ text: Substring, signed: Bool) -> Double? {
        var body = text
        if signed, let first = body.first, first == "-" || first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              !(parts[0].isEmpty && (parts.count == 1 || parts[1].isEmpty)) else { return nil }
        return Double(text)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[start...end])
    }
}
