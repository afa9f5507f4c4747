import ArgumentParser
import Coordinates
import GeoJSON
import RouteMap

/// `routemap distance`: geodesic legs between places or coordinates.
struct Distance: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure the geodesic (WGS84, PROJ) legs of a route through places or coordinates.",
        discussion: """
        A PLACE is a gazetteer name, alias or id, or a coordinate written latitude first:
        42.98,47.50  or  42.98N 47.50E  or  "42°59′N 47°30′E". Azimuths are degrees clockwise
        from north in (-180, 180], as PROJ's geod and GeographicLib's GeodSolve print them.

        Examples:
          routemap distance Amirabad Makhachkala
          routemap distance Moscow Alabuga --units mi
          routemap distance Tehran Amirabad Makhachkala Alabuga --json
          routemap distance "55.75N 37.62E" 55.83,52.04 --units nmi
        """
    )

    @Argument(help: "Two or more places or coordinates, in route order.")
    var places: [String]

    @Option(name: .long, help: "Units for text output and the JSON 'distance' fields: m, km, mi or nmi.")
    var units: DistanceUnit = .km

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard places.count >= 2 else {
            throw ValidationError("give at least two places, for example: routemap distance Amirabad Makhachkala")
        }
    }

    func run() throws {
        var lookup = try PlaceLookup()
        let waypoints = try places.map { text throws(RouteMapError) in try lookup.waypoint(for: text) }
        let route = RouteMeasurement(waypoints: waypoints)
        let report = LegReport(units: units)
        print(output.json ? report.json(route).rendered : report.text(route), terminator: output.json ? "" : "\n")
    }
}
