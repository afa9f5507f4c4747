import Foundation
import Testing
import TestScratch

/// One row of BAD_INPUT.md: a bad input, what routemap must say, and its exit code.
struct BadInputRow: CustomTestStringConvertible, Sendable {
    let row: String
    let arguments: [String]
    var stdin: [UInt8]? = nil
    var environment: [String: String] = [:]
    let status: Int32
    let message: String

    var testDescription: String { row }
}

/// Files the rows read: broken gazetteer records and documents, made fresh for the run.
enum BadInputFixtures {
    static let folder: String = {
        let files: [String: String] = [
            "broken.json": "{\n  \"id\": \"x\",\n  \"name\": \"X\"\n  \"kind\": \"city\"\n}\n",
            "duplicate.json": #"{"id": "moscow", "name": "Moscow 2", "kind": "city", "lat": 1, "lon": 2, "names": {"en": ["M"]}}"#,
            "dangling.json": "{\"id\": \"x\",\n \"name\": \"X\", \"kind\": \"city\", \"parent\": \"no-such-place\",\n \"lat\": 1, \"lon\": 2, \"names\": {\"en\": [\"X\"]}}",
            "twins/places/a.json": #"{"id": "twin-a", "name": "Twin Town", "kind": "city", "lat": 1, "lon": 2, "names": {"en": ["Twin Town"]}}"#,
            "twins/places/b.json": #"{"id": "twin-b", "name": "Twin Town", "kind": "city", "lat": 3, "lon": 4, "names": {"en": ["Twin Town"]}}"#,
            "cited/report.txt": "The drones leave from Bandar Anzali.\n",
            "cited/sites/anzali.json": #"{"id": "anzali", "place": "tehran", "name": "Anzali", "kind": "port", "citations": [{"document": "report.txt", "start": 2200, "end": 2213, "quote": "Bandar Anzali"}]}"#,
            "geonames/IR.txt": "1000001\tAmirabad\tAmirabad\n",
            "outside/sites/leak.json": #"{"id": "leak", "place": "tehran", "name": "Leak", "kind": "port", "citations": [{"document": "/etc/hostname", "start": 0, "end": 4, "quote": "XXXX"}]}"#,
            "empty.txt": "",
            "bad-utf8.txt": "",
        ]
        let root = ScratchSpace.path("bad-input")
        for (name, text) in files {
            let url = root.appendingPathComponent(name)
            try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! Data(text.utf8).write(to: url)
        }
        try! Data([0x49, 0x72, 0x61, 0x6E, 0x20, 0xFF, 0x0A]).write(to: root.appendingPathComponent("bad-utf8.txt"))
        try! FileManager.default.createDirectory(at: root.appendingPathComponent("fifo/places"), withIntermediateDirectories: true)
        mkfifo(root.appendingPathComponent("fifo/places/hang.json").path, 0o644)
        return root.path
    }()

    static func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
}

