#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// A compiled file read in checked blocks: the gazetteer index and the name automaton beside it.
///
/// Layout: a header of `headerSize` bytes, whose last 32 are this type's trailer (where the
/// checksum table starts, the block size, the table's checksum and the header's own checksum); the
/// data; the checksum table (one `BlockChecksum` per block of data after the header).
///
/// Opening reads and checks the header and the table only, so it costs the same for a 20 MB file
/// and a 4 GB one. Data is not mapped from the file: each block is read (`pread`) into private
/// memory the first time it is used and checked against its checksum there, so a byte flipped on
/// disk is never used, and a file cut short while routemap reads it cannot kill the process with
/// SIGBUS as a mapped one would. A block that fails is handed to `repair` (which rebuilds the file
/// from its sources, byte for byte the same), or routemap stops with `unrecoverable`'s message.
public final class CheckedFile: @unchecked Sendable {
    /// The file it reads, or a description of the memory it holds.
    public let path: String
    /// Header and data bytes (the checksum table excluded).
    public let count: Int
    /// Header bytes, the first `headerSize - 32` of which are the format's own.
    public let headerSize: Int
    /// The checksum of the checksum table: a digest of all the data, the same for the same bytes however often rebuilt.
    public let contentChecksum: UInt64
    /// The file's size on disk, the table included.
    public let fileSize: Int
    /// The data: `count` bytes, each block filled in when first asked for; read a range only after `ensure` said yes.
    public let base: UnsafeMutableRawPointer
    @usableFromInline let blockShift: Int
    /// Per block: 1 once read and checked.
    @usableFromInline let loaded: UnsafeMutablePointer<Atomic<UInt8>>
    @usableFromInline let blockCount: Int
    private let checksums: [UInt64]
    private var descriptor: Int32
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    /// Rebuilds the file and returns the path of the rebuilt copy (same bytes but the header); nil when it cannot.
    private let repair: (@Sendable () -> String?)?
    /// Set once a block has been repaired, for the caller's report.
    public private(set) var repairedBlocks = 0

    /// Where `CheckedFile` and the cache say what they repair (a damaged block rebuilt); the CLI prints it as a warning.
    nonisolated(unsafe) public static var report: @Sendable (String) -> Void = { message in
        // write(2), not FileHandle: a closed stderr must not crash the process that reports.
        let line = Array("warning: \(message)\n".utf8)
        _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }

    /// How `CheckedFile` stops routemap when a block is damaged and cannot be repaired; the CLI
    /// prints the message and exits 1. Set once, before any file is opened.
    nonisolated(unsafe) public static var unrecoverable: @Sendable (String) -> Never = { message in fatalError(message) }

    /// The blocks' size: 4 KiB (a page), small enough that reading and checking one costs about a microsecond.
    public static let defaultBlockShift = 12
    /// Bytes of the trailer at the end of every header.
    public static let trailerSize = 32

    /// What can be wrong with a file before any of its data is read.
    public enum OpenError: Error, Sendable, CustomStringConvertible {
        /// No file there.
        case missing
        /// A FIFO, a device, a folder or a symbolic link where a file should be.
        case notRegular(String)
        /// Another user's file.
        case foreignOwner(UInt32)
        /// Too short, wrong length, or a header or table that fails its checksum.
        case damaged(String)
        /// Anything else the system said.
        case system(String)

        public var description: String {
            switch self {
            case .missing: "no such file"
            case .notRegular(let what): "it is \(what), not a regular file"
            case .foreignOwner(let uid): "it belongs to another user (uid \(uid))"
            case .damaged(let why): "it is damaged: \(why)"
            case .system(let why): why
            }
        }
    }

