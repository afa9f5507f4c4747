import Coordinates
import GeoJSON
import Geodesy
import RouteMap

/// Prints a measured route's legs and total, as text for people or JSON for scripts.
struct LegReport {
    let units: DistanceUnit

    private func amount(_ metres: Double) -> String {
        "\(fixed(units.fromMetres(metres), 3)) \(units.rawValue)"
    }

    /// Two lines per leg and a total: distance, bearings, and a sentence ("Alabuga is 561 mi east of Moscow").
    func text(_ route: RouteMeasurement) -> String {
        var lines: [String] = []
        for leg in route.legs {
            let g = leg.geodesic
            lines.append("\(Self.label(leg.from)) → \(Self.label(leg.to))")
            lines.append("  \(amount(g.distance)), initial bearing \(fixed(Bearing.degrees(g.initialAzimuth), 2))° (\(Bearing.compassPoint(g.initialAzimuth))), final bearing \(fixed(Bearing.degrees(g.finalAzimuth), 2))° (\(Bearing.compassPoint(g.finalAzimuth)))")
            if g.distance == 0 {
                lines.append("  \(leg.to.name) is the same point as \(leg.from.name): no distance, so no direction")
            } else {
                lines.append("  \(leg.to.name) is \(fixed(units.fromMetres(g.distance), 0)) \(units.rawValue) \(Bearing.direction(g.initialAzimuth)) of \(leg.from.name)")
            }
        }
        lines.append("total: \(amount(route.totalDistance)) over \(route.legs.count) leg\(route.legs.count == 1 ? "" : "s")")
        return lines.joined(separator: "\n")
    }

    /// A place's name and coordinate; a bare coordinate once.
    private static func label(_ w: Waypoint) -> String {
        w.id == nil ? w.name : "\(w.name) (\(w.coordinate.decimalString()))"
    }

    /// The stable JSON: `units`, `legs` (`from`, `to`, `distance_m`, `distance`, `azimuth_initial_deg`, `azimuth_final_deg`), `total_m`, `total`.
    func json(_ route: RouteMeasurement) -> JSONValue {
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

    /// Each leg's straight-line length in a projected CRS beside the geodesic one, and their ratio.
    func text(_ planar: [PlanarLeg], crs: CoordinateReferenceSystem, route: RouteMeasurement) -> String {
        var lines = ["planar, as measured on a map in \(crs.label):"]
        for (leg, flat) in zip(route.legs, planar) {
            lines.append("  \(leg.from.name) → \(leg.to.name): \(amount(flat.planar)) planar against \(amount(flat.geodesic)) geodesic, ×\(fixed(flat.ratio, 4))\(Self.warning(flat.ratio))")
        }
        return lines.joined(separator: "\n")
    }

    /// `crs`, `crs_name` and per leg `planar_m`, `geodesic_m`, `ratio`.
    func json(_ planar: [PlanarLeg], crs: CoordinateReferenceSystem) -> JSONValue {
        .object([
            ("crs", .string(crs.identifier ?? crs.definition)),
            ("crs_name", .string(crs.name)),
            ("legs", .array(planar.map { .object([("planar_m", .number($0.planar)), ("geodesic_m", .number($0.geodesic)), ("ratio", .number($0.ratio))]) })),
        ])
    }

    private static func warning(_ ratio: Double) -> String {
        abs(ratio - 1) > 0.01 ? " (the map is off by \(fixed(abs(ratio - 1) * 100, 1))%)" : ""
    }
}
