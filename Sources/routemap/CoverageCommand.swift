import ArgumentParser
import Foundation
import Gazetteer
import GeoJSON
import Geoparser
import ReportReader

/// `routemap coverage`: how well extraction and the gazetteer cover documents.
struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Check that the gazetteer covers every place documents name, against their hand annotations.",
        discussion: """
        For each document (PATHs are files or folders of *.txt; default seeds/): the toponyms found
        and resolved; where a NAME.toponyms.tsv sits beside NAME.txt, the annotated toponyms the
        extractor missed and its precision and recall; and capitalised phrases after locative words
        (in, from, di, ke, dari, в, из, در…) that resolve to nothing: places the gazetteer may lack.
        Exits 1 when an annotated toponym is missed.

        Examples:
          routemap coverage
          routemap coverage seeds/000_90bee0a42d78c8e4.txt
          routemap coverage reports/ --json
        """
    )

    @Argument(help: "Documents, or folders of *.txt documents (default: seeds/).")
    var paths: [String] = ["seeds"]

    @OptionGroup var output: OutputOptions

    @OptionGroup var gazetteerOptions: GazetteerOptions

    func run() throws {
        let parser = try loadGeoparser(try gazetteerOptions.sources(), skippingBadRows: gazetteerOptions.skipBadRows)
        let reader = ReportReader(parser: parser)
        var mapTotals: (routes: MapScore.Tally, sites: MapScore.Tally, claims: MapScore.Tally) = (.init(), .init(), .init())
        var reports: [JSONValue] = []
        var missedAny = false
        var totals = (correct: 0, found: 0, expected: 0, spans: 0)
        for file in try documents() {
            let document = try DocumentInput(path: file)
            let (mentions, unknown) = document.body.withUnsafeBufferPointer { bytes in
                let mentions = parser.mentions(inUTF8: bytes)
                return (mentions, parser.unknownCandidates(in: bytes, mentions: mentions))
            }
            let annotations = try annotations(for: file)
            let coverage = Coverage(mentions: mentions, annotations: annotations, unknownCandidates: unknown)
            missedAny = missedAny || !coverage.missed.isEmpty
            if annotations != nil {
                totals.correct += coverage.correct.count
                totals.found += coverage.correct.count + coverage.unexpected.count
                totals.expected += coverage.correct.count + coverage.missed.count
                totals.spans += coverage.spanMatches
            }
            let score = try mapScore(for: file, body: document.body, mentions: mentions, reader: reader)
            if let score { mapTotals = (mapTotals.routes + score.routes, mapTotals.sites + score.sites, mapTotals.claims + score.claims) }
            if output.json {
                reports.append(json(file, mentions, coverage, annotated: annotations != nil, map: score))
            } else {
                try results.line(text(file, mentions, coverage, annotated: annotations != nil, map: score))
            }
        }
        if output.json {
            try results.write(utf8: JSONValue.array(reports).rendered)
        } else if totals.expected > 0 {
            try results.line("all annotated documents: precision \(ratio(totals.correct, totals.found)), recall \(ratio(totals.correct, totals.expected)), resolution \(ratio(totals.correct, totals.spans))")
            if mapTotals.routes.annotated + mapTotals.sites.annotated + mapTotals.claims.annotated > 0 {
                try results.line("all mapped documents: " + mapLine(mapTotals.routes, mapTotals.sites, mapTotals.claims))
            }
        }
        if missedAny { throw ExitCode(1) }
    }

    /// The routes, sites and claims `map` finds in a document, scored against NAME.map.json when it exists.
    private func mapScore(for file: String, body: [UInt8], mentions: [Mention], reader: ReportReader) throws -> MapScore? {
        let path = (file.hasSuffix(".txt") ? String(file.dropLast(4)) : file) + ".map.json"
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data = Data(try InputFile(path: path).readAll(limit: InputLimits.file, what: "a map annotation"))
        let text = String(decoding: body, as: UTF8.self)
        do {
            return try MapScore(report: reader.read(text, document: file, mentions: mentions), text: text, annotation: data)
        } catch {
            throw InputError(description: "\(path): not a map annotation (devset/README.md): \(error.localizedDescription)")
        }
    }

    private func mapLine(_ routes: MapScore.Tally, _ sites: MapScore.Tally, _ claims: MapScore.Tally) -> String {
        "routes precision \(ratio(routes.foundRight, routes.found)), recall \(ratio(routes.annotatedFound, routes.annotated)); "
            + "sites precision \(ratio(sites.foundRight, sites.found)), recall \(ratio(sites.annotatedFound, sites.annotated)); "
            + "claims recall \(ratio(claims.annotatedFound, claims.annotated))"
    }

    private func tallyJSON(_ t: MapScore.Tally) -> JSONValue {
        let counts: [(String, JSONValue)] = [("found", .integer(t.found)), ("annotated", .integer(t.annotated)),
                                             ("found_right", .integer(t.foundRight)), ("annotated_found", .integer(t.annotatedFound))]
        let precision: JSONValue = t.precision.map(JSONValue.number) ?? .null
        let recall: JSONValue = t.recall.map(JSONValue.number) ?? .null
        return .object(counts + [("precision", precision), ("recall", recall)])
    }

    private func mapJSON(_ map: MapScore?) -> JSONValue {
        guard let map else { return .null }
        return .object([("routes", tallyJSON(map.routes)), ("sites", tallyJSON(map.sites)), ("claims", tallyJSON(map.claims)),
                        ("missed", .array(map.missed.map(JSONValue.string)))])
    }

    private func ratio(_ a: Int, _ b: Int) -> String {
        b == 0 ? "n/a" : "\(fixedRatio(Double(a) / Double(b))) (\(a)/\(b))"
    }

    private func fixedRatio(_ x: Double) -> String { String(format: "%.3f", x) }

    /// The .txt files named, with folders expanded, in a stable order.
    private func documents() throws(InputError) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(description: "cannot read '\(path)': no such file or folder")
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += names.filter { $0.hasSuffix(".txt") }.sorted().map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        guard !files.isEmpty else { throw InputError(description: "no .txt documents in \(paths.joined(separator: ", "))") }
        return files
    }

    private func annotations(for file: String) throws(InputError) -> [Annotation]? {
        let tsv = (file.hasSuffix(".txt") ? String(file.dropLast(4)) : file) + ".toponyms.tsv"
        guard FileManager.default.fileExists(atPath: tsv) else { return nil }
        let bytes = try InputFile(path: tsv).readAll(limit: InputLimits.file, what: "an annotation file")
        do {
            return try AnnotationFile.parse(String(decoding: bytes, as: UTF8.self), path: tsv)
        } catch {
            throw InputError(description: error.description)
        }
    }

    private func text(_ file: String, _ mentions: [Mention], _ c: Coverage, annotated: Bool, map: MapScore?) -> String {
        var lines = ["\(file): \(mentions.count) toponyms found, resolved to \(Set(mentions.map(\.place.id)).count) places"]
        let counts = Dictionary(grouping: mentions, by: \.place.id).map { ($0.key, $0.value.count) }.sorted { ($1.1, $0.0) < ($0.1, $1.0) }
        lines.append("  places: " + counts.map { "\($0.0) ×\($0.1)" }.joined(separator: ", "))
        if annotated {
            lines.append("  against \(c.correct.count + c.missed.count) annotations: precision \(ratio(c.correct.count, c.correct.count + c.unexpected.count)), recall \(ratio(c.correct.count, c.correct.count + c.missed.count)), resolution \(ratio(c.correct.count, c.spanMatches))")
            for a in c.missed { lines.append("  missed      \(a.start)-\(a.end) '\(a.surface)' (\(a.placeId)), annotation line \(a.line)") }
            for m in c.misresolved { lines.append("  misresolved \(m.start)-\(m.end) '\(m.surface)' → \(m.place.id)") }
            for m in c.unexpected where !c.misresolved.contains(where: { $0.start == m.start && $0.end == m.end }) {
                lines.append("  unexpected  \(m.start)-\(m.end) '\(m.surface)' → \(m.place.id)")
            }
        } else {
            lines.append("  no annotations (\((file.hasSuffix(".txt") ? String(file.dropLast(4)) : file)).toponyms.tsv): precision and recall not measured")
        }
        for u in c.unknownCandidates { lines.append("  not in the gazetteer? '\(u.surface)' at \(u.start)") }
        if let map {
            lines.append("  map: " + mapLine(map.routes, map.sites, map.claims))
            for item in map.missed { lines.append("  map missed  \(item)") }
        }
        return lines.joined(separator: "\n")
    }

    private func json(_ file: String, _ mentions: [Mention], _ c: Coverage, annotated: Bool, map: MapScore?) -> JSONValue {
        .object([
            ("document", .string(file)),
            ("found", .integer(mentions.count)),
            ("places", .array(Array(Set(mentions.map(\.place.id))).sorted().map(JSONValue.string))),
            ("annotated", .bool(annotated)),
            ("precision", c.precision.map(JSONValue.number) ?? .null),
            ("recall", c.recall.map(JSONValue.number) ?? .null),
            ("resolution", c.resolution.map(JSONValue.number) ?? .null),
            ("missed", .array(c.missed.map { .object([("start", .integer($0.start)), ("end", .integer($0.end)), ("surface", .string($0.surface)), ("id", .string($0.placeId))]) })),
            ("unexpected", .array(c.unexpected.map { .object([("start", .integer($0.start)), ("end", .integer($0.end)), ("surface", .string($0.surface)), ("id", .string($0.place.id))]) })),
            ("unknown_candidates", .array(c.unknownCandidates.map { .object([("surface", .string($0.surface)), ("start", .integer($0.start))]) })),
            ("map", mapJSON(map)),
        ])
    }
}
