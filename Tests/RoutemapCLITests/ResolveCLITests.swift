import Foundation
import Testing

@Suite("routemap resolve, end to end")
struct ResolveCLITests {
    @Test func resolvesTheCardsNames() throws {
        let r = try Routemap.run("resolve", "Alabuga", "Amirabad", "Laut Kaspia", "Москва", "امیرآباد")
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        for line in ["Alabuga → alabuga-sez: Alabuga", "Amirabad → amirabad-port: Amirabad Port", "Laut Kaspia → caspian-sea: Caspian Sea",
                     "Москва → moscow: Moscow", "امیرآباد → amirabad-port: Amirabad Port", "within    Yelabuga › Tatarstan › Russia",
                     "matched   Indonesian name 'Laut Kaspia'"] {
            #expect(r.stdout.contains(line), "missing: \(line)")
        }
    }

    @Test func json() throws {
        let r = try Routemap.run("resolve", "Tatarstan", "Makhachkala", "--json")
        #expect(r.status == 0)
        let results = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(results.count == 2)
        #expect(results[0]["id"] as? String == "tatarstan")
        #expect(results[0]["kind"] as? String == "region")
        #expect(results[0]["country"] as? String == "RU")
        #expect((results[0]["bbox"] as? [Double])?.count == 4)
        #expect(results[1]["lat"] as? Double == 42.97782)
        #expect(results[1]["lon"] as? Double == 47.50027)
        #expect(results[1]["bbox"] == nil)
        let matched = try #require(results[1]["matched"] as? [String: Any])
        #expect(matched["language"] as? String == "en")
        #expect((results[1]["sources"] as? [String: String])?["coordinate"]?.contains("GeoNames 532096") == true)
    }

    @Test("an unknown name exits 1 and suggests the near name")
    func unknown() throws {
        let r = try Routemap.run("resolve", "Alabuka")
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("unknown place 'Alabuka' — did you mean Alabuga"))
    }

    @Test("one bad name among good ones: the good ones print, the exit status is 1")
    func partial() throws {
        let r = try Routemap.run("resolve", "Moscow", "Qwertyuiop")
        #expect(r.status == 1)
        #expect(r.stdout.contains("Moscow → moscow"))
        #expect(r.stderr.contains("unknown place 'Qwertyuiop'"))
    }

    @Test("usage errors exit 2")
    func usage() throws {
        #expect(try Routemap.run("resolve").status == 2)
        #expect(try Routemap.run("resolve", "--frobnicate", "Moscow").status == 2)
        #expect(try Routemap.run("teleport").status == 2)
    }

    @Test("--help shows an example on every command", arguments: [["--help"], ["resolve", "--help"], ["distance", "--help"]])
    func help(arguments: [String]) throws {
        let process = try Routemap.run(arguments: arguments)
        #expect(process.status == 0)
        #expect(process.stdout.contains("Examples:"))
        #expect(process.stdout.contains("routemap "))
    }
}
