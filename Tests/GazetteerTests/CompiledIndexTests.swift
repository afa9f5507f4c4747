import Foundation
@testable import Gazetteer
import Testing
import TestScratch

/// A cache in a fresh temporary folder.
func temporaryCache() -> GazetteerIndexCache {
    GazetteerIndexCache(directory: ScratchSpace.path("cache").path)
}

/// The ids a resolution names, in order, and how it ended; equal for equal answers.
func outcome(_ resolution: Resolution) -> String {
    switch resolution {
    case .resolved(let match, let alternatives): "resolved " + ([match] + alternatives).map { "\($0.place.id)/\($0.kind)/\($0.matchedName)" }.joined(separator: " ")
    case .ambiguous(let candidates): "ambiguous " + candidates.map(\.place.id).joined(separator: " ")
    case .unknown(let suggestions): "unknown " + suggestions.map(\.place.id).joined(separator: " ")
    }
}

@Suite("The compiled gazetteer index")
struct CompiledIndexTests {
    static let dump = [
        geonameRow(1000001, "Amirabad", 35.1, 51.2, population: 1200, alternates: "Amir Abad,Amīrābād"),
        geonameRow(1000002, "Amirabad", 33.9, 57.5, population: 9000),
        geonameRow(1000003, "Bandar-e Anzali", 37.47, 49.46, population: 118_564),
    ].joined(separator: "\n") + "\n"

