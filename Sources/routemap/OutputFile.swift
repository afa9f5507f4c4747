import Foundation

/// Writes output to stdout, or to a file by way of a temporary name and a rename, so no reader ever sees half a file.
enum OutputFile {
    /// Writes `bytes` to `path`, or to stdout when `path` is nil or `-`.
    static func write(_ bytes: [UInt8], to path: String?) throws(OutputError) {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        let target = URL(fileURLWithPath: path)
        let directory = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw OutputError(path: path, reason: "the directory \(directory.path) does not exist; create it first (mkdir -p \(directory.path))")
        }
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            throw OutputError(path: path, reason: "cannot create a file in \(directory.path): \(String(cString: strerror(errno)))")
        }
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure == 0, rename(temporary.path, target.path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary.path)
            throw OutputError(path: path, reason: String(cString: strerror(failure)))
        }
    }
}

/// A file that could not be written; nothing was left behind.
struct OutputError: Error, CustomStringConvertible {
    let path: String
    let reason: String
    var description: String { "cannot write '\(path)': \(reason)" }
}
