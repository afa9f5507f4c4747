import Foundation
import GeoJSON
import MapWriters
import Testing

@Suite("GeoPackage read back by SQLite, GDAL's ogrinfo and GDAL's GeoPackage validator")
struct GeoPackageWriterTests {
    static let file: String = {
        let bytes = try! GeoPackageWriter().write(sampleDocument)
        return try! temporaryFile(bytes, extension: "gpkg")
    }()

    @Test("sqlite3: PRAGMA integrity_check is ok; application_id is GPKG; user_version 10200")
    func integrity() throws {
        let r = try run("sqlite3", [Self.file, "PRAGMA integrity_check; PRAGMA application_id; PRAGMA user_version;"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "ok\n1196444487\n10200\n")
    }

    // GDAL 3.6's own checker of the GeoPackage specification (Debian python3-gdal):
    //   python3 /usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py FILE
    @Test("GDAL's validate_gpkg.py finds nothing wrong")
    func validator() throws {
        let script = "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py"
        try #require(FileManager.default.fileExists(atPath: script), "install python3-gdal (make test does)")
        let r = try run("/usr/bin/python3", [script, Self.file])
        #expect(r.status == 0 && r.stdout.isEmpty && r.stderr.isEmpty, "validate_gpkg.py: \(r.stdout) \(r.stderr)")
    }

    @Test("ogrinfo lists a table per layer and geometry type, typed as QGIS will draw them")
    func layers() throws {
        let r = try run("ogrinfo", ["-ro", "-q", Self.file])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty, "ogrinfo warned: \(r.stderr)")
        for line in ["sites (Point)", "routes (Multi Line String)", "ranges (Multi Polygon)", "claims", "mixed_points (Point)", "mixed_lines (Multi Line String)"] {
            #expect(r.stdout.contains(line), "no \(line) in \(r.stdout)")
        }
    }

    @Test("typed columns: reals Real, counts Integer64, booleans Integer(Boolean), arrays and objects String(JSON)")
    func columns() throws {
        let sites = try run("ogrinfo", ["-ro", "-so", Self.file, "sites"])
        #expect(sites.stderr.isEmpty, "\(sites.stderr)")
        for field in ["id: String", "centre_latitude: Real", "mentions: Integer64", "confirmed: Integer(Boolean)", "citations: String(JSON)", "Feature Count: 2"] {
            #expect(sites.stdout.contains(field), "no \(field) in \(sites.stdout)")
        }
        #expect(!sites.stdout.contains("layer:"), "the table is the layer")
        let routes = try run("ogrinfo", ["-ro", "-so", Self.file, "routes"])
        #expect(routes.stdout.contains("waypoints: String(JSON)"))
        #expect(routes.stdout.contains("surfaces: String(JSON)"))
        #expect(!routes.stdout.contains("StringList"))
        let mime = try run("sqlite3", [Self.file, "SELECT table_name || '.' || column_name || ' ' || mime_type FROM gpkg_data_columns ORDER BY 1"])
        #expect(mime.stdout.contains("routes.surfaces application/json"))
        #expect(mime.stdout.contains("sites.citations application/json"))
    }

    @Test("geometries read back as written, a line cut at ±180° as one MultiLineString, values whole")
    func features() throws {
        let r = try run("ogrinfo", ["-ro", "-q", Self.file, "routes", "ranges", "sites"])
        #expect(r.stdout.contains("MULTILINESTRING ((170 60,180.0 60.378977),(-180 60.378977,-170 60))"))
        #expect(r.stdout.contains("MULTILINESTRING ((53.305118 36.854353,47.50027 42.97782))"))
        #expect(r.stdout.contains("MULTIPOLYGON (((10 10,12 10,12 12,10 12,10 10)))"))
        #expect(r.stdout.contains("POINT (52.03722 55.83278)"))
        #expect(r.stdout.contains("total_m (Real) = 841295.661627459"))
        #expect(r.stdout.contains("centre_latitude (Real) = 42.97782"))
        #expect(r.stdout.contains(#"surfaces (String(JSON)) = ["sea","canal"]"#))
    }

    @Test("the R-tree holds every geometry's box, and ogrinfo's spatial filter uses it")
    func spatialIndex() throws {
        let r = try run("sqlite3", [Self.file, "SELECT count(*) FROM rtree_routes_geom; SELECT minx, maxx FROM rtree_routes_geom WHERE id = 2; SELECT extension_name FROM gpkg_extensions WHERE table_name = 'routes'"])
        #expect(r.stdout == "2\n-180.0|180.0\ngpkg_rtree_index\n")
        let filtered = try run("ogrinfo", ["-ro", "-q", "-spat", "47", "42", "48", "43", Self.file, "routes"])
        #expect(filtered.stdout.contains("name (String) = Caspian"))
        #expect(!filtered.stdout.contains("name (String) = Bering"))
    }

    @Test("records without geometry make an attributes table")
    func attributes() throws {
        let r = try run("sqlite3", [Self.file, "SELECT data_type FROM gpkg_contents WHERE table_name = 'claims'; SELECT text, confidence FROM claims"])
        #expect(r.stdout == "attributes\nIran supplies drones|0.5\n")
    }

    @Test("the same document gives the same bytes")
    func deterministic() throws {
        #expect(try GeoPackageWriter().write(sampleDocument) == GeoPackageWriter().write(sampleDocument))
    }
}
