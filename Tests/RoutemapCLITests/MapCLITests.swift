import Foundation
import Testing

/// The repository's seeds folder, for runs that read the seed documents.
private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Suite("routemap map, end to end")
struct MapCLITests {
    static let seed = repository.appendingPathComponent("seeds/000_90bee0a42d78c8e4.txt").path

    static func json(_ arguments: String...) throws -> [String: Any] {
        let r = try Routemap.run(arguments: arguments)
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    @Test("the seeds' Caspian route: Amirabad → Makhachkala by sea via the Caspian, citing the curated route's sentence")
    func caspianRoute() throws {
        let root = try Self.json("map", Self.seed, "--json")
        let routes = try #require(root["routes"] as? [[String: Any]])
        let caspian = try #require(routes.first { route in
            let stops = (route["waypoints"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
            return stops.first == "amirabad-port" && stops.last == "makhachkala"
        })
        let legs = try #require(caspian["legs"] as? [[String: Any]])
        #expect(legs.map { $0["mode"] as? String } == ["sea"])
        #expect(legs.first?["via"] as? String == "caspian-sea")
        // gazetteer/routes/amirabad-makhachkala-drones.json cites this sentence at 1222-1351.
        let citations = try #require(caspian["citations"] as? [[String: Any]])
        #expect(citations.contains { $0["start"] as? Int == 1222 && $0["end"] as? Int == 1351 })
    }

    @Test("the seeds' Alabuga factory is a site, and 'several hundred miles east of Moscow' is checked: consistent")
    func alabugaSiteAndClaim() throws {
        let root = try Self.json("map", Self.seed, "--json")
        let sites = try #require(root["sites"] as? [[String: Any]])
        #expect(sites.contains { $0["kind"] as? String == "factory" && ($0["place"] as? [String: Any])?["id"] as? String == "alabuga-sez" })
        let claims = try #require(root["claims"] as? [[String: Any]])
        let claim = try #require(claims.first { $0["quote"] as? String == "beberapa ratus mil di timur Moskow" })
        #expect(claim["start"] as? Int == 539 && claim["end"] as? Int == 573)
        #expect((claim["from"] as? [String: Any])?["id"] as? String == "moscow")
        #expect((claim["to"] as? [String: Any])?["id"] as? String == "alabuga-sez")
        #expect((claim["stated"] as? [String: Any])?["direction"] as? String == "E")
        // `echo 55.75204 37.61781 55.83278 52.03722 | GeodSolve -i -p 9` → 83.46114352971468 95.40601806932321 902892.664694689 (561.03 mi)
        let measured = try #require(claim["measured"] as? [String: Any])
        #expect(abs(try #require(measured["distance_m"] as? Double) - 902_892.664694689) < 0.001)
        #expect(abs(try #require(measured["azimuth_deg"] as? Double) - 83.46114352971468) < 1e-9)
        #expect(claim["verdict"] as? String == "consistent")
    }

    @Test("every citation's quote is the document's text at its code-point range")
    func citationsQuoteTheDocument() throws {
        let text = Array(try String(contentsOfFile: Self.seed, encoding: .utf8).unicodeScalars)
        let root = try Self.json("map", Self.seed, "--json")
        var checked = 0
        for key in ["sites", "routes"] {
            for item in try #require(root[key] as? [[String: Any]]) {
                for citation in try #require(item["citations"] as? [[String: Any]]) {
                    let start = try #require(citation["start"] as? Int), end = try #require(citation["end"] as? Int)
                    var quote = String.UnicodeScalarView()
                    quote.append(contentsOf: text[start..<end])
                    #expect(String(quote) == citation["quote"] as? String)
                    checked += 1
                }
            }
        }
        #expect(checked >= 3)
    }

    @Test("a review file rejects a mention, pins a name and adds a route")
    func reviewFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("routemap-review-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = folder.appendingPathComponent("report.txt")
        try "Munitions were shipped from Amirabad to Makhachkala. Officials in Tehran denied it.\n".write(to: document, atomically: true, encoding: .utf8)
        try "reject\tTehran\npin\tMakhachkala\tmakhachkala-port\nroute\tMakhachkala > Moscow\trail\n".write(
            to: folder.appendingPathComponent("report.review"), atomically: true, encoding: .utf8)
        let root = try Self.json("map", document.path, "--json")
        let places = try #require(root["places"] as? [[String: Any]])
        #expect(!places.contains { $0["surface"] as? String == "Tehran" })
        #expect(places.contains { $0["surface"] as? String == "Makhachkala" && $0["id"] as? String == "makhachkala-port" })
        let routes = try #require(root["routes"] as? [[String: Any]])
        #expect(routes.contains { ($0["legs"] as? [[String: Any]])?.first?["mode"] as? String == "rail" })
        #expect(routes.contains { (($0["waypoints"] as? [[String: Any]])?.last?["id"] as? String) == "makhachkala-port" })
    }

    @Test("a bad review line is an error with its file and line")
    func badReview() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("routemap-review-bad-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = folder.appendingPathComponent("r.txt")
        try "Ships went from Amirabad to Makhachkala.\n".write(to: document, atomically: true, encoding: .utf8)
        let review = folder.appendingPathComponent("r.review")
        try "# corrections\nroute\tAmirabad\n".write(to: review, atomically: true, encoding: .utf8)
        let r = try Routemap.run("map", document.path)
        #expect(r.status == 1)
        #expect(r.stderr.contains("r.review:2:"))
    }
}

@Suite("routemap destination, end to end")
struct DestinationCLITests {
    /// `echo 17.01505 54.09237 135 241401.6 | GeodSolve -p 9` → 15.46645346090594 55.68282502328977 135.44487627482033
    /// (Salalah's GeoNames point; 150 mi = 241,401.6 m.)
    @Test("150 mi south-east of Salalah agrees with GeodSolve to 1e-9 degrees")
    func salalah() throws {
        let r = try Routemap.run("destination", "Salalah", "--distance", "150mi", "--bearing", "SE", "--json")
        #expect(r.status == 0, "\(r.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(abs(try #require(root["lat"] as? Double) - 15.46645346090594) < 1e-9)
        #expect(abs(try #require(root["lon"] as? Double) - 55.68282502328977) < 1e-9)
        #expect(abs(try #require(root["azimuth_final_deg"] as? Double) - 135.44487627482033) < 1e-9)
    }

    @Test("a bearing that is neither a compass point nor degrees is a usage error")
    func badBearing() throws {
        let r = try Routemap.run("destination", "Salalah", "--distance", "150mi", "--bearing", "sideways")
        #expect(r.status == 2)
        #expect(r.stderr.contains("compass point"))
    }
}

@Suite("routemap route with a mode per leg, end to end")
struct RouteModesCLITests {
    @Test("--sea and --rail before places give each leg its mode; the id is the waypoints' ids")
    func inlineModes() throws {
        let r = try Routemap.run("route", "Amirabad", "--sea", "Makhachkala", "--rail", "Moscow", "--json")
        #expect(r.status == 0, "\(r.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(root["modes"] as? [String] == ["sea", "rail"])
        #expect(root["id"] as? String == "amirabad-port-to-makhachkala-to-moscow")
    }

    @Test("--modes needs one mode per leg, and a single-value option given twice is rejected")
    func modeErrors() throws {
        let count = try Routemap.run("route", "Amirabad", "Makhachkala", "Moscow", "--modes", "sea")
        #expect(count.status == 2)
        #expect(count.stderr.contains("one per leg"))
        let twice = try Routemap.run("route", "Amirabad", "Makhachkala", "--mode", "sea", "--mode", "rail")
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("--mode is given 2 times"))
    }
}
