import Foundation
import Testing
import TestScratch

/// libproj is opened on first use (Sources/CProj/ProjLibrary.c), not by the dynamic loader at start-up.
/// glibc's loader lists every shared object it opens when LD_DEBUG=files is set; these tests read that list.
@Suite("libproj is loaded only by commands that use PROJ")
struct ProjLoadingCLITests {
    @Test("resolve answers without loading libproj")
    func resolveSkipsPROJ() throws {
        let r = try Routemap.run(arguments: ["resolve", "Amirabad"], environment: ["LD_DEBUG": "files"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("file=libc.so.6"), "LD_DEBUG=files printed nothing: the loader's trace is unavailable")
        #expect(!r.stderr.contains("libproj"))
    }

    @Test("distance loads libproj, and its answer is PROJ's")
    func distanceLoadsPROJ() throws {
        let r = try Routemap.run(arguments: ["distance", "Amirabad", "Makhachkala"], environment: ["LD_DEBUG": "files"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("file=libproj.so"))
        #expect(r.stdout.contains("841.296 km"))
    }

    /// Regression: `distance Moscow NaN,1` exited while the prefetch thread was inside dlopen, and the
    /// half-loaded libraries' exit handlers crashed it (SIGSEGV or SIGABRT after the error message, on a loaded
    /// machine). Every way out now waits for the load. To make the race certain, a preloaded shim holds each
    /// dlopen back 300 ms: a process that exits without waiting never gets as far as opening libproj.
    @Test("a geodesic command that stops before calling PROJ exits only once libproj has loaded",
          arguments: [["distance", "Moscow", "NaN,1"], ["distance", "--help"], ["distance", "Moscow"]])
    func exitWaitsForTheLoad(arguments: [String]) throws {
        let shim = try SlowDlopenShim.build()
        let r = try Routemap.run(arguments: arguments, environment: ["LD_PRELOAD": shim, "LD_DEBUG": "files"])
        #expect([0, 1, 2].contains(r.status))
        #expect(r.stderr.contains("file=libc.so.6"), "LD_DEBUG=files printed nothing: the loader's trace is unavailable")
        let loadFinished = r.stderr.split(separator: "\n").contains { $0.contains("opening file=/") && $0.contains("libproj.so") }
        #expect(loadFinished, "the process exited before its libproj load finished")
    }

    @Test("--version names routemap's release and the PROJ it was built against")
    func version() throws {
        let r = try Routemap.run("--version")
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("routemap "))
        #expect(r.stdout.contains("(PROJ 9.") || r.stdout.contains("(PROJ 8."))
    }
}

/// A shared library that, preloaded, delays every dlopen by 300 ms (compiled once per test run with cc).
enum SlowDlopenShim {
    static let source = """
    #define _GNU_SOURCE
    #include <dlfcn.h>
    #include <unistd.h>
    void *dlopen(const char *file, int mode) {
        static void *(*real)(const char *, int);
        if (!real) real = (void *(*)(const char *, int))dlsym(RTLD_NEXT, "dlopen");
        usleep(300000);
        return real(file, mode);
    }
    """

    /// The path of the compiled shim.
    static func build() throws -> String {
        try built.get()
    }

    private static let built: Result<String, Error> = Result {
        let dir = ScratchSpace.path("slow-dlopen")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let c = dir.appendingPathComponent("slow_dlopen.c"), so = dir.appendingPathComponent("slow_dlopen.so")
        try source.write(to: c, atomically: true, encoding: .utf8)
        let r = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), arguments: ["cc", "-shared", "-fPIC", "-o", so.path, c.path, "-ldl"])
        guard r.status == 0 else { throw ShimError(message: "cc could not build the dlopen shim: \(r.stderr)") }
        return so.path
    }

    struct ShimError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
