import Foundation
import TerminalSafe

/// Reads a gazetteer source file (a record, a shape, a cited document) whole, with a stated limit:
/// only regular files (a FIFO or a device such as /dev/zero would hang or never end), at most
/// `limit` bytes, so that a hostile or mistaken folder is an error, not a hang or a crash.
public enum SourceFile {
    /// The most a record, a shape or a cited document may hold: 256 MiB.
    public static let limit = 256 << 20

    /// The file's bytes; `location` names it in errors (defaults to the path).
    public static func contents(_ path: String, limit: Int = SourceFile.limit, location: String? = nil) throws(GazetteerError) -> [UInt8] {
        let shown = location ?? path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
        guard descriptor >= 0 else {
            throw GazetteerError(location: shown, message: errno == ENOENT ? "no such file" : "cannot read: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw GazetteerError(location: shown, message: "not a regular file (a folder, FIFO or device); name a file")
        }
        guard Int(status.st_size) <= limit else {
            throw GazetteerError(location: shown, message: "\(status.st_size) bytes, more than the \(limit >> 20) MiB routemap reads from one gazetteer file")
        }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: 1 << 16)) }
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw GazetteerError(location: shown, message: "cannot read: \(String(cString: strerror(errno)))") }
            if count == 0 { break }
            filled += count
            if filled > limit { throw GazetteerError(location: shown, message: "more than the \(limit >> 20) MiB routemap reads from one gazetteer file") }
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    /// The file as UTF-8 text without a byte-order mark; other encodings are an error.
    public static func text(_ path: String, limit: Int = SourceFile.limit, location: String? = nil) throws(GazetteerError) -> String {
        let bytes = try contents(path, limit: limit, location: location)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw GazetteerError(location: location ?? path, message: "not valid UTF-8; gazetteer files are UTF-8 (convert with iconv -t UTF-8)")
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }
}
