import Coordinates
import Foundation
import GeoJSON
import Geodesy
import Gazetteer
import RouteMap
import WorldGeometry

/// `distance PLACE --to-area COUNTRY`: how far places are from a country's nearest border or coast.
struct AreaDistance {
    let lookup: PlaceLookup
    let units: DistanceUnit

    func run(from places: [String], to area: String, json: Bool) throws {
        let world = WorldGeometry.naturalEarth50m
        let country = try self.country(area, in: world)
        var measured: [(Waypoint, NearestBoundaryPoint)] = []
        for text in places {
            let waypoint = try lookup.waypoint(for: text)
            guard let nearest = world.nearestBoundaryPoint(of: country, to: waypoint.coordinate) else {
                throw InputError(description: "\(country.name) has no outline to measure to")
            }
            measured.append((waypoint, nearest))
        }
        if json {
            try results.write(utf8: JSONValue.object([
                ("area", .object([("code", .string(country.shortCode)), ("name", .string(country.name))])),
                ("units", .string(units.rawValue)),
                ("places", .array(measured.map { w, n in
                    .object([("id", .optional(w.id)), ("name", .string(w.name)), ("lat", .number(w.coordinate.latitude)), ("lon", .number(w.coordinate.longitude)),
                             ("inside", .bool(n.inside)), ("distance_m", .number(n.distance)), ("distance", .number(n.distance / units.metres)),
                             ("nearest_lat", .number(n.point.latitude)), ("nearest_lon", .number(n.point.longitude)),
                             ("azimuth_deg", .number(Geodesic.wgs84.inverse(from: w.coordinate, to: n.point).initialAzimuth))])
                })),
            ]).rendered)
            return
        }
        for (w, n) in measured {
            let azimuth = Geodesic.wgs84.inverse(from: w.coordinate, to: n.point).initialAzimuth
            let distance = fixed(n.distance / units.metres, 3) + " " + units.rawValue
            let relation = n.inside ? "inside \(country.name); its border or coast is \(distance) away" : "\(distance) from \(country.name)"
            try results.line("\(w.name) (\(w.coordinate.decimalString())): \(relation)")
            try results.line("  nearest point of the outline \(n.point.decimalString()), bearing \(fixed(Bearing.degrees(azimuth), 2))° (\(Bearing.compassPoint(azimuth)))")
        }
        try results.line("outline: Natural Earth 1:50m \(country.name) (\(country.shortCode)); distances along the WGS84 geodesic (PROJ)")
    }

    /// The country named by ISO code or by any gazetteer name.
    private func country(_ text: String, in world: WorldGeometry) throws -> Country {
        if text.count <= 3, let country = world.country(code: text) { return country }
        let match = try lookup.place(for: text).match.place
        if match.kind == .country, let code = match.country, world.country(code: code) == nil {
            throw InputError(description: "--to-area '\(text)' is \(match.name) (\(code)), which Natural Earth 1:50m draws no outline for "
                + "(routemap knows it by its capital's point): name a country with an outline, by name or ISO code (Spain, ES)")
        }
        guard match.kind == .country, let code = match.country, let country = world.country(code: code) else {
            throw InputError(description: "--to-area '\(text)' is \(match.name) (\(match.kind.rawValue)): name a country, by name or ISO code (Ukraine, UA)")
        }
        return country
    }
}
