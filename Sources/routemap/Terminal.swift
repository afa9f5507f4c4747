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

/// Writes a command's whole result to `out` (a file, written whole and linked in atomically, or
/// what it names written through) or, for nil and `-`, to `results`, stdout's one output.
func writeResult(_ bytes: [UInt8], to out: String?) throws(OutputError) {
    if out == nil || out == "-" {
        try results.write(bytes)
    } else {
        try OutputFile.write(bytes, to: out)
    }
}
