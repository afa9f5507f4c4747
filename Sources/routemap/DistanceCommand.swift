import ArgumentParser
import Foundation
import Geodesy
import Coordinates
import GeoJSON
import RouteMap
import OrderedWork

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
          routemap distance Tikhoretsk --to-area Ukraine                 # "290 km from the Ukrainian border"
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

    @Option(name: .customLong("to-area"), help: "Measure from each place to the nearest point of this country's outline (a name or ISO code): the distance to its border or coast.")
    var toArea: String?

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
        if toArea != nil {
            guard !places.isEmpty, crs == nil else { throw ValidationError("--to-area measures from one or more places, without --crs: routemap distance Tikhoretsk --to-area Ukraine") }
            return
        }
        guard places.count >= 2 else {
            throw ValidationError("give at least two places, for example: routemap distance Amirabad Makhachkala")
        }
    }

    func run() throws {
        if batch { return try runBatch() }
        let lookup = PlaceLookup(gazetteerOptions)
        if let toArea { return try AreaDistance(lookup: lookup, units: units).run(from: places, to: toArea, json: output.json) }
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

    /// Lines in, lines out, streaming: blocks of whole lines go to every core (OrderedPipeline) and
    /// each block's answers are written as soon as they and those before them are ready. Memory holds
    /// a few blocks whatever the input's length, and a line written to a pipe is answered at once.
    /// The input is read with CommandIO's limits: a line longer than 1 MiB is a bad line (its bytes
    /// are never held), UTF-16 and UTF-32 are errors that name the encoding, a UTF-8 BOM is skipped.
    private func runBatch() throws {
        let input = try InputFile(path: places.first ?? "-")
        let reader = BatchLines(input.lines())
        let name = reader.lines.name
        let workers = ProcessInfo.processInfo.activeProcessorCount
        let batch = GeodesicBatch(skipBad: skipBad, threads: workers, csv: csv)
        var layout = GeodesicBatch.Layout.plain
        var bad: [GeodesicBatch.BadLine] = []
        let progress = Progress()
        defer { progress.finish() }
        let tooLong = { @Sendable (length: Int) in "\(length) bytes, longer than the \(InputLimits.describe(InputLimits.lineLength)) a line may hold" }
        if csv {
            guard let header = try reader.lines.next() else { return }
            guard let bytes = header.bytes else {
                Terminal.error("\(name): line 1: \(tooLong(header.length)); expected a CSV header naming lat1, lon1, lat2, lon2")
                throw ExitCode(1)
            }
            do {
                layout = try GeodesicBatch.layout(csvHeader: bytes)
            } catch {
                Terminal.error("\(name): \(error)")
                throw ExitCode(1)
            }
            try results.write(GeodesicBatch.csvOutputHeader)
        }
        let nan = Array((layout.separator == 0x2C ? "nan,nan,nan\n" : "nan nan nan\n").utf8)
        let pipeline = OrderedPipeline<BatchJob, (output: [UInt8], bad: [GeodesicBatch.BadLine], lines: Int, failure: InputError?)>(workers: workers, window: 2 * workers + 2)
        struct StopAtBadLine: Error {}
        var answered = 0
        do {
            let usedLayout = layout
            try pipeline.run(
                produce: { submit in reader.produce(blockSize: 64 << 10, submit: submit) },
                makeWorker: { () },
                process: { _, job in
                    switch job {
                    case .lines(let bytes, let firstLine):
                        let result = bytes.withUnsafeBufferPointer { batch.solve(block: $0, firstLine: firstLine, layout: usedLayout) }
                        return (result.output, result.bad, bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }, nil)
                    case .tooLong(let line, let length):
                        return (skipBad ? nan : [], [GeodesicBatch.BadLine(line: line, reason: tooLong(length))], 1, nil)
                    case .failed(let error):
                        return ([], [], 0, error)
                    }
                },
                consume: { result in
                    try results.write(result.output)
                    try results.flush()
                    bad += result.bad
                    answered += result.lines
                    progress.update("distance --batch: \(answered) lines")
                    if let failure = result.failure { throw failure }
                    if !skipBad, !result.bad.isEmpty { throw StopAtBadLine() }
                })
        } catch is StopAtBadLine {}
        progress.finish()
        for problem in bad.prefix(20) { Terminal.error("\(name): \(problem)") }
        if bad.count > 20 { Terminal.error("\(name): \(bad.count - 20) more bad lines") }
        if !bad.isEmpty { throw ExitCode(1) }
    }
}

/// What the producer hands the workers: whole lines (each ending in a line feed), a line too long
/// to hold, or the read error that ended the input.
private enum BatchJob: Sendable {
    case lines([UInt8], firstLine: Int)
    case tooLong(line: Int, length: Int)
    case failed(InputError)
}

/// The line reader, handed to the pipeline's producer thread, the only one that uses it after the
/// CSV header.
private final class BatchLines: @unchecked Sendable {
    var lines: LineReader
    init(_ lines: LineReader) { self.lines = lines }

    /// Reads every line into blocks of about `blockSize` bytes, each sent when full or when no
    /// more whole lines are held (so a line fed to a pipe goes on at once).
    func produce(blockSize: Int, submit: (BatchJob) -> Bool) {
        var block: [UInt8] = [], firstLine = 0
        func send() -> Bool {
            defer { block = [] }
            return block.isEmpty || submit(.lines(block, firstLine: firstLine))
        }
        do {
            while let line = try lines.next() {
                guard let bytes = line.bytes else {
                    guard send(), submit(.tooLong(line: line.number, length: line.length)) else { return }
                    continue
                }
                if block.isEmpty { firstLine = line.number }
                block += bytes
                block.append(0x0A)
                if block.count >= blockSize || !lines.hasBufferedLine { guard send() else { return } }
            }
            _ = send()
        } catch {
            guard send() else { return }
            _ = submit(.failed(error))
        }
    }
}
