import Foundation

/// Reads the geometries of a GeoJSON text (a FeatureCollection, a Feature or a bare geometry),
/// checking every position is a WGS84 longitude and latitude, for measuring.
public struct GeoJSONReader: Sendable {
    /// A geometry read from a file, with the feature's name when it has one.
    public struct Item: Sendable {
        /// Where it is in the file: `features[3]`, or `geometry` for a bare geometry.
        public let path: String
        /// The feature's `name` (or `NAME`, `id`) property, if any.
        public let name: String?
        public let geometry: Geometry
        /// The feature's string and number properties, as text.
        public let properties: [String: String]
    }

    public init() {}

    /// Every geometry in the text; GeometryCollections and Multi* parts are kept as they are,
    /// except MultiPoint and GeometryCollection, whose members are listed one by one.
    ///
    /// The text may also be a GeoJSON text sequence (RFC 8142: each record behind an RS
    /// character, as `routemap export --format geojsonseq` writes) or newline-delimited GeoJSON
    /// (one object per line); its records are then `records[0]`, `records[1]`…
    public func items(from data: Data) throws(GeoJSONReadError) -> [Item] {
        if let records = Self.sequenceRecords(data) {
            var items: [Item] = []
            for (index, record) in records.enumerated() {
                do {
                    items += try self.items(fromObject: try Self.parse(record), path: "records[\(index)]")
                } catch {
                    throw GeoJSONReadError(path: error.path.isEmpty ? "records[\(index)]" : error.path, message: error.message)
                }
            }
            return items
        }
        return try items(fromObject: try Self.parse(data), path: "")
    }

