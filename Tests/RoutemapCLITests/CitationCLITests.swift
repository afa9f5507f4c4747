import Foundation
import Testing

@Suite("Citations resolve only inside the record's gazetteer folder (or seeds/), and errors quote no document")
struct CitationCLITests {
    /// A gazetteer folder with one site citing `document` for the quote `quote` at [0, 4).
    static func folder(citing document: String, quote: String = "XXXX") throws -> URL {
        let dir = try scratchDirectory()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("g/sites"), withIntermediateDirectories: true)
        try "SECRET-TEXT of the report\n".write(to: dir.appendingPathComponent("g/report.txt"), atomically: false, encoding: .utf8)
        try "SECRET-OUTSIDE\n".write(to: dir.appendingPathComponent("outside.txt"), atomically: false, encoding: .utf8)
        symlink(dir.appendingPathComponent("outside.txt").path, dir.appendingPathComponent("g/leak.txt").path)
        let record = #"{"id": "anzali", "place": "tehran", "name": "Anzali", "kind": "port", "citations": [{"document": "\#(document)", "start": 0, "end": 4, "quote": "\#(quote)"}]}"#
        try record.write(to: dir.appendingPathComponent("g/sites/a.json"), atomically: false, encoding: .utf8)
        return dir
    }

    @Test("a citation outside the folder is refused without reading it", arguments: [
        ("../outside.txt", "not a relative path inside the gazetteer folder"), ("/etc/hostname", "not a relative path inside the gazetteer folder"),
        ("/proc/self/environ", "not a relative path inside the gazetteer folder"), ("leak.txt", "a link that leads outside the gazetteer folder"),
        ("sites/../../outside.txt", "not a relative path inside the gazetteer folder"),
    ])
    func outside(_ document: String, _ message: String) throws {
        let dir = try Self.folder(citing: document)
        let r = try Routemap.run("export", "--gazetteer", dir.appendingPathComponent("g").path)
        #expect(r.status == 1)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(!r.stderr.contains("SECRET"), "\(r.stderr)")
        let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        #expect(hostname.isEmpty || !r.stderr.contains("reads \"\(hostname)"))
    }

    @Test("a quote that does not match says where it differs, without quoting the document")
    func mismatch() throws {
        let dir = try Self.folder(citing: "report.txt")
        let r = try Routemap.run("export", "--gazetteer", dir.appendingPathComponent("g").path)
        #expect(r.status == 1)
        #expect(r.stderr.contains("citation [0, 4) of report.txt does not hold its quote \"XXXX\": the text differs from code point 0 on"), "\(r.stderr)")
        #expect(!r.stderr.contains("SECRET"))
    }

    @Test("a document inside the folder is found and checked: the export succeeds")
    func inside() throws {
        let dir = try Self.folder(citing: "report.txt", quote: "SECR")
        let r = try Routemap.run("export", "--gazetteer", dir.appendingPathComponent("g").path)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"quote\":\"SECR\""))
    }
}

@Suite("A GeoNames dump with bad rows: commands that need no names do not read it; --skip-bad-rows imports the rest")
struct BadDumpCLITests {
    static func dump() throws -> String {
        let dir = try scratchDirectory()
        let good = ["3000001", "Goodtown", "Goodtown", "", "10.5", "20.5", "P", "PPL", "IR", "", "", "", "", "", "0", "", "", "", ""].joined(separator: "\t")
        try (good + "\n1\tonly\tthree\n").write(to: dir.appendingPathComponent("IR.txt"), atomically: false, encoding: .utf8)
        return dir.appendingPathComponent("IR.txt").path
    }

    @Test("coordinates alone, points and area do not import the dump, so they answer")
    func notNeeded() throws {
        let path = try Self.dump()
        let cache = try scratchDirectory().path
        for arguments in [["distance", "55.75,37.62", "55.83,52.04"], ["ring", "55.75,37.62", "--radius", "100km"], ["project", "55.75,37.62", "--to", "EPSG:3857"]] {
            let r = try Routemap.run(arguments: arguments, environment: ["ROUTEMAP_GAZETTEER": path, "ROUTEMAP_CACHE": cache])
            #expect(r.status == 0, "\(arguments): \(r.stderr)")
            #expect(r.stderr.isEmpty, "\(arguments): \(r.stderr)")
        }
        let named = try Routemap.run(arguments: ["resolve", "Goodtown"], environment: ["ROUTEMAP_GAZETTEER": path, "ROUTEMAP_CACHE": cache])
        #expect(named.status == 1)
        #expect(named.stderr.contains("IR.txt: 1 bad row, so nothing of it is imported"), "\(named.stderr)")
        #expect(named.stderr.contains("IR.txt:2: 3 tab-separated fields"))
    }

    @Test("--skip-bad-rows: the good rows answer, the bad ones are reported, and gazetteer stats records them")
    func skipped() throws {
        let path = try Self.dump()
        let cache = try scratchDirectory().path
        let r = try Routemap.run(arguments: ["resolve", "Goodtown", "--gazetteer", path, "--skip-bad-rows"], environment: ["ROUTEMAP_CACHE": cache])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Goodtown → geonames-3000001"))
        #expect(r.stderr.contains("warning: \(path): 1 bad row skipped (--skip-bad-rows)"), "\(r.stderr)")
        let stats = try Routemap.run(arguments: ["gazetteer", "stats", "--gazetteer", path], environment: ["ROUTEMAP_CACHE": cache])
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains("left out   \(path): 1 bad row skipped (--skip-bad-rows)"), "\(stats.stdout)")
    }
}
