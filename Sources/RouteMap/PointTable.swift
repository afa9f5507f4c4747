import Coordinates
import DecimalText
import GeoJSON
import TerminalSafe

/// A CSV file of points (a header row, then one point per row) read into GeoJSON Point features.
///
/// Columns named `lat`/`latitude`/`y` and `lon`/`lng`/`long`/`longitude`/`x` (any case) hold the
/// coordinate unless named otherwise; every other column becomes a string property. Fields follow
/// RFC 4180: commas separate, double quotes enclose fields holding commas, quotes or newlines.
/// The text must be UTF-8 (an error names the first byte that is not), and column names must be
/// unique (two columns of one name would be two properties of one name, of which GIS tools keep one).
///
/// Every row is checked when the table is read, but only its coordinate and where it starts are
/// kept: `feature(at:)` reads a row's properties again from the bytes, so writing a million points
/// holds the CSV text and 24 bytes a row, not a million features.
public struct PointTable: Sendable {
    private let bytes: [UInt8]
    private let names: [String]
    private let propertyColumns: [Int]
    /// Each row's coordinate, and the offset and line its record starts at.
    private let rows: [(longitude: Double, latitude: Double, offset: Int, line: Int)]

    /// How many points.
    public var count: Int { rows.count }

    /// The features, one per data row, in file order (made all at once: prefer `feature(at:)`).
    public var features: [Feature] { rows.indices.map(feature(at:)) }

    /// The box around every point, as the FeatureCollection of them has it.
    public var bbox: BoundingBox? {
        BoundingBox(points: rows.map { Position(longitude: $0.longitude, latitude: $0.latitude) })
    }

