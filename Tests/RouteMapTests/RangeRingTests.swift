import Coordinates
import GeoJSON
import Gazetteer
import RouteMap
import Testing

@Suite("range rings: the perimeter is the circumference, not the cut edges")
struct RangeRingTests {
    private static func ring(_ lat: Double, _ lon: Double, km: Double) throws -> RangeRing {
        let waypoint = try WaypointResolver(gazetteer: try Gazetteer.embedded()).waypoint(for: "\(lat),\(lon)")
        return try RangeRing(centre: waypoint, radius: Length(km, .km), steps: 360)
    }

    // The same 360 vertices from GeographicLib, measured by its Planimeter:
    //   python3 -c "for i in range(360): print(65, 179, -i, 500000)" | GeodSolve -p 9 | awk '{print $1, $2}' | Planimeter -p 6
    //   → 360 3138350.086851 784958082144.7
    // Cutting at ±180° puts two points on the circle between vertices, which lengthens the drawn
    // boundary by about 0.2 m; the old sum over the pieces, cut edges included, was 5,129 km.
    @Test("a ring cut at ±180°: perimeter and area as GeographicLib's Planimeter gives for the whole ring")
    func antimeridian() throws {
        let ring = try Self.ring(65, 179, km: 500)
        guard case .multiPolygon(let parts) = ring.geometry else { Issue.record("not cut: \(ring.geometry.typeName)"); return }
        #expect(parts.count == 2)
        let measured = ring.areaAndPerimeter
        #expect(abs(measured.perimeter - 3138350.086851) < 0.5, "perimeter \(measured.perimeter)")
        #expect(abs(measured.area - 784958082144.7) / 784958082144.7 < 1e-6, "area \(measured.area)")
    }

    //   python3 -c "for i in range(360): print(85, 10, -i, 800000)" | GeodSolve -p 9 | awk '{print $1, $2}' | Planimeter -p 6
    //   → 360 5013402.042792 2007901205327.0
    @Test("a ring closed over the North Pole: the edges to the pole are not perimeter")
    func pole() throws {
        let ring = try Self.ring(85, 10, km: 800)
        #expect(ring.ring.enclosedPole == .north)
        let measured = ring.areaAndPerimeter
        #expect(abs(measured.perimeter - 5013402.042792) < 0.5, "perimeter \(measured.perimeter)")
        #expect(abs(measured.area - 2007901205327.0) / 2007901205327.0 < 1e-6, "area \(measured.area)")
    }

    @Test("a ring's feature has an id naming its centre and radius, and reals written as reals")
    func feature() throws {
        let feature = try Self.ring(65, 179, km: 500).feature
        #expect(feature.id == "ring-65.0,179.0-500000m")
        let text = String(decoding: GeoJSONWriter().feature(feature), as: UTF8.self)
        #expect(text.contains(#""centre_latitude":65.0,"#))
        #expect(text.contains(#""vertices":360,"#))
    }
}
