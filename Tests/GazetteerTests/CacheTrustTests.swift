import Foundation
@testable import Gazetteer
import Testing

/// Each test here is one finding of issue 19 about the index cache, and fails without its fix.
@Suite("The index cache: trusted only when it can be, every failure a warning")
struct CacheTrustTests {
    /// A dump of one village, to tell indexes apart by what they answer.
    static func dump(_ id: Int, _ name: String) -> String { geonameRow(id, name, 55.0, 50.0, country: "RU") + "\n" }

    /// Resolves `name` from the cache, collecting the warnings.
    static func answer(_ name: String, sources: GazetteerSources, cache: GazetteerIndexCache) throws -> (id: String?, warnings: [String], compiled: Bool) {
        var warnings: [String] = []
        let gazetteer = try Gazetteer.indexedWorld(adding: sources, cache: cache, cacheFailed: { warnings.append($0.description) })
        guard case .resolved(let match, _) = gazetteer.resolve(name) else { return (nil, warnings, gazetteer.compiledIndex != nil) }
        return (match.place.id, warnings, gazetteer.compiledIndex != nil)
    }

    @Test("a cache folder writable by other users is refused with a warning, nothing is written in it, and the answer comes from the sources")
    func folderWritableByOthers() throws {
        let cache = temporaryCache()
        defer { try? FileManager.default.removeItem(atPath: cache.directory) }
        try FileManager.default.createDirectory(atPath: cache.directory, withIntermediateDirectories: true)
        chmod(cache.directory, 0o777)
        defer { try? FileManager.default.removeItem(atPath: cache.directory) }
        let sources = try GazetteerSources(paths: [try folder(["RU.txt": Self.dump(2_000_001, "Staroye Selo")])])
        let result = try Self.answer("Staroye Selo", sources: sources, cache: cache)
        #expect(result.id == "geonames-2000001")
        #expect(!result.compiled)
        #expect(result.warnings.first?.contains("can be written by other users (mode 777)") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.directory) == [])
    }

    @Test("an index planted in such a folder (Moscow moved 14 km) is never read")
    func plantedIndexIgnored() throws {
        let cache = temporaryCache()
        defer { try? FileManager.default.removeItem(atPath: cache.directory) }
        let sources = GazetteerSources()
        let honest = try cache.write(for: sources)
        let moscow = try #require(Gazetteer(compiled: honest).place(id: "moscow")).coordinate
        // The planter rewrites the index in a folder it can write to.
        chmod(cache.directory, 0o777)
        defer { try? FileManager.default.removeItem(atPath: cache.directory) }
        var warnings: [String] = []
        let gazetteer = try Gazetteer.indexedWorld(adding: sources, cache: cache, cacheFailed: { warnings.append($0.description) })
        #expect(gazetteer.compiledIndex == nil)
        #expect(gazetteer.place(id: "moscow")?.coordinate == moscow)
        #expect(warnings.count == 1)
    }

    @Test("a cache folder of another user's is refused (run as root, which can give the folder away)")
    func folderOfAnotherUser() throws {
        guard geteuid() == 0 else { return }
        let cache = temporaryCache()
        defer { try? FileManager.default.removeItem(atPath: cache.directory) }
        try FileManager.default.createDirectory(atPath: cache.directory, withIntermediateDirectories: true)
        chmod(cache.directory, 0o755)
        chown(cache.directory, 12_345, 12_345)
        defer { try? FileManager.default.removeItem(atPath: cache.directory) }
        let result = try Self.answer("Moscow", sources: GazetteerSources(), cache: cache)
        #expect(result.id == "moscow")
        #expect(result.warnings.first?.contains("belongs to another user (uid 12345)") == true)
    }

    @Test("a symbolic link as the cache folder is not followed")
    func symbolicLinkFolder() throws {
        let target = temporaryCache().directory, link = temporaryCache().directory
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        defer { try? FileManager.default.removeItem(atPath: target); try? FileManager.default.removeItem(atPath: link) }
        let result = try Self.answer("Moscow", sources: GazetteerSources(), cache: GazetteerIndexCache(directory: link))
        #expect(result.id == "moscow")
        #expect(result.warnings.first?.contains("symbolic link") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: target) == [])
    }

    @Test("a FIFO at the index's path does not hang the run: it is refused with a warning and left alone")
    func fifoAtIndexPath() throws {
        let cache = temporaryCache()
        defer { try? FileManager.default.removeItem(atPath: cache.directory) }
        try cache.prepare()
        defer { try? FileManager.default.removeItem(atPath: cache.directory) }
        let path = cache.path(for: GazetteerSources())
        #expect(mkfifo(path, 0o600) == 0)
        let result = try Self.answer("Moscow", sources: GazetteerSources(), cache: cache)
        #expect(result.id == "moscow")
        #expect(result.warnings.first?.contains("is a FIFO, not an index") == true)
        var status = stat()
        #expect(lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
    }

    @Test("a file in the cache folder's place, and a folder that cannot be made: warnings, and answers")
    func folderCannotBeUsed() throws {
        let file = temporaryCache().directory
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let inPlace = try Self.answer("Moscow", sources: GazetteerSources(), cache: GazetteerIndexCache(directory: file))
        #expect(inPlace.id == "moscow")
        #expect(inPlace.warnings.first?.contains("not a folder") == true)
        let below = try Self.answer("Moscow", sources: GazetteerSources(), cache: GazetteerIndexCache(directory: file + "/routemap"))
        #expect(below.id == "moscow")
        #expect(below.warnings.first?.contains("cannot make the folder: Not a directory") == true)
    }

