import Coordinates
import Geodesy
import Testing

@Suite("CRS transforms by PROJ")
struct TransformerTests {
    static let makhachkala = try! Coordinate(latitude: 42.97782, longitude: 47.50027)

    /// Each reference is `echo "LAT LON" | cs2cs -f %.6f EPSG:4326 TARGET` (PROJ 9.1.1).
    @Test("forward transforms equal cs2cs to the millimetre: UTM, Web Mercator, polar stereographic north and south", arguments: [
        (42.97782, 47.50027, "EPSG:32639", 214627.431259, 4764297.115864),
        (42.97782, 47.50027, "EPSG:32638", 703870.843873, 4761385.193934),
        (55.75204, 37.61781, "EPSG:3857", 4187595.453958, 7509211.361804),
        (85.0, 10.0, "EPSG:3995", 94393.985608, -535334.894462),
        (-75.0, 120.0, "EPSG:3031", 1419227.915757, -819391.619204),
    ])
    func equalsCs2cs(latitude: Double, longitude: Double, target: String, x: Double, y: Double) throws {
        let transformer = try Transformer(to: target)
        let projected = try transformer.project(try Coordinate(latitude: latitude, longitude: longitude))
        #expect(abs(projected.x - x) < 0.001 && abs(projected.y - y) < 0.001, "\(projected) against cs2cs (\(x), \(y))")
    }

    /// `echo "214627.431 4764297.116" | cs2cs -f %.9f EPSG:32639 EPSG:4326` → 42.977820001 47.500269997
    @Test("back to WGS84 as longitude, latitude, equal to cs2cs")
    func inverse() throws {
        let back = try Transformer(from: "EPSG:32639", to: "EPSG:4326").forward(x: 214627.431, y: 4764297.116)
        #expect(abs(back.x - 47.500269997) < 1e-8 && abs(back.y - 42.977820001) < 1e-8)
        let same = try Transformer(to: "EPSG:32639").inverse(x: 214627.431, y: 4764297.116)
        #expect(abs(same.x - back.x) < 1e-12 && abs(same.y - back.y) < 1e-12)
    }

    @Test("axis order is x = longitude or easting whatever the CRS's authority says (EPSG:4326 is lat, lon)")
    func axisOrder() throws {
        let toWGS = try Transformer(from: "EPSG:3857", to: "EPSG:4326")
        let point = try toWGS.forward(x: 4187595.453958, y: 7509211.361804)
        #expect(abs(point.x - 37.61781) < 1e-8, "x must be the longitude")
        #expect(abs(point.y - 55.75204) < 1e-8, "y must be the latitude")
        let utm = try Transformer(to: "EPSG:32639").project(Self.makhachkala)
        #expect(utm.x < 1_000_000 && utm.y > 4_000_000, "easting first, then northing")
    }

    @Test("a PROJ string and a CRS's name, unit and area of use")
    func description() throws {
        let utm = try Transformer(to: "EPSG:32639").target
        #expect(utm.name == "WGS 84 / UTM zone 39N")
        #expect(utm.identifier == "EPSG:32639")
        #expect(utm.unit == "metre")
        #expect(!utm.isGeographic)
        #expect(utm.areaOfUse?.contains(longitude: 50, latitude: 40) == true)
        #expect(utm.areaOfUse?.contains(longitude: 47.5, latitude: 43) == false)
        let string = try Transformer(to: "+proj=utm +zone=39 +datum=WGS84").project(Self.makhachkala)
        let epsg = try Transformer(to: "EPSG:32639").project(Self.makhachkala)
        #expect(abs(string.x - epsg.x) < 1e-6 && abs(string.y - epsg.y) < 1e-6)
    }

    @Test("bad CRSs fail with PROJ's own reason", arguments: [
        ("EPSG:999999", "crs not found"),
        ("+proj=foo", "Unknown projection"),
        ("", "empty CRS"),
        ("urn:ogc:def:coordinateOperation:EPSG::16039", "not a CRS"),
        ("not a crs at all", "EPSG code"),
    ])
    func badCRS(definition: String, reason: String) {
        #expect(throws: ProjError.self) { try Transformer(to: definition) }
        do {
            _ = try Transformer(to: definition)
        } catch {
            #expect(error.description.contains(reason), "\(error.description)")
            #expect(!error.description.contains("Unknown error"))
        }
    }

    @Test("a pole in Web Mercator is out of its domain, not a huge number")
    func outOfDomain() throws {
        let mercator = try Transformer(to: "EPSG:3857")
        #expect(throws: ProjError.self) { try mercator.project(try Coordinate(latitude: 90, longitude: 0)) }
        _ = try mercator.project(try Coordinate(latitude: 85, longitude: 0))
        #expect(!mercator.targetAreaContains(try Coordinate(latitude: 86, longitude: 0)))
    }

    @Test("UTM zones, with the Norway and Svalbard exceptions, south, and none beyond 84°N", arguments: [
        (42.97782, 47.50027, "EPSG:32638"), (36.854353, 53.305118, "EPSG:32639"), (60.39, 5.32, "EPSG:32632"),
        (78.22, 15.65, "EPSG:32633"), (-33.87, 151.21, "EPSG:32756"), (0.0, -180.0, "EPSG:32601"), (0.0, 180.0, "EPSG:32601"),
    ])
    func utmZone(latitude: Double, longitude: Double, epsg: String) throws {
        #expect(UTMZone(try Coordinate(latitude: latitude, longitude: longitude))?.epsg == epsg)
    }

    @Test("no UTM zone at the poles")
    func utmPoles() throws {
        #expect(UTMZone(try Coordinate(latitude: 85, longitude: 0)) == nil)
        #expect(UTMZone(try Coordinate(latitude: -81, longitude: 0)) == nil)
    }
}

@Suite("Transformer: points no CRS can hold are errors")
struct TransformerDomainTests {
    /// PROJ answers 1e300 m in Web Mercator with longitude -180, latitude 90 (clamped): the input check catches it.
    @Test("1e300 in EPSG:3857 is beyond the Earth; 3e7 m wraps and does not come back")
    func beyondTheEarth() throws {
        let transformer = try Transformer(from: "EPSG:3857", to: "EPSG:4326")
        #expect(throws: ProjError.self) { try transformer.forward(x: 1e300, y: 1e300) }
        #expect(throws: ProjError.self) { try transformer.forward(x: 3e7, y: 0) }
        // echo 4187754 7509137 | cs2cs -f %.8f EPSG:3857 EPSG:4326 → 55.75166406 37.61923424
        let moscow = try transformer.forward(x: 4187754, y: 7509137)
        #expect(abs(moscow.x - 37.61923424) < 1e-8 && abs(moscow.y - 55.75166406) < 1e-8)
    }
}