    /// The records of a GeoJSON text sequence (RS-separated) or of newline-delimited GeoJSON;
    /// nil for a single JSON text.
    static func sequenceRecords(_ data: Data) -> [Data]? {
        let bytes = [UInt8](data)
        guard let first = bytes.firstIndex(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return nil }
        let trimmed = { (slice: ArraySlice<UInt8>) -> Data? in
            guard let start = slice.firstIndex(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return nil }
            let end = slice.lastIndex(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) })!
            return Data(slice[start...end])
        }
        if bytes[first] == 0x1E {
            return bytes[first...].split(separator: 0x1E, omittingEmptySubsequences: true).compactMap(trimmed)
        }
        // Newline-delimited: more than one non-empty line, each of which is a whole object on its own.
        let lines = bytes.split(separator: 0x0A).compactMap(trimmed)
        guard lines.count > 1, lines.allSatisfy({ $0.first == 0x7B && $0.last == 0x7D }),
              (try? JSONSerialization.jsonObject(with: lines[0])) != nil else { return nil }
        return lines
    }

    private static func parse(_ data: Data) throws(GeoJSONReadError) -> Any {
        do {
            return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw GeoJSONReadError(path: "", message: "not JSON: \((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)")")
        }
    }

    private func items(fromObject root: Any, path prefix: String) throws(GeoJSONReadError) -> [Item] {
        let at = { (path: String) in prefix.isEmpty ? path : "\(prefix).\(path)" }
        guard let object = root as? [String: Any] else { throw GeoJSONReadError(path: prefix, message: "a GeoJSON text is a JSON object") }
        switch object["type"] as? String {
        case "FeatureCollection":
            guard let features = object["features"] as? [Any] else { throw GeoJSONReadError(path: at("features"), message: "a FeatureCollection needs a 'features' array") }
            var items: [Item] = []
            for (index, feature) in features.enumerated() { items += try self.feature(feature, path: at("features[\(index)]")) }
            return items
        case "Feature":
            return try feature(object, path: prefix.isEmpty ? "feature" : prefix)
        case .some:
            return try geometries(object, path: at("geometry"), name: nil, properties: [:])
        case nil:
            throw GeoJSONReadError(path: prefix, message: "no 'type' member: expected FeatureCollection, Feature or a geometry")
        }
    }

    private func feature(_ value: Any, path: String) throws(GeoJSONReadError) -> [Item] {
        guard let object = value as? [String: Any], object["type"] as? String == "Feature" else {
            throw GeoJSONReadError(path: path, message: "expected a Feature object")
        }
        guard let geometry = object["geometry"], !(geometry is NSNull) else { return [] }
        let properties = object["properties"] as? [String: Any]
        let name = (properties?["name"] ?? properties?["NAME"] ?? object["id"]).map { "\($0)" }
        var scalars: [String: String] = [:]
        for (key, value) in properties ?? [:] {
            if let text = value as? String { scalars[key] = text } else if let number = Self.number(value) { scalars[key] = "\(number)" }
        }
        return try geometries(geometry, path: "\(path).geometry", name: name, properties: scalars)
    }

    private func geometries(_ value: Any, path: String, name: String?, properties: [String: String]) throws(GeoJSONReadError) -> [Item] {
        guard let object = value as? [String: Any], let type = object["type"] as? String else {
            throw GeoJSONReadError(path: path, message: "expected a geometry object with a 'type'")
        }
        if type == "GeometryCollection" {
            guard let members = object["geometries"] as? [Any] else { throw GeoJSONReadError(path: path, message: "a GeometryCollection needs 'geometries'") }
            var items: [Item] = []
            for (index, member) in members.enumerated() { items += try geometries(member, path: "\(path).geometries[\(index)]", name: name, properties: properties) }
            return items
        }
        guard let coordinates = object["coordinates"] else { throw GeoJSONReadError(path: path, message: "\(type) needs 'coordinates'") }
        let at = "\(path).coordinates"
        let geometry: Geometry
        switch type {
        case "Point": geometry = .point(try position(coordinates, path: at))
        case "MultiPoint":
            return try list(coordinates, path: at).enumerated().map { i, p throws(GeoJSONReadError) in
                Item(path: path, name: name, geometry: .point(try position(p, path: "\(at)[\(i)]")), properties: properties)
            }
        case "LineString": geometry = .lineString(try positions(coordinates, path: at))
        case "MultiLineString": geometry = .multiLineString(try nested(coordinates, path: at, positions))
        case "Polygon": geometry = .polygon(try rings(coordinates, path: at))
        case "MultiPolygon": geometry = .multiPolygon(try nested(coordinates, path: at, rings))
        default: throw GeoJSONReadError(path: path, message: "unknown geometry type '\(type)'")
        }
        return [Item(path: path, name: name, geometry: geometry, properties: properties)]
    }

    private func rings(_ value: Any, path: String) throws(GeoJSONReadError) -> [[Position]] {
        let rings = try nested(value, path: path, positions)
        for (index, ring) in rings.enumerated() where ring.count < 4 || ring.first != ring.last {
            throw GeoJSONReadError(path: "\(path)[\(index)]", message: "a polygon ring needs at least 4 positions, the last equal to the first")
        }
        return rings
    }

    private func nested<T>(_ value: Any, path: String, _ read: (Any, String) throws(GeoJSONReadError) -> T) throws(GeoJSONReadError) -> [T] {
        try list(value, path: path).enumerated().map { i, member throws(GeoJSONReadError) in try read(member, "\(path)[\(i)]") }
    }

    private func positions(_ value: Any, path: String) throws(GeoJSONReadError) -> [Position] {
        try nested(value, path: path, position)
    }

    private func list(_ value: Any, path: String) throws(GeoJSONReadError) -> [Any] {
        guard let array = value as? [Any] else { throw GeoJSONReadError(path: path, message: "expected an array") }
        return array
    }

    private func position(_ value: Any, path: String) throws(GeoJSONReadError) -> Position {
        guard let array = value as? [Any], array.count >= 2, let longitude = Self.number(array[0]), let latitude = Self.number(array[1]) else {
            throw GeoJSONReadError(path: path, message: "expected a position [longitude, latitude]")
        }
        guard (-180...180).contains(longitude), (-90...90).contains(latitude) else {
            throw GeoJSONReadError(path: path, message: "[\(longitude), \(latitude)] is not a WGS84 longitude, latitude; GeoJSON is in degrees (reproject with: ogr2ogr -t_srs EPSG:4326 out.geojson in.shp)")
        }
        return Position(longitude: longitude, latitude: latitude)
    }
}

extension GeoJSONReader {
    /// A JSON number as a Double; nil for anything else, true and false included (which
    /// JSONSerialization also hands out as NSNumber, of ObjC type "c").
    static func number(_ value: Any) -> Double? {
        guard let number = value as? NSNumber, String(cString: number.objCType) != "c" else { return nil }
        return number.doubleValue
    }
}

/// A GeoJSON text that cannot be measured, with where in it and why.
public struct GeoJSONReadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The JSON path, such as `features[2].geometry.coordinates[0][5]`.
    public let path: String
    public let message: String

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