    @Test("an existing folder that cannot be written: a warning and an answer, not a failure (as a user other than root)")
    func unwritableFolder() throws {
        let cache = temporaryCache()
        defer { try? FileManager.default.removeItem(atPath: cache.directory) }
        try cache.prepare()
        chmod(cache.directory, 0o500)
        defer { chmod(cache.directory, 0o700); try? FileManager.default.removeItem(atPath: cache.directory) }
        let result = try Self.answer("Moscow", sources: GazetteerSources(), cache: cache)
        #expect(result.id == "moscow")
        if geteuid() != 0 { #expect(result.warnings.first?.contains("Permission denied") == true) }
    }

    @Test("a small source rewritten with the same size and modification time is seen: its content is the fingerprint")
    func sameSizeAndTime() throws {
        let dir = try folder(["RU.txt": Self.dump(2_000_001, "Staroye Selo")])
        let file = (dir as NSString).appendingPathComponent("RU.txt")
        let cache = temporaryCache()
        defer { try? FileManager.default.removeItem(atPath: cache.directory) }
        defer { try? FileManager.default.removeItem(atPath: cache.directory) }
        #expect(try Self.answer("Staroye Selo", sources: try GazetteerSources(paths: [dir]), cache: cache).id == "geonames-2000001")
        let modified = try #require(try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date)
        // The same number of bytes, another place; the modification time set back.
        try Data(Self.dump(2_000_002, "Novoye Selo").utf8).write(to: URL(fileURLWithPath: file))
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: file)
        let changed = try Self.answer("Novoye Selo", sources: try GazetteerSources(paths: [dir]), cache: cache)
        #expect(changed.id == "geonames-2000002")
        #expect(changed.compiled)
    }

    @Test("a large source rewritten in place with its size and modification time kept is seen by its change time")
    func largeSourceRewritten() throws {
        let rows = (0..<12_000).map { geonameRow(3_000_000 + $0, "Derevnya \($0)", 50.0 + Double($0 % 100) / 10, 40.0, country: "RU") }
        let text = rows.joined(separator: "\n") + "\n"
        #expect(text.utf8.count > GazetteerIndexCache.contentFingerprintLimit)
        let dir = try folder(["RU.txt": text])
        let file = (dir as NSString).appendingPathComponent("RU.txt")
        let cache = temporaryCache()
        defer { try? FileManager.default.removeItem(atPath: cache.directory) }
        defer { try? FileManager.default.removeItem(atPath: cache.directory) }
        #expect(try Self.answer("Derevnya 7", sources: try GazetteerSources(paths: [dir]), cache: cache).id == "geonames-3000007")
        let modified = try #require(try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date)
        // One row renamed in place, same length: "Derevnya 7" becomes "Selishche" (padded to the same number of bytes).
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: file))
        let edited = text.replacingOccurrences(of: "\tDerevnya 7\tDerevnya 7\t", with: "\tSelishche7\tSelishche7\t")
        #expect(edited.utf8.count == text.utf8.count)
        try handle.write(contentsOf: Data(edited.utf8))
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: file)
        #expect(try Self.answer("Selishche7", sources: try GazetteerSources(paths: [dir]), cache: cache).id == "geonames-3000007")
    }

    @Test("an index whose sources are gone is removed when another is built")
    func evictsOrphans() throws {
        let cache = temporaryCache()
        defer { try? FileManager.default.removeItem(atPath: cache.directory) }
        defer { try? FileManager.default.removeItem(atPath: cache.directory) }
        let gone = try folder(["RU.txt": Self.dump(2_000_001, "Staroye Selo")])
        let goneSources = try GazetteerSources(paths: [gone])
        _ = try Self.answer("Staroye Selo", sources: goneSources, cache: cache)
        let orphan = cache.path(for: goneSources)
        #expect(FileManager.default.fileExists(atPath: orphan))
        try FileManager.default.removeItem(atPath: gone)
        let kept = try GazetteerSources(paths: [try folder(["RU.txt": Self.dump(2_000_002, "Novoye Selo")])])
        _ = try Self.answer("Novoye Selo", sources: kept, cache: cache)
        #expect(!FileManager.default.fileExists(atPath: orphan))
        #expect(FileManager.default.fileExists(atPath: cache.path(for: kept)))
    }

    @Test("a write whose final rename fails leaves no hidden copy behind")
    func failedRenameLeavesNothing() throws {
        let dir = temporaryCache().directory
        try FileManager.default.createDirectory(atPath: dir + "/index.idx/occupied", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let writer = try CheckedFileWriter(path: dir + "/index.idx", headerSize: 64)
        try writer.append(contentsOf: [UInt8](repeating: 7, count: 100_000))
        #expect(throws: GazetteerError.self) { try writer.finish(formatHeader: []) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["index.idx"])
    }

    @Test("with HOME unset, the cache is the user's home folder's (from the user database), not a guessable folder in /tmp")
    func homeUnset() throws {
        let cache = GazetteerIndexCache(environment: [:])
        let home = try #require(getpwuid(geteuid())).pointee.pw_dir.map { String(cString: $0) }
        if let home, home.hasPrefix("/"), home != "/" {
            #expect(cache.directory == home + "/.cache/routemap")
        } else {
            #expect(cache.directory == "/tmp/routemap-cache-\(geteuid())")
        }
    }
}
