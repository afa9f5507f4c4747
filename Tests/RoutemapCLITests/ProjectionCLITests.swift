import Coordinates
import Foundation
import Geodesy
import Testing

/// Parses a command's JSON output.
func jsonOutput(_ r: RunResult) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
}

@Suite("routemap project, ring, area and distance --crs")
struct ProjectionCLITests {
    /// `echo "42.97782 47.50027" | cs2cs -f %.6f EPSG:4326 EPSG:32639` → 214627.431259 4764297.115864
    @Test("project Makhachkala --to EPSG:32639 equals cs2cs, and warns it is outside zone 39's area")
    func makhachkalaUTM39() throws {
        let r = try Routemap.run("project", "Makhachkala", "--to", "EPSG:32639", "--json")
        #expect(r.status == 0)
        let row = try #require((try jsonOutput(r) as? [[String: Any]])?.first)
        #expect(abs((row["x"] as? Double ?? 0) - 214627.431259) < 0.001)
        #expect(abs((row["y"] as? Double ?? 0) - 4764297.115864) < 0.001)
        #expect(row["crs_name"] as? String == "WGS 84 / UTM zone 39N")
        #expect(row["unit"] as? String == "metre")
        #expect(row["in_area_of_use"] as? Bool == false)
        #expect(r.stderr.contains("outside the area of use of EPSG:32639"))
        #expect(r.stderr.contains("--to utm"))
    }

    /// `echo "42.97782 47.50027" | cs2cs -f %.6f EPSG:4326 EPSG:32638` → 703870.843873 4761385.193934
    @Test("--to utm picks each point's own zone, and text names the CRS")
    func utm() throws {
        let r = try Routemap.run("project", "Makhachkala", "Amirabad", "--to", "utm")
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        #expect(r.stdout.contains("Makhachkala  →  x 703870.844  y 4761385.194  metre  EPSG:32638 (WGS 84 / UTM zone 38N)"))
        #expect(r.stdout.contains("EPSG:32639 (WGS 84 / UTM zone 39N)"))
    }

    /// `printf '55.75204 37.61781\n' | cs2cs -f %.6f EPSG:4326 EPSG:3857` → 4187595.453958 7509211.361804
    @Test("points from stdin, and back again with --inverse")
    func stdinAndInverse() throws {
        let r = try Routemap.run(arguments: ["project", "--to", "EPSG:3857", "--json"], stdin: Array("Moscow\n# a comment\n\n55.75204,37.61781\n".utf8))
        #expect(r.status == 0)
        let rows = try #require(try jsonOutput(r) as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(abs((rows[1]["x"] as? Double ?? 0) - 4187595.453958) < 0.001)
        let back = try Routemap.run("project", "--inverse", "--to", "EPSG:3857", "4187595.453958,7509211.361804", "--json")
        let row = try #require((try jsonOutput(back) as? [[String: Any]])?.first)
        #expect(abs((row["latitude"] as? Double ?? 0) - 55.75204) < 1e-8)
        #expect(abs((row["longitude"] as? Double ?? 0) - 37.61781) < 1e-8)
    }

    @Test("bad CRS, out-of-domain point and missing proj.db exit 1 with the reason", arguments: [
        (["project", "Moscow", "--to", "EPSG:999999"], [String: String](), "EPSG:999999: crs not found"),
        (["project", "90,0", "--to", "EPSG:3857"], [:], "cannot be projected to EPSG:3857"),
        (["project", "85,10", "--to", "utm"], [:], "beyond UTM"),
        (["project", "abc,def", "--from", "EPSG:32639"], [:], "expected two numbers 'easting,northing'"),
        (["project", "Moscow", "--to", "EPSG:3857"], ["PROJ_DATA": "/nonexistent"], "PROJ_DATA"),
        (["distance", "Moscow", "Alabuga", "--crs", "EPSG:4326"], [:], "is geographic (degrees)"),
        (["area", "Tatarstan"], [:], "has no shape in the gazetteer"),
        (["area", "missing.geojson"], [:], "no such file"),
    ])
    func errors(arguments: [String], environment: [String: String], message: String) throws {
        let r = try Routemap.run(arguments: arguments, environment: environment)
        #expect(r.status == 1)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(!r.stderr.contains("Unknown error"))
    }

