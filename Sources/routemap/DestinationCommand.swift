import ArgumentParser
import Coordinates
import GeoJSON
import Geodesy
import RouteMap

/// `routemap destination`: where a stated distance and bearing from a place lead (the geodesic direct problem).
struct Destination: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "destination",
        abstract: "Find the point a distance and bearing from a place lead to, along the WGS84 geodesic (PROJ).",
        discussion: """
        For claims such as "150 mi south-east of Salalah" or "nine kilometres south of Fokino":
        the point at that geodesic distance and initial bearing (PROJ's geod_direct, as
        `geod +ellps=WGS84` and `GeodSolve` compute it). A bearing is a compass point (SE, NNW),
        words (south-east), or degrees clockwise from north (135).

        Examples:
          routemap destination Salalah --distance 150mi --bearing SE
          routemap destination Fokino --distance 9km --bearing S --json
          routemap destination Moscow --distance 561mi --bearing 83.46 --geojson
        Check it: echo 17.01505 54.09237 135 241401.6 | GeodSolve
        """
    )

    @Argument(parsing: .allUnrecognized, help: "The place measured from: a name, id or coordinate (latitude first).")
    var origin: [String] = []

    @Option(name: .long, help: "The distance with a unit: 150mi, 9km, 80nmi, 500m (a bare number is km).", transform: { (text: String) throws -> Length in
        do { return try Length(parsing: text) } catch { throw ValidationError(String(describing: error)) }
    })
    var distance: Length

    @Option(name: .long, help: "The initial bearing: a compass point (SE), words (south-east) or degrees from north (135).")
    var bearing: String

    @Flag(name: .long, help: "Print JSON for scripts.")
    var json = false

    @Flag(name: .long, help: "Print GeoJSON: the origin and destination Points and the geodesic between them.")
    var geojson = false

    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        try rejectRepeated(["--distance", "--bearing"], command: "destination")
        try checkNoUnknownOptions(origin, command: "destination")
        guard origin.count == 1 else { throw ValidationError("give one place to measure from: routemap destination Salalah --distance 150mi --bearing SE") }
        guard Bearing.parse(bearing) != nil else {
            throw ValidationError("--bearing '\(bearing)' is not a bearing: give a compass point (SE, NNW), words (south-east) or degrees from north (135)")
        }
        guard distance.metres >= 0, distance.metres.isFinite else { throw ValidationError("--distance must be zero or more") }
        guard !(json && geojson) else { throw ValidationError("choose one of --json and --geojson") }
    }

    func run() throws {
        let lookup = PlaceLookup(gazetteerOptions)
        let start = try lookup.waypoint(for: origin[0])
        let azimuth = Bearing.parse(bearing)!
        let end = Geodesic.wgs84.direct(from: start.coordinate, azimuth: azimuth, distance: distance.metres)
        if json {
            try results.write(utf8: JSONValue.object([
                ("from", .object([("id", .optional(start.id)), ("name", .string(start.name)), ("lat", .number(start.coordinate.latitude)),
                                  ("lon", .number(start.coordinate.longitude))])),
                ("distance_m", .number(distance.metres)),
                ("azimuth_initial_deg", .number(azimuth)),
                ("lat", .number(end.end.latitude)), ("lon", .number(end.end.longitude)),
                ("azimuth_final_deg", .number(end.finalAzimuth)),
            ]).rendered)
        } else if geojson {
            let destination = Waypoint(coordinate: end.end)
            let route = SupplyRoute(id: "destination", name: "\(distance) \(Bearing.compassPoint(azimuth)) of \(start.name)",
                                    waypoints: [start, destination], legs: [LegDescription(mode: .unknown)])
            let line = MapFeatures().feature(route: route)
            let point = { (w: Waypoint, id: String) in
                Feature(id: id, geometry: .point(Position(longitude: w.coordinate.longitude, latitude: w.coordinate.latitude)),
                        properties: [("id", .string(id)), ("name", .string(w.name))])
            }
            let collection = FeatureCollection(features: [point(start, "origin"), point(destination, "destination"), line])
            try results.write(GeoJSONWriter().collection(collection))
        } else {
            try results.line("\(start.name) (\(start.coordinate.decimalString())) → \(distance) at \(String(format: "%.2f", Bearing.degrees(azimuth)))° (\(Bearing.compassPoint(azimuth)))")
            try results.line("  destination \(end.end.decimalString())  (\(end.end.dmsString))")
            try results.line("  final bearing \(String(format: "%.2f", Bearing.degrees(end.finalAzimuth)))° (\(Bearing.compassPoint(end.finalAzimuth)))")
        }
    }
}
