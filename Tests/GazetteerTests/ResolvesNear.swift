import Coordinates
import Gazetteer
import Geodesy
import Testing

/// Records an issue unless `query` resolves in `world` to the place `id` of `kind`, within 161 km (geodesic, PROJ) of the
/// reference point `latitude`, `longitude` that `source` names.
func expectResolves(_ query: String, to id: String, kind: PlaceKind, near latitude: Double, _ longitude: Double, source: String,
                    in world: Gazetteer) throws {
    guard case .resolved(let match, _) = world.resolve(query) else {
        Issue.record("'\(query)' does not resolve: \(world.resolve(query))")
        return
    }
    #expect(match.place.id == id)
    #expect(match.place.kind == kind)
    let metres = Geodesic.wgs84.inverse(from: match.place.coordinate, to: try Coordinate(latitude: latitude, longitude: longitude)).distance
    #expect(metres <= 161_000, "\(match.place.id) at \(match.place.coordinate) is \(Int(metres / 1000)) km from \(source)")
}
