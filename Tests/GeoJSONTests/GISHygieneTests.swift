import Foundation
import GeoJSON
import Testing

@Suite("numbers GDAL types right, GeoJSON sequences read back, cut edges found")
struct GISHygieneTests {
    private func text(_ value: JSONValue) -> String { value.compact }

    // GDAL types a GeoJSON property Integer when every value is written without a fraction, so a
    // later append of 42.97782 into PostGIS or a GeoPackage truncates it; reals must look like reals.
    @Test("reals are written as reals, integers as integers", arguments: [
        (JSONValue.number(65), "65.0"), (.number(-0.0), "0.0"), (.number(0), "0.0"), (.number(42.97782), "42.97782"),
        (.number(841295.661627459), "841295.661627459"), (.number(1e16), "1e+16"), (.number(.nan), "null"),
        (.integer(65), "65"), (.integer(-3), "-3"), (.array([.number(1), .integer(2)]), "[1.0,2]"),
    ])
    func numbers(value: JSONValue, expected: String) {
        #expect(text(value) == expected)
    }

    @Test("pretty output writes reals the same way")
    func rendered() {
        #expect(JSONValue.object([("a", .number(2)), ("n", .integer(2))]).rendered == "{\n  \"a\": 2.0,\n  \"n\": 2\n}\n")
    }

    @Test("a GeoJSON text sequence (RFC 8142) and newline-delimited GeoJSON read as their records")
    func sequences() throws {
        let point = #"{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"name":"a"}}"#
        let line = #"{"type":"Feature","geometry":{"type":"LineString","coordinates":[[1,2],[3,4]]},"properties":{"name":"b"}}"#
        let rs = try GeoJSONReader().items(from: Data("\u{1E}\(point)\n\u{1E}\(line)\n".utf8))
        #expect(rs.map(\.name) == ["a", "b"])
        #expect(rs.map(\.path) == ["records[0].geometry", "records[1].geometry"])
        let lines = try GeoJSONReader().items(from: Data("\(point)\n\(line)\n".utf8))
        #expect(lines.map(\.name) == ["a", "b"])
        let broken = "\u{1E}\(point)\n\u{1E}{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\"}}\n"
        for (text, expected) in [(broken, "records[1].geometry: Point needs 'coordinates'"), ("\u{1E}\(point)\n\u{1E}[1]\n", "records[1]: a GeoJSON text is a JSON object")] {
            do {
                _ = try GeoJSONReader().items(from: Data(text.utf8))
                Issue.record("no error for \(expected)")
            } catch {
                #expect(error.description == expected)
            }
        }
    }

    @Test("edges along ±180° and to a pole are cut edges; the boundary skips them")
    func cutEdges() {
        let p = { (lon: Double, lat: Double) in Position(longitude: lon, latitude: lat) }
        #expect(CutEdges.isCut(p(180, 60), p(180, 70)))
        #expect(CutEdges.isCut(p(-180, 60), p(-180, 70)))
        #expect(!CutEdges.isCut(p(180, 60), p(-180, 70)))
        #expect(CutEdges.isCut(p(10, 90), p(100, 90)))
        #expect(!CutEdges.isCut(p(170, 60), p(180, 60)))
        // A piece east of the antimeridian: its west edge along -180 is the cut.
        let piece = [p(-180, 60), p(-170, 60), p(-170, 70), p(-180, 70), p(-180, 60)]
        #expect(CutEdges.boundaryRuns(piece) == [[p(-180, 60), p(-170, 60), p(-170, 70), p(-180, 70)]])
        let square = [p(0, 0), p(1, 0), p(1, 1), p(0, 1), p(0, 0)]
        #expect(CutEdges.boundaryRuns(square) == [square])
    }
}
