import Coordinates
import Geodesy
import Testing

@Suite("Range rings and areas")
struct GeodesicRingTests {
    static let makhachkala = try! Coordinate(latitude: 42.97782, longitude: 47.50027)

    /// The shoelace area in the lon/lat plane: positive for counterclockwise, as RFC 7946 wants exteriors.
    static func planarArea(_ ring: [Coordinate]) -> Double {
        zip(ring, ring.dropFirst()).reduce(0) { $0 + $1.0.longitude * $1.1.latitude - $1.1.longitude * $1.0.latitude } / 2
    }

    /// Every polygon vertex that is not a pole corner lies on the ring, within 1 mm.
    static func expectOnRing(_ ring: GeodesicRing) {
        for polygon in ring.polygons() {
            for vertex in polygon where abs(vertex.latitude) != 90 {
                let d = Geodesic.wgs84.inverse(from: ring.centre, to: vertex).distance
                #expect(abs(d - ring.radius) < 0.001, "\(vertex) is \(d) m from the centre")
            }
        }
    }

    @Test("every vertex is the radius away (1 mm), counterclockwise, closed, one polygon")
    func makhachkala2500() throws {
        let ring = try GeodesicRing(centre: Self.makhachkala, radius: 2_500_000)
        let polygons = ring.polygons()
        #expect(polygons.count == 1)
        #expect(polygons[0].first == polygons[0].last)
        #expect(polygons[0].count == 361)
        #expect(Self.planarArea(polygons[0]) > 0)
        #expect(ring.enclosedPole == nil)
        Self.expectOnRing(ring)
    }

    @Test("a ring across ±180° is cut into two counterclockwise polygons that meet on the antimeridian")
    func antimeridian() throws {
        let ring = try GeodesicRing(centre: try Coordinate(latitude: 65, longitude: 179), radius: 500_000)
        let polygons = ring.polygons()
        #expect(polygons.count == 2)
        for polygon in polygons {
            #expect(Self.planarArea(polygon) > 0)
            #expect(polygon.allSatisfy { (-180...180).contains($0.longitude) })
            let signs = Set(polygon.filter { abs($0.longitude) != 180 }.map { $0.longitude > 0 })
            #expect(signs.count == 1, "a piece stays on one side of the antimeridian")
            for (a, b) in zip(polygon, polygon.dropFirst()) { #expect(abs(a.longitude - b.longitude) <= 180) }
        }
        let cuts = polygons.map { Set($0.filter { abs($0.longitude) == 180 }.map(\.latitude)) }
        #expect(cuts[0] == cuts[1], "both pieces share the two crossing points")
        Self.expectOnRing(ring)
    }

    @Test("a ring around a pole is closed through it, counterclockwise, no edge over 180°", arguments: [(85.0, 10.0, "north"), (-70.0, 0.0, "south"), (89.9, -120.0, "north")])
    func pole(latitude: Double, longitude: Double, pole: String) throws {
        let ring = try GeodesicRing(centre: try Coordinate(latitude: latitude, longitude: longitude), radius: 2_500_000)
        #expect(ring.enclosedPole?.rawValue == pole)
        let polygons = ring.polygons()
        #expect(polygons.count == 1)
        #expect(Self.planarArea(polygons[0]) > 0)
        #expect(polygons[0].contains { abs($0.latitude) == 90 })
        for (a, b) in zip(polygons[0], polygons[0].dropFirst()) { #expect(abs(a.longitude - b.longitude) <= 180) }
        Self.expectOnRing(ring)
    }

    /// References: GeodSolve makes the 360 vertices and Planimeter measures them:
    /// `seq 0 359 | awk '{print LAT, LON, -$1, R}' | GeodSolve -p 9 | awk '{print $1, $2}' | Planimeter -p 9`
    @Test("a ring's area equals GeographicLib's Planimeter on GeodSolve's vertices, with and without the pole and the cut", arguments: [
        (42.97782, 47.50027, 2_500_000.0, 19383836139997.9609),
        (85.0, 10.0, 2_500_000.0, 19385518140388.8438),
        (65.0, 179.0, 500_000.0, 784958082144.6991),
    ])
    func area(latitude: Double, longitude: Double, radius: Double, planimeter: Double) throws {
        let ring = try GeodesicRing(centre: try Coordinate(latitude: latitude, longitude: longitude), radius: radius)
        #expect(abs(abs(Geodesic.wgs84.ringArea(ring.vertices).area) - planimeter) / planimeter < 1e-9)
        // The drawn polygons add the crossing points (on the circle) at ±180°, so they bound a
        // slightly larger area than the 360 chords: within 1e-6, not 1e-9.
        let pieces = ring.polygons().map { Geodesic.wgs84.polygonArea([$0]).area }
        #expect(abs(pieces.reduce(0, +) - planimeter) / planimeter < 1e-6, "\(pieces) against \(planimeter)")
    }

    @Test("bad rings: no radius, too few steps, both poles")
    func badRings() throws {
        #expect(throws: GeodesicRing.RingError.badRadius(0)) { try GeodesicRing(centre: Self.makhachkala, radius: 0) }
        #expect(throws: GeodesicRing.RingError.tooFewSteps(4)) { try GeodesicRing(centre: Self.makhachkala, radius: 1000, steps: 4) }
        #expect { try GeodesicRing(centre: Self.makhachkala, radius: 19_000_000) } throws: { error in
            (error as? GeodesicRing.RingError)?.description.contains("both poles") == true
        }
    }

    @Test("holes are subtracted and winding does not matter: a square with a hole against Planimeter")
    func polygonWithHole() throws {
        let square = [(0.0, 0.0), (0.0, 1.0), (1.0, 1.0), (1.0, 0.0), (0.0, 0.0)].map { try! Coordinate(latitude: $0.1, longitude: $0.0) }
        let hole = [(0.25, 0.25), (0.75, 0.25), (0.75, 0.75), (0.25, 0.75), (0.25, 0.25)].map { try! Coordinate(latitude: $0.1, longitude: $0.0) }
        // Planimeter reads "lat lon"; the square is clockwise, the hole counterclockwise:
        // printf '0 0\n1 0\n1 1\n0 1\n' | Planimeter -p 9 → 4 443770.917248302 -12308778361.4695
        // printf '0.25 0.25\n0.25 0.75\n0.75 0.75\n0.75 0.25\n' | Planimeter -p 9 → 4 221888.595300627 3077164136.6546
        let measured = Geodesic.wgs84.polygonArea([square, hole])
        #expect(abs(measured.area - (12308778361.4695 - 3077164136.6546)) < 0.01)
        #expect(abs(measured.perimeter - (443770.917248302 + 221888.595300627)) < 1e-6)
        #expect(abs(Geodesic.wgs84.ringArea(square).area + 12308778361.4695) < 0.01, "clockwise is negative")
    }
}
