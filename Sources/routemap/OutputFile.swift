import Foundation

/// Output to stdout, or to a file by way of a temporary name and a rename, so no reader ever sees half a file.
///
/// Write with `write(_:)`, then `commit()`; an output file that is never committed removes its
/// temporary file, so a failure leaves nothing behind.
final class OutputFile {
    private let path: String?
    private let temporary: String?
    private var descriptor: Int32
    private var committed = false

    /// Opens `path` for writing, or stdout when `path` is nil or `-`.
    init(path: String?) throws(OutputError) {
        guard let path, path != "-" else {
            (self.path, temporary, descriptor) = (nil, nil, STDOUT_FILENO)
            return
        }
        let target = URL(fileURLWithPath: path)
        let directory = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw OutputError(path: path, reason: "it is a directory; name a file in it, such as \(target.appendingPathComponent("out.geojson").path)")
        }
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw OutputError(path: path, reason: "the directory \(directory.path) does not exist; create it first (mkdir -p \(directory.path))")
        }
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputError(path: path, reason: "cannot create a file in \(directory.path): \(String(cString: strerror(errno)))")
        }
        (self.path, self.temporary, self.descriptor) = (path, temporary, descriptor)
        InterruptCleanup.remove(onInterrupt: temporary)
    }

    /// Writes all of `bytes`.
    func write(_ bytes: [UInt8]) throws(OutputError) {
        let failure: Int32 = bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return 0
        }
        if failure != 0 { throw OutputError(path: path ?? "stdout", reason: String(cString: strerror(failure))) }
    }

    /// Makes a file output visible under its name; stdout needs nothing.
    func commit() throws(OutputError) {
        guard let path, let temporary else { return }
        var failure: Int32 = 0
        if fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        descriptor = -1
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        if failure != 0 { throw OutputError(path: path, reason: String(cString: strerror(failure))) }
        committed = true
        InterruptCleanup.remove(onInterrupt: nil)
    }

    deinit {
        guard let temporary, !committed else { return }
        if descriptor >= 0 { close(descriptor) }
        unlink(temporary)
        InterruptCleanup.remove(onInterrupt: nil)
    }

    /// Writes `bytes` to `path` (or stdout) in one go.
    static func write(_ bytes: [UInt8], to path: String?) throws(OutputError) {
        let file = try OutputFile(path: path)
        try file.write(bytes)
        try file.commit()
    }
}

/// A file that could not be written; nothing was left behind.
struct OutputError: Error, CustomStringConvertible {
    let path: String
    let reason: String
    var description: String { "cannot write '\(path)': \(reason)" }
}

/// Removes the temporary output file when routemap is interrupted (Ctrl-C, SIGTERM, SIGHUP),
/// so not even a hidden temporary is left behind.
enum InterruptCleanup {
    /// The temporary file to remove, as a C string the signal handler can use without allocating.
    nonisolated(unsafe) private static var pending: UnsafeMutablePointer<CChar>?

    /// Names the file to remove on interrupt (nil: none), installing the handler on first use.
    static func remove(onInterrupt path: String?) {
        let previous = pending
        pending = path.map { strdup($0) }
        free(previous)
        installHandlers
    }

    private static let installHandlers: Void = {
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            Foundation.signal(signal) { received in
                if let path = InterruptCleanup.pending { unlink(path) }
                Foundation.signal(received, SIG_DFL)
                raise(received)
            }
        }
    }()
}
