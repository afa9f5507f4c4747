import ArgumentParser
import Foundation
import Synchronization
import Coordinates
import Gazetteer
import Geoparser
import RouteMap

/// Options every command that prints results shares.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON for scripts instead of text.")
    var json = false
}

extension DistanceUnit: ExpressibleByArgument {}

/// `--gazetteer PATH`: data to add to the embedded gazetteer, for every command that resolves places.
struct GazetteerOptions: ParsableArguments {
    @Option(name: .customLong("gazetteer"), help: ArgumentHelp(
        "Extra gazetteer data (repeatable; also $ROUTEMAP_GAZETTEER, colon-separated): a folder laid out like gazetteer/, place records (.json), shapes (.geojson) or GeoNames dumps (.txt).",
        valueName: "path"))
    var paths: [String] = []

    @Flag(name: .customLong("skip-bad-rows"), help: "Import GeoNames dumps without their bad rows (each file's are reported, and gazetteer stats records them) instead of failing.")
    var skipBadRows = false

    /// The sources named here and in the environment.
    func sources() throws(RouteMapError) -> GazetteerSources {
        do {
            return try GazetteerSources.from(paths: paths)
        } catch {
            throw .badData(error)
        }
    }

    /// The world gazetteer with these sources (`loadWorldGazetteer`), GeoNames rows skipped or not as asked.
    func world() throws(RouteMapError) -> Gazetteer {
        try loadWorldGazetteer(try sources(), skippingBadRows: skipBadRows)
    }
}

/// The curated places, the world's countries, continents, cities and regions, and `sources`:
/// mapped from the compiled index in the cache, which is built on first use and whenever a source
/// changes (saying so on a terminal, as it may take seconds). Every cache failure is a warning.
/// A GeoNames dump's bad rows fail the build unless `skippingBadRows`; what a build leaves out
/// (bad rows skipped, repeated ids) is printed as a warning and kept beside the index for
/// `gazetteer stats` (`ImportReportFile`).
func loadWorldGazetteer(_ sources: GazetteerSources, skippingBadRows: Bool = false) throws(RouteMapError) -> Gazetteer {
    let reports = Mutex<[GeoNamesImportReport]>([])
    let progress = Progress(after: .zero)
    defer { progress.finish() }
    let options = GeoNamesImportOptions(skipsBadRows: skippingBadRows) { report in
        progress.finish()
        Terminal.warning(report.description)
        reports.withLock { $0.append(report) }
    }
    // Whether this run built the index: told by the build's own progress event, not by the index's
    // timestamp (a run started within a second of another's build would take that build for its own
    // and erase the report of what it left out).
    let builtHere = Mutex(false)
    let loaded: Result<Gazetteer, GazetteerError> = GeoNamesImportOptions.$current.withValue(options) {
        Result { () throws(GazetteerError) in
            try Gazetteer.indexedWorld(adding: sources, cacheFailed: { failure in
                progress.finish()
                Terminal.error("warning: \(failure.description) (each run loads the gazetteer from its sources until the index can be kept)")
            }, progress: { event in
                switch event {
                case .waiting(let index): progress.note("waiting for another routemap that is building \(index)")
                case .building(let index):
                    builtHere.withLock { $0 = true }
                    progress.note("building the gazetteer index \(index) (its first use, or its sources or routemap changed); later runs open it at once")
                case .places(let count): progress.update("building the gazetteer index: \(count) places")
                }
            })
        }
    }
    let gazetteer: Gazetteer
    do {
        gazetteer = try loaded.get()
    } catch {
        throw .badData(error)
    }
    // A build in this run: keep what it left out beside the index, or forget an older report.
    if let index = gazetteer.compiledIndex, builtHere.withLock({ $0 }) {
        ImportReportFile.replace(for: index, with: reports.withLock { $0 })
    }
    return gazetteer
}

/// A geoparser over the world gazetteer and `sources`: the compiled index and the name automaton kept beside it
/// (built with it on first use), or, when the cache cannot be used, names compiled in memory.
func loadGeoparser(_ sources: GazetteerSources, skippingBadRows: Bool = false) throws(RouteMapError) -> Geoparser {
    let gazetteer = try loadWorldGazetteer(sources, skippingBadRows: skippingBadRows)
    guard let index = gazetteer.compiledIndex else { return Geoparser(gazetteer: gazetteer) }
    let progress = Progress(after: .zero)
    defer { progress.finish() }
    do {
        let automaton = try NameAutomaton.cached(beside: index, gazetteer: gazetteer, cache: GazetteerIndexCache(),
                                                 waiting: { progress.note("waiting for another routemap that is compiling the names of \(index.path)") },
                                                 progress: { done, total in progress.update("compiling the gazetteer's names: \(done) of \(total) places") })
        return Geoparser(gazetteer: gazetteer, automaton: automaton)
    } catch {
        progress.finish()
        Terminal.error("warning: \(error.description) (the names are compiled in memory for this run)")
        return Geoparser(gazetteer: gazetteer)
    }
}

