import GeoJSON
import Testing

@Suite("GeoJSONReader streams a FeatureCollection feature by feature, within stated limits")
struct GeoJSONStreamingTests {
    static func collection(features: Int) -> [UInt8] {
        let feature = #"{"type":"Feature","properties":{"name":"f"},"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}}"#
        return Array((#"{"type":"FeatureCollection","features":["# + Array(repeating: feature, count: features).joined(separator: ",\n") + "]}").utf8)
    }

    @Test("a 1 MB collection reads with a 1 KB limit per feature: only one feature is held at a time")
    func streamed() throws {
        let bytes = Self.collection(features: 10_000)
        #expect(bytes.count > 1_000_000)
        let items = try GeoJSONReader(maximumValueBytes: 1024).items(from: bytes)
        #expect(items.count == 10_000)
        #expect(items.last?.path == "features[9999].geometry")
    }

    @Test("a feature over the limit, or nesting over the limit, is an error that states it")
    func limits() throws {
        let big = #"{"type":"Feature","properties":{"name":""# + String(repeating: "x", count: 5000) + #""},"geometry":null}"#
        let size = #expect(throws: GeoJSONReadError.self) { try GeoJSONReader(maximumValueBytes: 1024).items(from: Array(big.utf8)) }
        #expect(size?.message.contains("more than") == true, "\(String(describing: size))")
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let nested = #expect(throws: GeoJSONReadError.self) { try GeoJSONReader().items(from: Array((#"{"type":"Point","coordinates":"# + deep + "}").utf8)) }
        #expect(nested?.message.contains("nested more than 256 deep") == true, "\(String(describing: nested))")
    }

    @Test("an endless run of blank space (yes '' | routemap area -) ends with an error at 64 MiB")
    func blankSpace() {
        let blank = [UInt8](repeating: 0x0A, count: (64 << 20) + 2)
        let error = #expect(throws: GeoJSONReadError.self) { try GeoJSONReader().items(from: blank) }
        #expect(error?.message.hasPrefix("more than 64 MiB of blank space") == true, "\(String(describing: error))")
    }

    @Test("the features may come before the type; other members of the collection are skipped")
    func memberOrder() throws {
        let text = #"{"features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,2]}}],"crs":{"x":[1,2,{"y":"]"}]},"type":"FeatureCollection"}"#
        let items = try GeoJSONReader().items(from: Array(text.utf8))
        #expect(items.count == 1)
        #expect(items.first?.geometry == .point(Position(longitude: 1, latitude: 2)))
    }

    @Test("strict JSON: bad numbers, trailing text, control characters in strings and bad UTF-8 are errors", arguments: [
        #"{"type":"Point","coordinates":[01,2]}"#, #"{"type":"Point","coordinates":[0x1,2]}"#, #"{"type":"Point","coordinates":[1,2]} x"#,
        "{\"type\":\"Po\u{1}int\",\"coordinates\":[1,2]}", #"{"type":"Point","coordinates":[NaN,2]}"#, #"{"type":"Point","coordinates":[1,2],}"#,
    ])
    func strict(_ text: String) {
        #expect(throws: GeoJSONReadError.self) { try GeoJSONReader().items(from: Array(text.utf8)) }
    }
}
