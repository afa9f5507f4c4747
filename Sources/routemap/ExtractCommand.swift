import ArgumentParser
import Foundation
import Coordinates
import GeoJSON
import Gazetteer
import Geoparser
import OrderedWork

/// `routemap extract`: the places each document names.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Find and resolve the places documents name, in English, Indonesian, Russian and Persian.",
        discussion: """
        Documents are files, folders (every *.txt in them, at any depth, in path order) or '-' for
        stdin. With --input jsonl each file (or stdin) holds one document per line, as a JSON object
        {"id": "r1", "text": "…"}. Documents are read on every core; results come out in input
        order, each as soon as its document is done, so a long run streams. A document that cannot
        be read is reported with its name and skipped, and the exit status is then 1.

        Offsets are Unicode code points into the text (after any byte-order mark), end exclusive,
        as in seeds/*.toponyms.tsv: in Python, text[start:end] is the surface.

        Examples:
          routemap extract seeds/000_90bee0a42d78c8e4.txt
          routemap extract seeds/ --json
          routemap extract reports/ --jsonl > mentions.jsonl
          routemap extract report.txt --geojson > places.geojson
          routemap extract reports/ --geojsonseq | ogr2ogr places.gpkg /vsistdin/
          echo "Drones left Amirabad for Makhachkala." | routemap extract -
          echo '{"id": "r1", "text": "Drones left Amirabad."}' | routemap extract - --input jsonl --jsonl
        """
    )

    /// How the documents are given.
    enum InputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl
    }

    @Argument(help: "Documents (UTF-8 text) or folders of *.txt documents; '-' reads stdin.")
    var files: [String]

    @Option(name: .long, help: "text (each file one document) or jsonl (one {\"id\", \"text\"} document per line).")
    var input: InputFormat = .text

    @Flag(name: .long, help: "Print JSON: an array with, per document, every mention with its offsets, place and match; the reasoning mentions share (reason, ranked alternatives) once, in choices.")
    var json = false

    @Flag(name: .long, help: "Print JSON lines: one line per document, {\"document\", \"mentions\"}, as each document is done.")
    var jsonl = false

    @Flag(name: .long, help: "Print GeoJSON: one Point per distinct place of all the documents, with its mention count and offsets.")
    var geojson = false

    @Flag(name: .long, help: "Print an RFC 8142 GeoJSON text sequence: per document, one Point per distinct place, as each document is done.")
    var geojsonseq = false

    @Option(name: .long, help: "Threads that extract (default: one per core).")
    var jobs: Int?

    @Flag(name: .long, help: "Print to stderr how long loading the gazetteer and extracting took, and the throughput.")
    var timing = false

    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one document, or - for stdin: routemap extract report.txt") }
        guard [json, jsonl, geojson, geojsonseq].filter({ $0 }).count <= 1 else { throw ValidationError("choose one of --json, --jsonl, --geojson and --geojsonseq") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    /// What each document's result is written as.
    private enum Output { case text, json, jsonLines, geojson, geojsonSequence }

    private var output: Output {
        json ? .json : jsonl ? .jsonLines : geojson ? .geojson : geojsonseq ? .geojsonSequence : .text
    }

    /// What a worker hands back for one document, in input order.
    private struct Result: Sendable {
        init(problem: String? = nil) { self.problem = problem }

        var name = ""
        var bytes: [UInt8] = []
        /// Kept only for --geojson, which writes every document's places as one collection at the end.
        var mentions: [Mention] = []
        var mentionCount = 0
        var textBytes = 0
        var warning: String?
        var problem: String?
    }

    /// One thread's state: its geoparser session and JSON writer, kept across the documents it reads.
    private struct Worker {
        let parser: Geoparser
        let session: Geoparser.Session
        var writer = MentionJSON()
        let output: Output

        init(parser: Geoparser, output: Output) {
            (self.parser, self.output) = (parser, output)
            session = Geoparser.Session(parser)
        }

        /// The results of a job: one per document it holds.
        mutating func extract(_ item: DocumentStream.Item) -> [Result] {
            switch item {
            case .unreadable(let message): return [Result(problem: message)]
            case .text(let name, let bytes):
                do throws(InputError) { return [extract(try CheckedDocument(name: name, bytes: bytes))] } catch { return [Result(problem: error.description)] }
            case .jsonLines(let lines):
                return lines.map { line in
                    do throws(InputError) { return extract(try CheckedDocument(location: line.location, line: line.bytes)) } catch { return Result(problem: error.description) }
                }
            }
        }

        private mutating func extract(_ document: CheckedDocument) -> Result {
            var result = Result()
            result.name = document.name
            if document.body.isEmpty { result.warning = "warning: \(document.name) is empty" }
            let mentions = document.body.withUnsafeBufferPointer { parser.mentions(inUTF8: $0, session: session) }
            result.mentionCount = mentions.count
            result.textBytes = document.body.count
            switch output {
            case .text: result.bytes = Array((MentionReport.text(document: document.name, mentions: mentions) + "\n").utf8)
            case .json: writer.appendPretty(document: document.name, mentions: mentions, to: &result.bytes)
            case .jsonLines: writer.appendLine(document: document.name, mentions: mentions, to: &result.bytes)
            case .geojson: result.mentions = mentions
            case .geojsonSequence:
                let places = MentionReport.PlaceFeatures([(document.name, mentions)])
                result.bytes = GeoJSONWriter().sequence((0..<places.count).map(places.feature(at:)))
            }
            return result
        }
    }

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let parser = try loadGeoparser(try gazetteerOptions.sources(), skippingBadRows: gazetteerOptions.skipBadRows)
        let loaded = clock.now
        let output = self.output, files = self.files, jsonLines = input == .jsonl
        let workers = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let pipeline = OrderedPipeline<DocumentStream.Item, [Result]>(workers: workers, window: workers * 4)
        var documents = 0, mentions = 0, bytes = 0, failed = false, wroteJSON = false
        var collected: [(name: String, mentions: [Mention])] = []
        let progress = Progress()
        try pipeline.run(
            produce: { submit in DocumentStream.read(files, jsonLines: jsonLines, submit: submit) },
            makeWorker: { Worker(parser: parser, output: output) },
            process: { worker, item in worker.extract(item) },
            consume: { batch in
              for result in batch {
                if let problem = result.problem {
                    progress.finish()
                    Terminal.error(problem)
                    failed = true
                    continue
                }
                if let warning = result.warning {
                    progress.finish()
                    Terminal.error(warning)
                }
                documents += 1
                mentions += result.mentionCount
                bytes += result.textBytes
                switch output {
                case .geojson: collected.append((result.name, result.mentions))
                case .json:
                    try results.write(Array((wroteJSON ? ",\n" : "[\n").utf8) + result.bytes)
                    wroteJSON = true
                default: try results.write(result.bytes)
                }
                progress.update("extract: \(documents) document\(documents == 1 ? "" : "s"), \(mentions) mentions, \(bytes / 1_000_000) MB")
              }
              // Each document's output goes out as soon as it is done (a pipe's reader sees it at once).
              if output != .geojson { try results.flush() }
            })
        progress.finish()
        let extracting = clock.now - loaded
        if timing {
            let seconds = { (d: Duration) in Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
            let megabytes = Double(bytes) / 1e6
            Terminal.error("loaded \(parser.gazetteer.count) places in \(fixed(seconds(loaded - start), 2)) s; extracted \(mentions) mentions from \(fixed(megabytes, 1)) MB in \(fixed(seconds(extracting), 2)) s (\(fixed(megabytes / max(seconds(extracting), 1e-9), 1)) MB/s)")
        }
        if output == .json { try results.write(Array((wroteJSON ? "\n]\n" : "[]\n").utf8)) }
        if output == .geojson {
            let places = MentionReport.PlaceFeatures(collected)
            try GeoJSONWriter().write(featureCount: places.count, bbox: places.bbox, feature: places.feature(at:)) { (chunk) throws(OutputError) in try results.write(chunk) }
        }
        if failed { throw ExitCode(1) }
    }
}