    @Test("usage errors exit 2", arguments: [
        ["project", "Moscow"], ["project", "1,2", "--from", "EPSG:32639", "--inverse", "--to", "EPSG:3857"],
        ["ring", "Moscow"], ["ring", "Moscow", "--radius", "2,500km"], ["ring", "Moscow", "--radius", "0km"],
        ["ring", "Moscow", "--radius", "10 parsecs"], ["ring", "Moscow", "--radius", "100km", "--steps", "3"],
    ])
    func usage(arguments: [String]) throws {
        let r = try Routemap.run(arguments: arguments)
        #expect(r.status == 2, "\(r.stderr)")
    }

    @Test("ring Makhachkala --radius 2500km passes a strict RFC 7946 check, every vertex 2,500 km away (1 mm), and ogrinfo reads it")
    func ringMakhachkala() throws {
        let r = try Routemap.run("ring", "Makhachkala", "--radius", "2500km", "--geojson", "--precision", "9")
        #expect(r.status == 0)
        #expect(RFC7946Checker.check(r.stdout, precision: 9) == [])
        let centre = try Coordinate(latitude: 42.97782, longitude: 47.50027)
        let collection = try #require(try jsonOutput(r) as? [String: Any])
        let geometry = try #require(((collection["features"] as? [[String: Any]])?.first?["geometry"]) as? [String: Any])
        let ring = try #require((geometry["coordinates"] as? [[[Double]]])?.first)
        #expect(ring.count == 361)
        for p in ring {
            let d = Geodesic.wgs84.inverse(from: centre, to: try Coordinate(latitude: p[1], longitude: p[0])).distance
            #expect(abs(d - 2_500_000) < 0.001, "\(p) is \(d) m away")
        }
        try expectOgrinfoReads(r.stdout, "POLYGON ((")
    }

    @Test("rings around a pole and across ±180° pass the strict check and read back in ogrinfo", arguments: [
        (["ring", "85,10", "--radius", "2500km", "--geojson"], "POLYGON (("),
        (["ring", "70S,0E", "--radius", "3000km", "--geojson"], "POLYGON (("),
        (["ring", "65N,179E", "--radius", "500km", "--geojson"], "MULTIPOLYGON ((("),
    ])
    func ringEdges(arguments: [String], geometry: String) throws {
        let r = try Routemap.run(arguments: arguments)
        #expect(r.status == 0)
        #expect(RFC7946Checker.check(r.stdout) == [])
        try expectOgrinfoReads(r.stdout, geometry)
    }

    /// Each ring of gazetteer/shapes/caspian-sea.geojson through `awk '{print lat, lon}' | Planimeter -p 9`:
    /// exterior 396233945444.7547 m² less islands 112587929.3404, 120940161.0131, 62802566.9189,
    /// 95681498.9438 and 62210469.1281 → 395779722819.4104 m²; perimeters sum to 4885090.233108562 m.
    @Test("area of the Caspian Sea equals Planimeter's, beside the published figure")
    func caspianArea() throws {
        let r = try Routemap.run("area", "Caspian Sea", "--json")
        #expect(r.status == 0)
        let row = try #require((try jsonOutput(r) as? [[String: Any]])?.first)
        #expect(abs((row["area_m2"] as? Double ?? 0) - 395779722819.4104) <= 1)
        #expect(abs((row["perimeter_m"] as? Double ?? 0) - 4885090.233108562) <= 0.001)
        #expect(row["published_area_km2"] as? Double == 371000)
        let text = try Routemap.run("area", "Laut Kaspia")
        #expect(text.stdout.contains("area 395,780 km²"))
    }

