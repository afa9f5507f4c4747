#if canImport(Glibc)
import Glibc
#endif
import TerminalSafe

/// Messages for people on stderr. A write that fails (stderr closed with `2>&-`, a full disk, a
/// closed pipe) is dropped: a diagnostic that cannot be shown must not stop or crash the program,
/// whose exit status still says what happened.
public enum Diagnostics {
    /// Writes `message` and a newline to stderr, prefixed with `routemap: `, control characters escaped.
    public static func error(_ message: String) {
        writeToStandardError(Array("routemap: \(TerminalText.escaped(message))\n".utf8))
    }

    /// Writes `message` and a newline to stderr, prefixed with `routemap: warning: `, control characters escaped.
    public static func warning(_ message: String) {
        error("warning: " + message)
    }

    /// Writes bytes to file descriptor 2 with write(2), retrying short writes, ignoring failures.
    public static func writeToStandardError(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            guard var pointer = buffer.baseAddress else { return }
            var left = buffer.count
            while left > 0 {
                let written = write(2, pointer, left)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                if written == 0 { return }
                pointer += written
                left -= written
            }
        }
    }
}
