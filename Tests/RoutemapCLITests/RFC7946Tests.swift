import Testing

@Suite("Strict RFC 7946 check of everything routemap writes")
struct RFC7946Tests {
    @Test("export, an antimeridian route, and points pass", arguments: [
        ["export"], ["export", "--precision", "3"], ["route", "60N 170E", "60N 170W", "--geojson"], ["route", "10S 175E", "30S 160W", "--geojson"],
        ["route", "Tehran", "Amirabad", "Makhachkala", "Alabuga", "--geojson"],
    ])
    func passes(arguments: [String]) throws {
        let r = try Routemap.run(arguments: arguments)
        #expect(r.status == 0)
        let precision = arguments.contains("--precision") ? 3 : 6
        #expect(RFC7946Checker.check(r.stdout, precision: precision) == [])
    }

    @Test("the checker catches what it is for")
    func catches() {
        let swapped = #"{"type":"Feature","bbox":[36,53,36,53],"geometry":{"type":"Point","coordinates":[36.8,253.3]},"properties":{}}"#
        #expect(!RFC7946Checker.check(swapped).isEmpty)
        let crossing = #"{"type":"Feature","bbox":[-170,60,170,61],"geometry":{"type":"LineString","coordinates":[[170,60],[-170,61]]},"properties":{}}"#
        #expect(RFC7946Checker.check(crossing).contains { $0.contains("antimeridian") })
        let clockwise = #"{"type":"Feature","bbox":[0,0,1,1],"geometry":{"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[1,0],[0,0]]]},"properties":{}}"#
        #expect(RFC7946Checker.check(clockwise).contains { $0.contains("right-hand rule") })
        let precise = #"{"type":"Feature","bbox":[0,0,1,1],"geometry":{"type":"Point","coordinates":[0.1234567,1]},"properties":{}}"#
        #expect(RFC7946Checker.check(precise).contains { $0.contains("decimals") })
        let withCRS = #"{"type":"FeatureCollection","crs":{},"bbox":[0,0,0,0],"features":[]}"#
        #expect(RFC7946Checker.check(withCRS).contains { $0.contains("crs") })
        let exponent = #"{"type":"Feature","bbox":[0,0,1,1],"geometry":{"type":"Point","coordinates":[1e-7,1]},"properties":{"file":"8c8e4"}}"#
        #expect(RFC7946Checker.check(exponent).contains("a number in exponent form"))
        let literals = #"{"type":"Feature","bbox":[0,0,0,0],"geometry":{"type":"Point","coordinates":[0,0]},"properties":{"a":true,"b":false,"file":"8c8e4"}}"#
        #expect(RFC7946Checker.check(literals) == [])
    }
}
