import Coordinates
import Foundation
import TerminalSafe

/// Reads place records from JSON text and checks them: fields, ranges, unique ids, parents that exist.
public enum PlaceLoader {
    private static let idPattern = Set("abcdefghijklmnopqrstuvwxyz0123456789-")

    /// Decodes one record; `path` names it in errors.
    public static func place(fromJSON text: String, path: String) throws(GazetteerError) -> Place {
        let record: PlaceRecord
        do {
            record = try JSONDecoder().decode(PlaceRecord.self, from: Data(text.utf8))
        } catch let error as DecodingError {
            if case .dataCorrupted = error, let syntax = JSONSyntax.error(in: text) {
                throw GazetteerError(location: "\(path):\(syntax.line)", message: "not valid JSON: \(syntax.message)")
            }
            throw GazetteerError(location: path, message: describe(error) + "; see gazetteer/README.md for the record format")
        } catch {
            throw GazetteerError(location: path, message: "\(error)")
        }
        return try check(record, path: path, text: text)
    }

    /// Decodes every record, then checks what spans records: duplicate ids and dangling or circular
    /// parents. A parent may also be one of `others` (the world's places, when they are loaded beside).
    public static func places(from records: [(path: String, json: String)], parentsAmong others: [Place] = []) throws(GazetteerError) -> [Place] {
        var places: [Place] = []
        var seen: [String: String] = [:]
        for record in records {
            let place = try place(fromJSON: record.json, path: record.path)
            if let first = seen[place.id] {
                throw GazetteerError(location: record.path, message: "duplicate id '\(place.id)', first defined in \(first); give one of them another id")
            }
            seen[place.id] = record.path
            places.append(place)
        }
        var byId = Dictionary(others.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for place in places { byId[place.id] = place }
        for place in places {
            var chain: Set<String> = [place.id]
            var current = place
            while let parent = current.parent {
                guard let next = byId[parent] else {
                    throw GazetteerError(location: line(of: "\"parent\"", in: place, records: records), message: "parent '\(parent)' of '\(place.id)' is not in the gazetteer; add it or fix the id")
                }
                guard chain.insert(parent).inserted else {
                    throw GazetteerError(location: place.origin, message: "parents of '\(place.id)' form a loop through '\(parent)'")
                }
                current = next
            }
        }
        return places
    }

    private static func check(_ r: PlaceRecord, path: String, text: String) throws(GazetteerError) -> Place {
        func fail(_ field: String, _ message: String) -> GazetteerError {
            GazetteerError(location: lineLocation(of: "\"\(field)\"", in: text, path: path), message: message)
        }
        guard !r.id.isEmpty, r.id.allSatisfy({ idPattern.contains($0) }) else {
            throw fail("id", "id '\(r.id)' must be lowercase letters, digits and hyphens, like 'amirabad-port'")
        }
        guard !r.name.trimmingCharacters(in: .whitespaces).isEmpty else { throw fail("name", "the English name is empty") }
        guard let kind = PlaceKind(rawValue: r.kind) else {
            throw fail("kind", "unknown kind '\(r.kind)'; use one of \(PlaceKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let country = r.country, !(country.count == 2 && country.allSatisfy { $0.isASCII && $0.isUppercase }) {
            throw fail("country", "country '\(country)' is not an ISO 3166-1 alpha-2 code such as 'RU'")
        }
        let coordinate: Coordinate
        do {
            coordinate = try Coordinate(latitude: r.lat, longitude: r.lon)
        } catch {
            throw fail("lat", error.description)
        }
        var bbox: BoundingBox?
        if let b = r.bbox {
            guard b.count == 4 else { throw fail("bbox", "bbox needs four numbers [west, south, east, north]") }
            let box = BoundingBox(west: b[0], south: b[1], east: b[2], north: b[3])
            guard (-180...180).contains(box.west), (-180...180).contains(box.east),
                  (-90...90).contains(box.south), (-90...90).contains(box.north), box.south <= box.north else {
                throw fail("bbox", "bbox \(b) is not [west, south, east, north] in degrees")
            }
            guard box.contains(coordinate) else {
                throw fail("bbox", "the coordinate \(coordinate.decimalString()) lies outside the bbox \(b)")
            }
            bbox = box
        }
        guard !r.names.isEmpty, r.names.values.allSatisfy({ !$0.isEmpty && $0.allSatisfy { !$0.isEmpty } }) else {
            throw fail("names", "names needs at least one language with non-empty names, like {\"en\": [\"\(r.name)\"]}")
        }
        // Names are bounded where they enter: a name of a million words would make matching text quadratic.
        for name in [r.name] + r.names.values.joined() + (r.abbreviations ?? [:]).values.joined() {
            guard NameNormalizer.isAcceptable(length: name) else {
                throw fail("names", "the name '\(TerminalText.excerpt(name))' is longer than a place name may be (\(NameNormalizer.maximumNameLength) characters, \(NameNormalizer.maximumNameWords) words)")
            }
            guard !name.unicodeScalars.contains(where: TerminalText.needsEscape) else {
                throw fail("names", "the name '\(TerminalText.excerpt(name))' holds a control character")
            }
        }
        return Place(
            id: r.id, name: r.name, kind: kind, country: r.country, parent: r.parent, coordinate: coordinate, bbox: bbox,
            names: r.names, abbreviations: r.abbreviations ?? [:], links: r.links ?? [:], sources: r.sources ?? [:],
            origin: path
        )
    }

    private static func line(of needle: String, in place: Place, records: [(path: String, json: String)]) -> String {
        guard let record = records.first(where: { $0.path == place.origin }) else { return place.origin }
        return lineLocation(of: needle, in: record.json, path: place.origin)
    }

    /// `path:line` of the first occurrence of `needle`, or `path` when it does not occur.
    static func lineLocation(of needle: String, in text: String, path: String) -> String {
        guard let range = text.range(of: needle) else { return path }
        return "\(path):\(text[..<range.lowerBound].filter { $0 == "\n" }.count + 1)"
    }

    private static func describe(_ error: DecodingError) -> String {
        func at(_ path: [CodingKey]) -> String {
            path.isEmpty ? "" : " at '\(path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: "."))'"
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing field '\(key.stringValue)'\(at(context.codingPath))"
        case .typeMismatch(let type, let context):
            return "wrong type\(at(context.codingPath)): expected \(type)"
        case .valueNotFound(let type, let context):
            return "missing value\(at(context.codingPath)): expected \(type)"
        case .dataCorrupted(let context):
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return "not valid JSON\(at(context.codingPath)): \(underlying ?? context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
