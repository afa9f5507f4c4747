import Foundation

/// Writes results to stdout and diagnostics to stderr.
enum Terminal {
    /// Writes a diagnostic line to stderr, prefixed with the program name.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("routemap: \(message)\n".utf8))
    }
}
