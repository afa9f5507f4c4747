#if canImport(Glibc)
import Glibc
#endif
import TerminalSafe
import Synchronization

/// Everything routemap writes, to stdout or to a file, goes through one of these, so a failed write
/// is always an error (exit 1), never lost.
///
/// Write with `write(_:)` (or `line(_:)` for text for people), then `commit()`. What the path names
/// decides how:
/// - `-` or nil: stdout.
/// - a regular file, or nothing yet: written nameless beside it (Linux's O_TMPFILE), fsynced, and
///   only on `commit()` linked in under its name, so no reader ever sees half a file and a failure
///   or a kill leaves nothing; a file it replaces keeps its mode and, where the system allows, its
///   owner. Where the file system has no nameless files, a hidden temporary name is used instead
///   (removed on failure and on Ctrl-C, SIGTERM, SIGHUP).
/// - a symbolic link: followed to its target, which is written as above; the link stays.
/// - anything else that exists (`/dev/stdout`, `/dev/null`, a terminal, a FIFO, a device,
///   `>(…)`'s `/dev/fd/63`): written straight through, never replaced.
///
/// An output that is never committed removes what it made.
public final class OutputFile {
    /// How the bytes reach their destination.
    private enum Destination {
        case standardOutput
        /// A descriptor written through; `owned` ones are closed on commit.
        case through(descriptor: Int32, owned: Bool)
        /// A file made whole beside `path` and linked or renamed there on commit.
        case atomic(descriptor: Int32, path: String, directory: String, replacing: stat?, temporary: String?)
    }

    /// The path as the user named it (nil for stdout), for messages.
    public let path: String?
    private var destination: Destination
    private var buffer: [UInt8] = []
    private var failure: OutputError?
    private var committed = false
    private var cleanupTokens: [Int] = []
    private var staged: String?

    /// Bytes gathered before a write(2); larger writes go straight through.
    static let bufferSize = 1 << 16

    /// The first write to stdout that failed, so the program exits 1 with it even if a command missed the error.
    public static let standardOutputFailure = Mutex<OutputError?>(nil)

    /// Opens `path` for writing, or stdout when `path` is nil or `-`.
    public convenience init(path: String?) throws(OutputError) {
        try self.init(path: path, nameless: true)
    }

    /// Opens `path`; `nameless: false` uses a hidden temporary name even where O_TMPFILE works (for tests of that fallback).
    public init(path: String?, nameless: Bool) throws(OutputError) {
        self.path = path == "-" ? nil : path
        guard let path, path != "-" else {
            destination = .standardOutput
            return
        }
        switch try OutputTarget.resolve(path) {
        case .descriptor(let number):
            let copy = fcntl(number, F_DUPFD_CLOEXEC, 3)
            guard copy >= 0 else { throw OutputError(path: path, reason: systemReason(errno)) }
            destination = .through(descriptor: copy, owned: true)
        case .special(let target):
            let descriptor = Self.retrying { open(target, O_WRONLY | O_NOCTTY | O_CLOEXEC) }
            guard descriptor >= 0 else { throw OutputError(path: path, reason: systemReason(errno)) }
            destination = .through(descriptor: descriptor, owned: true)
        case .replace(let target, let directory, let status):
            destination = try Self.beginAtomic(path: path, target: target, directory: directory, replacing: status, nameless: nameless)
        case .create(let target, let directory):
            destination = try Self.beginAtomic(path: path, target: target, directory: directory, replacing: nil, nameless: nameless)
        }
        if case .atomic(_, _, _, _, let temporary?) = destination, let token = InterruptCleanup.remove(onInterrupt: temporary) {
            cleanupTokens.append(token)
        }
    }

    /// A nameless file in `directory` (or, without O_TMPFILE, a hidden temporary name there).
    private static func beginAtomic(path: String, target: String, directory: String, replacing: stat?, nameless: Bool) throws(OutputError) -> Destination {
        // O_TMPFILE is a composite macro Swift does not import; this is its value on Linux (asm-generic and x86).
        let tmpfile: Int32 = 0o20000000 | O_DIRECTORY
        if nameless, access("/proc/self/fd", X_OK) == 0 {
            let descriptor = retrying { open(directory, tmpfile | O_RDWR | O_CLOEXEC, 0o666) }
            if descriptor >= 0 {
                return .atomic(descriptor: descriptor, path: target, directory: directory, replacing: replacing, temporary: nil)
            }
            let code = errno
            // EACCES, EROFS, ENOSPC…: the folder refuses any file. EOPNOTSUPP, EISDIR, EINVAL: no nameless files here.
            if [EACCES, EPERM, EROFS, ENOSPC, EDQUOT, ENOENT, ENOTDIR].contains(code) {
                throw OutputError(path: path, reason: "cannot create a file in \(directory): \(systemReason(code))")
            }
        }
        let (descriptor, temporary) = makeTemporaryFile(in: directory)
        guard descriptor >= 0 else { throw OutputError(path: path, reason: "cannot create a file in \(directory): \(systemReason(errno))") }
        return .atomic(descriptor: descriptor, path: target, directory: directory, replacing: replacing, temporary: temporary)
    }

