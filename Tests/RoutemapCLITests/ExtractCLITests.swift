import Foundation
import Testing

@Suite("routemap extract and coverage, end to end")
struct ExtractCLITests {
    @Test("extract reads stdin and prints each mention with offsets and how it matched")
    func stdinText() throws {
        let r = try Routemap.run(arguments: ["extract", "-"], stdin: Array("Drones went from Amirabad to Makhachkala; в Москве.".utf8))
        #expect(r.status == 0)
        #expect(r.stdout.contains("stdin: 3 mentions of 3 places"))
        #expect(r.stdout.contains("17-25  Amirabad → amirabad-port (port) by English name 'Amirabad'"))
        #expect(r.stdout.contains("Москве → moscow (city) by Russian name 'Москва' (inflected)"))
    }

    @Test("extract --json gives every mention of a seed, offsets in code points")
    func json() throws {
        let r = try Routemap.run("extract", "seeds/000_90bee0a42d78c8e4.txt", "--json")
        #expect(r.status == 0)
        let documents = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        let mentions = try #require(documents.first?["mentions"] as? [[String: Any]])
        #expect(mentions.count == 71)
        let sez = try #require(mentions.first { $0["id"] as? String == "alabuga-sez" })
        #expect(sez["surface"] as? String == "zona ekonomi khusus Alabuga")
        #expect(sez["start"] as? Int == 383)
        #expect(sez["end"] as? Int == 410)
    }

    @Test("extract --geojson: one Point per distinct place with its mention count, and it is strict RFC 7946")
    func geojson() throws {
        let r = try Routemap.run("extract", "seeds/000_90bee0a42d78c8e4.txt", "seeds/002_87e109458729ec33.txt", "--geojson")
        #expect(r.status == 0)
        #expect(RFC7946Checker.check(r.stdout) == [])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let features = try #require(root["features"] as? [[String: Any]])
        #expect(features.count == 17)
        let russia = try #require(features.first { $0["id"] as? String == "russia" })
        #expect((russia["properties"] as? [String: Any])?["mention_count"] as? Int == 38)
    }

    @Test("a document in invalid UTF-8 is a clear error, not a crash")
    func invalidUTF8() throws {
        let file = try scratchDirectory().appendingPathComponent("cp1251.txt")
        try Data(Array("Drones: ".utf8) + [0xC2, 0xEE, 0xF1]).write(to: file)  // "Мос" in Windows-1251 after valid ASCII
        let r = try Routemap.run("extract", file.path)
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("not valid UTF-8 at byte 8 (0xC2)"))
        #expect(r.stderr.contains("iconv"))
    }

    @Test("a byte-order mark is skipped and offsets count from after it")
    func byteOrderMark() throws {
        let r = try Routemap.run(arguments: ["extract", "-", "--json"], stdin: [0xEF, 0xBB, 0xBF] + Array("Iran".utf8))
        #expect(r.status == 0)
        let documents = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect((documents.first?["mentions"] as? [[String: Any]])?.first?["start"] as? Int == 0)
    }

    @Test("extract --json gives shared reasoning once per document: mentions refer to it by 'choice', so output grows by a line per mention")
    func sharedReasoning() throws {
        let text = String(repeating: "Moscow Moscow Moscow\n", count: 2000)
        let r = try Routemap.run(arguments: ["extract", "-", "--json"], stdin: Array(text.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let documents = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        let choices = try #require(documents.first?["choices"] as? [[String: Any]])
        let mentions = try #require(documents.first?["mentions"] as? [[String: Any]])
        #expect(mentions.count == 6000)
        #expect(choices.count == 1)
        #expect((choices.first?["alternatives"] as? [[String: Any]])?.first?["id"] as? String == "moscow-us")
        #expect(mentions.allSatisfy { $0["choice"] as? Int == 0 && $0["alternatives"] == nil && $0["id"] as? String == "moscow" })
        #expect(r.stdout.utf8.count < 6000 * 260, "\(r.stdout.utf8.count) bytes for 6000 mentions")
    }

    @Test("coverage passes on the seeds, with precision and recall of 1")
    func coverageSeeds() throws {
        let r = try Routemap.run("coverage")
        #expect(r.status == 0)
        #expect(r.stdout.contains("all annotated documents: precision 1.000 (128/128), recall 1.000 (128/128)"))
    }

    @Test("coverage exits 1 when an annotated toponym is missed, and names it")
    func coverageMiss() throws {
        let dir = try scratchDirectory()
        // Olya, a small Caspian port near Astrakhan, is in neither the curated places nor GeoNames' cities of 15,000.
        try "Kapal berlayar dari Olya ke Makhachkala.".write(to: dir.appendingPathComponent("r.txt"), atomically: true, encoding: .utf8)
        try "start\tend\tsurface\tplace_id\n20\t24\tOlya\tolya\n28\t39\tMakhachkala\tmakhachkala\n"
            .write(to: dir.appendingPathComponent("r.toponyms.tsv"), atomically: true, encoding: .utf8)
        let r = try Routemap.run("coverage", dir.path)
        #expect(r.status == 1)
        #expect(r.stdout.contains("missed      20-24 'Olya' (olya), annotation line 2"))
        #expect(r.stdout.contains("precision 1.000 (1/1), recall 0.500 (1/2)"))
        #expect(r.stdout.contains("not in the gazetteer? 'Olya' at 20"))
    }

    @Test("usage errors exit 2", arguments: [["extract"], ["extract", "a.txt", "--json", "--geojson"]])
    func usage(arguments: [String]) throws {
        #expect(try Routemap.run(arguments: arguments).status == 2)
    }
}
