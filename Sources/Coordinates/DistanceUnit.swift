/// A unit for showing distances; inside, routemap always works in metres.
public enum DistanceUnit: String, CaseIterable, Sendable {
    case m, km, mi, nmi

    /// How many metres one of this unit is (international mile and nautical mile).
    public var metres: Double {
        switch self {
        case .m: 1
        case .km: 1000
        case .mi: 1609.344
        case .nmi: 1852
        }
    }

    /// Converts metres into this unit.
    public func fromMetres(_ value: Double) -> Double { value / metres }
}
