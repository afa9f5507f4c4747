import Coordinates
import Gazetteer
import Geodesy
import TerminalSafe
import Waterways

/// What can go wrong turning user input into places and routes; every case is a data or resolution error (exit 1).
public enum RouteMapError: Error, Sendable, CustomStringConvertible {
    case unknownPlace(String, suggestions: [PlaceMatch])
    case ambiguousPlace(String, [PlaceMatch])
    case badCoordinate(String, CoordinateError)
    case badData(GazetteerError)
    case badRing(String, GeodesicRing.RingError)
    case badWaterNetwork(WaterwaysError)

    public var description: String {
        switch self {
        case .unknownPlace(let query, _) where query.allSatisfy(\.isWhitespace):
            return "an empty place name: give a name such as Moscow, or a coordinate such as 42.98,47.50"
        case .unknownPlace(let query, let suggestions):
            let plain = suggestions.map { $0.place.name == $0.matchedName ? $0.place.name : "\($0.matchedName) (\($0.place.name))" }
            // Names that repeat, or a name asked for in another country, are written as they can be typed: Moscow@US.
            let qualified = Gazetteer.qualified(query).qualifier != nil
            var names: [String] = []
            for (i, name) in plain.enumerated() {
                let country = suggestions[i].place.country
                let typed = (qualified || plain.filter { $0 == name }.count > 1) && country != nil ? "\(suggestions[i].matchedName)@\(country!)" : name
                if !names.contains(typed) { names.append(typed) }
            }
            let hint = names.isEmpty
                ? "check the spelling, or give a coordinate such as 42.98,47.50"
                : "did you mean \(Self.orList(names))?"
            return "unknown place '\(TerminalText.excerpt(query, limit: 200))' — \(hint)"
        case .ambiguousPlace(let query, let candidates):
            let lines = candidates.enumerated().map { i, m in
                "  \(i + 1). \(m.place.id) — \(m.place.name) (\(m.place.kind.rawValue)\(m.place.country.map { ", \($0)" } ?? "")): \(m.reason)"
            }
            return "ambiguous place '\(TerminalText.excerpt(query, limit: 200))' fits \(candidates.count) places equally well; name one by id:\n" + lines.joined(separator: "\n")
        case .badCoordinate(let text, let error):
            return "bad coordinate '\(TerminalText.excerpt(text, limit: 200))': \(error)"
        case .badData(let error):
            return "gazetteer data: \(error)"
        case .badRing(let centre, let error):
            return "ring around \(TerminalText.excerpt(centre, limit: 200)): \(error)"
        case .badWaterNetwork(let error):
            return error.description
        }
    }

    private static func orList(_ names: [String]) -> String {
        names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}
