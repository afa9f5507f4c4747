#if canImport(Glibc)
import Glibc
#endif

/// What an output path names, once symbolic links are followed: a regular file to replace whole (or
/// to create), or something to write straight through to (stdout, a terminal, `/dev/null`, a FIFO,
/// a device, a process substitution's `/dev/fd/63`), which must never be replaced by a file.
enum OutputTarget {
    /// A file descriptor already open in this process (`/dev/stdout`, `/dev/fd/N`, `/proc/self/fd/N`): written through a copy of it.
    case descriptor(Int32)
    /// A path that exists and is not a regular file or a folder: opened and written through.
    case special(path: String)
    /// A regular file to replace, with its status (mode, owner, links) to keep.
    case replace(path: String, directory: String, status: stat)
    /// A file to create in `directory`.
    case create(path: String, directory: String)

    /// Symbolic links followed at most this many times, as the kernel does (ELOOP).
    static let maximumLinks = 40

    /// Resolves `path` (as the user typed it) to what writing it must do; `shown` names it in errors.
    static func resolve(_ path: String) throws(OutputError) -> OutputTarget {
        guard !path.isEmpty else { throw OutputError(path: path, reason: "an empty path; name a file, or - for stdout") }
        var current = path
        for _ in 0...maximumLinks {
            if let descriptor = descriptorNumber(in: current) { return .descriptor(descriptor) }
            var status = stat()
            if lstat(current, &status) != 0 {
                let code = errno
                guard code == ENOENT else { throw OutputError(path: path, reason: systemReason(code)) }
                let directory = directoryName(of: current)
                var folder = stat()
                guard stat(directory, &folder) == 0 else {
                    if errno == ENOENT || errno == ENOTDIR {
                        throw OutputError(path: path, reason: "the directory \(directory) does not exist; create it first (mkdir -p \(directory))")
                    }
                    throw OutputError(path: path, reason: "cannot use the directory \(directory): \(systemReason(errno))")
                }
                guard folder.st_mode & S_IFMT == S_IFDIR else {
                    throw OutputError(path: path, reason: "\(directory) is not a directory")
                }
                return .create(path: current, directory: directory)
            }
            switch status.st_mode & S_IFMT {
            case S_IFLNK:
                guard let target = readLink(current) else { throw OutputError(path: path, reason: "cannot read the symbolic link \(current): \(systemReason(errno))") }
                current = target.hasPrefix("/") ? target : join(directoryName(of: current), target)
            case S_IFDIR:
                let example = join(path, "out.geojson")
                throw OutputError(path: path, reason: "it is a directory; name a file in it, such as \(example)")
            case S_IFREG:
                return .replace(path: current, directory: directoryName(of: current), status: status)
            default:
                return .special(path: current)
            }
        }
        throw OutputError(path: path, reason: "more than \(maximumLinks) symbolic links in a row (a loop?)")
    }

    /// N for `/dev/fd/N`, `/proc/self/fd/N` and `/proc/<this process>/fd/N`, the names of open descriptors.
    static func descriptorNumber(in path: String) -> Int32? {
        let prefixes = ["/dev/fd/", "/proc/self/fd/", "/proc/\(getpid())/fd/"]
        guard let prefix = prefixes.first(where: { path.hasPrefix($0) }) else { return nil }
        let digits = path.dropFirst(prefix.count)
        guard !digits.isEmpty, digits.count < 10, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int32(digits) else { return nil }
        return number
    }

    /// The folder part of a path: `.` for a bare name, `/` for a file at the root.
    static func directoryName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    private static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink(path, &buffer, buffer.count - 1)
        guard length >= 0 else { return nil }
        return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// The system's reason for an errno, as strerror says it.
func systemReason(_ code: Int32) -> String {
    String(cString: strerror(code))
}
