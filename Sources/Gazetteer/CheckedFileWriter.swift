#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a `CheckedFile` front to back: a placeholder header, the data (a checksum per block is
/// computed as it goes by), the checksum table, then the real header with its trailer.
///
/// A file is written nameless beside its path (Linux's O_TMPFILE; elsewhere under a hidden
/// temporary name) and named only when whole, so no reader ever sees half of it and a failed or
/// killed write leaves nothing behind. In memory, `finish` returns the bytes instead.
public final class CheckedFileWriter {
    /// Bytes written so far, header included: the offset the next byte will have.
    public private(set) var count: Int
    private let headerSize: Int
    private let blockShift: Int
    private var block: [UInt8] = []
    private var checksums: [UInt64] = []
    private var memory: [UInt8]?
    private let path: String
    private var descriptor: Int32 = -1
    private var temporary = ""
    private var nameless = false

    /// A writer for the file at `path` (made when `finish` succeeds), with a header of `headerSize` bytes.
    public init(path: String, headerSize: Int, blockShift: Int = CheckedFile.defaultBlockShift) throws(GazetteerError) {
        self.path = path
        self.headerSize = headerSize
        self.blockShift = blockShift
        count = headerSize
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let directory = path.hasPrefix("/") && folder.isEmpty ? "/" : (folder.isEmpty ? "." : folder)
        // O_TMPFILE is a composite macro Swift does not import; this is its value on Linux (asm-generic and x86).
        descriptor = open(directory, 0o20000000 | O_DIRECTORY | O_RDWR | O_CLOEXEC, 0o600)
        nameless = descriptor >= 0
        if !nameless { (descriptor, temporary) = makeTemporaryFile(in: directory, prefix: "gazetteer") }
        guard descriptor >= 0 else { throw GazetteerError(location: path, message: "cannot create a temporary file beside it: \(String(cString: strerror(errno)))") }
        block.reserveCapacity(1 << blockShift)
        let failed = [UInt8](repeating: 0, count: headerSize).withUnsafeBytes { writeFully(descriptor, $0) }
        guard failed == 0 else { throw writeError(failed) }
    }

    /// A writer that keeps the file in memory.
    public init(inMemoryWithHeaderSize headerSize: Int, blockShift: Int = CheckedFile.defaultBlockShift) {
        path = "(memory)"
        self.headerSize = headerSize
        self.blockShift = blockShift
        count = headerSize
        memory = [UInt8](repeating: 0, count: headerSize)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        if !temporary.isEmpty { unlink(temporary) }
    }

    /// Appends bytes.
    public func append(_ bytes: UnsafeRawBufferPointer) throws(GazetteerError) {
        count += bytes.count
        if memory != nil {
            memory!.append(contentsOf: bytes)
            return
        }
        var rest = bytes
        let size = 1 << blockShift
        while !rest.isEmpty {
            let take = min(size - block.count, rest.count)
            block.append(contentsOf: UnsafeRawBufferPointer(rebasing: rest[0..<take]))
            rest = UnsafeRawBufferPointer(rebasing: rest[take...])
            if block.count == size { try flushBlock() }
        }
    }

    /// Appends a fixed-width integer, little-endian.
    public func append<T: FixedWidthInteger & BitwiseCopyable>(_ value: T) throws(GazetteerError) {
        try append(contentsOf: [value.littleEndian])
    }

    /// Appends the bytes of an array of plain values (integers in the machine's order: little-endian here).
    public func append<T: BitwiseCopyable>(contentsOf array: [T]) throws(GazetteerError) {
        var failure: GazetteerError?
        array.withUnsafeBytes { raw in
            do throws(GazetteerError) { try append(raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Appends a string's UTF-8 bytes, with no length before them.
    public func append(utf8 text: String) throws(GazetteerError) {
        try append(contentsOf: Array(text.utf8))
    }

    /// Appends zeros up to the next multiple of `alignment`.
    public func pad(toMultipleOf alignment: Int) throws(GazetteerError) {
        try append(contentsOf: [UInt8](repeating: 0, count: (alignment - count % alignment) % alignment))
    }

    /// Writes the checksum table and `formatHeader` (at most `headerSize - 32` bytes), then names the
    /// file; returns the bytes instead when writing to memory. The writer is spent afterwards.
    @discardableResult
    public func finish(formatHeader: [UInt8]) throws(GazetteerError) -> [UInt8]? {
        precondition(formatHeader.count <= headerSize - CheckedFile.trailerSize)
        if var bytes = memory {
            let header = trailer(formatHeader, dataEnd: bytes.count, table: [])
            bytes.replaceSubrange(0..<headerSize, with: header)
            return bytes
        }
        if !block.isEmpty { try flushBlock() }
        let dataEnd = count
        let table = checksums.map(\.littleEndian)
        let tableFailed = table.withUnsafeBytes { writeFully(descriptor, $0) }
        guard tableFailed == 0 else { throw writeError(tableFailed) }
        let header = trailer(formatHeader, dataEnd: dataEnd, table: table)
        let failed = header.withUnsafeBytes { raw -> Int32 in
            var done = 0
            while done < raw.count {
                let n = pwrite(descriptor, raw.baseAddress! + done, raw.count - done, off_t(done))
                if n < 0 { return errno }
                done += n
            }
            return 0
        }
        guard failed == 0 else { throw writeError(failed) }
        guard fchmod(descriptor, 0o644) == 0, fsync(descriptor) == 0 else { throw writeError(errno) }
        let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        if nameless {
            // The finished file gets a name of its own (random, so concurrent builds never share one), then the real one.
            let name = "\(directory.isEmpty ? "." : directory)/.gazetteer-\(String(UInt64.random(in: 0...UInt64.max), radix: 36))"
            guard linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0 else { throw writeError(errno) }
            temporary = name
        }
        guard rename(temporary, path) == 0 else {
            // The temporary name goes at once: a failed rename never leaks a whole file.
            throw writeError(errno)
        }
        temporary = ""
        return nil
    }

    /// The header: the format's bytes, zeros, then the trailer with both checksums.
    private func trailer(_ formatHeader: [UInt8], dataEnd: Int, table: [UInt64]) -> [UInt8] {
        var header = formatHeader + [UInt8](repeating: 0, count: headerSize - CheckedFile.trailerSize - formatHeader.count)
        func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { header.append(contentsOf: $0) } }
        u64(UInt64(dataEnd))
        u64(UInt64(blockShift))
        u64(table.withUnsafeBytes { BlockChecksum.of($0) })
        u64(header.withUnsafeBytes { BlockChecksum.of($0) })
        return header
    }

    private func flushBlock() throws(GazetteerError) {
        checksums.append(block.withUnsafeBytes { BlockChecksum.of($0) })
        let failed = block.withUnsafeBytes { writeFully(descriptor, $0) }
        guard failed == 0 else { throw writeError(failed) }
        block.removeAll(keepingCapacity: true)
    }

    /// The error for a failed write, the temporary file removed at once: a failure never leaks a whole file.
    private func writeError(_ code: Int32) -> GazetteerError {
        if !temporary.isEmpty {
            unlink(temporary)
            temporary = ""
        }
        return GazetteerError(location: path, message: "cannot write: \(String(cString: strerror(code)))")
    }
}