    @Test("every place and every name reads back as it was written, and names resolve the same from the index as from memory")
    func roundTrip() throws {
        let sources = try GazetteerSources(paths: [try folder([
            "IR.txt": Self.dump, "alternateNamesV2.txt": "1\t1000003\tfa\tبندر انزلی\t\t\t\t\t\t\n",
        ])])
        let memory = try Gazetteer.world(adding: sources)
        // The index streams the GeoNames rows through; it must hold exactly what loading them into memory gives.
        let index = try temporaryCache().write(for: sources)
        let compiled = Gazetteer(compiled: index)
        #expect(compiled.count == memory.count)
        #expect(compiled.places == memory.places)
        var memoryKeys: [String] = []
        memory.forEachNameKey { key, _ in memoryKeys.append(key) }
        #expect(index.keyCount == memoryKeys.count)
        for place in memory.places.prefix(500) { #expect(compiled.place(id: place.id) == place) }
        #expect(compiled.place(id: "no-such-place") == nil)
        // Every 50th name key, the seeds' names, and names with qualifiers, by both storages.
        let keys = memoryKeys.sorted().enumerated().filter { $0.offset % 50 == 0 }.map(\.element)
        let queries = keys + ["Amirabad", "Alabuga", "Laut Kaspia", "Москве", "بندر انزلی", "Amirabad@IR", "Moscow, US", "Alabuka", "AS"]
        for query in queries { #expect(outcome(compiled.resolve(query)) == outcome(memory.resolve(query)), "\(query)") }
        let materialized = compiled.materialized()
        #expect(materialized.compiledIndex == nil)
        for query in queries.prefix(40) { #expect(outcome(materialized.resolve(query)) == outcome(memory.resolve(query)), "\(query)") }
    }

    @Test("names and ids sorted on disk in many small runs give the same index, byte for byte, as in one run")
    func externalSortRuns() throws {
        let sources = try GazetteerSources(paths: [try folder([
            "IR.txt": Self.dump, "alternateNamesV2.txt": "1\t1000003\tfa\tبندر انزلی\t\t\t\t\t\t\n",
        ])])
        let known = try Gazetteer.knownPlaces(adding: sources)
        let dir = ScratchSpace.path("runs")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var files: [Data] = []
        // 4 KiB of sort memory makes hundreds of runs for the world's names; 64 MiB makes one.
        for (label, memory) in [("small", 4096), ("large", 64 << 20)] {
            let builder = try CompiledIndexBuilder(scratchIn: dir.path, sortMemory: memory)
            for place in known { try builder.add(place) }
            try GeoNamesReader.stream(geonames: sources.geonamesFiles, alternateNames: sources.alternateNameFiles, skipping: []) { (place) throws(GazetteerError) in
                try builder.add(place)
            }
            let path = dir.appendingPathComponent("\(label).idx").path
            try builder.write(fingerprint: 7, builtAt: 0, description: "runs", to: path)
            files.append(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        #expect(files[0] == files[1])
        // Only the two indexes are left: scratch files and sorted runs have no names.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["large.idx", "small.idx"])
        let index = try CompiledIndex(path: dir.appendingPathComponent("small.idx").path)
        #expect(index.placeCount == known.count + 3)
        guard case .resolved(let match, _) = Gazetteer(compiled: index).resolve("بندر انزلی") else { Issue.record("بندر انزلی not resolved"); return }
        #expect(match.language == "fa")
    }

    @Test("a build that fails on a malformed row halfway leaves nothing in the cache folder: no index, no scratch file")
    func failedBuildLeavesNothing() throws {
        let rows = (1...2000).map { geonameRow(3_000_000 + $0, "Desa \($0)", 1.0, 100.0 + Double($0) / 100, country: "ID") }
        let dump = (rows[..<1000] + ["3001001\tBroken row"] + rows[1000...]).joined(separator: "\n") + "\n"
        let sources = try GazetteerSources(paths: [try folder(["ID.txt": dump])])
        let cache = temporaryCache()
        defer { try? FileManager.default.removeItem(atPath: cache.directory) }
        #expect { try cache.write(for: sources) } throws: { "\($0)".contains("ID.txt:1001") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.directory) == [])
        try? FileManager.default.removeItem(atPath: cache.directory)
    }

    @Test("a stale index is rebuilt: changing a source changes the answers; an unchanged one is opened, not rebuilt")
    func staleIndexIsRebuilt() throws {
        let dir = try folder(["RU.txt": geonameRow(2000001, "Staroye Selo", 55.0, 50.0, country: "RU") + "\n"])
        let cache = temporaryCache()
        defer { try? FileManager.default.removeItem(atPath: cache.directory) }
        let first = try Gazetteer.indexedWorld(adding: try GazetteerSources(paths: [dir]), cache: cache)
        #expect(first.compiledIndex != nil)
        let builtAt = try #require(first.compiledIndex?.builtAt)
        let again = try #require(cache.freshIndex(for: try GazetteerSources(paths: [dir])))
        #expect(again.builtAt == builtAt)

        let file = (dir as NSString).appendingPathComponent("RU.txt")
        try Data((geonameRow(2000002, "Novoye Selo", 55.1, 50.1, country: "RU") + "\n").utf8).write(to: URL(fileURLWithPath: file))
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: file)
        let changed = try GazetteerSources(paths: [dir])
        #expect(cache.freshIndex(for: changed) == nil)
        let rebuilt = try Gazetteer.indexedWorld(adding: changed, cache: cache)
        #expect(rebuilt.place(id: "geonames-2000002")?.name == "Novoye Selo")
        #expect(rebuilt.place(id: "geonames-2000001") == nil)
        #expect(cache.freshIndex(for: changed) != nil)
    }

    @Test("each set of sources has its own index file, and the embedded data alone has one too")
    func onePerSourceSet() throws {
        let cache = temporaryCache()
        defer { try? FileManager.default.removeItem(atPath: cache.directory) }
        let a = try GazetteerSources(paths: [try folder(["RU.txt": geonameRow(2000001, "A", 1, 1) + "\n"])])
        #expect(cache.path(for: a) != cache.path(for: GazetteerSources()))
        #expect(GazetteerIndexCache.fingerprint(for: a) != GazetteerIndexCache.fingerprint(for: GazetteerSources()))
    }

    @Test("a damaged, truncated or foreign index file is an error naming `routemap gazetteer build`, and the cache rebuilds it")
    func damagedFiles() throws {
        let cache = temporaryCache()
        defer { try? FileManager.default.removeItem(atPath: cache.directory) }
        let sources = GazetteerSources()
        let index = try cache.write(for: sources)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: index.path))
        let path = index.path + ".broken"
        for (name, broken) in [("foreign", Data("not an index at all, not an index at all, not an index at all, not an index at all, padding".utf8)),
                               ("short", bytes.prefix(40)), ("truncated", bytes.prefix(bytes.count / 2))] {
            try broken.write(to: URL(fileURLWithPath: path))
            #expect(throws: GazetteerError.self, "\(name)") { try CompiledIndex(path: path) }
            #expect { try CompiledIndex(path: path) } throws: { "\($0)".contains("routemap gazetteer build") }
        }
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: cache.path(for: sources)))
        #expect(cache.freshIndex(for: sources) == nil)
    }

