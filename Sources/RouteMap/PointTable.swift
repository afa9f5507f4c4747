import Coordinates
import DecimalText
import GeoJSON

/// A CSV file of points (a header row, then one point per row) read into GeoJSON Point features.
///
/// Columns named `lat`/`latitude`/`y` and `lon`/`lng`/`long`/`longitude`/`x` (any case) hold the
/// coordinate unless named otherwise; every other column becomes a string property. Fields follow
/// RFC 4180: commas separate, double quotes enclose fields holding commas, quotes or newlines.
public struct PointTable: Sendable {
    /// The features, one per data row, in file order.
    public let features: [Feature]

    /// Reads `bytes`; `source` names the input in errors (`points.csv:12`).
    public init(csv bytes: [UInt8], source: String, latitudeColumn: String? = nil, longitudeColumn: String? = nil) throws(PointTableError) {
        var reader = CSVReader(bytes: bytes)
        guard let header = reader.nextRecord() else {
            throw PointTableError(location: source, message: "the file is empty; the first row must name the columns, such as id,name,lat,lon")
        }
        let names = header.fields.map { String(decoding: $0, as: UTF8.self) }
        let lat = try Self.column(latitudeColumn, among: names, defaults: ["lat", "latitude", "y"], role: "latitude", source: source)
        let lon = try Self.column(longitudeColumn, among: names, defaults: ["lon", "lng", "long", "longitude", "x"], role: "longitude", source: source)
        let propertyColumns = names.indices.filter { $0 != lat && $0 != lon }
        var features: [Feature] = []
        while let record = reader.nextRecord() {
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
            let properties = propertyColumns.map { (names[$0], JSONValue.string(String(decoding: record.fields[$0], as: UTF8.self))) }
            features.append(Feature(geometry: .point(Position(longitude: coordinate.longitude, latitude: coordinate.latitude)), properties: properties))
        }
        self.features = features
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
        guard let value = Double(String(decoding: trimmed, as: UTF8.self)) else {
            throw PointTableError(location: "\(source):\(line)", message: "\(column) '\(String(decoding: field, as: UTF8.self))' is not a number")
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
    private var offset = 0
    private var line = 1

    init(bytes: [UInt8]) {
        // A UTF-8 byte-order mark is not part of the first column's name.
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
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