    /// Opens `path` (never following a symbolic link, never waiting on a FIFO) and checks its header and
    /// checksum table; `owner`, when given, must own it. `repair` is called for a block that fails.
    public init(path: String, headerSize: Int, owner: UInt32? = nil, repair: (@Sendable () -> String?)? = nil) throws(OpenError) {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            switch errno {
            case ENOENT: throw .missing
            case ELOOP: throw .notRegular("a symbolic link")
            default: throw .system(String(cString: strerror(errno)))
            }
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            close(descriptor)
            throw .system(String(cString: strerror(errno)))
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw .notRegular(Self.describe(mode: status.st_mode))
        }
        if let owner, status.st_uid != owner {
            close(descriptor)
            throw .foreignOwner(status.st_uid)
        }
        let size = Int(status.st_size)
        func fail(_ reason: String) -> OpenError {
            close(descriptor)
            return .damaged(reason)
        }
        guard size >= headerSize, headerSize >= Self.trailerSize else { throw fail("it is \(size) bytes, shorter than its header") }
        var header = [UInt8](repeating: 0, count: headerSize)
        guard header.withUnsafeMutableBytes({ Self.readFully(descriptor, into: $0, at: 0) }) else { throw fail("its header cannot be read") }
        let trailer = Trailer(header)
        guard header.withUnsafeBytes({ BlockChecksum.of(UnsafeRawBufferPointer(rebasing: $0[0..<headerSize - 8])) }) == trailer.headerChecksum else {
            throw fail("its header fails its checksum")
        }
        guard (10...24).contains(trailer.blockShift), trailer.dataEnd >= headerSize, trailer.dataEnd <= size else {
            throw fail("its header gives impossible sizes")
        }
        let blockCount = (trailer.dataEnd - headerSize + (1 << trailer.blockShift) - 1) >> trailer.blockShift
        guard size == trailer.dataEnd + blockCount * 8 else {
            throw fail("it is \(size) bytes, not the \(trailer.dataEnd + blockCount * 8) its header gives")
        }
        var table = [UInt64](repeating: 0, count: blockCount)
        guard table.withUnsafeMutableBytes({ Self.readFully(descriptor, into: $0, at: trailer.dataEnd) }),
              table.withUnsafeBytes({ BlockChecksum.of($0) }) == trailer.tableChecksum else {
            throw fail("its checksum table fails its checksum")
        }
        guard let region = mmap(nil, max(trailer.dataEnd, 1), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0),
              region != MAP_FAILED else {
            close(descriptor)
            throw .system("cannot reserve memory for it: \(String(cString: strerror(errno)))")
        }
        header.withUnsafeBytes { region.copyMemory(from: $0.baseAddress!, byteCount: headerSize) }
        self.path = path
        self.descriptor = descriptor
        self.count = trailer.dataEnd
        self.headerSize = headerSize
        self.base = region
        self.blockShift = trailer.blockShift
        self.blockCount = blockCount
        self.checksums = table.map { UInt64(littleEndian: $0) }
        self.contentChecksum = trailer.tableChecksum
        self.fileSize = size
        self.repair = repair
        loaded = .allocate(capacity: max(blockCount, 1))
        for b in 0..<max(blockCount, 1) { (loaded + b).initialize(to: Atomic(0)) }
        pthread_mutex_init(mutex, nil)
    }

    /// Bytes already in memory (an automaton built for a gazetteer held in memory): nothing to read or check.
    public init(memory bytes: [UInt8], headerSize: Int, description: String) {
        path = description
        descriptor = -1
        count = bytes.count
        self.headerSize = headerSize
        let copy = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { if let source = $0.baseAddress { copy.copyMemory(from: source, byteCount: $0.count) } }
        base = copy
        blockShift = 62
        blockCount = 1
        checksums = []
        contentChecksum = bytes.withUnsafeBytes { BlockChecksum.of($0) }
        fileSize = bytes.count
        repair = nil
        loaded = .allocate(capacity: 1)
        loaded.initialize(to: Atomic(1))
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        if descriptor >= 0 {
            munmap(base, max(count, 1))
            close(descriptor)
        } else {
            base.deallocate()
        }
        loaded.deinitialize(count: max(blockCount, 1))
        loaded.deallocate()
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// The format's own header bytes (the trailer excluded).
    public var formatHeader: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: headerSize - Self.trailerSize) }

    /// Makes sure `offset..<offset + length` is read and checked; false when it lies outside the data.
    @inlinable @inline(__always)
    public func ensure(_ offset: Int, _ length: Int) -> Bool {
        guard offset >= 0, length >= 0, offset <= count - length else { return false }
        if offset + length <= headerSize { return true }
        let first = max(offset - headerSize, 0) >> blockShift, last = (offset + length - 1 - headerSize) >> blockShift
        if first == last {
            if loaded[first].load(ordering: .acquiring) == 0 { load(first) }
        } else {
            for block in first...last where loaded[block].load(ordering: .acquiring) == 0 { load(block) }
        }
        return true
    }

    /// The bytes at `offset..<offset + length`, read and checked; empty when they lie outside the data.
    @inlinable @inline(__always)
    public func bytes(at offset: Int, count length: Int) -> UnsafeRawBufferPointer {
        guard ensure(offset, length) else { return UnsafeRawBufferPointer(start: base, count: 0) }
        return UnsafeRawBufferPointer(start: base + offset, count: length)
    }

    /// A little-endian integer at `offset`; 0 outside the data.
    @inlinable @inline(__always)
    public func load<T: FixedWidthInteger>(_ offset: Int, as type: T.Type) -> T {
        guard ensure(offset, MemoryLayout<T>.size) else { return 0 }
        return T(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset, as: T.self))
    }

    /// Reads and checks every block: for work that will visit most of the file anyway.
    public func loadAll() {
        for block in 0..<blockCount where loaded[block].load(ordering: .acquiring) == 0 { load(block) }
    }

    /// Reads block `block` into memory and checks it, once, whichever thread asks first.
    @usableFromInline
    func load(_ block: Int) {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        guard loaded[block].load(ordering: .acquiring) == 0 else { return }
        let start = headerSize + block << blockShift
        let target = UnsafeMutableRawBufferPointer(start: base + start, count: min(1 << blockShift, count - start))
        if !(Self.readFully(descriptor, into: target, at: start) && BlockChecksum.of(UnsafeRawBufferPointer(target)) == checksums[block]) {
            repairBlock(block, into: target)
        }
        loaded[block].store(1, ordering: .releasing)
    }

    /// A block failed: rebuild the file and take the block from the copy, which must pass; otherwise stop.
    private func repairBlock(_ block: Int, into target: UnsafeMutableRawBufferPointer) {
        let where_ = "bytes \(headerSize + block << blockShift)–\(headerSize + block << blockShift + target.count)"
        guard let repair, let rebuilt = repair() else {
            Self.unrecoverable("\(path): the compiled file is damaged (\(where_) fail their checksum) and cannot be rebuilt here; delete it and run again, or run `routemap gazetteer build --force`")
        }
        let fresh = open(rebuilt, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fresh >= 0, Self.readFully(fresh, into: target, at: headerSize + block << blockShift),
              BlockChecksum.of(UnsafeRawBufferPointer(target)) == checksums[block] else {
            if fresh >= 0 { close(fresh) }
            Self.unrecoverable("\(path): the compiled file changed while routemap was reading it (\(where_) differ); run the command again")
        }
        close(descriptor)
        descriptor = fresh
        repairedBlocks += 1
    }

    /// `pread` until `target` is full; false on an error or a short file.
    static func readFully(_ descriptor: Int32, into target: UnsafeMutableRawBufferPointer, at offset: Int) -> Bool {
        var done = 0
        while done < target.count {
            let n = pread(descriptor, target.baseAddress! + done, target.count - done, off_t(offset + done))
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return false }
            done += n
        }
        return true
    }

    static func describe(mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO"
        case S_IFDIR: "a folder"
        case S_IFLNK: "a symbolic link"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
    }

    /// The last 32 bytes of a header.
    struct Trailer {
        var dataEnd: Int
        var blockShift: Int
        var tableChecksum: UInt64
        var headerChecksum: UInt64

        init(_ header: [UInt8]) {
            let at = header.count - CheckedFile.trailerSize
            func u64(_ offset: Int) -> UInt64 { header.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: at + offset, as: UInt64.self)) } }
            dataEnd = Int(truncatingIfNeeded: min(u64(0), UInt64(Int.max)))
            blockShift = Int(u64(8) & 0xFFFF_FFFF)
            tableChecksum = u64(16)
            headerChecksum = u64(24)
        }
    }
}

/// A 64-bit checksum, eight bytes at a time. Each word goes in through a bijection (xor, multiply
/// by an odd number, xor-shift), so changing any one word always changes the sum; it runs at a few
/// GB/s, so a 16 KiB block is checked in microseconds.
public enum BlockChecksum {
    /// The checksum of `bytes`.
    public static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        let n = bytes.count
        var i = 0
        while i + 8 <= n {
            h = mix(h ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            for k in 0..<(n - i) { tail |= UInt64(bytes[i + k]) << UInt64(8 * k) }
            h = mix(h ^ tail)
        }
        return h
    }

    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var h = x &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 32
        return h
    }
}
