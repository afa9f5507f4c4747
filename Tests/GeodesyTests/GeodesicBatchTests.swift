import Geodesy
import Testing

@Suite("Batch geodesics")
struct GeodesicBatchTests {
    /// Each line's reference is `echo LINE | GeodSolve -i -p 9` (azi1 azi2 s12), as in GeodesicTests.
    @Test("lines in any separator give GeodSolve's values, in input order, on several threads", arguments: [1, 2, 7])
    func values(threads: Int) throws {
        let input = "36.854353 53.305118 42.97782 47.50027\n0\t0\t0.5\t179.5\n60,170,60,-170\n\n# a comment\n90 0 -45 30\n"
        let (output, bad) = GeodesicBatch(threads: threads).run(Array(input.utf8))
        #expect(bad.isEmpty)
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "841295.6616 -34.297916356 -38.029903873")
        #expect(lines[1] == "19936288.5790 25.671872868 154.327085470")
        #expect(lines[2] == "1111742.5417 81.317759682 98.682240318")
        #expect(lines[3] == "")
        #expect(lines[4] == "# a comment")
        #expect(lines[5] == "14986910.1073 150.000000000 180.000000000")
    }

    @Test("a bad line stops the batch and is reported with its number")
    func badLine() {
        let (output, bad) = GeodesicBatch(threads: 1).run(Array("1 2 3 4\n1 2 3\n5 6 7 8\n".utf8))
        #expect(bad.map(\.line) == [2])
        #expect(bad.first?.description.contains("line 2: 3 fields where 4 numbers are needed") == true)
        #expect(String(decoding: output, as: UTF8.self).split(separator: "\n").count == 1)
    }

    @Test("--skip-bad writes nan for bad lines and goes on, reporting each")
    func skipBad() {
        let (output, bad) = GeodesicBatch(skipBad: true, threads: 2).run(Array("1 2 3 4\n91 0 0 0\nx 1 2 3\n5 6 7 8".utf8))
        #expect(bad.map(\.line) == [2, 3])
        #expect(bad[0].reason.contains("latitude 91.0 is outside"))
        #expect(bad[1].reason.contains("'x' is not a number"))
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[1] == "nan nan nan")
        #expect(lines[2] == "nan nan nan")
    }

    @Test("CSV: columns found by name among others, quoted commas kept in their field, CSV out")
    func csv() {
        let input = "id,LAT1,lon1,name,lat2,lon2\r\nr1,36.854353,53.305118,\"Amirabad, IR\",42.97782,47.50027\r\nr2,1,2\n"
        let (output, bad) = GeodesicBatch(skipBad: true, threads: 2, csv: true).run(Array(input.utf8))
        #expect(String(decoding: output, as: UTF8.self) == "distance_m,azimuth_initial_deg,azimuth_final_deg\n841295.6616,-34.297916356,-38.029903873\nnan,nan,nan\n")
        #expect(bad.map(\.line) == [3])
        #expect(bad.first?.reason == "3 fields where the header has 6")
        let missing = GeodesicBatch(threads: 1, csv: true).run(Array("a,b\n1,2\n".utf8)).bad
        #expect(missing.first?.reason.contains("no lat1, lon1, lat2, lon2 column") == true)
    }

    @Test func emptyInput() {
        #expect(GeodesicBatch(threads: 2).run([]).output.isEmpty)
    }
}