    /// Reads `bytes`; `source` names the input in errors (`points.csv:12`).
    public init(csv bytes: [UInt8], source: String, latitudeColumn: String? = nil, longitudeColumn: String? = nil) throws(PointTableError) {
        if let bad = Self.firstInvalidUTF8(bytes) {
            let line = bytes[..<bad].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            throw PointTableError(location: "\(source):\(line)", message: "not valid UTF-8 at byte \(bad) (0x\(String(bytes[bad], radix: 16, uppercase: true))); convert it first, for example: iconv -f WINDOWS-1251 -t UTF-8\(source == "stdin" ? "" : " " + source)")
        }
        var reader = CSVReader(bytes: bytes)
        guard let header = reader.nextRecord() else {
            throw PointTableError(location: source, message: "the file is empty; the first row must name the columns, such as id,name,lat,lon")
        }
        let names = header.fields.map { String(decoding: $0, as: UTF8.self) }
        var firstColumn: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            if let first = firstColumn[name] {
                throw PointTableError(location: "\(source):1", message: "columns \(first + 1) and \(index + 1) are both named '\(TerminalText.excerpt(name))'; give each column its own name")
            }
            firstColumn[name] = index
        }
        let lat = try Self.column(latitudeColumn, among: names, defaults: ["lat", "latitude", "y"], role: "latitude", source: source)
        let lon = try Self.column(longitudeColumn, among: names, defaults: ["lon", "lng", "long", "longitude", "x"], role: "longitude", source: source)
        var rows: [(longitude: Double, latitude: Double, offset: Int, line: Int)] = []
        while true {
            let offset = reader.offset
            guard let record = reader.nextRecord() else { break }
            if record.fields.count == 1, record.fields[0].isEmpty { continue }  // a blank line
            guard record.fields.count == names.count else {
                throw PointTableError(location: "\(source):\(record.line)", message: "\(record.fields.count) fields where the header has \(names.count)")
            }
            let coordinate: Coordinate
            do {
                coordinate = try Coordinate(latitude: Self.number(record.fields[lat], names[lat], source, record.line),
                                            longitude: Self.number(record.fields[lon], names[lon], source, record.line))
            } catch let error as CoordinateError {
                throw PointTableError(location: "\(source):\(record.line)", message: error.description)
            } catch let error as PointTableError {
                throw error
            } catch {
                throw PointTableError(location: "\(source):\(record.line)", message: "\(error)")
            }
            rows.append((coordinate.longitude, coordinate.latitude, offset, record.line))
        }
        self.bytes = bytes
        self.names = names
        self.propertyColumns = names.indices.filter { $0 != lat && $0 != lon }
        self.rows = rows
    }

    /// The i-th row's Point, every other column a string property.
    public func feature(at i: Int) -> Feature {
        let row = rows[i]
        var reader = CSVReader(bytes: bytes, offset: row.offset, line: row.line)
        let fields = reader.nextRecord()?.fields ?? []
        let properties = propertyColumns.map { (names[$0], JSONValue.string($0 < fields.count ? String(decoding: fields[$0], as: UTF8.self) : "")) }
        return Feature(geometry: .point(Position(longitude: row.longitude, latitude: row.latitude)), properties: properties)
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence, or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            let (length, second): (Int, ClosedRange<UInt8>)
            switch lead {
            case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
            case 0xE0: (length, second) = (3, 0xA0...0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, second) = (3, 0x80...0xBF)
            case 0xED: (length, second) = (3, 0x80...0x9F)
            case 0xF0: (length, second) = (4, 0x90...0xBF)
            case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
            case 0xF4: (length, second) = (4, 0x80...0x8F)
            default: return i
            }
            guard i + length <= bytes.count, second.contains(bytes[i + 1]) else { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    private static func column(_ named: String?, among names: [String], defaults: [String], role: String, source: String) throws(PointTableError) -> Int {
        if let named {
            guard let index = names.firstIndex(of: named) else {
                throw PointTableError(location: "\(source):1", message: "no column '\(named)'; the columns are \(names.joined(separator: ", "))")
            }
            return index
        }
        guard let index = names.firstIndex(where: { defaults.contains($0.lowercased()) }) else {
            throw PointTableError(location: "\(source):1", message: "no \(role) column (\(defaults.joined(separator: ", "))) among \(names.joined(separator: ", ")); name it with --\(role == "latitude" ? "lat" : "lon")-column")
        }
        return index
    }

    private static func number(_ field: ArraySlice<UInt8>, _ column: String, _ source: String, _ line: Int) throws -> Double {
        if let value = DecimalText.plain(field) { return value }
        var trimmed = field
        while let first = trimmed.first, first == 0x20 || first == 0x09 { trimmed = trimmed.dropFirst() }
        while let last = trimmed.last, last == 0x20 || last == 0x09 || last == 0x0D { trimmed = trimmed.dropLast() }
        guard let value = DecimalText.number(trimmed) else {
            throw PointTableError(location: "\(source):\(line)", message: "\(column) '\(TerminalText.excerpt(utf8: field))' is not a number")
        }
        return value
    }
}

/// A CSV input that could not be read: where, and what is wrong.
public struct PointTableError: Error, Sendable, CustomStringConvertible {
    public let location: String
    public let message: String
    public var description: String { "\(location): \(message)" }
}

/// RFC 4180 records from UTF-8 bytes, with the line each record starts on.
struct CSVReader {
    private let bytes: [UInt8]
    /// Where the next record starts.
    private(set) var offset = 0
    private var line = 1

    init(bytes: [UInt8]) {
        // A UTF-8 byte-order mark is not part of the first column's name.
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
    }

    /// A reader that starts at a record found before.
    init(bytes: [UInt8], offset: Int, line: Int) {
        self.bytes = bytes
        self.offset = offset
        self.line = line
    }

    struct Record {
        let line: Int
        let fields: [ArraySlice<UInt8>]
    }

    mutating func nextRecord() -> Record? {
        guard offset < bytes.count else { return nil }
        let startLine = line
        var fields: [ArraySlice<UInt8>] = []
        while true {
            if offset < bytes.count, bytes[offset] == 0x22 {
                fields.append(quotedField())
            } else {
                let start = offset
                while offset < bytes.count, bytes[offset] != 0x2C, bytes[offset] != 0x0A { offset += 1 }
                var end = offset
                if end > start, bytes[end - 1] == 0x0D { end -= 1 }
                fields.append(bytes[start..<end])
            }
            guard offset < bytes.count else { break }
            let separator = bytes[offset]
            offset += 1
            if separator == 0x0A {
                line += 1
                break
            }
            if separator != 0x2C {
                // Text after a closing quote: keep it in the field rather than lose it.
                continue
            }
        }
        return Record(line: startLine, fields: fields)
    }

    /// A quoted field, with `""` unescaped; leaves `offset` on the byte after the closing quote.
    private mutating func quotedField() -> ArraySlice<UInt8> {
        offset += 1
        var value: [UInt8] = []
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == 0x22 {
                if offset + 1 < bytes.count, bytes[offset + 1] == 0x22 {
                    value.append(0x22)
                    offset += 2
                    continue
                }
                offset += 1
                while offset < bytes.count, bytes[offset] != 0x2C, bytes[offset] != 0x0A { offset += 1 }
                if value.last == 0x0D { value.removeLast() }
                return value[...]
            }
            if byte == 0x0A { line += 1 }
            value.append(byte)
            offset += 1
        }
        return value[...]
    }
}
