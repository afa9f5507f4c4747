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
