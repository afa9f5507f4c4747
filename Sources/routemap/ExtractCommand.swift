import ArgumentParser
import Coordinates
import GeoJSON
import Gazetteer
import Geoparser

/// `routemap extract`: the places each document names.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Find and resolve the places documents name, in English, Indonesian, Russian and Persian.",
        discussion: """
        Offsets are Unicode code points into the text (after any byte-order mark), end exclusive,
        as in seeds/*.toponyms.tsv: in Python, text[start:end] is the surface.

        Examples:
          routemap extract seeds/000_90bee0a42d78c8e4.txt
          routemap extract seeds/*.txt --json
          routemap extract report.txt --geojson > places.geojson
          echo "Drones left Amirabad for Makhachkala." | routemap extract -
        """
    )

    @Argument(help: "Documents (UTF-8 text); '-' reads stdin.")
    var files: [String]

    @Flag(name: .long, help: "Print JSON: per document, every mention with its offsets, place and match; the reasoning mentions share (reason, ranked alternatives) once, in choices.")
    var json = false

    @Flag(name: .long, help: "Print GeoJSON: one Point per distinct place, with its mention count and offsets.")
    var geojson = false

    @Flag(name: .long, help: "Print to stderr how long loading the gazetteer and extracting took, and the throughput.")
    var timing = false

    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one document, or - for stdin: routemap extract report.txt") }
        guard !(json && geojson) else { throw ValidationError("choose one of --json and --geojson") }
    }

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let parser = Geoparser(gazetteer: try gazetteerOptions.world())
        let loaded = clock.now
        var documents: [(name: String, mentions: [Mention])] = []
        var bytes = 0
        var extracting = Duration.zero
        for file in files {
            let document = try DocumentInput(path: file)
            if document.body.isEmpty { Terminal.error("warning: \(document.name) is empty") }
            bytes += document.body.count
            let began = clock.now
            documents.append((document.name, document.body.withUnsafeBufferPointer { parser.mentions(inUTF8: $0) }))
            extracting += clock.now - began
        }
        if timing {
            let seconds = { (d: Duration) in Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
            let megabytes = Double(bytes) / 1e6
            Terminal.error("loaded \(parser.gazetteer.places.count) places in \(fixed(seconds(loaded - start), 2)) s; extracted \(documents.map(\.mentions.count).reduce(0, +)) mentions from \(fixed(megabytes, 1)) MB in \(fixed(seconds(extracting), 2)) s (\(fixed(megabytes / max(seconds(extracting), 1e-9), 1)) MB/s)")
        }
        if geojson {
            let places = MentionReport.PlaceFeatures(documents)
            try GeoJSONWriter().write(featureCount: places.count, bbox: places.bbox, feature: places.feature(at:)) { (chunk) throws(OutputError) in try results.write(chunk) }
        } else if json {
            for (i, document) in documents.enumerated() {
                try MentionReport.writeJSON(document: document.name, mentions: document.mentions, first: i == 0, to: results)
            }
            try results.write(utf8: documents.isEmpty ? "[]\n" : "\n]\n")
        } else {
            for document in documents { try MentionReport.writeText(document: document.name, mentions: document.mentions, to: results) }
        }
    }
}
