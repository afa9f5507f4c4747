import Foundation
import GeoJSON
import MapWriters
import Testing

@Suite("KML and GeoJSON read back by GDAL")
struct KMLAndGeoJSONWriterTests {
    @Test("KML: GDAL's KML driver reads a layer per folder with every placemark")
    func kml() throws {
        let file = try temporaryFile(try KMLWriter().write(sampleDocument), extension: "kml")
        // LIBKML is GDAL's default KML reader; GDAL_SKIP makes ogrinfo use the older KML driver too.
        for options in [[], ["--config", "GDAL_SKIP", "LIBKML"]] {
            let r = try run("ogrinfo", options + ["-ro", "-al", "-so", file])
            #expect(r.status == 0, "\(r.stderr)")
            for layer in ["Facility sites", "Supply routes", "Range rings", "Mixed"] { #expect(r.stdout.contains("Layer name: \(layer)"), "\(options): no \(layer)") }
        }
        let full = try run("ogrinfo", ["--config", "GDAL_SKIP", "LIBKML", "-ro", "-al", "-q", file])
        #expect(full.stdout.contains("POINT (52.03722 55.83278)"))
        #expect(full.stdout.contains("Iran membantu Rusia"), "the citation is in the description")
        #expect(full.stdout.contains("MULTILINESTRING ((170 60,180"))
        #expect(full.stdout.contains("Name (String) = Test <map> & friends") == false)
        let text = String(decoding: try KMLWriter().write(sampleDocument), as: UTF8.self)
        #expect(text.contains("<name>Test &lt;map&gt; &amp; friends</name>"))
        #expect(text.contains("<styleUrl>#route-sea</styleUrl>"))
        #expect(text.contains("<styleUrl>#route-air</styleUrl>"))
        #expect(text.contains("<styleUrl>#site-factory</styleUrl>"))
    }

    @Test("KML: a ring cut at ±180° is filled without outline, and its boundary lines skip the cut edges")
    func kmlCutRing() throws {
        let text = String(decoding: try KMLWriter().write(sampleDocument), as: UTF8.self)
        let start = try #require(text.range(of: "<Placemark id=\"cut\">"))
        let placemark = String(text[start.lowerBound...].prefix { _ in true }.split(separator: "</Placemark>", maxSplits: 1)[0])
        #expect(placemark.contains("<Polygon>"))
        #expect(placemark.contains("<styleUrl>#range</styleUrl>"))
        #expect(placemark.contains("<LineString><tessellate>1</tessellate><coordinates>180,62 175,62 175,60 180,60</coordinates></LineString>"))
        #expect(placemark.contains("<LineString><tessellate>1</tessellate><coordinates>-180,60 -175,60 -175,62 -180,62</coordinates></LineString>"))
        #expect(placemark.components(separatedBy: "<LineString>").count == 3, "two boundary runs, no line along ±180°")
    }

    @Test("GeoJSON: one collection; every feature has an id and a layer; no StringList; reals stay Real")
    func geojson() throws {
        let bytes = try GeoJSONMapWriter().write(sampleDocument)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let features = try #require(root["features"] as? [[String: Any]])
        #expect(features.count == 9)
        for feature in features {
            #expect(feature["id"] is String)
            #expect((feature["properties"] as? [String: Any])?["layer"] is String)
        }
        let file = try temporaryFile(bytes, extension: "geojson")
        let r = try run("ogrinfo", ["-ro", "-al", "-so", file])
        #expect(r.status == 0)
        #expect(!r.stdout.contains("StringList"), "\(r.stdout)")
        #expect(r.stdout.contains("centre_latitude: Real"))
        #expect(r.stdout.contains("mentions: Integer"))
        #expect(r.stdout.contains("surfaces: String"))
        let sequence = try GeoJSONSeqMapWriter().write(sampleDocument)
        #expect(sequence.filter { $0 == 0x1E }.count == 9)
    }

    @Test("MapDocument sorts features into layers by feature_type, else by geometry, and names the nameless")
    func layering() {
        let document = MapDocument(title: "t", features: [
            Feature(geometry: .point(position(0, 0)), properties: [("feature_type", .string("site"))]),
            Feature(geometry: .lineString([position(0, 0), position(1, 1)]), properties: [("feature_type", .string("route")), ("id", .string("r1"))]),
            Feature(geometry: .polygon([[position(0, 0), position(1, 0), position(1, 1), position(0, 0)]]), properties: [("feature_type", .string("range-ring"))]),
            Feature(geometry: .point(position(2, 2))),
        ])
        #expect(document.layers.map(\.name) == ["ranges", "routes", "sites", "points"])
        #expect(document.layers.map { $0.features[0].id } == ["ranges-1", "r1", "sites-1", "points-1"])
        #expect(document.layers[2].features[0].string("layer") == "sites")
    }
}
