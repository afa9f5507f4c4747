import ArgumentParser
import Coordinates
import GeoJSON
import Gazetteer
import RouteMap

/// `routemap resolve`: look names up in the gazetteer.
struct Resolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Resolve place names, aliases or ids to gazetteer places.",
        discussion: """
        Names match regardless of case, diacritics, punctuation and spacing, in any language the
        gazetteer records (English, Indonesian, Russian, Persian…). A name that fits several places
        equally well is reported with the candidates; name one by its id.

        Examples:
          routemap resolve Alabuga
          routemap resolve "Laut Kaspia" Moskow Teheran AS
          routemap resolve Махачкала امیرآباد --json
        """
    )

    @Argument(help: "Place names, aliases or ids.")
    var names: [String]

    @OptionGroup var output: OutputOptions

    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        guard !names.isEmpty else { throw ValidationError("give at least one place name, for example: routemap resolve Alabuga") }
    }

    func run() throws {
        var lookup = try PlaceLookup(gazetteerOptions)
        var results: [JSONValue] = []
        var failed = false
        for name in names {
            do {
                let (match, alternatives) = try lookup.place(for: name)
                let gazetteer = lookup.gazetteer
                if output.json {
                    results.append(json(query: name, match: match, alternatives: alternatives, gazetteer: gazetteer))
                } else {
                    print(text(query: name, match: match, alternatives: alternatives, gazetteer: gazetteer))
                }
            } catch {
                Terminal.error(error.description)
                failed = true
            }
        }
        if output.json { print(JSONValue.array(results).rendered, terminator: "") }
        if failed { throw ExitCode(1) }
    }

    private func text(query: String, match: PlaceMatch, alternatives: [PlaceMatch], gazetteer: Gazetteer) -> String {
        let place = match.place
        var lines = ["\(query) → \(place.id): \(place.name)"]
        lines.append("  kind      \(place.kind.rawValue)" + (place.country.map { ", country \($0)" } ?? ""))
        lines.append("  location  \(place.coordinate.decimalString())  (\(place.coordinate.dmsString))")
        if let bbox = place.bbox { lines.append("  bbox      \(bbox.array.map { fixed($0, 4) }.joined(separator: ", "))  (west, south, east, north)") }
        lines.append("  matched   \(match.reason)")
        let ancestors = gazetteer.ancestors(of: place)
        if !ancestors.isEmpty { lines.append("  within    " + ancestors.map(\.name).joined(separator: " › ")) }
        if let source = place.sources["coordinate"] { lines.append("  source    \(source)") }
        for alternative in alternatives {
            lines.append("  also      \(alternative.place.id) (\(alternative.place.kind.rawValue)): \(alternative.reason), ranked lower")
        }
        return lines.joined(separator: "\n")
    }

    private func json(query: String, match: PlaceMatch, alternatives: [PlaceMatch], gazetteer: Gazetteer) -> JSONValue {
        let place = match.place
        var members: [(String, JSONValue)] = [
            ("query", .string(query)),
            ("id", .string(place.id)),
            ("name", .string(place.name)),
            ("kind", .string(place.kind.rawValue)),
            ("country", .optional(place.country)),
            ("lat", .number(place.coordinate.latitude)),
            ("lon", .number(place.coordinate.longitude)),
        ]
        if let bbox = place.bbox { members.append(("bbox", .array(bbox.array.map(JSONValue.number)))) }
        members += [
            ("matched", .object([
                ("name", .string(match.matchedName)),
                ("language", .optional(match.language)),
                ("by", .string(match.kind.description)),
            ])),
            ("parents", .array(gazetteer.ancestors(of: place).map { .string($0.id) })),
            ("links", .object(place.links.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
            ("sources", .object(place.sources.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
            ("alternatives", .array(alternatives.map { alt in
                .object([("id", .string(alt.place.id)), ("name", .string(alt.place.name)), ("reason", .string(alt.reason))])
            })),
        ]
        return .object(members)
    }
}
