import Foundation

/// A status line on stderr for jobs that take more than a second or two (gazetteer builds, batches,
/// many documents), redrawn at most four times a second and erased when the job ends. Shown only
/// when stderr is a terminal, so pipes and logs stay clean; `ROUTEMAP_PROGRESS=1` shows it anyway
/// (one line per update, for logs), `ROUTEMAP_PROGRESS=0` never.
final class Progress: @unchecked Sendable {
    /// How progress is shown in this process.
    enum Mode { case terminal, lines, off }

    static let mode: Mode = {
        switch ProcessInfo.processInfo.environment["ROUTEMAP_PROGRESS"] {
        case "0": return .off
        case "1": return .lines
        default: return isatty(STDERR_FILENO) == 1 ? .terminal : .off
        }
    }()

    private let lock = NSLock()
    private let started = ContinuousClock.now
    private let delay: Duration
    private var lastDrawn: ContinuousClock.Instant?
    private var drawn = false

    /// A status line that first shows after `delay` (lines mode: at once).
    init(after delay: Duration = .seconds(1)) {
        self.delay = Self.mode == .lines ? .zero : delay
    }

    /// Whether anything will ever be shown: callers skip building messages when not.
    var isShown: Bool { Self.mode != .off }

    /// Shows `message` (made only when it will be drawn) if the job has run long enough and the last draw is old enough.
    func update(_ message: @autoclosure () -> String) {
        guard Self.mode != .off else { return }
        let now = ContinuousClock.now
        lock.lock()
        defer { lock.unlock() }
        guard now - started >= delay, lastDrawn.map({ now - $0 >= .milliseconds(250) }) ?? true else { return }
        lastDrawn = now
        draw(message())
    }

    /// Says something once, whatever the time (a build starting, a wait for another process).
    func note(_ message: String) {
        guard Self.mode != .off else { return }
        lock.lock()
        defer { lock.unlock() }
        draw(message)
    }

    /// Erases the status line.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn, Self.mode == .terminal { Diagnostics.writeToStandardError(Array("\r\u{1B}[K".utf8)) }
        drawn = false
    }

    private func draw(_ message: String) {
        switch Self.mode {
        // Through write(2), as every diagnostic: a closed or full stderr cannot crash routemap; the
        // message's own control characters are escaped.
        case .terminal: Diagnostics.writeToStandardError(Array("\r\u{1B}[Kroutemap: \(TerminalText.escaped(message))".utf8))
        case .lines: Diagnostics.writeToStandardError(Array("routemap: \(TerminalText.escaped(message))\n".utf8))
        case .off: return
        }
        drawn = true
    }
}
