import Foundation
import Testing

/// A fresh, empty cache folder for one test.
func freshCache() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("routemap-cache-\(UUID().uuidString)").path
}

@Suite("routemap gazetteer, resolve --all, and country qualifiers")
struct GazetteerCLITests {
    @Test("gazetteer build writes the index once, says it is up to date after, and --force rebuilds it")
    func build() throws {
        let cache = ["ROUTEMAP_CACHE": freshCache()]
        let first = try Routemap.run(arguments: ["gazetteer", "build"], environment: cache)
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("built \(cache["ROUTEMAP_CACHE"]!)/gazetteer-"))
        let second = try Routemap.run(arguments: ["gazetteer", "build"], environment: cache)
        #expect(second.stdout.hasPrefix("up to date: "))
        let forced = try Routemap.run(arguments: ["gazetteer", "build", "--force"], environment: cache)
        #expect(forced.stdout.hasPrefix("built "))
    }

    @Test("gazetteer stats --json counts the curated records in gazetteer/places, the world's places and the names by language")
    func stats() throws {
        let result = try Routemap.run(arguments: ["gazetteer", "stats", "--json"], environment: ["ROUTEMAP_CACHE": freshCache()])
        #expect(result.status == 0)
        let stats = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let curated = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("gazetteer/places").path).filter { $0.hasSuffix(".json") }
        let bySource = try #require(stats["places_by_source"] as? [String: Int])
        #expect(bySource["curated"] == curated.count)
        #expect((bySource["geonames"] ?? 0) > 33_000)
        let languages = try #require(stats["names_by_language"] as? [String: Int])
        for language in ["en", "id", "ru", "fa"] { #expect((languages[language] ?? 0) > 0, "\(language)") }
        let index = try #require(stats["index"] as? [String: Any])
        #expect((index["bytes"] as? Int ?? 0) > 1_000_000)
    }

    @Test("resolve --all ranks the port first and lists the GeoNames villages of the same name, with reasons")
    func all() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("routemap-villages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let villages: [(id: Int, lat: Double, lon: Double, population: Int)] = [(1000001, 35.1, 51.2, 1200), (1000002, 33.9, 57.5, 9000), (1000003, 36.3, 59.6, 0)]
        var rows: [String] = []
        for v in villages {
            let fields: [String] = [String(v.id), "Amīrābād", "Amirabad", "", String(v.lat), String(v.lon), "P", "PPL", "IR", "", "26", "", "", "", String(v.population), "", "0", "Asia/Tehran", "2024-01-01"]
            rows.append(fields.joined(separator: "\t"))
        }
        try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: dir.appendingPathComponent("IR.txt"))
        let result = try Routemap.run(arguments: ["resolve", "Amirabad", "--all", "--gazetteer", dir.appendingPathComponent("IR.txt").path],
                                      environment: ["ROUTEMAP_CACHE": freshCache()])
        #expect(result.status == 0)
        // The built-in world has the GeoNames villages named Amirabad of 1,000 people or more too (issue 14): the fixture's rank among them.
        #expect(result.stdout.contains("places named 'Amirabad', best first:"))
        #expect(result.stdout.contains("    1. amirabad-port (port, IR): English name 'Amirabad'; curated port in IR"))
        #expect(result.stdout.contains(". geonames-1000002 (village, IR): English name 'Amīrābād'; imported (geonames) village of 9,000 people in IR"))
        let plain = try Routemap.run(arguments: ["resolve", "Amirabad", "--gazetteer", dir.appendingPathComponent("IR.txt").path])
        #expect(plain.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("  also") }.count == 3)
    }

    @Test("--near prefers the homonym near the named place; a route does the same with its other waypoints")
    func near() throws {
        let near = try Routemap.run("resolve", "Springfield", "--near", "Boston", "--json")
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(near.stdout.utf8)) as? [[String: Any]])
        #expect(abs((answer.first?["lat"] as? Double ?? 0) - 42.10) < 0.1)
        let route = try Routemap.run("distance", "Springfield", "Chicago")
        #expect(route.stdout.hasPrefix("Springfield (39.80"))
    }

    @Test("a name not in the country asked for suggests it where it is, as it can be typed")
    func qualifierErrors() throws {
        let result = try Routemap.run("resolve", "Moscow@FR")
        #expect(result.status == 1)
        #expect(result.stderr == "routemap: unknown place 'Moscow@FR' — did you mean Moscow@RU or Moscow@US?\n")
        #expect(try Routemap.run("distance", "Amirabad@IR", "Moscow, US").stdout.contains("Amirabad Port"))
    }

    @Test("a cache folder that cannot be written: a warning naming ROUTEMAP_CACHE, and the answer all the same")
    func unwritableCache() throws {
        let result = try Routemap.run(arguments: ["resolve", "Kyiv"], environment: ["ROUTEMAP_CACHE": "/dev/null/routemap"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Kyiv → kyiv"))
        #expect(result.stderr.hasPrefix("routemap: warning: /dev/null/routemap: cannot keep the gazetteer index: cannot make the folder: Not a directory; set ROUTEMAP_CACHE"))
        #expect(result.stderr.contains("ROUTEMAP_CACHE"))
    }
}
