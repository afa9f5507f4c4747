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
        Examples:
          routemap route Amirabad Makhachkala --mode sea --name "Caspian crossing"
          routemap route Tehran Amirabad Makhachkala Alabuga --json
          routemap route 60N,170E 60N,170W --geojson     # split into a MultiLineString at 180°
        """
    )

    @Argument(parsing: .allUnrecognized, help: "Two or more places or coordinates, in route order.")
    var places: [String]

    @Option(name: .long, help: "How goods move on every leg: sea, road, rail or air.")
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
        let lookup = PlaceLookup(gazetteerOptions)
        let waypoints = try lookup.waypoints(for: places)
        let title = name ?? "\(waypoints.first!.name) → \(waypoints.last!.name)"
        let route = SupplyRoute(id: "route", name: title, waypoints: waypoints, legs: Array(repeating: LegDescription(mode: mode), count: waypoints.count - 1))
        if geojson {
            try OutputFile.write(drawing.writer.feature(drawing.features.feature(route: route)) + [0x0A], to: nil)
            return
        }
        let measured = RouteMeasurement(waypoints: waypoints)
        if json {
            guard case .object(let members) = LegReport(units: units).json(measured) else { return }
            try results.write(utf8: JSONValue.object([("name", .string(title)), ("mode", .string(mode.rawValue))] + members).rendered)
        } else {
            try results.line("\(title) (\(mode.rawValue))")
            try results.line(LegReport(units: units).text(measured))
        }
    }
}