    @Test("a byte flipped anywhere in the index is never used: opening refuses the file, or the block is repaired and every answer is right")
    func flippedBytes() throws {
        let places = try PlaceLoader.places(from: EmbeddedRecords.records(in: "places"))
        let dir = ScratchSpace.path("flipped")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let clean = dir.appendingPathComponent("clean.idx").path, damaged = dir.appendingPathComponent("damaged.idx").path
        let builder = try CompiledIndexBuilder(scratchIn: dir.path)
        for place in places { try builder.add(place) }
        try builder.write(fingerprint: 1, builtAt: 0, description: "test", to: clean)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: clean)))
        let queries = ["Alabuga", "Moscow", "Москва", "Laut Kaspia", "Alabuka", "amirabad-port", "Amirabad@IR", "Tehran", "AS"]
        let reference = Gazetteer(compiled: try CompiledIndex(path: clean))
        let expected = queries.map { outcome(reference.resolve($0)) }
        var generator = SystemRandomNumberGenerator()
        var refused = 0, repaired = 0
        // Positions in the header, the table and the data; each run flips one byte, as a bad disk block or a stray write would.
        let positions = [0, 9, 20, 100, 130, 150, 159, bytes.count - 1, bytes.count - 9] + (0..<120).map { _ in Int.random(in: 0..<bytes.count, using: &generator) }
        for position in positions {
            var copy = bytes
            copy[position] ^= UInt8.random(in: 1...255, using: &generator)
            try Data(copy).write(to: URL(fileURLWithPath: damaged))
            let file: CheckedFile
            do {
                file = try CheckedFile(path: damaged, headerSize: CompiledIndex.headerSize, repair: { clean })
            } catch {
                refused += 1  // the cache rebuilds a file that fails to open
                continue
            }
            let gazetteer = Gazetteer(compiled: try CompiledIndex(file: file))
            #expect(queries.map { outcome(gazetteer.resolve($0)) } == expected, "byte \(position)")
            for i in 0..<gazetteer.count { #expect(gazetteer.place(at: i) == reference.place(at: i), "byte \(position), place \(i)") }
            repaired += file.repairedBlocks
        }
        #expect(refused > 0)
        #expect(repaired > 0)
    }

    @Test("a country narrows a name: Amirabad@IR, 'Moscow, US', 'Москва, США'; a name not in that country suggests where it is")
    func countryQualifiers() throws {
        let gazetteer = try Gazetteer.world()
        let cases = [("Amirabad@IR", "amirabad-port"), ("Amirabad, Iran", "amirabad-port"), ("Moscow, US", "moscow-us"),
                     ("Москва, США", "moscow-us"), ("Moscow@ru", "moscow"), ("Washington, D.C.", "washington")]
        for (query, id) in cases {
            guard case .resolved(let match, _) = gazetteer.resolve(query) else { Issue.record("\(query) not resolved"); continue }
            #expect(match.place.id == id, "\(query)")
        }
        guard case .unknown(let suggestions) = gazetteer.resolve("Moscow@FR") else { Issue.record("Moscow@FR resolved"); return }
        #expect(Set(suggestions.map(\.place.country)) == ["RU", "US"])
    }
}

@Suite("Country qualifiers")
struct CountryQualifierTests {
    @Test("'@' always names a country, even where name and code together spell a place id (springfield-us)")
    func atIsAlwaysACountry() throws {
        let gazetteer = try Gazetteer.world()
        guard case .resolved(let match, let alternatives) = gazetteer.resolve("Springfield@US") else { Issue.record("not resolved"); return }
        #expect(match.place.country == "US")
        #expect(alternatives.count >= 3)
        #expect(alternatives.allSatisfy { $0.place.country == "US" })
    }
}
