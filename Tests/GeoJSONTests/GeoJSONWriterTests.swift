import Foundation
import GeoJSON
import Testing

private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
private func p(_ lon: Double, _ lat: Double) -> Position { Position(longitude: lon, latitude: lat) }

@Suite("RFC 7946 writing")
struct GeoJSONWriterTests {
    @Test("positions are [lon, lat], rounded to the precision, trailing zeros dropped, never -0")
    func precision() {
        let feature = Feature(geometry: .lineString([p(53.3051181234, 36.8543530001), p(-0.0000001, 47.5), p(-77.036389, -6.2)]))
        let six = text(GeoJSONWriter().feature(feature))
        #expect(six.contains(#""coordinates":[[53.305118,36.854353],[0,47.5],[-77.036389,-6.2]]"#))
        let two = text(GeoJSONWriter(precision: 2).feature(feature))
        #expect(two.contains(#""coordinates":[[53.31,36.85],[0,47.5],[-77.04,-6.2]]"#))
        let zero = text(GeoJSONWriter(precision: 0).feature(feature))
        #expect(zero.contains(#"[[53,37],[0,48],[-77,-6]]"#))
    }

    @Test("a feature's bbox is [west, south, east, north]")
    func bbox() {
        let feature = Feature(geometry: .lineString([p(53.3, 36.85), p(47.5, 42.98)]))
        #expect(feature.bbox?.array == [47.5, 36.85, 53.3, 42.98])
        #expect(text(GeoJSONWriter().feature(feature)).contains(#""bbox":[47.5,36.85,53.3,42.98]"#))
    }

    @Test("a line split at ±180° has east < west")
    func antimeridianBBox() {
        let feature = Feature(geometry: .multiLineString([[p(170, 60), p(180, 60.4)], [p(-180, 60.4), p(-170, 60)]]))
        #expect(feature.bbox?.array == [170, 60, -170, 60.4])
        let collection = FeatureCollection(features: [feature, Feature(geometry: .point(p(175, 50)))])
        #expect(collection.bbox?.array == [170, 50, -170, 60.4])
    }

    @Test("the collection's bbox covers its features the short way round")
    func collectionBBox() {
        let collection = FeatureCollection(features: [Feature(geometry: .point(p(47.5, 42.98))), Feature(geometry: .point(p(53.3, 36.85)))])
        #expect(collection.bbox?.array == [47.5, 36.85, 53.3, 42.98])
        let pacific = FeatureCollection(features: [Feature(geometry: .point(p(179, 1))), Feature(geometry: .point(p(-179, 2)))])
        #expect(pacific.bbox?.array == [179, 1, -179, 2])
    }

    @Test("polygons are wound by the right-hand rule: exterior counterclockwise, holes clockwise")
    func winding() throws {
        let clockwise = [p(0, 0), p(0, 10), p(10, 10), p(10, 0), p(0, 0)]
        let holeCounterclockwise = [p(2, 2), p(4, 2), p(4, 4), p(2, 4), p(2, 2)]
        let out = text(GeoJSONWriter().feature(Feature(geometry: .polygon([clockwise, holeCounterclockwise]))))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let rings = try #require((json["geometry"] as? [String: Any])?["coordinates"] as? [[[Double]]])
        let area = { (ring: [[Double]]) in zip(ring, ring.dropFirst()).reduce(0.0) { $0 + $1.0[0] * $1.1[1] - $1.1[0] * $1.0[1] } }
        #expect(area(rings[0]) > 0)
        #expect(area(rings[1]) < 0)
    }

    @Test("no crs member; foreign members only when asked; properties keep their order")
    func members() {
        let plain = text(GeoJSONWriter().collection(FeatureCollection(features: [Feature(id: "a", geometry: .point(p(1, 2)), properties: [("z", .number(1)), ("a", .string("x"))])])))
        #expect(!plain.contains("crs"))
        #expect(plain.contains(#""properties":{"z":1.0,"a":"x"}"#))
        #expect(plain.hasPrefix(#"{"type":"FeatureCollection","bbox":[1,2,1,2],"features":["#))
        let foreign = text(GeoJSONWriter().collection(FeatureCollection(features: [], foreignMembers: [("generator", .string("routemap"))])))
        #expect(foreign.contains(#""generator":"routemap""#))
    }

    @Test("GeoJSONSeq: every record behind RS and ending in LF (RFC 8142)")
    func sequence() throws {
        let bytes = GeoJSONWriter().sequence([Feature(geometry: .point(p(1, 2))), Feature(geometry: nil)])
        let records = bytes.split(separator: 0x1E, omittingEmptySubsequences: false)
        #expect(records.count == 3)
        #expect(records[0].isEmpty)
        for record in records.dropFirst() {
            #expect(record.last == 0x0A)
            #expect(!record.dropLast().contains(0x0A))
            _ = try JSONSerialization.jsonObject(with: Data(record))
        }
    }

    @Test("strings are escaped")
    func escaping() throws {
        let out = text(GeoJSONWriter().feature(Feature(geometry: nil, properties: [("quote", .string("“mungkin\" \\ \n\u{1}”"))])))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect((json["properties"] as? [String: Any])?["quote"] as? String == "“mungkin\" \\ \n\u{1}”")
    }
}

@Suite("GeoJSONReader")
struct GeoJSONReaderTests {
    @Test("what the writer writes, the reader reads back: names, properties and every geometry")
    func roundTrip() throws {
        let square = [[Position(longitude: 0, latitude: 0), Position(longitude: 1, latitude: 0), Position(longitude: 1, latitude: 1), Position(longitude: 0, latitude: 0)]]
        let features = [
            Feature(geometry: .polygon(square), properties: [("name", .string("sq")), ("area", .number(12.5)), ("ok", .bool(true))]),
            Feature(geometry: .multiPolygon([square, square]), properties: []),
            Feature(geometry: .lineString(square[0]), properties: [("name", .string("line"))]),
            Feature(geometry: nil, properties: [("name", .string("nowhere"))]),
        ]
        let bytes = GeoJSONWriter().collection(FeatureCollection(features: features))
        let items = try GeoJSONReader().items(from: bytes)
        #expect(items.map(\.path) == ["features[0].geometry", "features[1].geometry", "features[2].geometry"])
        #expect(items[0].geometry == .polygon(square))
        #expect(items[0].name == "sq")
        #expect(items[0].properties == ["name": "sq", "area": "12.5"], "true is not a number")
        #expect(items[1].geometry == .multiPolygon([square, square]))
        #expect(items[2].geometry == .lineString(square[0]))
    }

    @Test("a projected coordinate, a true for a number and an unknown type are errors with their path", arguments: [
        (#"{"type":"Point","coordinates":[500000,4700000]}"#, "geometry.coordinates"),
        (#"{"type":"Point","coordinates":[true,1]}"#, "expected a position"),
        (#"{"type":"Circle","coordinates":[0,0]}"#, "unknown geometry type 'Circle'"),
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString","coordinates":[[0,0],"x"]}}]}"#, "features[0].geometry.coordinates[1]"),
    ])
    func errors(text: String, message: String) {
        #expect { try GeoJSONReader().items(from: Array(text.utf8)) } throws: { error in "\(error)".contains(message) }
    }
}
