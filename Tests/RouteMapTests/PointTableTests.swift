import GeoJSON
import DecimalText
import RouteMap
import Testing

@Suite("CSV points")
struct PointTableTests {
    @Test("the fast decimal path gives exactly the Double strtod gives")
    func fastDecimalMatchesStrtod() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200_000 {
            let places = Int.random(in: 0...9, using: &generator)
            let text = decimalText(Double.random(in: -180...180, using: &generator), places: places)
            let fast = DecimalText.plain(ArraySlice(Array(text.utf8)))
            #expect(fast == Double(text), "\(text)")
        }
        for text in ["1e5", "", "-", ".", "1.2.3", " 1", "12345678901234567"] {
            #expect(DecimalText.plain(ArraySlice(Array(text.utf8))) == nil || Double(text) == DecimalText.plain(ArraySlice(Array(text.utf8))), "\(text)")
        }
    }

    @Test("RFC 4180 quoting, CRLF line ends, a BOM and blank lines")
    func quoting() throws {
        let csv = "\u{FEFF}id,\"name, full\",Latitude,Longitude\r\n\"x\",\"Port \"\"A\"\", big\",36.85,53.3\r\n\r\ny,\"two\nlines\",-6.2,106.8\r\n"
        let table = try PointTable(csv: Array(csv.utf8), source: "t.csv")
        #expect(table.features.count == 2)
        #expect(table.features[0].geometry == .point(Position(longitude: 53.3, latitude: 36.85)))
        guard case .string(let name)? = table.features[0].properties.first(where: { $0.0 == "name, full" })?.1 else {
            Issue.record("no name property")
            return
        }
        #expect(name == "Port \"A\", big")
        #expect(table.features[0].properties.map(\.0) == ["id", "name, full"])
        guard case .string(let twoLines) = table.features[1].properties[1].1 else { return }
        #expect(twoLines == "two\nlines")
    }

    @Test("bad rows name their line", arguments: [
        ("id,lat,lon\na,91,0\n", "t.csv:2: latitude 91.0 is outside"),
        ("id,lat,lon\na,1,2\nb,x,2\n", "t.csv:3: lat 'x' is not a number"),
        ("id,lat,lon\na,1\n", "t.csv:2: 2 fields where the header has 3"),
        ("id,name\na,b\n", "t.csv:1: no latitude column"),
        ("", "t.csv: the file is empty"),
    ])
    func errors(csv: String, message: String) {
        do {
            _ = try PointTable(csv: Array(csv.utf8), source: "t.csv")
            Issue.record("expected: \(message)")
        } catch {
            #expect(error.description.hasPrefix(message), "got: \(error.description)")
        }
    }

    @Test func namedColumns() throws {
        let table = try PointTable(csv: Array("Y,X,n\n10,20,a\n".utf8), source: "t.csv", latitudeColumn: "Y", longitudeColumn: "X")
        #expect(table.features.first?.geometry == .point(Position(longitude: 20, latitude: 10)))
        #expect(throws: PointTableError.self) { try PointTable(csv: Array("a,b\n1,2\n".utf8), source: "t.csv", latitudeColumn: "lat") }
    }
}

/// `value` with `places` decimals, as a CSV writer would print it.
func decimalText(_ value: Double, places: Int) -> String {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    let digits = String(Int64(scaled))
    let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
    let sign = value < 0 && scaled != 0 ? "-" : ""
    return places == 0 ? sign + padded : sign + padded.dropLast(places) + "." + padded.suffix(places)
}

@Suite("DecimalText.number: strict decimals")
struct StrictDecimalTests {
    @Test("decimals and exponents read; hex floats, nan, inf, NUL-cut and blank text do not", arguments: [
        ("12.5", 12.5), ("-0.5", -0.5), ("+3", 3), (".5", 0.5), ("5.", 5), ("1e5", 1e5), ("1.5E-3", 0.0015),
    ])
    func accepted(_ text: String, _ value: Double) {
        #expect(DecimalText.number(text) == value)
    }

    @Test("refused", arguments: ["0x1p4", "nan", "inf", "-infinity", "1\u{0}999", "", "-", ".", "e5", "1e", "1 ", " 1", "1,5", "١٢"])
    func refused(_ text: String) {
        #expect(DecimalText.number(text) == nil, "\(text)")
    }
}