/// What a build of a gazetteer index left out of its GeoNames dumps, kept as text beside the index
/// (`gazetteer-….idx.import.txt`), so that `gazetteer stats` can say it after the build's own warnings.
enum ImportReportFile {
    static func path(for index: CompiledIndex) -> String { index.path + ".import.txt" }

    /// Writes the reports, or removes the file when there are none.
    static func replace(for index: CompiledIndex, with reports: [GeoNamesImportReport]) {
        guard !reports.isEmpty else {
            unlink(path(for: index))
            return
        }
        try? OutputFile.write(Array((reports.map(\.description).joined(separator: "\n") + "\n").utf8), to: path(for: index))
    }

    /// The reports kept for this index, if any.
    static func read(for index: CompiledIndex) -> String? {
        guard let data = FileManager.default.contents(atPath: path(for: index)), data.count < 1 << 20 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Resolves what users type (names, ids, coordinates) against the whole gazetteer, which it loads
/// only when a name needs it: coordinates alone never read the sources, so a broken or huge
/// `--gazetteer` dump does not hold up `distance 55.75,37.62 55.83,52.04`.
final class PlaceLookup {
    private let options: GazetteerOptions
    private var loaded: (resolver: WaypointResolver, sources: GazetteerSources)?

    init(_ options: GazetteerOptions) {
        self.options = options
    }

    private func load() throws(RouteMapError) -> (resolver: WaypointResolver, sources: GazetteerSources) {
        if let loaded { return loaded }
        let sources = try options.sources()
        let made = (WaypointResolver(gazetteer: try loadWorldGazetteer(sources, skippingBadRows: options.skipBadRows)), sources)
        loaded = made
        return made
    }

    /// The sources added to the embedded gazetteer.
    var sources: GazetteerSources {
        get throws(RouteMapError) { try load().sources }
    }

    /// The gazetteer names resolve against.
    var gazetteer: Gazetteer {
        get throws(RouteMapError) { try load().resolver.gazetteer }
    }

    func waypoint(for text: String) throws(RouteMapError) -> Waypoint {
        if Coordinate.looksLikeCoordinate(text) {
            do {
                return Waypoint(coordinate: try Coordinate(parsing: text))
            } catch {
                throw .badCoordinate(text, error)
            }
        }
        return try load().resolver.waypoint(for: text)
    }

    /// The waypoints of a route, homonyms ranked by nearness to the other waypoints.
    func waypoints(for texts: [String]) throws(RouteMapError) -> [Waypoint] {
        if texts.allSatisfy(Coordinate.looksLikeCoordinate) {
            return try texts.map { text throws(RouteMapError) in try waypoint(for: text) }
        }
        return try load().resolver.waypoints(for: texts)
    }

    func place(for text: String) throws(RouteMapError) -> (match: PlaceMatch, alternatives: [PlaceMatch]) {
        try load().resolver.place(for: text)
    }
}

/// Places typed on the command line may be coordinates with a southern latitude or western
/// longitude, such as `-33.9,18.4`, which the argument parser would take for options: commands
/// collect their places with `parsing: .allUnrecognized` and check here that nothing else slipped in.
/// Rejects a single-value option given twice (`--mode sea --mode rail`), which ArgumentParser would let the last one win.
func rejectRepeated(_ options: [String], command: String) throws {
    let arguments = CommandLine.arguments.prefix { $0 != "--" }
    for option in options {
        let count = arguments.filter { $0 == option || $0.hasPrefix(option + "=") }.count
        if count > 1 { throw ValidationError("\(option) is given \(count) times; give it once (see routemap \(command) --help)") }
    }
}

func checkNoUnknownOptions(_ places: [String], command: String) throws {
    for text in places where text.hasPrefix("-") && text != "-" && !Coordinate.looksLikeCoordinate(text) {
        throw ValidationError("unknown option '\(text)'; see routemap \(command) --help")
    }
}
