#if canImport(Glibc)
import Glibc
#endif
import TerminalSafe

/// Input that could not be read or parsed (exit 1).
public struct InputError: Error, Sendable, CustomStringConvertible {
    public let description: String

    /// An error that says `description`.
    public init(description: String) {
        self.description = description
    }
}

/// A file or stdin (`-`) read with a stated limit: whole, up to a size (`readAll`), or line by line,
/// each line up to a length (`LineReader`), so an endless or enormous input is an error that says
/// so rather than a program that grows until the system kills it.
public final class InputFile {
    /// `stdin`, or the path as given: for messages.
    public let name: String
    private let descriptor: Int32
    private let owned: Bool

    /// Opens `path`, or stdin for `-`; a missing file, a folder or one that cannot be read is an error.
    public init(path: String) throws(InputError) {
        if path == "-" {
            (name, descriptor, owned) = ("stdin", 0, false)
            return
        }
        let shown = TerminalText.excerpt(path, limit: 300)
        var status = stat()
        guard stat(path, &status) == 0 else {
            let code = errno
            throw InputError(description: code == ENOENT || code == ENOTDIR ? "cannot read '\(shown)': no such file" : "cannot read '\(shown)': \(systemReason(code))")
        }
        guard status.st_mode & S_IFMT != S_IFDIR else {
            throw InputError(description: "'\(shown)' is a directory: name the files in it, such as \(shown)/*.txt")
        }
        let descriptor = OutputFile.retrying { open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY) }
        guard descriptor >= 0 else { throw InputError(description: "cannot read '\(shown)': \(systemReason(errno))") }
        (name, self.descriptor, owned) = (path, descriptor, true)
    }

    /// Reads an open descriptor (not closed here); `name` stands for it in messages.
    public init(descriptor: Int32, name: String) {
        (self.name, self.descriptor, owned) = (name, descriptor, false)
    }

    deinit {
        if owned { close(descriptor) }
    }

    /// The name for messages, control characters escaped and cut to a sensible length.
    public var shownName: String { TerminalText.excerpt(name, limit: 300) }

    /// Reads up to `buffer.count` bytes into `buffer` from the current position; 0 at the end.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            if errno == EAGAIN {
                var poll = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                _ = Glibc.poll(&poll, 1, 1000)
                continue
            }
            throw InputError(description: "cannot read '\(shownName)': \(systemReason(errno))")
        }
    }

    /// Every byte, or an error when there are more than `limit` (`what` names the input's kind in it:
    /// "a document", "a CSV file"…), or when the input is UTF-16 or UTF-32 rather than UTF-8.
    public func readAll(limit: Int, what: String) throws(InputError) -> [UInt8] {
        var status = stat()
        var bytes: [UInt8] = []
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size > 0 {
            if Int(status.st_size) > limit { throw tooLarge(limit: limit, what: what) }
            bytes.reserveCapacity(Int(status.st_size) + 1)
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = try chunk.withUnsafeMutableBytes { raw in Result { () throws(InputError) in try read(into: raw) } }.get()
            if count == 0 { break }
            if bytes.count + count > limit { throw tooLarge(limit: limit, what: what) }
            bytes.append(contentsOf: chunk[0..<count])
        }
        if let problem = InputEncoding.problem(in: bytes, name: shownName, path: owned ? name : nil) { throw InputError(description: problem) }
        return bytes
    }

    private func tooLarge(limit: Int, what: String) -> InputError {
        InputError(description: "\(shownName): more than \(InputLimits.describe(limit)), the most routemap reads as \(what); split it into smaller files")
    }

    /// Lines of at most `maximumLength` bytes, read in blocks (see `LineReader`).
    public func lines(maximumLength: Int = InputLimits.lineLength) -> LineReader {
        LineReader(input: self, maximumLength: maximumLength)
    }
}

/// The limits routemap reads its inputs with; each error names the one it hit.
public enum InputLimits {
    /// One document for `extract` and `coverage`: 256 MiB (the geoparser runs at about 30 MB/s).
    public static let document = 256 << 20
    /// A file read whole: a CSV for `points`, an annotation file, a gazetteer record: 256 MiB.
    public static let file = 256 << 20
    /// One GeoJSON feature for `area` (the file itself is streamed): 256 MiB.
    public static let feature = 256 << 20
    /// One line of a line-by-line input (`distance --batch`, `project` on stdin): 1 MiB.
    public static let lineLength = 1 << 20
    /// Arrays and objects nested in JSON: 256 deep (GeoJSON needs 4 at most, beside its properties).
    public static let nesting = 256

