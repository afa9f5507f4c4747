import Foundation
import Testing

/// Runs routemap through `sh -c`, so a test can redirect and close descriptors as a user's shell does
/// (`> /dev/full`, `2>&-`); `$0` and `$@` in `shell` are routemap and the arguments.
func runInShell(_ shell: String, _ arguments: [String], stdin: [UInt8]? = nil) throws -> RunResult {
    try runProcess(URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", shell, Routemap.executable.path] + arguments, stdin: stdin,
                   environment: ["ROUTEMAP_CACHE": Routemap.cache])
}

@Suite("Outputs: write errors reported everywhere, --out never replaces what is not a file, stderr may be closed")
struct OutputCLITests {
    /// Every command's result paths, text and JSON, each with stdout on a full disk.
    static let commands: [[String]] = [
        ["resolve", "Moscow"], ["resolve", "Moscow", "--json"],
        ["distance", "Amirabad", "Makhachkala"], ["distance", "Amirabad", "Makhachkala", "--json"],
        ["extract", "-"], ["extract", "-", "--json"], ["extract", "-", "--geojson"],
        ["project", "Moscow", "--to", "EPSG:3857"], ["project", "Moscow", "--to", "EPSG:3857", "--json"],
        ["area", "Caspian Sea"], ["area", "Caspian Sea", "--json"],
        ["gazetteer", "stats"], ["gazetteer", "stats", "--json"],
        ["coverage", "seeds"], ["route", "Amirabad", "Makhachkala"], ["route", "Amirabad", "Makhachkala", "--geojson"],
        ["ring", "Moscow", "--radius", "100km"], ["ring", "Moscow", "--radius", "100km", "--geojson"],
        ["export"], ["points", "-"], ["distance", "--batch"], ["--help"], ["distance", "--help"], ["--version"],
        // The commands and formats main added: each writes through the same output.
        ["extract", "-", "--jsonl"], ["extract", "-", "--geojsonseq"], ["export", "--format", "kml"], ["export", "--format", "svg"],
        ["destination", "Moscow", "--distance", "100km", "--bearing", "N"], ["destination", "Moscow", "--distance", "100km", "--bearing", "N", "--json"],
        ["destination", "Moscow", "--distance", "100km", "--bearing", "N", "--geojson"],
        ["distance", "Tikhoretsk", "--to-area", "Ukraine"], ["distance", "Tikhoretsk", "--to-area", "Ukraine", "--json"],
        ["map", "-"], ["map", "-", "--json"], ["map", "-", "--geojson"],
    ]

    @Test("stdout on a full disk: exit 1 and 'cannot write 'stdout': No space left on device'", arguments: commands)
    func fullDisk(_ arguments: [String]) throws {
        let input: [UInt8] = switch arguments.first {
        case "points": Array("lat,lon\n1,2\n".utf8)
        case "distance" where arguments.contains("--batch"): Array("1 2 3 4\n".utf8)
        default: Array(String(repeating: "Drones left Amirabad for Makhachkala. ", count: 200).utf8)
        }
        let r = try runInShell(#"exec "$0" "$@" > /dev/full"#, arguments, stdin: input)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("cannot write 'stdout': No space left on device"), "\(r.stderr)")
    }

    @Test("stderr closed or full: errors and warnings still end with their exit status, no crash", arguments: [#"2>&-"#, #"2>/dev/full"#])
    func closedStandardError(_ redirection: String) throws {
        let unknown = try runInShell(#"exec "$0" "$@" "# + redirection, ["resolve", "Qwertyville"])
        #expect(unknown.status == 1)
        let usage = try runInShell(#"exec "$0" "$@" "# + redirection, ["resolve"])
        #expect(usage.status == 2)
        let warning = try runInShell(#"exec "$0" "$@" "# + redirection, ["project", "Makhachkala", "--to", "EPSG:32639"])
        #expect(warning.status == 0)
        #expect(warning.stdout.contains("EPSG:32639"))
    }

    @Test("a reader that stops early (head): routemap ends with status 1 and says nothing, not killed by SIGPIPE")
    func brokenPipe() throws {
        let r = try runInShell(#"("$0" "$@"; echo "status $?" >&2) | head -c 100 > /dev/null"#,
                               ["ring", "Moscow", "--radius", "100km", "--steps", "200000", "--geojson"])
        #expect(r.stderr == "status 1\n", "\(r.stderr)")
    }

    @Test("--out through a symbolic link writes its target and keeps the link; a 0600 file stays 0600")
    func symlinkAndMode() throws {
        let dir = try scratchDirectory()
        let target = dir.appendingPathComponent("real.geojson").path
        try "old".write(toFile: target, atomically: false, encoding: .utf8)
        chmod(target, 0o600)
        symlink("real.geojson", dir.appendingPathComponent("link.geojson").path)
        let r = try Routemap.run("export", "--out", dir.appendingPathComponent("link.geojson").path)
        #expect(r.status == 0, "\(r.stderr)")
        var s = stat()
        lstat(dir.appendingPathComponent("link.geojson").path, &s)
        #expect(s.st_mode & S_IFMT == S_IFLNK, "the link was replaced by a file")
        stat(target, &s)
        #expect(s.st_mode & 0o777 == 0o600)
        #expect((try String(contentsOfFile: target, encoding: .utf8)).hasPrefix(#"{"type":"FeatureCollection""#))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["link.geojson", "real.geojson"])
    }

    @Test("--out to a FIFO, /dev/stdout and a process substitution writes through them; the FIFO stays a FIFO")
    func writtenThrough() throws {
        let dir = try scratchDirectory()
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let r = try runInShell(#"cat "$1" > "$1.txt" & "$0" export --out "$1"; wait; wc -c < "$1.txt""#, [fifo])
        #expect(r.status == 0, "\(r.stderr)")
        #expect((Int(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 1000)
        var s = stat()
        lstat(fifo, &s)
        #expect(s.st_mode & S_IFMT == S_IFIFO)
        let stdout = try Routemap.run("export", "--out", "/dev/stdout")
        #expect(stdout.status == 0)
        #expect(stdout.stdout.hasPrefix(#"{"type":"FeatureCollection""#))
        let viaFile = try runInShell(#""$0" export --out /dev/stdout > "$1"; wc -c < "$1""#, [dir.appendingPathComponent("via.json").path])
        #expect((Int(viaFile.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 1000, "\(viaFile.stderr)")
    }

    @Test("a 250-byte file name is written; no temporary name is ever derived from it")
    func longName() throws {
        let dir = try scratchDirectory()
        let path = dir.appendingPathComponent(String(repeating: "a", count: 242) + ".geojson").path
        let r = try Routemap.run("export", "--out", path)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: path))
    }
}
