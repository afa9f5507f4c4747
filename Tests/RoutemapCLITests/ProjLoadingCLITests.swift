import Testing

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

    @Test("--version names routemap's release and the PROJ it was built against")
    func version() throws {
        let r = try Routemap.run("--version")
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("routemap "))
        #expect(r.stdout.contains("(PROJ 9.") || r.stdout.contains("(PROJ 8."))
    }
}
