import ArgumentParser
import Foundation
import GeoJSON
import Gazetteer
import Geoparser
import MapWriters
import ReportReader
import RouteMap

/// `routemap map`: from reports to their supply-chain map — sites, routes and checked claims, each citing its sentence.
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Find the sites, routes and distance claims reports state, and map them.",
        discussion: """
        Reads each document (files, folders of *.txt, or - for stdin) in English, Indonesian,
        Russian or Persian, and finds:
          sites    where something is made, stored, loaded, unloaded, seized or based
          routes   movements of goods, weapons or people: from, via, to, a mode per leg
          claims   distances and directions between places ("nine kilometres south of Fokino"),
                   checked against the geodesic: consistent, inconsistent or unverifiable
        Each cites its sentence (document, code-point range, quote). Denied, reported and
        hypothetical statements are kept and marked, not dropped. Sea and river legs are drawn on
        the water network, as `route` draws them.

        The map is written as --json (the schema in the README), or with --out FILE in the format
        its extension names (.geojson, .geojsonseq, .gpkg, .kml, .svg, .png, .html) or --format:
        a layer each of sites, routes, claims and places.

        A review file corrects what was found and is read back on every run: beside NAME.txt as
        NAME.review, or named with --review. One correction per line, fields separated by tabs:
          reject   SURFACE            drop every mention written SURFACE
          pin      SURFACE   PLACE    resolve SURFACE to PLACE (an id, a name or lat,lon)
          route    A > B > C  [MODES] add a route (modes per leg, comma-separated: sea,rail)
          drop     A > B              drop the found routes from A to B

        Examples:
          routemap map seeds/
          routemap map report.txt --json > report.json
          routemap map report.txt --out report.geojson
          routemap map report.txt --out report.html       # a page to pan, zoom and click
          routemap map reports/ --out reports.gpkg        # a GeoPackage for QGIS: a table per layer
          routemap map report.txt --review report.review --geojson
          cat report.txt | routemap map -
        """
    )

    @Argument(help: "Documents (UTF-8 text), folders of *.txt documents, or - for stdin.")
    var paths: [String]

    @Flag(name: .long, help: "Print JSON: documents, places, sites, routes and claims (the schema is in the README).")
    var json = false

    @Flag(name: .long, help: "Print GeoJSON: sites and places as Points, routes as drawn, claims as lines.")
    var geojson = false

    @Option(name: .long, help: "Write the map to this file (written whole or not at all), in the format its extension names.")
    var out: String?

    @Option(name: .long, help: "geojson, geojsonseq, gpkg, kml, svg, png or html (default: from --out's extension).")
    var format: MapOutputFormat?

    @Option(name: .long, help: "A review file of corrections (default: NAME.review beside each NAME.txt).")
    var review: String?

    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("name at least one document, a folder, or - for stdin: routemap map report.txt") }
        try rejectRepeated(["--out", "--format", "--review"], command: "map")
        guard !(json && (geojson || out != nil || format != nil)) else { throw ValidationError("choose one of --json and --geojson/--out/--format") }
        _ = try MapOutputFormat.resolve(format: geojson ? .geojson : format, out: out)
    }

    func run() throws {
        let lookup = PlaceLookup(gazetteerOptions)
        let reader = ReportReader(parser: Geoparser(gazetteer: try lookup.gazetteer))
        var reports: [Report] = []
        var firstText = ""
        for file in try Self.documents(paths) {
            let document = try DocumentInput(path: file)
            let text = String(decoding: document.body, as: UTF8.self)
            if reports.isEmpty { firstText = text }
            let corrections = try ReviewFile.load(explicit: review, beside: file == "-" ? nil : file)
            var mentions = reader.parser.mentions(in: text)
            if let corrections { mentions = try corrections.apply(to: mentions, lookup: lookup) }
            var report = reader.read(text, document: document.name, mentions: mentions)
            if let corrections { report = try corrections.apply(to: report, lookup: lookup) }
            reports.append(report)
        }
        let drawer = reports.contains { $0.routes.contains { LegDrawer.needsNetwork($0.route) } } ? try waterLegDrawer() : LegDrawer(network: nil)
        let drawn = reports.map { $0.routes.map { drawer.draw($0.route) } }
        if json {
            try results.write(utf8: ReportOutput.json(reports, drawn: drawn).rendered)
        } else if geojson || out != nil || format != nil {
            let title = reports.count == 1 ? ReportOutput.headline(of: firstText, document: reports[0].document) : "\(reports.count) reports"
            let document = ReportOutput.document(reports, drawn: drawn, drawer: drawer, title: title)
            try MapOutputFormat.resolve(format: geojson ? .geojson : format, out: out).write(document, to: out, precision: 6)
            if let out { Terminal.error("wrote \(out): \(document.allFeatures.count) features in \(document.layers.filter { !$0.features.isEmpty }.count) layers") }
        } else {
            for (report, legs) in zip(reports, drawn) { try results.line(ReportOutput.text(report, drawn: legs)) }
        }
    }

    /// The documents named: files, `-`, and the *.txt files of folders, in a stable order.
    static func documents(_ paths: [String]) throws(InputError) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
                guard !names.isEmpty else { throw InputError(description: "no .txt documents in the folder '\(path)'") }
                files += names.map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        return files
    }
}