    @Test("area reads a ring from stdin and a route's length from an export")
    func areaOfOutputs() throws {
        let ring = try Routemap.run("ring", "Makhachkala", "--radius", "2500km", "--geojson")
        let measured = try Routemap.run(arguments: ["area", "-", "--json"], stdin: Array(ring.stdout.utf8))
        let row = try #require((try jsonOutput(measured) as? [[String: Any]])?.first)
        // seq 0 359 | awk '{print 42.97782, 47.50027, -$1, 2500000}' | GeodSolve -p 9 | awk '{print $1, $2}' | Planimeter -p 9
        #expect(abs((row["area_m2"] as? Double ?? 0) - 19383836139997.9609) / 19383836139997.9609 < 1e-6)
        let export = try Routemap.run("export")
        let lengths = try Routemap.run(arguments: ["area", "-", "--json"], stdin: Array(export.stdout.utf8))
        let route = try #require((try jsonOutput(lengths) as? [[String: Any]])?.first { $0["type"] as? String == "LineString" })
        // The route is drawn on the water network as geodesic steps, so `area` (edges as geodesics)
        // measures the length the route reports, to the rounding of its 6-decimal positions.
        let feature = try #require(((try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])?["features"] as? [[String: Any]])?
            .first { ($0["properties"] as? [String: Any])?["feature_type"] as? String == "route" })
        let total = try #require((feature["properties"] as? [String: Any])?["total_m"] as? Double)
        #expect(abs((route["length_m"] as? Double ?? 0) - total) < 1)
    }

    @Test("broken GeoJSON for area says where", arguments: [
        (#"{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}}"#, "feature.geometry.coordinates[0]: a polygon ring needs at least 4 positions"),
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[500000,4700000]}}]}"#, "features[0].geometry.coordinates: [500000.0, 4700000.0] is not a WGS84"),
        ("{not json", "not JSON"),
        ("", "empty input"),
    ])
    func badGeoJSON(text: String, message: String) throws {
        let r = try Routemap.run(arguments: ["area", "-"], stdin: Array(text.utf8))
        #expect(r.status == 1)
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }

    /// `printf '36.854353 53.305118\n42.97782 47.50027\n' | cs2cs -f %.6f EPSG:4326 EPSG:3857`
    /// → 5933898.592435 4418824.871209 and 5287705.868943 5308596.433906: 1099663.19 m apart;
    /// GeodSolve -i gives the geodesic 841295.661627459 m.
    @Test("distance --crs EPSG:3857 shows the Web Mercator length beside the geodesic one")
    func webMercatorDistortion() throws {
        let r = try Routemap.run("distance", "Amirabad", "Makhachkala", "--crs", "EPSG:3857", "--json")
        #expect(r.status == 0)
        let planar = try #require((try jsonOutput(r) as? [String: Any])?["planar"] as? [String: Any])
        let leg = try #require((planar["legs"] as? [[String: Any]])?.first)
        let expected = ((5933898.592435 - 5287705.868943) * (5933898.592435 - 5287705.868943) + (4418824.871209 - 5308596.433906) * (4418824.871209 - 5308596.433906)).squareRoot()
        #expect(abs((leg["planar_m"] as? Double ?? 0) - expected) < 0.001)
        #expect(abs((leg["ratio"] as? Double ?? 0) - expected / 841295.661627459) < 1e-9)
        let text = try Routemap.run("distance", "Amirabad", "Makhachkala", "--crs", "EPSG:3857")
        #expect(text.stdout.contains("the map is off by 30.7%"))
    }

    private func expectOgrinfoReads(_ geojson: String, _ geometry: String) throws {
        let file = try scratchDirectory().appendingPathComponent("ring.geojson")
        try Data(geojson.utf8).write(to: file)
        let read = try ogrinfo("-ro", "-al", "-q", file.path)
        #expect(read.status == 0)
        #expect(read.stderr.isEmpty, "ogrinfo warned: \(read.stderr)")
        #expect(read.stdout.contains(geometry))
    }
}
