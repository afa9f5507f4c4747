import Foundation
import Testing

/// A throwaway PostgreSQL 15 cluster with PostGIS (Debian postgresql-15-postgis-3), in a temporary
/// folder, listening on 127.0.0.1 only, stopped and removed when the test ends.
final class PostGISCluster {
    static let bin = "/usr/lib/postgresql/15/bin"
    /// Whether the server, PostGIS and GDAL's ogr2ogr are installed (make test installs them).
    static var installed: Bool {
        FileManager.default.isExecutableFile(atPath: "\(bin)/initdb") && FileManager.default.fileExists(atPath: "/usr/share/postgresql/15/extension/postgis.control")
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/ogr2ogr")
    }

    let folder: String
    let port: Int
    private let asRoot = getuid() == 0

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("routemap-postgis-\(UUID().uuidString)").path
        port = 20_000 + Int(getpid() % 20_000)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // The server refuses to run as root: as root, it runs as the postgres user.
        if asRoot { _ = try runProcess(URL(fileURLWithPath: "/bin/chown"), arguments: ["postgres:postgres", folder]) }
        let initdb = try server("initdb", ["-D", "\(folder)/data", "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"])
        guard initdb.status == 0 else { throw ClusterError(message: "initdb: \(initdb.stderr)") }
        let start = try server("pg_ctl", ["-D", "\(folder)/data", "-w", "-l", "\(folder)/server.log",
                                          "-o", "-c listen_addresses=127.0.0.1 -p \(port) -k \(folder) -c fsync=off", "start"])
        guard start.status == 0 else { throw ClusterError(message: "pg_ctl start: \(start.stderr) \((try? String(contentsOfFile: "\(folder)/server.log", encoding: .utf8)) ?? "")") }
        let postgis = try sql("CREATE EXTENSION postgis;")
        guard postgis.status == 0 else { throw ClusterError(message: "CREATE EXTENSION postgis: \(postgis.stderr)") }
    }

    deinit {
        _ = try? server("pg_ctl", ["-D", "\(folder)/data", "-m", "immediate", "stop"])
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The connection string GDAL takes.
    var connection: String { "PG:host=127.0.0.1 port=\(port) user=postgres dbname=postgres" }

    /// Runs SQL with psql; rows come back unaligned, `|`-separated.
    func sql(_ statement: String) throws -> RunResult {
        try runProcess(URL(fileURLWithPath: "\(Self.bin)/psql"), arguments: ["-h", "127.0.0.1", "-p", "\(port)", "-U", "postgres", "-d", "postgres", "-At", "-v", "ON_ERROR_STOP=1", "-c", statement])
    }

    /// Runs a server program (as the postgres user when root) with posix_spawn and waitpid, its
    /// output in a file. Not Foundation's Process: on Linux it learns of a child's end through a
    /// descriptor the child inherits, which the server pg_ctl starts keeps open, so it never hears.
    private func server(_ program: String, _ arguments: [String]) throws -> RunResult {
        let output = "\(folder)/\(program).out"
        let argv = (asRoot ? ["/usr/sbin/runuser", "-u", "postgres", "--", "\(Self.bin)/\(program)"] : ["\(Self.bin)/\(program)"]) + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o666)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, &cArguments, environ)
        guard spawned == 0 else { throw ClusterError(message: "cannot start \(argv[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return RunResult(status: exitCode, stdout: text, stderr: text)
    }

    struct ClusterError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}

@Suite("PostGIS agrees with routemap's numbers on routemap's own output")
struct PostGISTests {
    // routemap's GeoPackage (full-precision doubles) loaded with ogr2ogr; PostGIS measures
    // geography with GeographicLib's algorithms, as routemap does through PROJ, so they agree to
    // well under 0.01 mm. The route is drawn on the water network (total_m is its length, against
    // ST_Length); the Caspian leg's geodesic_m is checked against ST_Distance and `GeodSolve -i` (841295.661627459 m).
    @Test("ST_Length, ST_Area and ST_Distance on geography equal routemap's total_m, area_m2 and leg distance",
          .enabled(if: PostGISCluster.installed, "PostgreSQL 15 + PostGIS or ogr2ogr is not installed (make test installs postgresql-15-postgis-3 and gdal-bin)"))
    func measures() throws {
        let cluster = try PostGISCluster()
        let file = try scratchDirectory().appendingPathComponent("seeds.gpkg").path
        #expect(try Routemap.run("export", "--out", file).status == 0)
        let load = try runProcess(URL(fileURLWithPath: "/usr/bin/ogr2ogr"), arguments: ["-f", "PostgreSQL", cluster.connection, file, "-lco", "GEOMETRY_NAME=geom"])
        #expect(load.status == 0, "ogr2ogr: \(load.stderr)")

        let routes = try cluster.sql("SELECT total_m, ST_Length(geom::geography) FROM routes")
        #expect(routes.status == 0, "\(routes.stderr)")
        let (total, length) = try Self.pair(routes.stdout)
        #expect(abs(total - length) < 1e-5, "ST_Length \(length) against total_m \(total)")

        let ranges = try cluster.sql("SELECT area_m2, ST_Area(geom::geography) FROM ranges ORDER BY fid")
        let rows = ranges.stdout.split(separator: "\n")
        #expect(rows.count == 2)
        for row in rows {
            let (area, postgis) = try Self.pair(String(row))
            #expect(abs(area - postgis) < 0.01, "ST_Area \(postgis) m² against area_m2 \(area) m²")
        }

        let distance = try cluster.sql("""
            SELECT (r.legs::json->0->>'geodesic_m')::float8, ST_Distance(a.geom::geography, b.geom::geography)
            FROM routes r, sites a, sites b WHERE a.id = 'amirabad-port' AND b.id = 'makhachkala-port'
            """)
        #expect(distance.status == 0, "\(distance.stderr)")
        let (leg, postgis) = try Self.pair(distance.stdout)
        #expect(abs(leg - postgis) < 1e-5, "ST_Distance \(postgis) against the leg's geodesic_m \(leg)")
        #expect(abs(leg - 841295.661627459) < 1e-6)  // GeodSolve -i -p 9: 36.854353 53.305118 42.97782 47.50027
    }

    private static func pair(_ text: String) throws -> (Double, Double) {
        let fields = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "|").compactMap { Double($0) }
        guard fields.count == 2 else { throw PostGISCluster.ClusterError(message: "expected two numbers, got '\(text)'") }
        return (fields[0], fields[1])
    }
}