@Suite("BAD_INPUT.md: every row, its message and exit code")
struct BadInputTests {
    static let rows: [BadInputRow] = [
        BadInputRow(row: "unknown place", arguments: ["distance", "Qwertyville", "Moscow"], status: 1, message: "unknown place 'Qwertyville'"),
        BadInputRow(row: "misspelt place", arguments: ["resolve", "Makhachkla"], status: 1, message: "did you mean Makhachkala, "),
        BadInputRow(row: "ambiguous place", arguments: ["resolve", "Twin Town", "--gazetteer", BadInputFixtures.path("twins")], status: 1,
                    message: "ambiguous place 'Twin Town' fits 2 places equally well; name one by id"),
        BadInputRow(row: "empty place name", arguments: ["distance", "", "Moscow"], status: 1, message: "an empty place name"),
        BadInputRow(row: "latitude out of range", arguments: ["distance", "91,0", "Moscow"], status: 1, message: "latitude 91.0 is outside -90…90"),
        BadInputRow(row: "longitude out of range", arguments: ["distance", "0,181", "Moscow"], status: 1, message: "longitude 181.0 is outside -180…180"),
        BadInputRow(row: "half a coordinate", arguments: ["distance", "55.7,", "Moscow"], status: 1, message: "the longitude after the comma is missing"),
        BadInputRow(row: "NaN", arguments: ["distance", "NaN,1", "Moscow"], status: 1, message: "'NaN' is not a finite number"),
        BadInputRow(row: "overflowing number", arguments: ["distance", "1e999,0", "Moscow"], status: 1, message: "'1e999' is not a finite number"),
        BadInputRow(row: "not a coordinate or a place", arguments: ["distance", "abc", "Moscow"], status: 1, message: "unknown place 'abc'"),
        BadInputRow(row: "a territory with no outline", arguments: ["distance", "Madrid", "--to-area", "Gibraltar"], status: 1,
                    message: "which Natural Earth 1:50m draws no outline for"),
        BadInputRow(row: "bad batch line", arguments: ["distance", "--batch"], stdin: Array("1 2 3 4\n1 2 x 4\n".utf8), status: 1,
                    message: "stdin: line 2: 'x' is not a number"),
        BadInputRow(row: "empty file for extract", arguments: ["extract", BadInputFixtures.path("empty.txt")], status: 0, message: "is empty"),
        BadInputRow(row: "empty CSV for points", arguments: ["points", BadInputFixtures.path("empty.txt")], status: 1, message: "the file is empty"),
        BadInputRow(row: "empty stdin for project", arguments: ["project", "--to", "EPSG:3857"], stdin: [], status: 1, message: "no points"),
        BadInputRow(row: "empty stdin for area", arguments: ["area", "-"], stdin: [], status: 1, message: "empty input; expected GeoJSON"),
        BadInputRow(row: "invalid UTF-8 document", arguments: ["extract", BadInputFixtures.path("bad-utf8.txt")], status: 1,
                    message: "not valid UTF-8 at byte 5 (0xFF); convert it first"),
        BadInputRow(row: "missing document", arguments: ["extract", "no-such-report.txt"], status: 1, message: "cannot read 'no-such-report.txt': no such file"),
        BadInputRow(row: "broken gazetteer record", arguments: ["resolve", "X", "--gazetteer", BadInputFixtures.path("broken.json")], status: 1,
                    message: "broken.json:4: not valid JSON: Invalid value at line 4, column 3"),
        BadInputRow(row: "duplicate id", arguments: ["resolve", "X", "--gazetteer", BadInputFixtures.path("duplicate.json")], status: 1,
                    message: "duplicate id 'moscow', first defined in gazetteer/places/moscow.json"),
        BadInputRow(row: "dangling parent", arguments: ["resolve", "X", "--gazetteer", BadInputFixtures.path("dangling.json")], status: 1,
                    message: "dangling.json:2: parent 'no-such-place' of 'x' is not in the gazetteer"),
        BadInputRow(row: "citation outside its document", arguments: ["export", "--gazetteer", BadInputFixtures.path("cited")], status: 1,
                    message: "citation [2200, 2213) is past the end of report.txt, which has 37 code points"),
        BadInputRow(row: "malformed GeoNames row", arguments: ["resolve", "Nowhere", "--gazetteer", BadInputFixtures.path("geonames/IR.txt")], status: 1,
                    message: "IR.txt:1: 3 tab-separated fields where a GeoNames geoname row has 19"),
        BadInputRow(row: "missing gazetteer path", arguments: ["resolve", "X", "--gazetteer", "no/such/dir"], status: 1, message: "no/such/dir: no such file or folder"),
        BadInputRow(row: "bad CRS", arguments: ["project", "Moscow", "--to", "EPSG:999999"], status: 1, message: "EPSG:999999: crs not found"),
        BadInputRow(row: "proj.db missing", arguments: ["project", "Moscow", "--to", "EPSG:3857"], environment: ["PROJ_DATA": "/nonexistent"], status: 1,
                    message: "set PROJ_DATA to the folder that holds proj.db"),
        BadInputRow(row: "point outside a CRS's domain", arguments: ["project", "90,0", "--to", "EPSG:3857"], status: 1, message: "further than any point on Earth"),
        BadInputRow(row: "bad radius", arguments: ["ring", "Moscow", "--radius", "2,500km"], status: 2, message: "write the number without separators"),
        BadInputRow(row: "ring around both poles", arguments: ["ring", "Moscow", "--radius", "19000km"], status: 1, message: "would enclose both poles"),
        BadInputRow(row: "bad GeoJSON", arguments: ["area", "-"], stdin: Array(#"{"type":"Point","coordinates":[500000,4700000]}"#.utf8), status: 1,
                    message: "is not a WGS84 longitude, latitude"),
        BadInputRow(row: "a mistyped option among places", arguments: ["distance", "Moscow", "Kazan", "--unit", "km"], status: 2, message: "unknown option '--unit'"),
        BadInputRow(row: "unknown option", arguments: ["resolve", "Moscow", "--jsn"], status: 2, message: "Did you mean '--json'?"),
        BadInputRow(row: "a southern latitude with a minus", arguments: ["distance", "-33.9,18.4", "Moscow"], status: 0, message: ""),
        BadInputRow(row: "a hexadecimal number", arguments: ["distance", "--batch"], stdin: Array("0x1p4 2 3 4\n".utf8), status: 1,
                    message: "stdin: line 1: '0x1p4' is not a number"),
        BadInputRow(row: "UTF-16 input", arguments: ["distance", "--batch"], stdin: [0xFF, 0xFE] + Array("1 2 3 4\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
                    status: 1, message: "stdin is UTF-16 (little-endian, with a byte-order mark), not UTF-8; convert it first, for example: iconv -f UTF-16 -t UTF-8"),
        BadInputRow(row: "escape sequences in a name", arguments: ["resolve", "\u{1B}]0;owned\u{7}"], status: 1, message: #"unknown place '\u{1B}]0;owned\u{7}' — "#),
        BadInputRow(row: "a 131,000-character name", arguments: ["resolve", String(repeating: "q", count: 131_000)], status: 1,
                    message: "… (131000 bytes)' — check the spelling"),
        BadInputRow(row: "a point beyond the Earth", arguments: ["project", "--from", "EPSG:3857"], stdin: Array("1e300,1e300\n".utf8), status: 1,
                    message: "further than any point on Earth"),
        BadInputRow(row: "repeated CSV column names", arguments: ["points"], stdin: Array("name,lat,lon,name\na,1,2,b\n".utf8), status: 1,
                    message: "stdin:1: columns 1 and 4 are both named 'name'; give each column its own name"),
        BadInputRow(row: "invalid UTF-8 in a CSV", arguments: ["points"], stdin: Array("name,lat,lon\nK".utf8) + [0xF6] + Array("ln,1,2\n".utf8), status: 1,
                    message: "stdin:2: not valid UTF-8 at byte 14 (0xF6); convert it first"),
        BadInputRow(row: "an impossible published area", arguments: ["area", "-"],
                    stdin: Array(#"{"type":"Feature","properties":{"published_area_km2":1e19},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}}"#.utf8),
                    status: 0, message: "published_area_km2 '1e+19' is not an area on Earth"),
        BadInputRow(row: "a bow-tie polygon", arguments: ["area", "-"], stdin: Array(#"{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}"#.utf8),
                    status: 0, message: "ring 0 crosses itself near 0.50000, 0.50000 (edges 0 and 2)"),
        BadInputRow(row: "GeoJSON nested 100,000 deep", arguments: ["area", "-"],
                    stdin: Array((#"{"type":"Point","coordinates":"# + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}").utf8),
                    status: 1, message: "arrays and objects nested more than 256 deep"),
        BadInputRow(row: "a citation of a file outside the folder", arguments: ["export", "--gazetteer", BadInputFixtures.path("outside")], status: 1,
                    message: "cites /etc/hostname, which is not a relative path inside the gazetteer folder"),
        BadInputRow(row: "a record that is a FIFO", arguments: ["resolve", "Moscow", "--gazetteer", BadInputFixtures.path("fifo")], status: 1,
                    message: "hang.json: not a regular file"),
        BadInputRow(row: "bad GeoNames rows skipped", arguments: ["resolve", "Moscow", "--gazetteer", BadInputFixtures.path("geonames/IR.txt"), "--skip-bad-rows"],
                    status: 0, message: "IR.txt: 1 bad row skipped (--skip-bad-rows)"),
        BadInputRow(row: "an output extension no format claims", arguments: ["export", "--out", "/tmp/seeds.txt"], status: 2,
                    message: "cannot tell the format of '/tmp/seeds.txt' from its extension; name it .geojson, .geojsonseq, .gpkg, .kml, .svg, .png or .html, or give --format"),
        BadInputRow(row: "an extension that contradicts --format", arguments: ["export", "--out", "/tmp/seeds.gpkg", "--format", "kml"], status: 2,
                    message: "--format kml does not match --out '/tmp/seeds.gpkg', whose extension means gpkg; change one of them"),
        BadInputRow(row: "a PNG without rsvg-convert", arguments: ["export", "--out", "/tmp/routemap-bad-input-no-rsvg.png"], environment: ["PATH": "/nonexistent"], status: 1,
                    message: "cannot write '/tmp/routemap-bad-input-no-rsvg.png': cannot draw a PNG: rsvg-convert is not installed; install it (apt-get install librsvg2-bin) or write an SVG instead (--out map.svg)"),
        BadInputRow(row: "a river leg off the rivers", arguments: ["route", "Jeddah", "Port Sudan", "--mode", "river", "--json"], status: 0,
                    message: "warning: no river route on the water network (Jeddah is more than 50 km from the network's rivers and canals); drawn as the geodesic"),
        BadInputRow(row: "a rail leg across third countries", arguments: ["route", "Rason", "Tikhoretsk", "--mode", "rail", "--json"], status: 0,
                    message: "warning: a rail leg drawn as the geodesic crosses third countries: China (CN)"),
        BadInputRow(row: "a sea leg the network cannot reach", arguments: ["route", "Moscow", "Kazan", "--mode", "sea", "--json"], status: 0,
                    message: "warning: no sea route on the water network (Moscow is more than 50 km from the network's water); drawn as the geodesic"),
        BadInputRow(row: "a cache folder that cannot keep the water network", arguments: ["route", "Amirabad", "Makhachkala"],
                    environment: ["ROUTEMAP_CACHE": "/dev/null/x"], status: 0, message: "the water network is built in memory on each run until it can be kept"),
    ]

    @Test("each row's message and exit code", arguments: rows)
    func row(_ row: BadInputRow) throws {
        let r = try Routemap.run(arguments: row.arguments, stdin: row.stdin, environment: row.environment)
        #expect(r.status == row.status, "\(r.stderr)")
        #expect(row.message.isEmpty ? r.stderr.isEmpty : r.stderr.contains(row.message), "\(r.stderr)")
        #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack dump"))
    }

    /// `echo 0 0 0.5 179.5 | GeodSolve -i -p 9` → 25.67187286829188 154.32708546994161 19936288.578965314 (nearly antipodal);
    /// `echo 90 0 -90 0 | GeodSolve -i -p 9` → 180 180 20003931.458625 (pole to pole; a southern latitude is written 90S, as -90 would read as an option).
    @Test("nearly antipodal and polar pairs are answers, not errors")
    func antipodes() throws {
        let near = try Routemap.run("distance", "0,0", "0.5,179.5", "--json", "--units", "m")
        #expect(near.status == 0)
        #expect(abs(((try jsonOutput(near) as? [String: Any])?["total_m"] as? Double ?? 0) - 19936288.578965) < 0.001)
        let poles = try Routemap.run("distance", "90N,0E", "90S,0E", "--json", "--units", "m")
        #expect(poles.status == 0)
        #expect(abs(((try jsonOutput(poles) as? [String: Any])?["total_m"] as? Double ?? 0) - 20003931.458625) < 0.001)
    }

    @Test("an output in a missing or read-only folder, or onto a folder: exit 1, no file and no temporary left", arguments: ["missing", "read-only", "folder"])
    func outputs(kind: String) throws {
        let dir = try scratchDirectory()
        let target: String
        switch kind {
        case "missing": target = dir.appendingPathComponent("no/such/out.geojson").path
        case "read-only":
            // root ignores permission bits, so as root use /sys, where nobody can create files.
            let locked = dir.appendingPathComponent("locked")
            try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked.path)
            target = geteuid() == 0 ? "/sys/routemap-out.geojson" : locked.appendingPathComponent("out.geojson").path
        default: target = dir.path
        }
        let r = try Routemap.run("export", "--out", target)
        #expect(r.status == 1)
        #expect(r.stderr.contains("cannot write '\(target)'"), "\(r.stderr)")
        let left = try FileManager.default.subpathsOfDirectory(atPath: dir.path).filter { $0 != "locked" }
        #expect(left.isEmpty, "left behind: \(left)")
        #expect(!FileManager.default.fileExists(atPath: target) || kind == "folder")
    }

    @Test("output piped into a reader that stops (head) ends quietly with status 1: no error spew, no signal")
    func closedPipe() throws {
        let process = Process()
        process.executableURL = Routemap.executable
        process.arguments = ["ring", "Moscow", "--radius", "100km", "--steps", "200000", "--geojson"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        _ = out.fileHandleForReading.readData(ofLength: 100)
        try out.fileHandleForReading.close()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(stderr.isEmpty, "\(String(decoding: stderr, as: UTF8.self))")
        #expect(process.terminationReason == .exit && process.terminationStatus == 1, "ends with status 1 on EPIPE, not killed by SIGPIPE")
    }

    @Test("a line of 100 MB: extract reads it and a bad batch line is reported without echoing it")
    func hugeLine() throws {
        let filler = Array("drone dikirim melalui laut ".utf8)
        // "Kapal dari", not "Dari": capitalised, Indonesian "dari" (from) is also the village of Dari, India, a common
        // word the world keeps since issue 14 (gazetteer/world/common_words.tsv); this test is about the line's length.
        var document = Array("Kapal dari Amirabad ".utf8)
        document.reserveCapacity(100_000_100)
        while document.count + filler.count <= 100_000_000 { document += filler }
        document += Array("ke Makhachkala.".utf8)
        let extract = try Routemap.run(arguments: ["extract", "-"], stdin: document)
        #expect(extract.status == 0)
        #expect(extract.stdout.contains("2 mentions of 2 places"))
        #expect(extract.stdout.contains("Makhachkala → makhachkala"))
        let batch = try Routemap.run(arguments: ["distance", "--batch"], stdin: Array("1 2 3 4\n".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 100_000_000))
        #expect(batch.status == 1)
        #expect(batch.stderr.contains("line 2"))
        #expect(batch.stderr.utf8.count < 1000, "the message must not echo the line")
    }
}
