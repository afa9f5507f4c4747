/// A distance a user typed with its unit, such as `2500km`, `900 mi` or `1350nmi`.
public struct Length: Equatable, Sendable, CustomStringConvertible {
    /// The distance in metres.
    public let metres: Double
    /// The number as typed, in `unit`.
    public let value: Double
    /// The unit it was given in.
    public let unit: DistanceUnit

    /// A length of `value` in `unit`.
    public init(_ value: Double, _ unit: DistanceUnit) {
        self.value = value
        self.unit = unit
        metres = value * unit.metres
    }

    /// Reads a positive number followed by m, km, mi or nmi (nm too; spaces allowed); a bare number is in `defaultUnit`.
    public init(parsing text: String, defaultUnit: DistanceUnit = .km) throws(LengthError) {
        let trimmed = text.filter { !$0.isWhitespace }
        let digits = trimmed.prefix { $0.isNumber || $0 == "." || $0 == "e" || $0 == "E" || $0 == "+" || $0 == "-" }
        let suffix = trimmed.dropFirst(digits.count).lowercased()
        if suffix.contains(where: { $0.isNumber }) {
            throw LengthError(text: text, reason: "write the number without separators (2500km, not 2,500km)")
        }
        guard let number = Double(digits), number.isFinite else { throw LengthError(text: text, reason: "expected a number and a unit") }
        guard number > 0 else { throw LengthError(text: text, reason: "a length must be greater than zero") }
        let unit: DistanceUnit
        if suffix.isEmpty {
            unit = defaultUnit
        } else if let named = DistanceUnit(rawValue: suffix == "nm" ? "nmi" : suffix) {
            unit = named
        } else {
            throw LengthError(text: text, reason: "unknown unit '\(suffix)'; use m, km, mi or nmi")
        }
        self.init(number, unit)
    }

    /// The length as typed, normalised: "2500 km".
    public var description: String {
        let shown = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        return "\(shown) \(unit.rawValue)"
    }
}

/// A length that cannot be read, with the text and why.
public struct LengthError: Error, Equatable, Sendable, CustomStringConvertible {
    public let text: String
    public let reason: String

    public var description: String { "bad length '\(text)': \(reason), such as 2500km, 900mi or 1350nmi" }
}
