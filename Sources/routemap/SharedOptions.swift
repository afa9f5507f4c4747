import ArgumentParser
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

    /// The sources named here and in the environment.
    func sources() throws(RouteMapError) -> GazetteerSources {
        do {
            return try GazetteerSources.from(paths: paths)
        } catch {
            throw .badData(error)
        }
    }
}

/// The curated places, the world's countries, continents, cities and regions, and `sources`:
/// read from the compiled index in the cache, which is built on first use and whenever a source
/// changes (saying so on a terminal, as it may take seconds). Every cache failure is a warning.
func loadWorldGazetteer(_ sources: GazetteerSources) throws(RouteMapError) -> Gazetteer {
    let progress = Progress(after: .zero)
    defer { progress.finish() }
    do {
        return try Gazetteer.indexedWorld(adding: sources, cacheFailed: { failure in
            progress.finish()
            Terminal.error("warning: \(failure.description) (each run loads the gazetteer from its sources until the index can be kept)")
        }, progress: { event in
            switch event {
            case .waiting(let index): progress.note("waiting for another routemap that is building \(index)")
            case .building(let index): progress.note("building the gazetteer index \(index) (its first use, or its sources or routemap changed); later runs open it at once")
            case .places(let count): progress.update("building the gazetteer index: \(count) places")
            }
        })
    } catch {
        throw .badData(error)
    }
}

/// A geoparser over the world gazetteer and `sources`: the compiled index and the name automaton kept beside it
/// (built with it on first use), or, when the cache cannot be used, names compiled in memory.
func loadGeoparser(_ sources: GazetteerSources) throws(RouteMapError) -> Geoparser {
    let gazetteer = try loadWorldGazetteer(sources)
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

/// Resolves what users type (names, ids, coordinates) against the whole gazetteer.
struct PlaceLookup {
    private let resolver: WaypointResolver
    /// The sources added to the embedded gazetteer.
    let sources: GazetteerSources

    init(_ options: GazetteerOptions) throws(RouteMapError) {
        sources = try options.sources()
        resolver = WaypointResolver(gazetteer: try loadWorldGazetteer(sources))
    }

    /// The gazetteer names resolve against.
    var gazetteer: Gazetteer { resolver.gazetteer }

    func waypoint(for text: String) throws(RouteMapError) -> Waypoint {
        try resolver.waypoint(for: text)
    }

    /// The waypoints of a route, homonyms ranked by nearness to the other waypoints.
    func waypoints(for texts: [String]) throws(RouteMapError) -> [Waypoint] {
        try resolver.waypoints(for: texts)
    }

    func place(for text: String) throws(RouteMapError) -> (match: PlaceMatch, alternatives: [PlaceMatch]) {
        try resolver.place(for: text)
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