    /// "256 MiB", "1 MiB", "64 KiB".
    public static func describe(_ bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : bytes >= 1 << 10 && bytes % (1 << 10) == 0 ? "\(bytes >> 10) KiB" : "\(bytes) bytes"
    }
}

/// Lines of an input, read in 1 MiB blocks with one scan per byte however long a line is: each line
/// without its `\n` (and a `\r` before it), numbered from 1; a line longer than the limit is reported
/// as such (its bytes skipped, never held) and the reader goes on after it. A UTF-8 byte-order mark
/// before the first line is dropped; UTF-16 and UTF-32 are errors that name the encoding.
public struct LineReader {
    /// A line: its bytes, or nil when it was longer than the limit (then `length` says how long it was).
    public struct Line {
        public let number: Int
        public let bytes: ArraySlice<UInt8>?
        public let length: Int
    }

    private let input: InputFile
    /// The longest line returned whole.
    public let maximumLength: Int
    private var buffer: [UInt8] = []
    /// Each read lands here first, then joins `buffer`: 16 KiB, doubled up to 1 MiB while reads fill it.
    private var chunk = [UInt8](repeating: 0, count: 1 << 14)
    /// Where the unread part of `buffer` starts, and how far it has been searched for a newline.
    private var start = 0, scanned = 0
    private var finished = false
    private var lineNumber = 0
    private var first = true

    init(input: InputFile, maximumLength: Int) {
        self.input = input
        self.maximumLength = maximumLength
    }

    /// The input's name, for messages.
    public var name: String { input.shownName }

    /// Whether `next()` can answer without reading more: a whole line is held, or the input has
    /// ended. A reader that hands lines on in blocks sends its block when not, so that a line
    /// written to a pipe is answered without waiting for the next.
    public var hasBufferedLine: Bool { finished || buffer[scanned...].contains(0x0A) }

    /// The next line, or nil at the end.
    public mutating func next() throws(InputError) -> Line? {
        var skipped = 0  // bytes of a too-long line already dropped
        while true {
            if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
                lineNumber += 1
                defer { start = newline + 1; scanned = start }
                if skipped > 0 || newline - start > maximumLength {
                    return Line(number: lineNumber, bytes: nil, length: skipped + newline - start)
                }
                var end = newline
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                return Line(number: lineNumber, bytes: buffer[start..<end], length: end - start)
            }
            scanned = buffer.count
            if buffer.count - start > maximumLength {
                // Too long already: drop what is held and keep counting until its end.
                skipped += buffer.count - start
                buffer.removeAll(keepingCapacity: true)
                (start, scanned) = (0, 0)
            }
            if finished {
                guard start < buffer.count || skipped > 0 else { return nil }
                lineNumber += 1
                defer { start = buffer.count; scanned = start }
                if skipped > 0 || buffer.count - start > maximumLength {
                    return Line(number: lineNumber, bytes: nil, length: skipped + buffer.count - start)
                }
                var end = buffer.count
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                return Line(number: lineNumber, bytes: buffer[start..<end], length: end - start)
            }
            try fill()
        }
    }

    /// Reads the next block, first dropping the lines already returned; the first read looks at the encoding.
    private mutating func fill() throws(InputError) {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            scanned -= start
            start = 0
        }
        repeat {
            let count = try chunk.withUnsafeMutableBytes { raw in Result { () throws(InputError) in try input.read(into: raw) } }.get()
            buffer.append(contentsOf: chunk[0..<count])
            if count == chunk.count, chunk.count < 1 << 20 { chunk += repeatElement(0, count: chunk.count) }
            if count == 0 { finished = true }
        } while first && buffer.count < 4 && !finished
        if first {
            first = false
            if let problem = InputEncoding.problem(in: buffer, name: input.shownName, path: nil) { throw InputError(description: problem) }
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3; scanned = 3 }
        }
    }
}
