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

    /// Per leg: the places, the drawn length and how it was drawn (with the snaps to water and the
    /// waterways followed, or the geodesic's bearings), a sentence, and any warning; then the total.
    func text(_ legs: [DrawnLeg]) -> String {
        var lines: [String] = []
        for leg in legs {
            let g = leg.geodesic
            lines.append("\(Self.label(leg.from)) → \(Self.label(leg.to))")
            if let water = leg.water {
                lines.append("  \(amount(leg.length)) on the water network (\(leg.mode.rawValue)); the geodesic is \(amount(g.distance)) (×\(fixed(leg.length / max(g.distance, 1e-9), 3)))")
                if let snaps = leg.snaps {
                    lines.append("  snapped to water: \(leg.from.name) \(amount(snaps.from.distance)), \(leg.to.name) \(amount(snaps.to.distance))")
                }
                if !water.waterways.isEmpty { lines.append("  via \(water.waterways.map(\.name).joined(separator: ", "))") }
            } else {
                if leg.snaps != nil { lines.append("  open water all the way: drawn as the geodesic, which crosses no land") }
                lines.append("  \(amount(g.distance)) along the geodesic (\(leg.mode.rawValue)), initial bearing \(fixed(Bearing.degrees(g.initialAzimuth), 2))° (\(Bearing.compassPoint(g.initialAzimuth))), final bearing \(fixed(Bearing.degrees(g.finalAzimuth), 2))° (\(Bearing.compassPoint(g.finalAzimuth)))")
            }
            lines.append("  \(leg.to.name) is \(fixed(units.fromMetres(g.distance), 0)) \(units.rawValue) \(Bearing.direction(g.initialAzimuth)) of \(leg.from.name)")
            for warning in leg.warnings { lines.append("  warning: \(warning)") }
        }
        let total = legs.reduce(0) { $0 + $1.length }
        lines.append("total: \(amount(total)) over \(legs.count) leg\(legs.count == 1 ? "" : "s")")
        return lines.joined(separator: "\n")
    }

    /// The stable JSON of `json(_: RouteMeasurement)` with, per leg, `mode`, `drawn` (`water-network`
    /// or `geodesic`), `geodesic_m`, and for water legs `snap_from_m`, `snap_to_m`, `snapped_from`,
    /// `snapped_to` and `waterways`; `warnings` always. `distance_m` is the drawn length.
    func json(_ legs: [DrawnLeg]) -> JSONValue {
        func point(_ w: Waypoint) -> JSONValue {
            .object([("id", .optional(w.id)), ("name", .string(w.name)), ("lat", .number(w.coordinate.latitude)), ("lon", .number(w.coordinate.longitude))])
        }
        func at(_ c: Coordinate) -> JSONValue { .object([("lat", .number(c.latitude)), ("lon", .number(c.longitude))]) }
        let total = legs.reduce(0) { $0 + $1.length }
        return .object([
            ("units", .string(units.rawValue)),
            ("legs", .array(legs.map { leg in
                var members: [(String, JSONValue)] = [
                    ("from", point(leg.from)),
                    ("to", point(leg.to)),
                    ("mode", .string(leg.mode.rawValue)),
                    ("drawn", .string(leg.method.rawValue)),
                    ("distance_m", .number(leg.length)),
                    ("distance", .number(units.fromMetres(leg.length))),
                    ("geodesic_m", .number(leg.geodesic.distance)),
                    ("azimuth_initial_deg", .number(leg.geodesic.initialAzimuth)),
                    ("azimuth_final_deg", .number(leg.geodesic.finalAzimuth)),
                ]
                if let snaps = leg.snaps {
                    members += [
                        ("snap_from_m", .number(snaps.from.distance)),
                        ("snap_to_m", .number(snaps.to.distance)),
                        ("snapped_from", at(snaps.from.water)),
                        ("snapped_to", at(snaps.to.water)),
                    ]
                }
                if let water = leg.water {
                    members += [("waterways", .array(water.waterways.map { .string($0.name) })), ("points", .number(Double(water.points.count)))]
                }
                if let land = leg.landCrossed {
                    members.append(("land_crossed", .array(land.map { .object([("country", .string($0.country.shortCode)), ("name", .string($0.country.name)), ("length_m", .number($0.length))]) })))
                }
                members.append(("warnings", .array(leg.warnings.map { .string($0) })))
                return .object(members)
            })),
            ("total_m", .number(total)),
            ("total", .number(units.fromMetres(total))),
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
