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
        let lookup = PlaceLookup(gazetteerOptions)
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

    /// Streams the input through the batch in pieces of about 8 MiB of whole lines, so any length
    /// runs in bounded memory; a line longer than 1 MiB is a bad line.
    private func runBatch() throws {
        let input = try InputFile(path: places.first ?? "-")
        var lines = input.lines()
        var stream = GeodesicBatch(skipBad: skipBad, threads: ProcessInfo.processInfo.activeProcessorCount, csv: csv).stream()
        var piece: [UInt8] = []
        var reported = 0, badCount = 0
        func report(_ bad: [GeodesicBatch.BadLine]) {
            for problem in bad where reported < 20 {
                Terminal.error("\(lines.name): \(problem)")
                reported += 1
            }
            badCount += bad.count
        }
        func send() throws {
            let (output, bad) = stream.run(piece)
            piece.removeAll(keepingCapacity: true)
            try results.write(output)
            report(bad)
        }
        while !stream.stopped, let line = try lines.next() {
            guard let bytes = line.bytes else {
                try send()
                guard !stream.stopped else { break }
                let (output, bad) = stream.skipLine(reason: "\(line.length) bytes, longer than the \(InputLimits.describe(lines.maximumLength)) a line may hold")
                try results.write(output)
                report([bad])
                continue
            }
            piece += bytes
            piece.append(0x0A)
            if piece.count >= 8 << 20 { try send() }
        }
        if !stream.stopped { try send() }
        if badCount > reported { Terminal.error("\(lines.name): \(badCount - reported) more bad lines") }
        if badCount > 0 { throw ExitCode(1) }
    }
}
