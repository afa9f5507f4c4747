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
    public func items(from data: Data) throws(GeoJSONReadError) -> [Item] {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw GeoJSONReadError(path: "", message: "not JSON: \((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)")")
        }
        guard let object = root as? [String: Any] else { throw GeoJSONReadError(path: "", message: "a GeoJSON text is a JSON object") }
        switch object["type"] as? String {
        case "FeatureCollection":
            guard let features = object["features"] as? [Any] else { throw GeoJSONReadError(path: "features", message: "a FeatureCollection needs a 'features' array") }
            var items: [Item] = []
            for (index, feature) in features.enumerated() { items += try self.feature(feature, path: "features[\(index)]") }
            return items
        case "Feature":
            return try feature(object, path: "feature")
        case .some:
            return try geometries(object, path: "geometry", name: nil, properties: [:])
        case nil:
            throw GeoJSONReadError(path: "", message: "no 'type' member: expected FeatureCollection, Feature or a geometry")
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
