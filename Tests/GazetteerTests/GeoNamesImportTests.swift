import Foundation
import Gazetteer
import Testing
import TestScratch

/// Rows in the GeoNames `geoname` dump format (19 tab-separated columns), as in allCountries.txt.
func geonameRow(_ id: Int, _ name: String, _ lat: Double, _ lon: Double, featureClass: String = "P", code: String = "PPL",
                country: String = "IR", population: Int = 0, alternates: String = "") -> String {
    [String(id), name, name, alternates, String(lat), String(lon), featureClass, code, country, "", "26", "", "", "", String(population), "", "1000", "Asia/Tehran", "2024-01-01"]
        .joined(separator: "\t")
}

/// A fresh folder holding `files` (name → contents).
func folder(_ files: [String: String]) throws -> String {
    let url = ScratchSpace.path("gazetteer")
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

/// Collects what an import reports, for the tests.
final class ReportCollector: @unchecked Sendable {
    var reports: [GeoNamesImportReport] = []
}

@Suite("GeoNames dumps: every bad row found in one pass, strict numbers, a BOM, repeats, long lines")
struct GeoNamesBadRowTests {
    static func rows(_ count: Int, bad: (Int) -> String?) -> String {
        (1...count).map { i in bad(i) ?? geonameRow(2_000_000 + i, "Place \(i)", 10, 10) }.joined(separator: "\n") + "\n"
    }

    @Test("25 bad rows: one error names the first 20 with their lines, and how many more", arguments: [false, true])
    func allBadRows(withAlternateNames: Bool) throws {
        let text = Self.rows(40) { i in i % 2 == 0 && i <= 50 && i > 14 || i == 3 ? geonameRow(2_000_000 + i, "", 10, 10) : nil }
        var files = ["RU.txt": text]
        if withAlternateNames { files["alternateNamesV2.txt"] = "1\t2000001\tru\tМесто\t\t\t\t\t\t\n" }
        let dir = try folder(files)
        let error = #expect(throws: GazetteerError.self) { try GazetteerIndexCache(directory: dir + "/cache").write(for: GazetteerSources(paths: [dir])) }
        let message = error?.description ?? ""
        #expect(message.contains("RU.txt: 14 bad rows, so nothing of it is imported"), "\(message)")
        #expect(message.contains("RU.txt:3: geoname 2000003 has no name"))
        #expect(message.contains("RU.txt:40: geoname 2000040 has no name"))
        let big = try folder(["RU.txt": Self.rows(60) { i in i > 35 ? geonameRow(2_000_000 + i, "", 10, 10) : nil }])
        let many = #expect(throws: GazetteerError.self) { try Gazetteer.world(adding: GazetteerSources(paths: [big])) }
        #expect(many?.description.contains("25 bad rows") == true)
        #expect(many?.description.contains("… and 5 more") == true, "\(String(describing: many))")
        #expect(many?.description.components(separatedBy: "has no name").count == 21, "the first 20 are listed")
    }

    @Test("--skip-bad-rows imports the good rows and reports the bad ones and the repeated ids")
    func skipping() throws {
        let text = Self.rows(5) { i in i == 2 ? geonameRow(2_000_002, "Two", 91.5, 10) : i == 4 ? geonameRow(2_000_001, "Again", 1, 1) : nil }
        let dir = try folder(["RU.txt": text])
        let collector = ReportCollector()
        let options = GeoNamesImportOptions(skipsBadRows: true) { collector.reports.append($0) }
        let index = try GeoNamesImportOptions.$current.withValue(options) {
            try GazetteerIndexCache(directory: dir + "/cache").write(for: GazetteerSources(paths: [dir]))
        }
        let gazetteer = Gazetteer(compiled: index)
        #expect(gazetteer.place(id: "geonames-2000005") != nil)
        #expect(gazetteer.place(id: "geonames-2000002") == nil)
        #expect(gazetteer.place(id: "geonames-2000001")?.name == "Place 1", "the first row of a repeated id is kept")
        #expect(collector.reports.map(\.badRows) == [1])
        #expect(collector.reports.first?.firstBadRows.first?.contains("RU.txt:2: latitude 91.5 is outside") == true)
        #expect(collector.reports.first?.duplicateRows == 1)
        #expect(collector.reports.first?.firstDuplicateRows.first?.contains("RU.txt:4: geonameid 2000001 appears again") == true)
    }

    @Test("numbers are strict: a hex float, text after a NUL and a wordy population are bad rows", arguments: [
        (geonameRow(2_000_001, "Hex", 10, 10).replacingOccurrences(of: "\t10.0\t10.0\t", with: "\t0x1p4\t10.0\t"), "latitude '0x1p4'"),
        (geonameRow(2_000_001, "Nul", 10, 10).replacingOccurrences(of: "\t10.0\t10.0\t", with: "\t1\u{0}999\t10.0\t"), #"latitude '1\u{0}999'"#),
        (geonameRow(2_000_001, "Lots", 10, 10).replacingOccurrences(of: "\t0\t\t1000\t", with: "\tlots\t\t1000\t"), "population 'lots' is not a whole number"),
        (geonameRow(2_000_001, "\u{1B}]0;owned\u{7}", 10, 10), "holds a control character"),
        (geonameRow(2_000_001, String(repeating: "Long ", count: 50), 10, 10), "longer than the 200 a place name may have"),
    ])
    func strictRows(_ row: String, _ message: String) throws {
        let dir = try folder(["RU.txt": row + "\n"])
        let error = #expect(throws: GazetteerError.self) { try Gazetteer.world(adding: GazetteerSources(paths: [dir])) }
        #expect(error?.description.contains(message) == true, "\(String(describing: error))")
    }

    @Test("a byte-order mark before the first row is skipped")
    func byteOrderMark() throws {
        let dir = try folder(["RU.txt": "\u{FEFF}" + geonameRow(2_000_001, "Marked", 10, 10) + "\n"])
        let gazetteer = try Gazetteer.world(adding: GazetteerSources(paths: [dir]))
        #expect(gazetteer.place(id: "geonames-2000001")?.name == "Marked")
    }

    @Test("a 50 MB line is one bad row, read without holding it; the rows after it are read")
    func longLine() throws {
        let dir = try folder([:])
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/RU.txt"
        var bytes = Array((geonameRow(2_000_001, "Before", 10, 10) + "\n").utf8)
        bytes += [UInt8](repeating: 0x41, count: 50_000_000) + [0x0A]
        bytes += Array((geonameRow(2_000_003, "After", 10, 10) + "\n").utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let collector = ReportCollector()
        let reader = try GeoNamesImportOptions.$current.withValue(GeoNamesImportOptions(skipsBadRows: true) { collector.reports.append($0) }) {
            var reader = GeoNamesReader()
            try reader.readGeonames(at: path)
            return reader
        }
        #expect(reader.places.map(\.name) == ["Before", "After"])
        #expect(collector.reports.first?.firstBadRows.first?.contains("RU.txt:2: a line of 50000000 bytes, longer than the 1 MiB") == true,
                "\(collector.reports)")
    }
}
