import Foundation
import Testing
import TestScratch

/// A fresh, empty cache folder for one test.
func freshCache() -> String {
    ScratchSpace.path("cache").path
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
        let dir = ScratchSpace.path("villages")
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

    @Test("concurrent first runs build one index: the others wait for it")
    func concurrentFirstRuns() throws {
        let cache = freshCache()
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let results = Locked<[RunResult]>([])
        let group = DispatchGroup()
        for _ in 0..<3 {
            group.enter()
            Thread.detachNewThread {
                let result = try? Routemap.run(arguments: ["resolve", "Moscow"], environment: ["ROUTEMAP_CACHE": cache, "ROUTEMAP_PROGRESS": "1"])
                results.mutate { $0 += [result].compactMap { $0 } }
                group.leave()
            }
        }
        #expect(group.wait(timeout: .now() + 600) == .success)
        let runs = results.get()
        #expect(runs.count == 3)
        #expect(runs.allSatisfy { $0.status == 0 && $0.stdout.hasPrefix("Moscow → moscow") })
        let builds = runs.map { $0.stderr.components(separatedBy: "(its first use").count - 1 }.reduce(0, +)
        #expect(builds == 1, "\(runs.map(\.stderr))")
        let indexes = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".idx") }
        #expect(indexes.count == 1)
    }

    @Test("a full disk (a file-size limit here) is a warning: the answer comes from the sources and no partial file is left")
    func fullDisk() throws {
        let cache = freshCache()
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let result = try runProcess(URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", "ulimit -f 64; exec \"$0\" \"$@\"", Routemap.executable.path, "resolve", "Kyiv"],
                                    environment: ["ROUTEMAP_CACHE": cache])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Kyiv → kyiv"))
        #expect(result.stderr.contains("routemap: warning: "))
        #expect(result.stderr.contains("File too large"))
        let left = try FileManager.default.contentsOfDirectory(atPath: cache).filter { !$0.hasSuffix(".lock") }
        #expect(left == [])
    }

    @Test("an index damaged on disk is rebuilt while routemap runs, with a warning, and every answer is right")
    func damagedIndexRepaired() throws {
        let cache = freshCache()
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let names = ["Moscow", "Kyiv", "Alabuga", "Amirabad", "Laut Kaspia", "Москва", "Tehran", "Makhachkala", "Springfield@US"]
        let clean = try Routemap.run(arguments: ["resolve", "--json"] + names, environment: ["ROUTEMAP_CACHE": cache])
        #expect(clean.status == 0)
        let index = try #require(try FileManager.default.contentsOfDirectory(atPath: cache).first { $0.hasSuffix(".idx") })
        let path = cache + "/" + index
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        // A byte changed in every 16 KiB of the data: whatever the lookups read, they meet damage. The data ends where the
        // checksum table starts, which the header's trailer gives (its first 8 bytes, little-endian, at 160 - 32).
        let dataEnd = (0..<8).reduce(0) { $0 | Int(bytes[128 + $1]) << (8 * $1) }
        #expect(dataEnd > 4096 && dataEnd < bytes.count)
        for offset in stride(from: 4096, to: dataEnd, by: 16_384) { bytes[offset] ^= 0x5A }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let damaged = try Routemap.run(arguments: ["resolve", "--json"] + names, environment: ["ROUTEMAP_CACHE": cache])
        #expect(damaged.status == 0)
        #expect(damaged.stdout == clean.stdout)
        #expect(damaged.stderr.contains("the gazetteer index is damaged (a block fails its checksum); rebuilding it from its sources"))
        let again = try Routemap.run(arguments: ["resolve", "--json"] + names, environment: ["ROUTEMAP_CACHE": cache])
        #expect(again.stderr.isEmpty)
        #expect(again.stdout == clean.stdout)
    }

    @Test("an index cut short while a long extract reads it: no SIGBUS; the index is rebuilt and the run goes on")
    func truncatedWhileRunning() throws {
        let cache = freshCache()
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let process = Process()
        process.executableURL = Routemap.executable
        process.arguments = ["extract", "-", "--input", "jsonl", "--jsonl"]
        process.environment = ProcessInfo.processInfo.environment.merging(["ROUTEMAP_CACHE": cache]) { $1 }
        let input = Pipe(), output = Pipe(), errors = Pipe()
        (process.standardInput, process.standardOutput, process.standardError) = (input, output, errors)
        try process.run()
        let lines = Locked<[UInt8]>([])
        let arrived = DispatchSemaphore(value: 0)
        let reader = output.fileHandleForReading
        Thread.detachNewThread {
            while true {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                lines.set(lines.get() + chunk)
                arrived.signal()
            }
        }
        func lineCount() -> Int { lines.get().filter { $0 == 0x0A }.count }
        input.fileHandleForWriting.write(Data(#"{"id": "1", "text": "Drones left Amirabad for Makhachkala."}"#.utf8 + [0x0A]))
        while lineCount() < 1, arrived.wait(timeout: .now() + 300) == .success {}
        #expect(lineCount() == 1)
        for name in try FileManager.default.contentsOfDirectory(atPath: cache) where name.hasSuffix(".idx") || name.hasSuffix(".names") {
            let handle = try FileHandle(forUpdating: URL(fileURLWithPath: cache + "/" + name))
            try handle.truncate(atOffset: 300_000)
            try handle.close()
        }
        // Places the first document did not touch, so their blocks are read from the cut files.
        let text = "Reports from Vladivostok, Khabarovsk, Yakutsk, Norilsk, Murmansk, Arkhangelsk, Kaliningrad, Sochi, Irkutsk, Omsk, Tomsk, Samara, Lima, Quito, Bogotá, Nairobi, Lagos, Accra, Dakar, Hanoi, Manila, Jakarta and Surabaya."
        input.fileHandleForWriting.write(Data(#"{"id": "2", "text": "\#(text)"}"#.utf8 + [0x0A]))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0, "\(stderr)")
        #expect(lineCount() == 2)
        let second = String(decoding: lines.get(), as: UTF8.self).split(separator: "\n").last ?? ""
        #expect(second.contains(#""id":"vladivostok""#) || second.contains("Vladivostok"))
        #expect(stderr.contains("rebuilding it"))
    }
}
