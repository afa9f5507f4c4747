import Coordinates
import GeoJSON

/// What a person reads about a feature in a popup or a KML balloon: its name, kind, coordinate
/// source, route legs and the quoted passages that support it. Producers' property names are
/// routemap's (`name`, `kind`, `mode`, `coordinate_source`, `legs`, `citations`…).
public struct FeatureDescription: Sendable {
    /// The feature's name, or its id.
    public let name: String
    /// Lines of `label: value` facts, in order.
    public let facts: [(label: String, value: String)]
    /// A route's legs: from, to, mode and distance in km.
    public let legs: [(from: String, to: String, mode: String, kilometres: Double?)]
    /// Quoted passages: the quote and where it is (`document [start, end)`).
    public let citations: [(quote: String, source: String)]

    /// Reads what the feature says of itself.
    public init(_ feature: Feature) {
        name = feature.string("name") ?? feature.id ?? "unnamed"
        var facts: [(String, String)] = []
        let labelled: [(String, String)] = [
            ("kind", "kind"), ("feature_type", "type"), ("mode", "mode"), ("status", "status"), ("activity", "activity"),
            ("carries", "carries"), ("country", "country"), ("place", "place"), ("coordinate_source", "coordinate source"),
            ("radius", "radius"), ("centre_name", "centre"),
        ]
        for (key, label) in labelled {
            if let text = feature.string(key), !text.isEmpty { facts.append((label, text)) }
        }
        if let total = feature.number("total_km") { facts.append(("total", "\(fixed(total, 1)) km")) }
        if let area = feature.number("area_km2") { facts.append(("area", "\(fixed(area, 0)) km²")) }
        if case .point(let p)? = feature.geometry { facts.append(("location", "\(fixed(p.latitude, 5)), \(fixed(p.longitude, 5))")) }
        self.facts = facts
        var names: [String: String] = [:]
        if case .array(let waypoints)? = feature.property("waypoints") {
            for case .object(let members) in waypoints {
                if case .string(let id)? = members.first(where: { $0.0 == "id" })?.1, case .string(let name)? = members.first(where: { $0.0 == "name" })?.1 {
                    names[id] = name
                }
            }
        }
        var legs: [(String, String, String, Double?)] = []
        if case .array(let items)? = feature.property("legs") {
            for case .object(let members) in items {
                let text = { (key: String) -> String in
                    if case .string(let s)? = members.first(where: { $0.0 == key })?.1 { return s }
                    return ""
                }
                var km: Double?
                switch members.first(where: { $0.0 == "distance_km" })?.1 {
                case .number(let x)?: km = x
                case .integer(let n)?: km = Double(n)
                default: km = nil
                }
                legs.append((names[text("from")] ?? text("from"), names[text("to")] ?? text("to"), text("mode"), km))
            }
        }
        self.legs = legs
        var citations: [(String, String)] = []
        if case .array(let items)? = feature.property("citations") {
            for case .object(let members) in items {
                let value = { (key: String) -> String in
                    switch members.first(where: { $0.0 == key })?.1 {
                    case .string(let s)?: s
                    case .integer(let n)?: String(n)
                    case .number(let x)?: fixed(x, 0)
                    default: ""
                    }
                }
                citations.append((value("quote"), "\(value("document")) [\(value("start")), \(value("end")))"))
            }
        }
        self.citations = citations
    }

    /// The description as a small HTML fragment (every text escaped).
    public var html: String {
        var out = "<div class=\"rm-popup\"><h3>\(XMLText.escaped(name))</h3>"
        if !facts.isEmpty {
            out += "<table>"
            for (label, value) in facts { out += "<tr><th>\(XMLText.escaped(label))</th><td>\(XMLText.escaped(value))</td></tr>" }
            out += "</table>"
        }
        if !legs.isEmpty {
            out += "<p><b>Legs</b></p><ol>"
            for leg in legs {
                let distance = leg.kilometres.map { ", \(fixed($0, 1)) km" } ?? ""
                out += "<li>\(XMLText.escaped(leg.from)) → \(XMLText.escaped(leg.to)) (\(XMLText.escaped(leg.mode))\(distance))</li>"
            }
            out += "</ol>"
        }
        for citation in citations {
            out += "<blockquote>“\(XMLText.escaped(citation.quote))”<br><small>\(XMLText.escaped(citation.source))</small></blockquote>"
        }
        return out + "</div>"
    }
}
