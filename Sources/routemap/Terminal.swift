// Every command file sees CommandIO's OutputFile, OutputError, InputError and InputFile without importing it.
@_exported import CommandIO
@_exported import TerminalSafe

/// Diagnostics on stderr: a thin name for `Diagnostics`, which escapes control characters and
/// survives a closed or full stderr.
enum Terminal {
    /// Writes a diagnostic line to stderr, prefixed with the program name.
    static func error(_ message: String) {
        Diagnostics.error(message)
    }

    /// Writes `warning: message` to stderr, prefixed with the program name.
    static func warning(_ message: String) {
        Diagnostics.warning(message)
    }
}

/// Where every command's results go: stdout, through `OutputFile`, so that a failed write (a full
/// disk, a closed pipe) is an error with exit 1, never silent. `RoutemapMain` flushes it at the end.
nonisolated(unsafe) let results = try! OutputFile(path: nil)
