import ArgumentParser
import Coordinates
import Gazetteer
import RouteMap

/// Options every command that prints results shares.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON for scripts instead of text.")
    var json = false
}

extension DistanceUnit: ExpressibleByArgument {}

/// The gazetteer commands resolve against: the curated places compiled into the binary.
func loadGazetteer() throws(RouteMapError) -> Gazetteer {
    do {
        return try Gazetteer.embedded()
    } catch {
        throw .badData(error)
    }
}

/// The curated places and the world's countries, continents, cities and regions.
func loadWorldGazetteer() throws(RouteMapError) -> Gazetteer {
    do {
        return try Gazetteer.world()
    } catch {
        throw .badData(error)
    }
}

/// Resolves what users type against the curated places first (fast), and against the world when a
/// name is not curated: the seeds' places answer at once, and "Kyiv" or "Latvia" still resolve.
struct PlaceLookup {
    private let curated: WaypointResolver
    private var world: WaypointResolver?

    init() throws(RouteMapError) {
        curated = WaypointResolver(gazetteer: try loadGazetteer())
    }

    /// The gazetteer that last answered (the world's once it was needed).
    var gazetteer: Gazetteer { world?.gazetteer ?? curated.gazetteer }

    mutating func waypoint(for text: String) throws(RouteMapError) -> Waypoint {
        do {
            return try (world ?? curated).waypoint(for: text)
        } catch .unknownPlace where world == nil {
            return try loadWorld().waypoint(for: text)
        }
    }

    mutating func place(for text: String) throws(RouteMapError) -> (match: PlaceMatch, alternatives: [PlaceMatch]) {
        do {
            return try (world ?? curated).place(for: text)
        } catch .unknownPlace where world == nil {
            return try loadWorld().place(for: text)
        }
    }

    private mutating func loadWorld() throws(RouteMapError) -> WaypointResolver {
        let resolver = WaypointResolver(gazetteer: try loadWorldGazetteer())
        world = resolver
        return resolver
    }
}
