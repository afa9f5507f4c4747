import Foundation
import Testing

@Suite("Inputs: every reader has a limit, names the encoding, reads numbers strictly and quotes data briefly")
struct InputCLITests {
    @Test("distance --batch streams: a 50 MB line is one bad line, reported in a short message")
    func batchEndlessLine() throws {
        let r = try Routemap.run(arguments: ["distance", "--batch"], stdin: Array("1 2 3 4\n".utf8) + [UInt8](repeating: 0, count: 50_000_000))
        #expect(r.status == 1)
        #expect(r.stderr.contains("stdin: line 2: 50000000 bytes, longer than the 1 MiB a line may hold"), "\(r.stderr)")
        #expect(r.stdout == "313705.4455 45.144168807 45.213985609\n")
    }

    @Test("distance --batch: UTF-16 is named, a UTF-8 byte-order mark is skipped")
    func batchEncodings() throws {
        let utf16 = try Routemap.run(arguments: ["distance", "--batch"], stdin: [0xFF, 0xFE] + Array("1 2 3 4\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(utf16.status == 1)
        #expect(utf16.stderr.contains("stdin is UTF-16 (little-endian, with a byte-order mark), not UTF-8; convert it first, for example: iconv -f UTF-16 -t UTF-8"), "\(utf16.stderr)")
        let bom = try Routemap.run(arguments: ["distance", "--batch"], stdin: [0xEF, 0xBB, 0xBF] + Array("1 2 3 4\n".utf8))
        #expect(bom.status == 0, "\(bom.stderr)")
        #expect(bom.stdout == "313705.4455 45.144168807 45.213985609\n")
    }

    @Test("numbers are read strictly: no hexadecimal floats, no text after a NUL, no nan", arguments: ["0x1p4", "1\u{0}999", "nan", "inf"])
    func strictNumbers(_ field: String) throws {
        let batch = try Routemap.run(arguments: ["distance", "--batch"], stdin: Array("\(field) 2 3 4\n".utf8))
        #expect(batch.status == 1)
        #expect(batch.stderr.contains("is not a number"), "\(batch.stderr)")
        let points = try Routemap.run(arguments: ["points"], stdin: Array("lat,lon\n\(field),2\n".utf8))
        #expect(points.status == 1)
        #expect(points.stderr.contains("stdin:2: lat '"), "\(points.stderr)")
    }

    @Test("a field holding an escape sequence or 10 MB is quoted escaped and cut short")
    func quotedBriefly() throws {
        let escape = try Routemap.run(arguments: ["distance", "--batch"], stdin: Array("\u{1B}]0;owned\u{07} 2 3 4\n".utf8))
        #expect(escape.stderr.contains(#"'\u{1B}]0;owned\u{7}' is not a number"#), "\(escape.stderr)")
        #expect(!escape.stderr.contains("\u{1B}"))
        let huge = try Routemap.run(arguments: ["points"], stdin: Array("lat,lon\n".utf8) + [UInt8](repeating: UInt8(ascii: "y"), count: 10_000_000) + Array(",2\n".utf8))
        #expect(huge.status == 1)
        #expect(huge.stderr.contains("… (10000000 bytes)' is not a number"), "\(huge.stderr.prefix(300))")
        #expect(huge.stderr.utf8.count < 400)
    }

    @Test("points: duplicate column names and invalid UTF-8 are errors, not silent")
    func pointsSemantics() throws {
        let duplicate = try Routemap.run(arguments: ["points"], stdin: Array("name,lat,lon,name\na,1,2,b\n".utf8))
        #expect(duplicate.status == 1)
        #expect(duplicate.stderr.contains("stdin:1: columns 1 and 4 are both named 'name'; give each column its own name"), "\(duplicate.stderr)")
        let latin1 = try Routemap.run(arguments: ["points"], stdin: Array("name,lat,lon\nK".utf8) + [0xF6] + Array("ln,1,2\n".utf8))
        #expect(latin1.status == 1)
        #expect(latin1.stderr.contains("stdin:2: not valid UTF-8 at byte 14 (0xF6); convert it first"), "\(latin1.stderr)")
    }

    @Test("project reads stdin line by line: a point beyond the Earth is an error, not 'lon -180 lat 90'")
    func projectBeyondEarth() throws {
        let r = try Routemap.run(arguments: ["project", "--from", "EPSG:3857"], stdin: Array("1e300,1e300\n4187754,7509137\n".utf8))
        #expect(r.status == 1)
        #expect(r.stderr.contains("further than any point on Earth"), "\(r.stderr)")
        #expect(!r.stdout.contains("lon -180"))
        // echo 4187754 7509137 | cs2cs -f %.8f EPSG:3857 EPSG:4326 → 55.75166406 37.61923424 (lat, lon)
        #expect(r.stdout.contains("lon 37.61923424  lat 55.75166406"), "\(r.stdout)")
        let wrapped = try Routemap.run("project", "3e7,0", "--from", "EPSG:3857")
        #expect(wrapped.status == 1)
        #expect(wrapped.stderr.contains("transforms back to"), "\(wrapped.stderr)")
        let long = try Routemap.run(arguments: ["project", "--to", "EPSG:3857"], stdin: [UInt8](repeating: UInt8(ascii: "1"), count: 3_000_000))
        #expect(long.status == 1)
        #expect(long.stderr.contains("stdin: line 1: 3000000 bytes, longer than the 1 MiB a line may hold"), "\(long.stderr)")
    }

    @Test("extract refuses a document over 256 MiB with the limit, and names UTF-16")
    func documentLimits() throws {
        let big = try Routemap.run(arguments: ["extract", "-"], stdin: [UInt8](repeating: 0x20, count: (256 << 20) + 1))
        #expect(big.status == 1)
        #expect(big.stderr.contains("stdin: more than 256 MiB, the most routemap reads as a document; split it into smaller files"), "\(big.stderr)")
        let utf16 = try Routemap.run(arguments: ["extract", "-"], stdin: Array("Moscow".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        #expect(utf16.status == 1)
        #expect(utf16.stderr.contains("stdin is UTF-16 (big-endian), not UTF-8"), "\(utf16.stderr)")
    }

    @Test("a gazetteer record that is a FIFO or a device is refused, not read forever")
    func fifoRecord() throws {
        let dir = try scratchDirectory()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("places"), withIntermediateDirectories: true)
        #expect(mkfifo(dir.appendingPathComponent("places/hang.json").path, 0o644) == 0)
        let r = try Routemap.run("resolve", "Moscow", "--gazetteer", dir.path)
        #expect(r.status == 1)
        #expect(r.stderr.contains("hang.json: not a regular file"), "\(r.stderr)")
        symlink("/dev/zero", dir.appendingPathComponent("places/zero.json").path)
        unlink(dir.appendingPathComponent("places/hang.json").path)
        let zero = try Routemap.run("resolve", "Moscow", "--gazetteer", dir.path)
        #expect(zero.status == 1)
        #expect(zero.stderr.contains("zero.json: not a regular file"), "\(zero.stderr)")
    }
}

@Suite("area: hostile published areas, bow ties and deep nesting")
struct AreaCLITests {
    static func square(_ published: String) -> [UInt8] {
        Array(#"{"type":"Feature","properties":{"published_area_km2":\#(published)},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}}"#.utf8)
    }

    @Test("a published area of 1e19, inf or nan is left out with a warning (it crashed with SIGILL)", arguments: ["1e19", #""inf""#, #""nan""#, "-5"])
    func publishedArea(_ published: String) throws {
        for json in [false, true] {
            let r = try Routemap.run(arguments: ["area", "-"] + (json ? ["--json"] : []), stdin: Self.square(published))
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stderr.contains("is not an area on Earth"), "\(r.stderr)")
            #expect(!r.stdout.contains("published"), "\(r.stdout)")
        }
    }

    /// The bow tie's two lobes have opposite signs, so its area measures 0: a warning says why.
    @Test("a bow-tie polygon is measured with a warning that its ring crosses itself")
    func bowTie() throws {
        let r = try Routemap.run(arguments: ["area", "-"], stdin: Array(#"{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}"#.utf8))
        #expect(r.status == 0)
        #expect(r.stderr.contains("ring 0 crosses itself near 0.50000, 0.50000"), "\(r.stderr)")
        let square = try Routemap.run(arguments: ["area", "-"], stdin: Array(#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}"#.utf8))
        #expect(square.stderr.isEmpty, "\(square.stderr)")
    }

    @Test("GeoJSON nested 100,000 deep is an error, not a stack overflow")
    func deepNesting() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let r = try Routemap.run(arguments: ["area", "-"], stdin: Array(#"{"type":"Point","coordinates":\#(deep)}"#.utf8))
        #expect(r.status == 1)
        #expect(r.stderr.contains("nested more than 256 deep"), "\(r.stderr)")
    }
}
