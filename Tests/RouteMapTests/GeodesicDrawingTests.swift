import Coordinates
import GeoJSON
import Gazetteer
import Geodesy
import RouteMap
import Testing

@Suite("Routes drawn along the geodesic")
struct GeodesicDrawingTests {
    static let resolver = WaypointResolver(gazetteer: try! Gazetteer.embedded())

    func vertices(_ geometry: Geometry) -> [[Position]] {
        switch geometry {
        case .lineString(let line): [line]
        case .multiLineString(let lines): lines
        default: []
        }
    }

    func coordinate(_ p: Position) throws -> Coordinate { try Coordinate(latitude: p.latitude, longitude: p.longitude) }

    /// Every vertex's distances to the leg's two ends sum to the leg's length: it lies on the geodesic.
    func expectOnGeodesic(_ parts: [[Position]], from a: Coordinate, to b: Coordinate, maxSegment: Double) throws {
        let length = Geodesic.wgs84.inverse(from: a, to: b).distance
        for part in parts {
            for p in part {
                let c = try coordinate(p)
                let sum = Geodesic.wgs84.inverse(from: a, to: c).distance + Geodesic.wgs84.inverse(from: c, to: b).distance
                #expect(abs(sum - length) <= 0.001, "vertex \(p) is \(sum - length) m off the geodesic")
            }
            for (x, y) in zip(part, part.dropFirst()) {
                #expect(Geodesic.wgs84.inverse(from: try coordinate(x), to: try coordinate(y)).distance <= maxSegment + 0.001)
            }
        }
    }

    @Test("Amirabad → Makhachkala: one LineString, every vertex on the geodesic, no segment over 10 km")
    func caspian() throws {
        let waypoints = [try Self.resolver.waypoint(for: "Amirabad"), try Self.resolver.waypoint(for: "Makhachkala")]
        let geometry = GeodesicDrawing().geometry(through: waypoints)
        guard case .lineString(let line) = geometry else {
            Issue.record("expected a LineString, got \(geometry.typeName)")
            return
        }
        #expect(line.count == 86)  // ceil(841.3 km / 10 km) = 85 segments
        #expect(line.first == Position(longitude: 53.305118, latitude: 36.854353))
        #expect(line.last == Position(longitude: 47.50027, latitude: 42.97782))
        try expectOnGeodesic([line], from: waypoints[0].coordinate, to: waypoints[1].coordinate, maxSegment: 10_000)
    }

    @Test("60N 170E → 60N 170W becomes a MultiLineString whose halves meet at ±180° at the same latitude", arguments: [
        ("60N 170E", "60N 170W", 180.0), ("60N 170W", "60N 170E", -180.0), ("10S 175E", "30S 160W", 180.0),
    ])
    func antimeridian(start: String, end: String, firstEnds: Double) throws {
        let waypoints = [try Self.resolver.waypoint(for: start), try Self.resolver.waypoint(for: end)]
        let geometry = GeodesicDrawing(maxSegment: 25_000).geometry(through: waypoints)
        guard case .multiLineString(let parts) = geometry else {
            Issue.record("expected a MultiLineString, got \(geometry.typeName)")
            return
        }
        #expect(parts.count == 2)
        #expect(parts[0].last?.longitude == firstEnds)
        #expect(parts[1].first?.longitude == -firstEnds)
        #expect(parts[0].last?.latitude == parts[1].first?.latitude)
        for part in parts { #expect(part.allSatisfy { (-180...180).contains($0.longitude) }) }
        try expectOnGeodesic(parts, from: waypoints[0].coordinate, to: waypoints[1].coordinate, maxSegment: 25_000)
        let box = try #require(Feature(geometry: geometry).bbox)
        #expect(box.east < box.west)
    }

    @Test("legs join into one line; a short leg is a single segment")
    func multiLeg() throws {
        let waypoints = try ["Tehran", "Amirabad", "Makhachkala"].map { try Self.resolver.waypoint(for: $0) }
        guard case .lineString(let line) = GeodesicDrawing(maxSegment: 100_000).geometry(through: waypoints) else {
            Issue.record("expected one LineString")
            return
        }
        #expect(line.count == Set(line.map { "\($0.longitude),\($0.latitude)" }).count)
        #expect(line.contains(Position(longitude: 53.305118, latitude: 36.854353)))
        let short = GeodesicDrawing(maxSegment: 1_000_000).geometry(through: [waypoints[1], waypoints[2]])
        #expect(short == .lineString([Position(longitude: 53.305118, latitude: 36.854353), Position(longitude: 47.50027, latitude: 42.97782)]))
    }

    @Test("a leg along the antimeridian itself (North Pole to 48.5S 180E, 1 km segments) keeps every longitude within ±180 and stays one line (fuzz finding)")
    func alongTheAntimeridian() throws {
        let waypoints = [try Self.resolver.waypoint(for: "90N 180E"), try Self.resolver.waypoint(for: "48.5149919890135S 180E")]
        let geometry = GeodesicDrawing(maxSegment: 1_000).geometry(through: waypoints)
        guard case .lineString(let line) = geometry else {
            Issue.record("expected one LineString, got \(geometry.typeName)")
            return
        }
        #expect(line.count > 15_000)
        #expect(line.allSatisfy { abs($0.longitude) <= 180 && abs(abs($0.longitude) - 180) < 1e-9 })
    }
}
