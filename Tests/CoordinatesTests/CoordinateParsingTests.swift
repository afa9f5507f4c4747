import Coordinates
import Testing

@Suite("Parsing what people type")
struct CoordinateParsingTests {
    static let minute = 1.0 / 60
    static let second = 1.0 / 3600
    static let readable: [(String, Double, Double)] = [
        ("42.98,47.50", 42.98, 47.50),
        ("42.98, 47.50", 42.98, 47.50),
        ("42.98 47.50", 42.98, 47.50),
        ("-33.5,-70.25", -33.5, -70.25),
        ("42.98N 47.50E", 42.98, 47.50),
        ("42.98N,47.50E", 42.98, 47.50),
        ("33.5S 70.25W", -33.5, -70.25),
        ("N42.98 E47.50", 42.98, 47.50),
        ("47.50E 42.98N", 42.98, 47.50),
        ("42°59′N 47°30′E", 42 + 59 * minute, 47.5),
        ("42°59'N 47°30'E", 42 + 59 * minute, 47.5),
        ("55°49′58″N 52°02′14″E", 55 + 49 * minute + 58 * second, 52 + 2 * minute + 14 * second),
        ("42 59 N 47 30 E", 42 + 59 * minute, 47.5),
        ("-0 30, 10", -0.5, 10),
        ("90,180", 90, 180),
    ]

    @Test("decimal pairs, hemisphere letters and DMS all read as latitude, longitude", arguments: readable)
    func parses(text: String, latitude: Double, longitude: Double) throws {
        let c = try Coordinate(parsing: text)
        #expect(abs(c.latitude - latitude) < 1e-12, "latitude of \(text)")
        #expect(abs(c.longitude - longitude) < 1e-12, "longitude of \(text)")
    }

    @Test("bad coordinates are errors that say what is wrong", arguments: [
        ("91,0", "latitude 91.0 is outside -90…90"),
        ("0,181", "longitude 181.0 is outside -180…180"),
        ("abc", "cannot read 'abc'"),
        ("55.7,", "the longitude after the comma is missing"),
        (",37.6", "the latitude before the comma is missing"),
        ("NaN,1", "'NaN' is not a finite number"),
        ("1e999,0", "'1e999' is not a finite number"),
        ("", "empty coordinate"),
        ("   ", "empty coordinate"),
        ("1,2,3", "more than one comma"),
        ("42.98N 47.5N", "both parts name the same axis"),
        ("-42.98N 47.5E", "both a minus sign and a hemisphere letter"),
        ("42°75′N 47°30′E", "minutes and seconds must be below 60"),
        ("42.98", "a latitude and a longitude are needed"),
        ("4x2,3", "'4x2' is not a decimal number"),
    ])
    func rejects(text: String, message: String) {
        #expect {
            try Coordinate(parsing: text)
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test("a place name is not taken for a coordinate, a typed coordinate is")
    func looksLikeCoordinate() {
        #expect(!Coordinate.looksLikeCoordinate("Makhachkala"))
        #expect(!Coordinate.looksLikeCoordinate("Laut Kaspia"))
        #expect(Coordinate.looksLikeCoordinate("91,0"))
        #expect(Coordinate.looksLikeCoordinate("42°59′N 47°30′E"))
    }
}

@Suite("Formatting and units")
struct CoordinateFormattingTests {
    @Test func decimalAndDMS() throws {
        let c = try Coordinate(latitude: 55.832778, longitude: -52.037222)
        #expect(c.decimalString() == "55.83278, -52.03722")
        #expect(c.dmsString == "55°49′58″N 52°02′14″W")
        #expect(try Coordinate(parsing: c.dmsString) == Coordinate(latitude: 55 + 49 / 60.0 + 58 / 3600.0, longitude: -(52 + 2 / 60.0 + 14 / 3600.0)))
    }

    @Test func fixedDecimals() {
        #expect(fixed(843.4620082, 3) == "843.462")
        #expect(fixed(-0.0004, 3) == "0.000")
        #expect(fixed(-1.5, 0) == "-2")
        #expect(fixed(0.05, 2) == "0.05")
        #expect(fixed(12, 1) == "12.0")
    }

    @Test func units() {
        #expect(abs(DistanceUnit.km.fromMetres(843_462.008) - 843.462008) < 1e-12)
        #expect(DistanceUnit.mi.fromMetres(1609.344) == 1)
        #expect(DistanceUnit.nmi.fromMetres(1852) == 1)
        #expect(DistanceUnit(rawValue: "furlong") == nil)
    }
}
