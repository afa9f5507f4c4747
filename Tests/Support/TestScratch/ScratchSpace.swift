import Foundation

/// One folder per test process for every scratch file and index its tests write, removed when the
/// process exits, so that a test run leaves nothing in the temporary folder: each test's gazetteer
/// index alone is up to 200 MB, and a run leaving them behind fills a machine's disk in a few runs.
public enum ScratchSpace {
    /// The process's folder, created on first use and removed at exit.
    public static let root: URL = {
        let url = folder(for: getpid())
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: ScratchSpace.folder(for: getpid())) }
        return url
    }()

    /// A fresh path inside the process's folder, named `prefix`-UUID plus `suffix`; nothing is created there.
    public static func path(_ prefix: String, suffix: String = "") -> URL {
        root.appendingPathComponent("\(prefix)-\(UUID().uuidString)\(suffix)")
    }

    /// A fresh, empty folder inside the process's folder.
    public static func folder(_ prefix: String) throws -> URL {
        let url = path(prefix)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func folder(for pid: pid_t) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("routemap-tests-\(pid)")
    }
}
