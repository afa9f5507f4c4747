import ArgumentParser
import Foundation
import Geodesy
import Coordinates
import GeoJSON
import RouteMap

/// `routemap distance`: geodesic legs between places or coordinates.
struct Distance: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "distance",
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
          routemap distance --batch pairs.txt > distances.txt
          echo "36.85 53.31 42.98 47.50" | routemap distance --batch
          routemap distance --batch --csv legs.csv > distances.csv      # header names lat1,lon1,lat2,lon2
          routemap distance Amirabad Makhachkala --crs EPSG:3857         # what a Web Mercator map would say
        """
    )

    @Argument(parsing: .allUnrecognized, help: "Two or more places or coordinates, in route order; with --batch, an input file ('-' or none: stdin).")
    var places: [String] = []

    @Flag(name: .long, help: "Read lines 'lat1 lon1 lat2 lon2' and write 'distance_m azimuth_initial_deg azimuth_final_deg' per line, on every core.")
    var batch = false

    @Flag(name: .long, help: "With --batch, read CSV whose header names lat1, lon1, lat2, lon2, and write CSV.")
    var csv = false

    @Flag(name: .customLong("skip-bad"), help: "With --batch, write 'nan nan nan' for a bad line and go on (reporting it) instead of stopping.")
    var skipBad = false

    @Option(name: .long, help: "Units for text output and the JSON 'distance' fields: m, km, mi or nmi.")
    var units: DistanceUnit = .km

    @Option(name: .long, help: "Also measure each leg as a straight line in this projected CRS (EPSG:3857, EPSG:32639…; 'utm': the first place's zone) and show its ratio to the geodesic.")
    var crs: String?

    @OptionGroup var output: OutputOptions

    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        try checkNoUnknownOptions(places, command: "distance")
        if batch {
            guard places.count <= 1 else { throw ValidationError("--batch reads one file (or stdin), not places: routemap distance --batch pairs.txt") }
            return
        }
        guard !skipBad, !csv else { throw ValidationError("--skip-bad and --csv go with --batch") }
        guard crs == nil || !batch else { throw ValidationError("--crs goes with places, not --batch") }
        guard places.count >= 2 else {
            throw ValidationError("give at least two places, for example: routemap distance Amirabad Makhachkala")
        }
    }

    func run() throws {
        if batch { return try runBatch() }
        let lookup = try PlaceLookup(gazetteerOptions)
        let waypoints = try lookup.waypoints(for: places)
        let route = RouteMeasurement(waypoints: waypoints)
        let report = LegReport(units: units)
        let planar = try crs.map { definition throws(ProjError) in
            let utm = definition.lowercased() == "utm" ? UTMZone(waypoints[0].coordinate)?.epsg : nil
            let transformer = try Transformer(to: utm ?? definition)
            return (crs: transformer.target, legs: try PlanarLeg.legs(of: route, in: transformer))
        }
        if output.json {
            var json = report.json(route)
            if let planar, case .object(let members) = json { json = .object(members + [("planar", report.json(planar.legs, crs: planar.crs))]) }
            try results.write(utf8: json.rendered)
        } else {
            try results.line(report.text(route))
            if let planar { try results.line(report.text(planar.legs, crs: planar.crs, route: route)) }
        }
    }

    private func runBatch() throws {
        let input = places.first ?? "-"
        let bytes: [UInt8]
        if input == "-" {
            bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
        } else {
            guard let data = FileManager.default.contents(atPath: input) else { throw InputError(description: "cannot read '\(input)': no such file, or not readable") }
            bytes = Array(data)
        }
        let (output, bad) = GeodesicBatch(skipBad: skipBad, threads: ProcessInfo.processInfo.activeProcessorCount, csv: csv).run(bytes)
        try OutputFile.write(output, to: nil)
        let name = input == "-" ? "stdin" : input
        for problem in bad.prefix(20) { Terminal.error("\(name): \(problem)") }
        if bad.count > 20 { Terminal.error("\(name): \(bad.count - 20) more bad lines") }
        if !bad.isEmpty { throw ExitCode(1) }
    }
}
