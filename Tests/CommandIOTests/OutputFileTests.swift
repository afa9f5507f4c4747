import CommandIO
import Foundation
import Testing
import TestScratch

/// A fresh folder for one test.
func scratchFolder() throws -> String {
    let url = ScratchSpace.path("commandio")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}

func contents(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
}

func status(_ path: String, following: Bool = false) -> stat {
    var s = stat()
    _ = following ? stat(path, &s) : lstat(path, &s)
    return s
}

@Suite("OutputFile: files written whole, links followed, devices and pipes written through")
struct OutputFileTests {
    @Test("a new file appears only on commit, with the umask's mode, and nothing else is left", arguments: [true, false])
    func newFile(nameless: Bool) throws {
        let folder = try scratchFolder()
        let path = folder + "/out.geojson"
        let file = try OutputFile(path: path, nameless: nameless)
        try file.write(Array("hello ".utf8))
        try file.line("world")
        #expect(!FileManager.default.fileExists(atPath: path), "visible before commit")
        try file.commit()
        #expect(contents(path) == "hello world\n")
        let mask = umask(0); umask(mask)
        #expect(status(path).st_mode & 0o777 == 0o666 & ~mask)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.geojson"])
    }

    @Test("an output never committed leaves nothing, and the old file stays as it was", arguments: [true, false])
    func abandoned(nameless: Bool) throws {
        let folder = try scratchFolder()
        try "old".write(toFile: folder + "/kept.txt", atomically: false, encoding: .utf8)
        do {
            let file = try OutputFile(path: folder + "/kept.txt", nameless: nameless)
            try file.write(Array(repeating: 0x41, count: 300_000))
            let other = try OutputFile(path: folder + "/new.txt", nameless: nameless)
            try other.write([0x42])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["kept.txt"])
        #expect(contents(folder + "/kept.txt") == "old")
    }

    @Test("a replaced file keeps its mode (0600) and, as root, its owner")
    func keepsModeAndOwner() throws {
        let folder = try scratchFolder()
        let path = folder + "/private.geojson"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o600)
        if geteuid() == 0 { chown(path, 65534, 65534) }
        try OutputFile.write(Array("new".utf8), to: path)
        #expect(contents(path) == "new")
        #expect(status(path).st_mode & 0o7777 == 0o600)
        if geteuid() == 0 { #expect(status(path).st_uid == 65534 && status(path).st_gid == 65534) }
    }

    @Test("a symbolic link is followed to its target (relative, through another folder, chained); the link stays a link")
    func symlinks() throws {
        let folder = try scratchFolder()
        try FileManager.default.createDirectory(atPath: folder + "/data", withIntermediateDirectories: true)
        try "old".write(toFile: folder + "/data/real.geojson", atomically: false, encoding: .utf8)
        symlink("data/real.geojson", folder + "/link1")
        symlink(folder + "/link1", folder + "/link2")
        symlink("data/missing.geojson", folder + "/dangling")
        try OutputFile.write(Array("through two links".utf8), to: folder + "/link2")
        #expect(contents(folder + "/data/real.geojson") == "through two links")
        #expect(status(folder + "/link1").st_mode & S_IFMT == S_IFLNK)
        #expect(status(folder + "/link2").st_mode & S_IFMT == S_IFLNK)
        try OutputFile.write(Array("made".utf8), to: folder + "/dangling")
        #expect(contents(folder + "/data/missing.geojson") == "made")
        #expect(status(folder + "/dangling").st_mode & S_IFMT == S_IFLNK)
        symlink("loop-b", folder + "/loop-a")
        symlink("loop-a", folder + "/loop-b")
        #expect(throws: OutputError.self) { try OutputFile(path: folder + "/loop-a") }
    }

    @Test("/dev/null stays a device and a FIFO stays a FIFO: both are written through")
    func specialFiles() throws {
        try OutputFile.write(Array("gone".utf8), to: "/dev/null")
        #expect(status("/dev/null").st_mode & S_IFMT == S_IFCHR)
        let folder = try scratchFolder()
        let fifo = folder + "/pipe"
        #expect(mkfifo(fifo, 0o644) == 0)
        nonisolated(unsafe) var received = Data()
        let reader = Thread {
            let descriptor = open(fifo, O_RDONLY)
            var buffer = [UInt8](repeating: 0, count: 4096)
            while case let count = read(descriptor, &buffer, buffer.count), count > 0 { received.append(contentsOf: buffer.prefix(count)) }
            close(descriptor)
        }
        reader.start()
        try OutputFile.write(Array("through the fifo".utf8), to: fifo)
        while !reader.isFinished { usleep(10_000) }
        #expect(String(decoding: received, as: UTF8.self) == "through the fifo")
        #expect(status(fifo).st_mode & S_IFMT == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["pipe"])
    }

    @Test("/dev/fd/N and /proc/self/fd/N write to the open descriptor (as /dev/stdout and >(…) name them)")
    func descriptors() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        try OutputFile.write(Array("one ".utf8), to: "/dev/fd/\(ends[1])")
        try OutputFile.write(Array("two".utf8), to: "/proc/self/fd/\(ends[1])")
        close(ends[1])
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(ends[0], &buffer, 64)
        close(ends[0])
        #expect(String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self) == "one two")
    }

    @Test("a 250-byte file name works (no temporary name is made from it)")
    func longName() throws {
        let folder = try scratchFolder()
        let path = folder + "/" + String(repeating: "n", count: 242) + ".geojson"
        try OutputFile.write(Array("{}".utf8), to: path)
        #expect(contents(path) == "{}")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 1)
    }

    @Test("a full device is an error on write or commit, naming the path and the system's reason")
    func fullDevice() throws {
        let file = try OutputFile(path: "/dev/full")
        let error = #expect(throws: OutputError.self) {
            try file.write(Array(repeating: 0x41, count: 1 << 17))
            try file.commit()
        }
        #expect(error?.description == "cannot write '/dev/full': No space left on device")
    }

    @Test("what is not a place to write is refused, with how to fix it")
    func refused() throws {
        let folder = try scratchFolder()
        #expect(throws: OutputError.self) { try OutputFile(path: folder) }
        let missing = #expect(throws: OutputError.self) { try OutputFile(path: folder + "/no/such/out.json") }
        #expect(missing?.reason == "the directory \(folder)/no/such does not exist; create it first (mkdir -p \(folder)/no/such)")
        #expect(throws: OutputError.self) { try OutputFile(path: "") }
    }

    @Test("a staging path is renamed into place on commit, and removed when never committed")
    func staging() throws {
        let folder = try scratchFolder()
        let path = folder + "/out.gpkg"
        let file = try OutputFile(path: path)
        let staged = try file.stagingPath()
        #expect(staged.hasPrefix(folder + "/"))
        try "sqlite bytes".write(toFile: staged, atomically: false, encoding: .utf8)
        try file.commit()
        #expect(contents(path) == "sqlite bytes")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.gpkg"])
        var abandoned: String = ""
        do {
            let other = try OutputFile(path: folder + "/other.gpkg")
            abandoned = try other.stagingPath()
            try "half".write(toFile: abandoned, atomically: false, encoding: .utf8)
        }
        #expect(!FileManager.default.fileExists(atPath: abandoned))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.gpkg"])
    }
}
