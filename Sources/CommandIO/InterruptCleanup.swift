#if canImport(Glibc)
import Glibc
#endif

/// Removes named temporary files when routemap is interrupted (Ctrl-C, SIGTERM, SIGHUP), so not
/// even a hidden temporary is left behind. Outputs are written nameless (O_TMPFILE) where the file
/// system allows, so this only covers the moment a finished file is linked under a temporary name,
/// the fallback where nameless files are not supported, and staging files (`OutputFile.stagingPath`).
public enum InterruptCleanup {
    /// Room for this many files at once: each a C string the signal handler can use without allocating.
    static let capacity = 16
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        return slots
    }()
    nonisolated(unsafe) private static var installed = false

    /// Starts removing `path` on interrupt; returns a token for `forget`, or nil when all slots are taken.
    @discardableResult
    public static func remove(onInterrupt path: String) -> Int? {
        installHandlers()
        for slot in 0..<capacity where slots[slot] == nil {
            slots[slot] = strdup(path)
            return slot
        }
        return nil
    }

    /// Stops removing the file registered under `token`.
    public static func forget(_ token: Int?) {
        guard let token, (0..<capacity).contains(token), let pointer = slots[token] else { return }
        slots[token] = nil
        free(pointer)
    }

    private static func installHandlers() {
        guard !installed else { return }
        installed = true
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            Glibc.signal(signal) { received in
                for slot in 0..<InterruptCleanup.capacity {
                    if let path = InterruptCleanup.slots[slot] { unlink(path) }
                }
                Glibc.signal(received, SIG_DFL)
                raise(received)
            }
        }
    }
}
