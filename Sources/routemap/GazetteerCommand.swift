import ArgumentParser
import Coordinates
import Foundation
import Synchronization
import GeoJSON
import Gazetteer
import Geoparser
import RouteMap

/// `routemap gazetteer`: the compiled index of the gazetteer.
struct GazetteerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazetteer",
        abstract: "Build and describe the compiled gazetteer index.",
        discussion: """
        routemap compiles its gazetteer (the curated places, the world's countries, cities and
        regions, and any --gazetteer sources such as a GeoNames dump) into one memory-mapped index
        in $ROUTEMAP_CACHE (default ~/.cache/routemap), so later runs open it in microseconds
        instead of parsing the sources. It is built on first use and rebuilt whenever a source
        file or routemap's own data changes; each set of --gazetteer sources keeps its own index.

        Examples:
          routemap gazetteer build
          routemap gazetteer build --gazetteer allCountries.txt --gazetteer alternateNamesV2.txt
          routemap gazetteer stats --json
        """,
        subcommands: [Build.self, Stats.self]
    )

    /// `routemap gazetteer build`.
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "build", abstract: "Compile the gazetteer and its sources into the cached index (when stale, or with --force).")

        @Flag(name: .long, help: "Rebuild even when the index is up to date.")
        var force = false

        @OptionGroup var gazetteerOptions: GazetteerOptions

        func run() throws {
            let sources = try gazetteerOptions.sources()
            let cache = GazetteerIndexCache()
            let clock = ContinuousClock(), start = clock.now
            let progress = Progress()
            defer { progress.finish() }
            let (index, built): (CompiledIndex, Bool)
            // A GeoNames dump's bad rows fail the build unless --skip-bad-rows; what a build leaves out is
            // said as a warning and kept beside the index for `gazetteer stats`.
            let reports = Mutex<[GeoNamesImportReport]>([])
            let options = GeoNamesImportOptions(skipsBadRows: gazetteerOptions.skipBadRows) { report in
                progress.finish()
                Terminal.warning(report.description)
                reports.withLock { $0.append(report) }
            }
            let made: Result<(CompiledIndex, Bool), GazetteerError> = GeoNamesImportOptions.$current.withValue(options) {
                Result { () throws(GazetteerError) in
                    try cache.prepare()
                    let path = cache.path(for: sources)
                    let made = try cache.withBuildLock(forIndexAt: path, waiting: { progress.note("waiting for another routemap that is building \(path)") }) { () throws(GazetteerError) -> (CompiledIndex, Bool) in
                        if !force, let index = try cache.open(for: sources) { return (index, false) }
                        return (try cache.write(for: sources) { event in
                            if case .places(let count) = event { progress.update("building the gazetteer index: \(count) places") }
                        }, true)
                    }
                    // The name automaton is built with the index; one deleted or left from an older index is made again.
                    _ = try NameAutomaton.cached(beside: made.0, gazetteer: Gazetteer(compiled: made.0), cache: cache,
                                                 progress: { done, total in progress.update("compiling the gazetteer's names: \(done) of \(total) places") })
                    return made
                }
            }
            do {
                (index, built) = try made.get()
            } catch {
                throw RouteMapError.badData(error)
            }
            progress.finish()
            guard built else {
                try results.line("up to date: \(index.path) (\(describe(index))); --force rebuilds it")
                return
            }
            ImportReportFile.replace(for: index, with: reports.withLock { $0 })
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            try results.line("built \(index.path) (\(describe(index))) in \(fixed(seconds, 2)) s")
        }
    }

    /// `routemap gazetteer stats`.
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "stats", abstract: "Places, names, languages and sources of the gazetteer, and its index.")

        @OptionGroup var output: OutputOptions

        @OptionGroup var gazetteerOptions: GazetteerOptions

        func run() throws {
            let gazetteer = try gazetteerOptions.world()
            let stats = gazetteer.statistics()
            let index = gazetteer.compiledIndex
            if output.json {
                let counts = { (d: [String: Int]) in JSONValue.object(d.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ($0.key, .integer($0.value)) }) }
                var members: [(String, JSONValue)] = [
                    ("places", .integer(stats.places)), ("places_by_source", counts(stats.placesBySource)),
                    ("places_by_kind", counts(stats.placesByKind)), ("names", .integer(stats.names)),
                    ("distinct_names", .integer(stats.distinctNames)), ("names_by_language", counts(stats.namesByLanguage)),
                ]
                if let index {
                    members.append(("index", .object([
                        ("path", .string(index.path)), ("bytes", .integer(index.byteCount)), ("built", .string(timestamp(index.builtAt))),
                        ("sources", .array(index.sourceDescription.split(separator: "\n").map { .string(String($0)) })),
                        ("left_out", .array((ImportReportFile.read(for: index) ?? "").split(separator: "\n").map { .string(String($0)) })),
                    ])))
                }
                try results.write(utf8: JSONValue.object(members).rendered)
                return
            }
            try results.line("places     \(grouped(stats.places))  (\(list(stats.placesBySource)))")
            try results.line("kinds      \(list(stats.placesByKind))")
            try results.line("names      \(grouped(stats.names)) names under \(grouped(stats.distinctNames)) distinct spellings (case, diacritics and spacing folded)")
            let languages = stats.namesByLanguage.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            try results.line("languages  \(languages.count): \(languages.prefix(12).map { "\($0.key) \(grouped($0.value))" }.joined(separator: ", "))\(languages.count > 12 ? ", …" : "")")
            if let index {
                try results.line("index      \(index.path)")
                try results.line("           \(describe(index)), built \(timestamp(index.builtAt)), up to date")
                for (i, source) in index.sourceDescription.split(separator: "\n").enumerated() {
                    try results.line(i == 0 ? "sources    \(source)" : "           \(source)")
                }
                for (i, line) in (ImportReportFile.read(for: index) ?? "").split(separator: "\n").enumerated() {
                    try results.line(i == 0 ? "left out   \(line)" : "           \(line)")
                }
            } else {
                try results.line("index      none: the cache folder cannot be written (set \(GazetteerIndexCache.environmentVariable))")
            }
        }

        private func list(_ counts: [String: Int]) -> String {
            counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \(grouped($0.value))" }.joined(separator: ", ")
        }
    }
}

/// "36,095 places, 140,212 names, 17.9 MB".
private func describe(_ index: CompiledIndex) -> String {
    "\(grouped(index.placeCount)) places, \(grouped(index.entryCount)) names, \(fixed(Double(index.byteCount) / 1e6, 1)) MB"
}

private func grouped(_ n: Int) -> String {
    Area.grouped(Double(n))
}

private func timestamp(_ seconds: Double) -> String {
    let formatter = ISO8601DateFormatter()
    return formatter.string(from: Date(timeIntervalSince1970: seconds))
}
