import ArgumentParser
import Coordinates
import GeoJSON
import Gazetteer
import RouteMap

/// `routemap resolve`: look names up in the gazetteer.
struct Resolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Resolve place names, aliases or ids to gazetteer places.",
        discussion: """
        Names match regardless of case, diacritics, punctuation and spacing, in any language the
        gazetteer records (English, Indonesian, Russian, Persian…). A name that fits several places
        equally well is reported with the candidates; name one by its id.

        A name that fits several places (homonyms) takes the best by: an exact id, curated before
        imported, how it matched (English name, a document language's name, another language's),
        kind (country, sea, city, port… village), population; --near prefers the ones within
        300 km of the places it names, nearest first. A country narrows the search: Amirabad@IR,
        "Amirabad, Iran". Up to three other readings are shown; --all ranks every one, with why.

        Examples:
          routemap resolve Alabuga
          routemap resolve "Laut Kaspia" Moskow Teheran AS
          routemap resolve Махачкала امیرآباد --json
          routemap resolve Amirabad --all --near Makhachkala
          routemap resolve "Moscow, US" Springfield@US
        """
    )

    @Argument(help: "Place names, aliases or ids.")
    var names: [String]

    @Flag(name: .long, help: "Rank every place each name fits, with the reason for each rank.")
    var all = false

    @Option(name: .long, help: ArgumentHelp("Prefer the places within 300 km of this place or coordinate (repeatable).", valueName: "place"))
    var near: [String] = []

    @OptionGroup var output: OutputOptions

    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        guard !names.isEmpty else { throw ValidationError("give at least one place name, for example: routemap resolve Alabuga") }
    }

    func run() throws {
        let lookup = PlaceLookup(gazetteerOptions)
        let context = try near.map { text throws(RouteMapError) in try lookup.waypoint(for: text) }.map { (name: $0.name, coordinate: $0.coordinate) }
        var answers: [JSONValue] = []
        var failed = false
        let gazetteer = try lookup.gazetteer
        let rankings = names.map { NearnessRanking(context: context).rank(gazetteer.candidates(for: $0)) }
        // Names no near reading or id decides keep the gazetteer's order, and its errors (unknown,
        // equal best readings); their verdicts come at once, so unknown names share one scan for near names.
        let undecided = names.indices.filter { i in !(rankings[i].first.map { $0.isNear || $0.match.kind == .id } ?? false) }
        var verdicts: [Int: Resolution] = [:]
        for (i, resolution) in zip(undecided, gazetteer.resolve(undecided.map { names[$0] })) { verdicts[i] = resolution }
        for (i, name) in names.enumerated() {
            switch verdicts[i] {
            case .ambiguous(let candidates)?:
                Terminal.error(RouteMapError.ambiguousPlace(name, candidates).description)
                failed = true
                continue
            case .unknown(let suggestions)?:
                Terminal.error(RouteMapError.unknownPlace(name, suggestions: suggestions).description)
                failed = true
                continue
            default:
                break
            }
            if output.json {
                answers.append(json(query: name, ranking: rankings[i], gazetteer: gazetteer))
            } else {
                try results.line(text(query: name, ranking: rankings[i], gazetteer: gazetteer))
            }
        }
        if output.json { try results.write(utf8: JSONValue.array(answers).rendered) }
        if failed { throw ExitCode(1) }
    }

    private func text(query: String, ranking: [RankedCandidate], gazetteer: Gazetteer) -> String {
        let match = ranking[0].match, place = match.place
        var lines = ["\(query) → \(place.id): \(place.name)"]
        lines.append("  kind      \(place.kind.rawValue)" + (place.country.map { ", country \($0)" } ?? ""))
        lines.append("  location  \(place.coordinate.decimalString())  (\(place.coordinate.dmsString))")
        if let bbox = place.bbox { lines.append("  bbox      \(bbox.array.map { fixed($0, 4) }.joined(separator: ", "))  (west, south, east, north)") }
        lines.append("  matched   \(ranking[0].reason)")
        let ancestors = gazetteer.ancestors(of: place)
        if !ancestors.isEmpty { lines.append("  within    " + ancestors.map(\.name).joined(separator: " › ")) }
        if let source = place.sources["coordinate"] { lines.append("  source    \(source)") }
        if all {
            lines.append("  ranking   \(ranking.count) place\(ranking.count == 1 ? "" : "s") named '\(query)', best first:")
            for (i, candidate) in ranking.enumerated() {
                let p = candidate.match.place
                lines.append("    \(i + 1). \(p.id) (\(p.kind.rawValue)\(p.country.map { ", \($0)" } ?? "")): \(candidate.reason)")
            }
        } else {
            for alternative in ranking.dropFirst().prefix(3) {
                lines.append("  also      \(alternative.match.place.id) (\(alternative.match.place.kind.rawValue)): \(alternative.reason), ranked lower")
            }
            if ranking.count > 4 { lines.append("  …         \(ranking.count - 4) more; --all ranks every one with its reasons") }
        }
        return lines.joined(separator: "\n")
    }

    private func json(query: String, ranking: [RankedCandidate], gazetteer: Gazetteer) -> JSONValue {
        let match = ranking[0].match, place = match.place
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
            ("alternatives", .array(ranking.dropFirst().map { alt in
                .object([("id", .string(alt.match.place.id)), ("name", .string(alt.match.place.name)), ("reason", .string(alt.reason))]
                    + (alt.nearest.map { [("distance_to_context_m", JSONValue.number($0.distance))] } ?? []))
            })),
        ]
        return .object(members)
    }
}
