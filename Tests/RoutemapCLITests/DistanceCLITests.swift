import Foundation
import Testing

@Suite("routemap distance, end to end")
struct DistanceCLITests {
    /// `echo "36.854353 53.305118 42.97782 47.50027" | GeodSolve -i -p 9`
    /// → -34.29791635620912 -38.02990387307565 841295.661627459
    @Test("the Amirabad → Makhachkala JSON agrees with GeodSolve to 1 mm, in the stable field names")
    func amirabadMakhachkalaJSON() throws {
        let r = try Routemap.run("distance", "Amirabad", "Makhachkala", "--json")
        #expect(r.status == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let legs = try #require(root["legs"] as? [[String: Any]])
        #expect(legs.count == 1)
        let leg = legs[0]
        let from = try #require(leg["from"] as? [String: Any])
        let to = try #require(leg["to"] as? [String: Any])
        #expect(from["id"] as? String == "amirabad-port")
        #expect(from["name"] as? String == "Amirabad Port")
        #expect(from["lat"] as? Double == 36.854353)
        #expect(from["lon"] as? Double == 53.305118)
        #expect(to["id"] as? String == "makhachkala")
        #expect(abs(try #require(leg["distance_m"] as? Double) - 841295.661627459) <= 0.001)
        #expect(abs(try #require(leg["azimuth_initial_deg"] as? Double) - -34.29791635620912) <= 1e-9)
        #expect(abs(try #require(leg["azimuth_final_deg"] as? Double) - -38.02990387307565) <= 1e-9)
        #expect(abs(try #require(root["total_m"] as? Double) - 841295.661627459) <= 0.001)
    }

    @Test("Moscow → Alabuga reads 'several hundred miles east', as seed 000 says")
    func moscowAlabuga() throws {
        let r = try Routemap.run("distance", "Moscow", "Alabuga", "--units", "mi")
        #expect(r.status == 0)
        #expect(r.stdout.contains("Alabuga is 561 mi east of Moscow"))
        #expect(r.stdout.contains("total: 561.031 mi over 1 leg"))
    }

    @Test("coordinates in every written form mix with places")
    func coordinates() throws {
        let r = try Routemap.run("distance", "42.98N 47.50E", "55°49′58″N 52°02′14″E", "Tehran", "--units", "nmi")
        #expect(r.status == 0)
        #expect(r.stdout.contains("42.98000, 47.50000 → 55.83278, 52.03722 → Tehran (35.69439, 51.42151)") || r.stdout.contains("42.98000, 47.50000 → 55.83278, 52.03722\n"))
        #expect(r.stdout.contains("over 2 legs"))
    }

    @Test("bad input exits 1 with a message that says what and how", arguments: [
        (["91,0", "Moscow"], "bad coordinate '91,0': latitude 91.0 is outside -90…90"),
        (["0,181", "Moscow"], "longitude 181.0 is outside -180…180"),
        (["Moscow", "NaN,1"], "'NaN' is not a finite number"),
        (["Moscow", "55.7,"], "the longitude after the comma is missing"),
        (["Moscow", "Alabuka"], "unknown place 'Alabuka' — did you mean Alabuga"),
        (["Moscow", "abc"], "unknown place 'abc'"),
    ])
    func badInput(places: [String], message: String) throws {
        let r = try Routemap.run(arguments: ["distance"] + places)
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains(message), "stderr was: \(r.stderr)")
    }

    @Test("usage errors exit 2", arguments: [["distance", "Moscow"], ["distance", "Moscow", "Tehran", "--units", "furlong"], ["distance"]])
    func usage(arguments: [String]) throws {
        let r = try Routemap.run(arguments: arguments)
        #expect(r.status == 2)
        #expect(r.stderr.contains("routemap distance"))
    }
}

@Suite("routemap distance --batch, end to end")
struct BatchCLITests {
    @Test("stdin in, one line out per line in; a bad line exits 1 naming it")
    func batch() throws {
        let good = try Routemap.run(arguments: ["distance", "--batch"], stdin: Array("36.854353 53.305118 42.97782 47.50027\n".utf8))
        #expect(good.status == 0)
        #expect(good.stdout == "841295.6616 -34.297916356 -38.029903873\n")
        let bad = try Routemap.run(arguments: ["distance", "--batch", "--skip-bad"], stdin: Array("1 2 3 4\nabc\n".utf8))
        #expect(bad.status == 1)
        #expect(bad.stdout.hasSuffix("nan nan nan\n"))
        #expect(bad.stderr.contains("stdin: line 2: 1 field where 4 numbers are needed"))
        #expect(try Routemap.run(arguments: ["distance", "--skip-bad", "Moscow", "Tehran"]).status == 2)
    }
}
