import ArgumentParser
import Coordinates
import Geodesy
import RouteMap

/// `routemap distance`: geodesic legs between places or coordinates.
struct Distance: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure the geodesic (WGS84, PROJ) legs of a route through places or coordinates.",
        discussion: """
        A PLACE is a gazetteer name, alias or id, or a coordinate written latitude first:
        42.98,47.50  or  42.98N 47.50E  or  "42°59′N 47°30′E". Azimuths are degrees clockwise
        from north in (-180, 180], as PROJ's geod and GeographicLib's GeodSolve print them.

        Examples:
          routemap distance Amirabad Makhachkala
          routemap distance Moscow Alabuga --units mi
          routemap distance Tehran Amirabad Makhachkala Alabuga --json
          routemap distance "55.75N 37.62E" 55.83,52.04 --units nmi
        """
    )

    @Argument(help: "Two or more places or coordinates, in route order.")
    var places: [String]

    @Option(name: .long, help: "Units for text output and the JSON 'distance' fields: m, km, mi or nmi.")
    var units: DistanceUnit = .km

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard places.count >= 2 else {
            throw ValidationError("give at least two places, for example: routemap distance Amirabad Makhachkala")
        }
    }

    func run() throws {
        let resolver = WaypointResolver(gazetteer: try loadGazetteer())
        let waypoints = try places.map { text throws(RouteMapError) in try resolver.waypoint(for: text) }
        let route = RouteMeasurement(waypoints: waypoints)
        print(output.json ? json(route).rendered : text(route), terminator: output.json ? "" : "\n")
    }

    private func amount(_ metres: Double) -> String {
        "\(fixed(units.fromMetres(metres), units == .m ? 3 : 3)) \(units.rawValue)"
    }

    private func text(_ route: RouteMeasurement) -> String {
        var lines: [String] = []
        for leg in route.legs {
            let g = leg.geodesic
            lines.append("\(leg.from.name) (\(leg.from.coordinate.decimalString())) → \(leg.to.name) (\(leg.to.coordinate.decimalString()))")
            lines.append("  \(amount(g.distance)), initial bearing \(fixed(Bearing.degrees(g.initialAzimuth), 2))° (\(Bearing.compassPoint(g.initialAzimuth))), final bearing \(fixed(Bearing.degrees(g.finalAzimuth), 2))° (\(Bearing.compassPoint(g.finalAzimuth)))")
            lines.append("  \(leg.to.name) is \(fixed(units.fromMetres(g.distance), 0)) \(units.rawValue) \(Bearing.direction(g.initialAzimuth)) of \(leg.from.name)")
        }
        lines.append("total: \(amount(route.totalDistance)) over \(route.legs.count) leg\(route.legs.count == 1 ? "" : "s")")
        return lines.joined(separator: "\n")
    }

    private func json(_ route: RouteMeasurement) -> JSONValue {
        func point(_ w: Waypoint) -> JSONValue {
            .object([("id", .optional(w.id)), ("name", .string(w.name)), ("lat", .number(w.coordinate.latitude)), ("lon", .number(w.coordinate.longitude))])
        }
        return .object([
            ("units", .string(units.rawValue)),
            ("legs", .array(route.legs.map { leg in
                .object([
                    ("from", point(leg.from)),
                    ("to", point(leg.to)),
                    ("distance_m", .number(leg.geodesic.distance)),
                    ("distance", .number(units.fromMetres(leg.geodesic.distance))),
                    ("azimuth_initial_deg", .number(leg.geodesic.initialAzimuth)),
                    ("azimuth_final_deg", .number(leg.geodesic.finalAzimuth)),
                ])
            })),
            ("total_m", .number(route.totalDistance)),
            ("total", .number(units.fromMetres(route.totalDistance))),
        ])
    }
}
