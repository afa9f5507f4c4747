import ArgumentParser
import Coordinates
import GeoJSON
import RouteMap

extension TransportMode: ExpressibleByArgument {}

/// `routemap route`: an ad-hoc route from the shell.
struct Route: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "Make a route through places or coordinates: legs and total, as text, JSON or a GeoJSON Feature.",
        discussion: """
        Sea legs (the default) go over the water network: each end snapped to
        water it can reach, then through straits and canals (Bosporus,
        Dardanelles, Kerch, Suez, Volga-Don), every step a WGS84 geodesic.
        River legs follow the Volga, Kama, Don, Dnieper, Danube and the
        Volga-Don canal. Rail, road and air legs are geodesics; a rail or road
        leg through a third country, or a water leg the network cannot serve
        that crosses land, is warned about with the countries and kilometres.

        Examples:
          routemap route Amirabad Makhachkala --mode sea --name "Caspian crossing"
          routemap route Sevastopol Tartus          # Bosporus, Dardanelles
          routemap route Astrakhan Yelabuga --mode river
          routemap route Rason Tikhoretsk --mode rail   # warns: China, Mongolia…
          routemap route Tehran Amirabad Makhachkala Alabuga --json
          routemap route 60N,170E 60N,170W --mode air --geojson   # cut at 180°
        """
    )

    @Argument(parsing: .allUnrecognized, help: "Two or more places or coordinates, in route order.")
    var places: [String]

    @Option(name: .long, help: "How goods move on every leg: sea or river (drawn on the water network), road, rail or air (drawn as geodesics).")
    var mode: TransportMode = .sea

    @Option(name: .long, help: "A name for the route (default: FIRST → LAST).")
    var name: String?

    @Option(name: .long, help: "Units for text output and the JSON 'distance' fields: m, km, mi or nmi.")
    var units: DistanceUnit = .km

    @Flag(name: .long, help: "Print JSON for scripts: the fields of 'distance', with the mode and name.")
    var json = false

    @Flag(name: .long, help: "Print the route as one GeoJSON Feature.")
    var geojson = false

    @OptionGroup var drawing: GeoJSONOptions

    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        try checkNoUnknownOptions(places, command: "route")
        guard places.count >= 2 else {
            throw ValidationError("give at least two places, for example: routemap route Amirabad Makhachkala")
        }
        guard !(json && geojson) else { throw ValidationError("choose one of --json and --geojson") }
    }

    func run() throws {
        let lookup = try PlaceLookup(gazetteerOptions)
        let waypoints = try lookup.waypoints(for: places)
        let title = name ?? "\(waypoints.first!.name) → \(waypoints.last!.name)"
        let route = SupplyRoute(id: "route", name: title, waypoints: waypoints, legs: Array(repeating: LegDescription(mode: mode), count: waypoints.count - 1))
        let drawer = LegDrawer.needsNetwork(route) ? try waterLegDrawer() : LegDrawer(network: nil)
        let drawn = drawer.draw(route)
        if geojson || json {
            for warning in drawn.flatMap(\.warnings) { Terminal.error("warning: \(warning)") }
        }
        if geojson {
            try OutputFile.write(drawing.writer.feature(drawing.features(legs: drawer).feature(route: route, drawn: drawn)) + [0x0A], to: nil)
            return
        }
        if json {
            guard case .object(let members) = LegReport(units: units).json(drawn) else { return }
            print(JSONValue.object([("name", .string(title)), ("mode", .string(mode.rawValue))] + members).rendered, terminator: "")
        } else {
            print("\(title) (\(mode.rawValue))")
            print(LegReport(units: units).text(drawn))
        }
    }
}
