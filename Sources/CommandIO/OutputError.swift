import TerminalSafe

/// A file (or stdout) that could not be written; nothing half-written was left under its name.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    /// The path as the user named it, or `stdout`.
    public let path: String
    /// What went wrong, and what to do about it.
    public let reason: String
    /// The reader went away (a closed pipe, EPIPE): routemap stops quietly, as `cat` does, with status 1.
    public let isBrokenPipe: Bool

    /// An error writing `path` for `reason`.
    public init(path: String, reason: String, isBrokenPipe: Bool = false) {
        self.path = path
        self.reason = reason
        self.isBrokenPipe = isBrokenPipe
    }

    public var description: String { "cannot write '\(TerminalText.excerpt(path, limit: 300))': \(reason)" }
}
