import Foundation
import Gazetteer
import Testing

/// Rows in the GeoNames `geoname` dump format (19 tab-separated columns), as in allCountries.txt.
func geonameRow(_ id: Int, _ name: String, _ lat: Double, _ lon: Double, featureClass: String = "P", code: String = "PPL",
                country: String = "IR", population: Int = 0, alternates: String = "") -> String {
    [String(id), name, name, alternates, String(lat), String(lon), featureClass, code, country, "", "26", "", "", "", String(population), "", "1000", "Asia/Tehran", "2024-01-01"]
        .joined(separator: "\t")
}

/// A fresh folder holding `files` (name → contents).
func folder(_ files: [String: String]) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("routemap-gazetteer-\(UUID().uuidString)")
    for (name, text) in files {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }
    return url.path
}

@Suite("GeoNames dumps and extra sources")
struct GeoNamesImportTests {
    @Test("geoname rows and alternateNamesV2 names with their languages import, with kinds from feature codes")
    func imports() throws {
        let dir = try folder([
            "IR.txt": [geonameRow(1000001, "Amirabad", 35.1, 51.2, population: 1200, alternates: "Amir Abad,Amīrābād"),
                       geonameRow(1000002, "Bandar-e Anzali", 37.47, 49.46, population: 118_564),
                       geonameRow(1000003, "Anzali Port", 37.47, 49.46, featureClass: "L", code: "PRT")].joined(separator: "\n") + "\n",
            "alternateNamesV2.txt": "1\t1000001\tru\tАмирабад\t\t\t\t\t\t\n2\t1000001\tlink\thttps://example.org\t\t\t\t\t\t\n3\t1000002\tfa\tبندر انزلی\t\t\t\t\t\t\n4\t999\ten\tNowhere\t\t\t\t\t\t\n",
        ])
        let gazetteer = try Gazetteer.world(adding: GazetteerSources(paths: [dir]))
        let village = try #require(gazetteer.place(id: "geonames-1000001"))
        #expect(village.kind == .village)
        #expect(village.source == "geonames")
        #expect(village.names["ru"] == ["Амирабад"])
        #expect(village.names["und"] == ["Amir Abad", "Amīrābād"])
        #expect(village.names["link"] == nil)
        #expect(gazetteer.place(id: "geonames-1000002")?.kind == .city)
        #expect(gazetteer.place(id: "geonames-1000003")?.kind == .port)
        // The curated Port of Anzali also answers to 'بندر انزلی' and ranks first; the imported place is among the readings, by its Persian name.
        #expect(gazetteer.candidates(for: "بندر انزلی").contains { $0.place.id == "geonames-1000002" && $0.language == "fa" })
    }

    @Test("a malformed row fails the whole import with file and line", arguments: [
        ("1\tonly\tthree", "3 tab-separated fields where a GeoNames geoname row has 19"),
        (geonameRow(5, "Nowhere", 95, 10), "latitude 95.0 is outside"),
        (geonameRow(5, "Nowhere", 10, 10).replacingOccurrences(of: "\t10.0\t10.0\t", with: "\tten\t10.0\t"), "latitude 'ten'"),
        (geonameRow(0, "Zero", 10, 10), "geonameid '0' is not a positive integer"),
    ])
    func malformed(row: String, message: String) throws {
        let dir = try folder(["RU.txt": geonameRow(1000001, "Fine", 50, 50) + "\n" + row + "\n"])
        #expect { try Gazetteer.world(adding: GazetteerSources(paths: [dir])) } throws: { error in
            let text = "\(error)"
            return text.contains("RU.txt:2") && text.contains(message)
        }
    }

    @Test("invalid UTF-8 in a dump is an error with its line")
    func invalidUTF8() throws {
        let dir = try folder([:])
        let file = (dir as NSString).appendingPathComponent("cities500.txt")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data(Array((geonameRow(1, "A", 1, 1) + "\n").utf8) + [0x31, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: file))
        #expect { try Gazetteer.world(adding: GazetteerSources(paths: [file])) } throws: { "\($0)".contains("cities500.txt:2: not valid UTF-8") }
    }

    @Test("curated wins over imported: a dump row for Moscow (GeoNames 524901) is left out; the port still wins 'Amirabad'")
    func curatedWins() throws {
        let dir = try folder(["geonames/dump.txt": [
            geonameRow(524901, "Moscow", 55.75, 37.61, country: "RU", population: 10_381_222),
            geonameRow(1000001, "Amirabad", 35.1, 51.2, population: 1200),
            geonameRow(1000002, "Amirabad", 33.9, 57.5, population: 9000),
        ].joined(separator: "\n")])
        let gazetteer = try Gazetteer.world(adding: GazetteerSources(paths: [dir]))
        #expect(gazetteer.place(id: "geonames-524901") == nil)
        #expect(gazetteer.places.filter { $0.links["geonames"] == "524901" }.map(\.id) == ["moscow"])
        guard case .resolved(let match, let alternatives) = gazetteer.resolve("Amirabad") else { Issue.record("not resolved"); return }
        #expect(match.place.id == "amirabad-port")
        #expect(alternatives.map(\.place.id).contains("geonames-1000002"))
    }

    @Test("folders: records by folder, documents beside them are not dumps; a missing path is an error")
    func sources() throws {
        let dir = try folder([
            "places/x.json": "{}", "sites/s.json": "{}", "routes/r.json": "{}", "shapes/x.geojson": "{}",
            "report.txt": "The drones leave from Bandar Anzali.", "RU.txt": "", "cities15000.txt": "", "geonames/any.tsv": "",
        ])
        let sources = try GazetteerSources(paths: [dir])
        #expect(sources.placeRecords.map { ($0.path as NSString).lastPathComponent } == ["x.json"])
        #expect(sources.siteRecords.count == 1 && sources.routeRecords.count == 1)
        #expect(Array(sources.shapes.keys) == ["x"])
        #expect(sources.geonamesFiles.map { ($0 as NSString).lastPathComponent }.sorted() == ["RU.txt", "any.tsv", "cities15000.txt"])
        #expect { try GazetteerSources(paths: ["/no/such/gazetteer"]) } throws: { "\($0)".contains("no such file or folder") }
        #expect(try GazetteerSources.from(paths: [], environment: [GazetteerSources.environmentVariable: dir]).placeRecords.count == 1)
    }
}
