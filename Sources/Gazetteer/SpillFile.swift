#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes and opens a new file `folder/.PREFIX-XXXXXX` (mkstemp); its descriptor and path, or -1 and errno set.
func makeTemporaryFile(in folder: String, prefix: String) -> (descriptor: Int32, path: String) {
    var template = Array("\(folder.isEmpty ? "." : folder)/.\(prefix)-XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    return (descriptor, String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
}

/// Writes all of `bytes` to `descriptor`, retrying short writes; 0, or the errno of the write that failed.
func writeFully(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
    var written = 0
    while written < bytes.count {
        let n = write(descriptor, bytes.baseAddress! + written, bytes.count - written)
        if n < 0 { return errno }
        written += n
    }
    return 0
}

/// A scratch file written front to back through a 1 MiB buffer, then read back or copied whole:
/// what the index builder keeps on disk instead of in memory. Its name is removed as soon as it
/// is made, so the file vanishes with its descriptor, even when the process is killed. A failed
/// write is remembered and reported by `finish()`, so callers append freely.
final class SpillFile {
    /// What it holds, for errors.
    let path: String
    /// Bytes appended so far.
    private(set) var count: UInt64 = 0
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var failure: Int32 = 0
    private static let bufferSize = 1 << 20

    /// Creates an empty, nameless file in `folder`; `name` says what it holds in errors.
    init(folder: String, name: String) throws(GazetteerError) {
        path = "\(folder)/(scratch: \(name))"
        let file = makeTemporaryFile(in: folder, prefix: "routemap-scratch")
        descriptor = file.descriptor
        guard descriptor >= 0 else { throw GazetteerError(location: folder, message: "cannot make a scratch file: \(String(cString: strerror(errno)))") }
        unlink(file.path)
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit { close(descriptor) }

    /// Appends raw bytes.
    func append(_ bytes: UnsafeRawBufferPointer) {
        count += UInt64(bytes.count)
        if buffer.count + bytes.count > Self.bufferSize { drain() }
        if bytes.count >= Self.bufferSize {
            writeAll(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Appends a string's UTF-8 bytes, with no length before them.
    func append(utf8 text: String) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Appends a fixed-width integer, little-endian.
    func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { append($0) }
    }

    /// Writes out what is buffered, and reports the first failed write.
    func finish() throws(GazetteerError) {
        drain()
        guard failure == 0 else { throw GazetteerError(location: path, message: "cannot write scratch data: \(String(cString: strerror(failure)))") }
    }

    /// Reads up to `into.count` bytes from `offset`; the number read (0 at the end).
    func read(at offset: UInt64, into target: UnsafeMutableRawBufferPointer) throws(GazetteerError) -> Int {
        let n = pread(descriptor, target.baseAddress!, target.count, off_t(offset))
        guard n >= 0 else { throw GazetteerError(location: path, message: "cannot read scratch data back: \(String(cString: strerror(errno)))") }
        return n
    }

    /// Appends the whole file to `writer`, a MiB at a time.
    func copy(to writer: CheckedFileWriter) throws(GazetteerError) {
        try finish()
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.bufferSize, alignment: 8)
        defer { block.deallocate() }
        var offset: UInt64 = 0
        while offset < count {
            let n = try read(at: offset, into: block)
            guard n > 0 else { throw GazetteerError(location: path, message: "cannot read scratch data back: it is shorter than written") }
            try writer.append(UnsafeRawBufferPointer(rebasing: block[0..<n]))
            offset += UInt64(n)
        }
    }

    private func drain() {
        buffer.withUnsafeBytes { writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) {
        if failure == 0 { failure = writeFully(descriptor, bytes) }
    }
}