    /// A new empty file under a random hidden name in `directory`: its descriptor (-1 on failure, errno set) and path.
    static func makeTemporaryFile(in directory: String, mode: mode_t = 0o666) -> (Int32, String) {
        for _ in 0..<16 {
            let name = OutputTarget.join(directory, ".routemap-\(String(UInt64.random(in: 0...UInt64.max), radix: 36))")
            let descriptor = retrying { open(name, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode) }
            if descriptor >= 0 || errno != EEXIST { return (descriptor, name) }
        }
        return (-1, "")
    }

    /// Writes all of `bytes` (buffered; see `commit`).
    public func write(_ bytes: [UInt8]) throws(OutputError) {
        try bytes.withUnsafeBufferPointer { (pointer) throws(OutputError) in try write(pointer) }
    }

    /// Writes the UTF-8 of `text` as it is (for JSON and other formats that escape their own text).
    public func write(utf8 text: String) throws(OutputError) {
        var text = text
        try text.withUTF8 { pointer in Result { () throws(OutputError) in try write(pointer) } }.get()
    }

    /// Writes a line of text for people, with its control characters escaped (`TerminalText`), and a newline.
    public func line(_ text: String) throws(OutputError) {
        try write(utf8: TerminalText.escaped(text) + "\n")
    }

