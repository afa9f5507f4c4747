import Foundation
import Testing

@Suite("Nothing printed carries a raw control character; zero-length routes and legs answer correctly")
struct TerminalCLITests {
    static let escape = "\u{1B}]0;owned\u{7}\u{1B}[2J\u{9B}31m"

    /// Whether text holds a C0 control other than newline and tab, DEL, or a C1 control.
    static func hasControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
    }

    @Test("an unknown name, a route name, a batch field and JSON output are escaped", arguments: [
        ["resolve", escape], ["route", "Amirabad", "Makhachkala", "--name", escape], ["route", "Amirabad", "Makhachkala", "--name", escape, "--json"],
        ["route", "Amirabad", "Makhachkala", "--name", escape, "--geojson"], ["distance", escape, "Moscow"], ["ring", "Moscow", "--radius", "10km", "--label", escape, "--geojson"],
    ])
    func escaped(_ arguments: [String]) throws {
        let r = try Routemap.run(arguments: arguments)
        #expect(!Self.hasControl(r.stdout), "\(r.stdout.prefix(300))")
        #expect(!Self.hasControl(r.stderr), "\(r.stderr.prefix(300))")
        #expect(r.stdout.contains(#"\u{1B}"#) || r.stdout.contains(#"\u001b"#) || r.stderr.contains(#"\u{1B}"#))
        let batch = try Routemap.run(arguments: ["distance", "--batch"], stdin: Array("\(Self.escape) 1 2 3\n".utf8))
        #expect(!Self.hasControl(batch.stderr))
    }

    @Test("route Moscow Moscow --geojson draws a LineString of two positions (RFC 7946), and the leg has no direction")
    func samePlace() throws {
        let r = try Routemap.run("route", "Moscow", "Moscow", "--geojson")
        #expect(r.status == 0)
        #expect(RFC7946Checker.check(r.stdout) == [])
        #expect(r.stdout.contains(#""coordinates":[[37.61781,55.75204],[37.61781,55.75204]]"#), "\(r.stdout)")
        let text = try Routemap.run("distance", "Moscow", "Moscow")
        #expect(text.stdout.contains("Moscow is the same point as Moscow: no distance, so no direction"), "\(text.stdout)")
        #expect(!text.stdout.contains("0 km south"))
    }
}
