import ArgumentParser
import Coordinates
import Foundation
import GeoJSON
import RouteMap

extension TransportMode: ExpressibleByArgument {}

/// `routemap route`: an ad-hoc route from the shell.
struct Route: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "Make a route through places or coordinates: legs and total, as text, JSON or a GeoJSON Feature.",
        discussion: """
        A leg's mode is sea, river, road, rail, air or unknown: one for every leg (--mode), one per
        leg (--modes sea,rail), or written before the place a leg goes to (--sea Dunay --rail
        Tikhoretsk). Sea legs (the default) go over the water network: each end snapped to water
        it can reach, then through straits and canals (Bosporus, Dardanelles, Kerch, Suez,
        Volga-Don), every step a WGS84 geodesic. River legs follow the Volga, Kama, Don, Dnieper,
        Danube and the Volga-Don canal. Rail, road, air and unknown legs are geodesics; a rail or
        road leg through a third country, or a water leg the network cannot serve that crosses
        land, is warned about with the countries and kilometres. --cite DOCUMENT:START-END quotes
        the passage that supports the route (code points, end exclusive, as `routemap map` and the
        annotations count them).

        Examples:
          routemap route Amirabad Makhachkala --mode sea --name "Caspian crossing"
          routemap route Sevastopol Tartus          # Bosporus, Dardanelles
          routemap route Astrakhan Yelabuga --mode river
          routemap route Rajin --sea Dunay --rail Tikhoretsk --id nk-munitions --geojson
          routemap route Rajin Dunay Tikhoretsk --modes sea,rail --json
          routemap route Rason Tikhoretsk --mode rail   # warns: China, Mongolia…
          routemap route Amirabad Makhachkala --cite seeds/000_90bee0a42d78c8e4.txt:1222-1351 --geojson
          routemap route 60N,170E 60N,170W --mode air --geojson   # cut at 180°
        """
    )

    @Argument(parsing: .allUnrecognized, help: "Two or more places or coordinates, in route order, each optionally after --sea, --river, --road, --rail, --air or --unknown.")
    var places: [String]

    @Option(name: .long, help: "How goods move on every leg: sea or river (drawn on the water network), road, rail, air or unknown (drawn as geodesics); default sea.")
    var mode: TransportMode?

    @Option(name: .long, help: "One mode per leg, comma-separated: sea,rail.")
    var modes: String?

    @Option(name: .long, help: "An id for the route (default: the waypoints' ids joined by -to-).")
    var id: String?

    @Option(name: .long, help: "A name for the route (default: FIRST → LAST).")
    var name: String?

    @Option(name: .long, help: "DOCUMENT:START-END: a passage that supports the route (repeatable).")
    var cite: [String] = []

    @Option(name: .long, help: "Units for text output and the JSON 'distance' fields: m, km, mi or nmi.")
    var units: DistanceUnit = .km

    @Flag(name: .long, help: "Print JSON for scripts: the fields of 'distance', with the modes, id and name.")
    var json = false

    @Flag(name: .long, help: "Print the route as one GeoJSON Feature.")
    var geojson = false

    @OptionGroup var drawing: GeoJSONOptions

    @OptionGroup var gazetteerOptions: GazetteerOptions

    /// The places without the inline mode words, and the mode each leg's inline word gives (nil: none).
    private var stops: (places: [String], modes: [TransportMode?]) {
        var places: [String] = [], modes: [TransportMode?] = [], pending: TransportMode?
        for text in self.places {
            if text.hasPrefix("--"), let mode = TransportMode(rawValue: String(text.dropFirst(2))) {
                pending = mode
                continue
            }
            if !places.isEmpty { modes.append(pending) }
            pending = nil
            places.append(text)
        }
        return (places, modes)
    }

    func validate() throws {
        try rejectRepeated(["--mode", "--modes", "--id", "--name", "--units", "--precision", "--max-segment"], command: "route")
        let (places, inline) = stops
        try checkNoUnknownOptions(places, command: "route")
        if let last = self.places.last, last.hasPrefix("--"), TransportMode(rawValue: String(last.dropFirst(2))) != nil {
            throw ValidationError("'\(last)' names the mode of a leg: put it before the place the leg goes to, as in --sea Dunay")
        }
        guard places.count >= 2 else {
            throw ValidationError("give at least two places, for example: routemap route Amirabad Makhachkala")
        }
        guard !(json && geojson) else { throw ValidationError("choose one of --json and --geojson") }
        let ways = [mode != nil, modes != nil, inline.contains { $0 != nil }].filter { $0 }.count
        guard ways <= 1 else { throw ValidationError("give the modes one way: --mode for every leg, --modes per leg, or --sea/--rail/… before places") }
        if let modes {
            let list = modes.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            for word in list where TransportMode(rawValue: word) == nil {
                throw ValidationError("unknown mode '\(word)' in --modes: use \(TransportMode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard list.count == places.count - 1 else {
                throw ValidationError("--modes gives \(list.count) mode\(list.count == 1 ? "" : "s") for \(places.count - 1) leg\(places.count == 2 ? "" : "s"): give one per leg, comma-separated")
            }
        }
    }

    /// Each leg's mode.
    private func legModes(legs: Int) -> [TransportMode] {
        if let modes { return modes.split(separator: ",").compactMap { TransportMode(rawValue: $0.trimmingCharacters(in: .whitespaces)) } }
        let inline = stops.modes
        if inline.contains(where: { $0 != nil }) { return inline.map { $0 ?? .unknown } }
        return Array(repeating: mode ?? .sea, count: legs)
    }

    func run() throws {
        let lookup = PlaceLookup(gazetteerOptions)
        let waypoints = try lookup.waypoints(for: stops.places)
        let title = name ?? "\(waypoints.first!.name) → \(waypoints.last!.name)"
        let legModes = legModes(legs: waypoints.count - 1)
        let routeID = id ?? waypoints.map { $0.id ?? $0.name }.joined(separator: "-to-")
        let route = SupplyRoute(id: routeID, name: title, waypoints: waypoints, legs: legModes.map { LegDescription(mode: $0) },
                                citations: try cite.map(Self.citation))
        let drawer = LegDrawer.needsNetwork(route) ? try waterLegDrawer() : LegDrawer(network: nil)
        let drawn = drawer.draw(route)
        if geojson || json {
            for warning in drawn.flatMap(\.warnings) { Terminal.error("warning: \(warning)") }
        }
        if geojson {
            try results.write(drawing.writer.feature(drawing.features(legs: drawer).feature(route: route, drawn: drawn)) + [0x0A])
            return
        }
        let modeText = Set(legModes).count == 1 ? legModes[0].rawValue : legModes.map(\.rawValue).joined(separator: ", ")
        if json {
            guard case .object(let members) = LegReport(units: units).json(drawn) else { return }
            let citations: [(String, JSONValue)] = route.citations.isEmpty ? [] : [("citations", MapFeatures.citations(route.citations))]
            try results.write(utf8: JSONValue.object([("id", .string(routeID)), ("name", .string(title)), ("mode", .string(Set(legModes).count == 1 ? legModes[0].rawValue : "mixed")),
                                    ("modes", .array(legModes.map { .string($0.rawValue) }))] + members + citations).rendered)
        } else {
            try results.line("\(title) (\(modeText))")
            try results.line(LegReport(units: units).text(drawn))
            for c in route.citations { try results.line("cited: \(c.document) [\(c.start)–\(c.end)] \"\(c.quote)\"") }
        }
    }

    /// A citation from `DOCUMENT:START-END`, its quote read from the document at those code points.
    static func citation(_ text: String) throws -> Citation {
        let usage = "write --cite DOCUMENT:START-END, code points end exclusive, for example --cite seeds/000_90bee0a42d78c8e4.txt:1222-1351"
        guard let colon = text.lastIndex(of: ":") else { throw ValidationError("--cite '\(text)': no range; \(usage)") }
        let document = String(text[..<colon])
        let bounds = text[text.index(after: colon)...].split(separator: "-").map { Int($0) }
        guard bounds.count == 2, let start = bounds[0], let end = bounds[1], start >= 0, start < end else {
            throw ValidationError("--cite '\(text)': the range must be START-END with START < END; \(usage)")
        }
        let input = try DocumentInput(path: document)
        let scalars = Array(String(decoding: input.body, as: UTF8.self).unicodeScalars)
        guard end <= scalars.count else {
            throw InputError(description: "--cite '\(text)': \(document) has only \(scalars.count) code points")
        }
        var quote = String.UnicodeScalarView()
        quote.append(contentsOf: scalars[start..<end])
        return Citation(document: document, start: start, end: end, quote: String(quote))
    }
}