    /// Writes all of `bytes`.
    public func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(OutputError) {
        if let failure { throw failure }
        guard staged == nil else { throw OutputError(path: path ?? "stdout", reason: "written through a staging path; write(_:) cannot be mixed with it") }
        if buffer.count + bytes.count <= Self.bufferSize {
            buffer.append(contentsOf: bytes)
            return
        }
        try flush()
        if bytes.count >= Self.bufferSize {
            try send(UnsafeRawBufferPointer(bytes))
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Sends what is buffered.
    public func flush() throws(OutputError) {
        if let failure { throw failure }
        guard !buffer.isEmpty else { return }
        let pending = buffer
        buffer.removeAll(keepingCapacity: true)
        try pending.withUnsafeBytes { raw in Result { () throws(OutputError) in try send(raw) } }.get()
    }

    private var descriptor: Int32 {
        switch destination {
        case .standardOutput: 1
        case .through(let descriptor, _): descriptor
        case .atomic(let descriptor, _, _, _, _): descriptor
        }
    }

    /// write(2) until every byte is out; a failure is kept, so every later write and the commit fail too.
    private func send(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        guard var pointer = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let written = Glibc.write(descriptor, pointer, min(left, 1 << 30))
            if written < 0 {
                let code = errno
                if code == EINTR || code == EAGAIN {
                    if code == EAGAIN { waitUntilWritable() }
                    continue
                }
                throw fail(code)
            }
            pointer += written
            left -= written
        }
    }

    /// A non-blocking descriptor (a terminal or pipe someone made so) said "try again": wait until it takes more.
    private func waitUntilWritable() {
        var poll = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
        _ = Glibc.poll(&poll, 1, 1000)
    }

    private func fail(_ code: Int32) -> OutputError {
        let shown = path ?? "stdout"
        let error = OutputError(path: shown, reason: systemReason(code), isBrokenPipe: code == EPIPE)
        failure = error
        if case .standardOutput = destination { Self.standardOutputFailure.withLock { if $0 == nil { $0 = error } } }
        return error
    }

    /// For writers that must write a file by name (SQLite for GeoPackage): the path of a new empty
    /// file in the output's folder (for stdout and what is written through, in the temporary folder),
    /// which `commit()` renames into place (or copies through) and which is removed if the output
    /// is never committed or routemap is interrupted. Use it instead of `write(_:)`, not beside it.
    public func stagingPath() throws(OutputError) -> String {
        if let staged { return staged }
        let folder: String
        if case .atomic(_, _, let directory, _, _) = destination {
            folder = directory
        } else {
            let environment = getenv("TMPDIR").map { String(cString: $0) } ?? ""
            folder = environment.hasPrefix("/") ? environment : "/tmp"
        }
        let (descriptor, name) = Self.makeTemporaryFile(in: folder)
        guard descriptor >= 0 else { throw OutputError(path: path ?? "stdout", reason: "cannot create a file in \(folder): \(systemReason(errno))") }
        close(descriptor)
        staged = name
        if let token = InterruptCleanup.remove(onInterrupt: name) { cleanupTokens.append(token) }
        return name
    }

    /// Makes the output whole: stdout and what is written through are flushed; a file is fsynced and
    /// only then appears under its name, keeping the mode and owner of the file it replaces.
    public func commit() throws(OutputError) {
        guard !committed else { return }
        if let staged { try copyStaged(staged) }
        try flush()
        switch destination {
        case .standardOutput:
            break
        case .through(let descriptor, let owned):
            if owned, close(descriptor) != 0, errno != EINTR { throw fail(errno) }
            destination = .standardOutput  // nothing left to close
        case .atomic(let descriptor, let target, let directory, let replacing, let temporary):
            try place(descriptor: descriptor, target: target, directory: directory, replacing: replacing, temporary: temporary)
        }
        committed = true
        for token in cleanupTokens { InterruptCleanup.forget(token) }
        cleanupTokens = []
    }

    /// A staging file: renamed into place for a file output; for stdout and the like, copied through and removed.
    private func copyStaged(_ staged: String) throws(OutputError) {
        if case .atomic(let descriptor, let target, _, let replacing, let temporary) = destination {
            close(descriptor)
            if let temporary { unlink(temporary) }
            if let replacing { keepOwnerAndMode(of: replacing, path: staged) }
            guard rename(staged, target) == 0 else { throw fail(errno) }
            self.staged = nil
            committed = true
            for token in cleanupTokens { InterruptCleanup.forget(token) }
            cleanupTokens = []
            destination = .standardOutput
            return
        }
        let source = open(staged, O_RDONLY | O_CLOEXEC)
        guard source >= 0 else { throw fail(errno) }
        defer { close(source); unlink(staged) }
        self.staged = nil
        var chunk = [UInt8](repeating: 0, count: Self.bufferSize)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw fail(errno) }
            if count == 0 { break }
            try chunk.withUnsafeBufferPointer { (pointer) throws(OutputError) in try write(UnsafeBufferPointer(rebasing: pointer[0..<count])) }
        }
    }

    private func place(descriptor: Int32, target: String, directory: String, replacing: stat?, temporary: String?) throws(OutputError) {
        if fsync(descriptor) != 0 { throw fail(errno) }
        if let replacing {
            if fchown(descriptor, replacing.st_uid, replacing.st_gid) != 0, replacing.st_gid != getegid() {
                _ = fchown(descriptor, uid_t.max, replacing.st_gid)  // not root: keep the group where we belong to it
            }
            _ = fchmod(descriptor, replacing.st_mode & 0o7777)
            if replacing.st_nlink > 1 {
                let others = replacing.st_nlink == 2 ? "1 other hard link, which keeps" : "\(replacing.st_nlink - 1) other hard links, which keep"
                Diagnostics.warning("\(path ?? target) had \(others) the old contents: routemap replaces a file whole, so that no reader sees it half-written")
            }
        }
        defer {
            close(descriptor)
            destination = .standardOutput
        }
        if let temporary {
            guard rename(temporary, target) == 0 else {
                let code = errno
                unlink(temporary)
                throw fail(code)
            }
        } else {
            let source = "/proc/self/fd/\(descriptor)"
            if replacing == nil, linkat(AT_FDCWD, source, AT_FDCWD, target, AT_SYMLINK_FOLLOW) == 0 {
                syncDirectory(directory)
                return
            }
            if replacing == nil, errno != EEXIST { throw fail(errno) }
            // The file exists: link the finished one under a hidden name, then rename it over the old one.
            var name = ""
            for _ in 0..<16 {
                name = OutputTarget.join(directory, ".routemap-\(String(UInt64.random(in: 0...UInt64.max), radix: 36))")
                if linkat(AT_FDCWD, source, AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0 { break }
                if errno != EEXIST { throw fail(errno) }
                name = ""
            }
            guard !name.isEmpty else { throw fail(EEXIST) }
            let token = InterruptCleanup.remove(onInterrupt: name)
            defer { InterruptCleanup.forget(token) }
            guard rename(name, target) == 0 else {
                let code = errno
                unlink(name)
                throw fail(code)
            }
        }
        syncDirectory(directory)
    }

    /// The owner and mode of a replaced file, given to the staging file at `path`.
    private func keepOwnerAndMode(of replacing: stat, path: String) {
        if chown(path, replacing.st_uid, replacing.st_gid) != 0 { _ = chown(path, uid_t.max, replacing.st_gid) }
        _ = chmod(path, replacing.st_mode & 0o7777)
    }

    /// fsync of the folder, so the new name survives a crash (best effort).
    private func syncDirectory(_ directory: String) {
        let folder = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return }
        _ = fsync(folder)
        close(folder)
    }

    deinit {
        if committed { return }
        switch destination {
        case .standardOutput:
            // stdout gets what was written even when a command stopped early.
            try? flush()
        case .through(let descriptor, let owned):
            try? flush()
            if owned { close(descriptor) }
        case .atomic(let descriptor, _, _, _, let temporary):
            close(descriptor)
            if let temporary { unlink(temporary) }
        }
        if let staged { unlink(staged) }
        for token in cleanupTokens { InterruptCleanup.forget(token) }
    }

    /// Writes `bytes` to `path` (or stdout) in one go.
    public static func write(_ bytes: [UInt8], to path: String?) throws(OutputError) {
        let file = try OutputFile(path: path)
        try file.write(bytes)
        try file.commit()
    }

    /// Calls `operation` again while it fails with EINTR.
    static func retrying(_ operation: () -> Int32) -> Int32 {
        while true {
            let result = operation()
            if result >= 0 || errno != EINTR { return result }
        }
    }
}
