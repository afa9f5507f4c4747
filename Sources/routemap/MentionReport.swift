import Coordinates
import GeoJSON
import Gazetteer
import Geoparser

/// Prints mentions as text, JSON or GeoJSON.
enum MentionReport {
    /// One document's mentions as text for people, a line or two each, control characters escaped (`TerminalText`).
    static func text(document: String, mentions: [Mention]) -> String {
        let places = Set(mentions.map(\.place.id)).count
        var lines = ["\(document): \(mentions.count) mention\(mentions.count == 1 ? "" : "s") of \(places) place\(places == 1 ? "" : "s")"]
        for m in mentions {
            lines.append("  \(m.start)-\(m.end)  \(m.surface) → \(m.place.id) (\(m.place.kind.rawValue)) by \(m.how)")
            if let reason = m.reason { lines.append("      chosen: \(reason); over \(m.alternatives.map { "\($0.place.id) (\($0.reason))" }.joined(separator: ", "))") }
        }
        return TerminalText.escaped(lines.joined(separator: "\n"))
    }

    static func json(document: String, mentions: [Mention]) -> JSONValue {
        .object([
            ("document", .string(document)),
            ("mentions", .array(mentions.map(json(mention:)))),
        ])
    }

    /// One mention: surface, offsets, place, how it matched, and the places it beat.
    static func json(mention m: Mention) -> JSONValue {
        .object([
            ("surface", .string(m.surface)),
            ("start", .integer(m.start)),
            ("end", .integer(m.end)),
            ("id", .string(m.place.id)),
            ("name", .string(m.place.name)),
            ("kind", .string(m.place.kind.rawValue)),
            ("lat", .number(m.place.coordinate.latitude)),
            ("lon", .number(m.place.coordinate.longitude)),
            ("matched", .object([("name", .string(m.matchedName)), ("language", .optional(m.language)), ("inflected", .bool(m.isInflected))])),
            ("reason", .optional(m.reason)),
            ("alternatives", .array(m.alternatives.map { .object([("id", .string($0.place.id)), ("reason", .string($0.reason))]) })),
        ])
    }

    /// One Point per distinct place across the documents, with its mentions, made one place at a
    /// time as the GeoJSON is written: a million mentions never stand as JSON all at once.
    struct PlaceFeatures {
        let documents: [(name: String, mentions: [Mention])]
        /// Place ids in order of first mention, and each place's mentions as (document, mention) indexes.
        private(set) var order: [String] = []
        private var mentionsByPlace: [String: [(document: Int, mention: Int)]] = [:]

        init(_ documents: [(name: String, mentions: [Mention])]) {
            self.documents = documents
            for (d, document) in documents.enumerated() {
                for (m, mention) in document.mentions.enumerated() {
                    if mentionsByPlace[mention.place.id] == nil { order.append(mention.place.id) }
                    mentionsByPlace[mention.place.id, default: []].append((d, m))
                }
            }
        }

        var count: Int { order.count }

        /// The box of every place's point.
        var bbox: GeoJSON.BoundingBox? {
            FeatureCollection(features: order.indices.map { Feature(geometry: .point(position(of: place($0)))) }).bbox
        }

        private func place(_ i: Int) -> Place {
            let first = mentionsByPlace[order[i]]![0]
            return documents[first.document].mentions[first.mention].place
        }

        private func position(of place: Place) -> Position {
            Position(longitude: place.coordinate.longitude, latitude: place.coordinate.latitude)
        }

        /// The feature of the i-th place.
        func feature(at i: Int) -> Feature {
            let id = order[i], place = place(i)
            let mentions = mentionsByPlace[id]!.map { (documents[$0.document].name, documents[$0.document].mentions[$0.mention]) }
            return Feature(id: id, geometry: .point(position(of: place)), properties: [
                ("id", .string(id)),
                ("name", .string(place.name)),
                ("kind", .string(place.kind.rawValue)),
                ("country", .optional(place.country)),
                ("mention_count", .integer(mentions.count)),
                ("surfaces", .array(Array(Set(mentions.map { $0.1.surface })).sorted().map(JSONValue.string))),
                ("mentions", .array(mentions.map { .object([("document", .string($0.0)), ("start", .integer($0.1.start)), ("end", .integer($0.1.end)), ("surface", .string($0.1.surface))]) })),
            ])
        }
    }
}
