import Coordinates
import GeoJSON
import Gazetteer
import Geoparser

/// Prints mentions as text, JSON or GeoJSON.
enum MentionReport {
    static func text(document: String, mentions: [Mention]) -> String {
        var lines = ["\(document): \(mentions.count) mention\(mentions.count == 1 ? "" : "s") of \(Set(mentions.map(\.place.id)).count) place\(Set(mentions.map(\.place.id)).count == 1 ? "" : "s")"]
        for m in mentions {
            lines.append("  \(m.start)-\(m.end)  \(m.surface) → \(m.place.id) (\(m.place.kind.rawValue)) by \(m.how)")
            if let reason = m.reason { lines.append("      chosen: \(reason); over \(m.alternatives.map { "\($0.place.id) (\($0.reason))" }.joined(separator: ", "))") }
        }
        return lines.joined(separator: "\n")
    }

    static func json(document: String, mentions: [Mention]) -> JSONValue {
        .object([
            ("document", .string(document)),
            ("mentions", .array(mentions.map { m in
                .object([
                    ("surface", .string(m.surface)),
                    ("start", .number(Double(m.start))),
                    ("end", .number(Double(m.end))),
                    ("id", .string(m.place.id)),
                    ("name", .string(m.place.name)),
                    ("kind", .string(m.place.kind.rawValue)),
                    ("lat", .number(m.place.coordinate.latitude)),
                    ("lon", .number(m.place.coordinate.longitude)),
                    ("matched", .object([("name", .string(m.matchedName)), ("language", .optional(m.language)), ("inflected", .bool(m.isInflected))])),
                    ("reason", .optional(m.reason)),
                    ("alternatives", .array(m.alternatives.map { .object([("id", .string($0.place.id)), ("reason", .string($0.reason))]) })),
                ])
            })),
        ])
    }

    /// One Point per distinct place across the documents, with its mentions.
    static func features(_ documents: [(name: String, mentions: [Mention])]) -> FeatureCollection {
        var order: [String] = []
        var byPlace: [String: (place: Place, mentions: [(String, Mention)])] = [:]
        for (name, mentions) in documents {
            for m in mentions {
                if byPlace[m.place.id] == nil { order.append(m.place.id) }
                byPlace[m.place.id, default: (m.place, [])].mentions.append((name, m))
            }
        }
        return FeatureCollection(features: order.map { id in
            let (place, mentions) = byPlace[id]!
            return Feature(id: id, geometry: .point(Position(longitude: place.coordinate.longitude, latitude: place.coordinate.latitude)), properties: [
                ("id", .string(id)),
                ("name", .string(place.name)),
                ("kind", .string(place.kind.rawValue)),
                ("country", .optional(place.country)),
                ("mention_count", .number(Double(mentions.count))),
                ("surfaces", .array(Array(Set(mentions.map { $0.1.surface })).sorted().map(JSONValue.string))),
                ("mentions", .array(mentions.map { .object([("document", .string($0.0)), ("start", .number(Double($0.1.start))), ("end", .number(Double($0.1.end))), ("surface", .string($0.1.surface))]) })),
            ])
        })
    }
}
