/// Reads the geometries of a GeoJSON text (a FeatureCollection, a Feature or a bare geometry),
/// checking every position is a WGS84 longitude and latitude, for measuring.
///
/// A FeatureCollection is streamed: its features are read one at a time from bytes that arrive in
/// blocks, so memory is a small multiple of the largest feature, not of the file. A feature (or a
/// root that is not a FeatureCollection) may span up to `maximumValueBytes`; arrays and objects nest
/// at most `maximumDepth` deep.
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

    /// The most bytes one feature (or a root that is not a FeatureCollection) may span.
    public let maximumValueBytes: Int
    /// The deepest nesting of arrays and objects.
    public let maximumDepth: Int

    /// A reader with these limits (256 MiB a feature, 256 deep by default).
    public init(maximumValueBytes: Int = 256 << 20, maximumDepth: Int = 256) {
        self.maximumValueBytes = maximumValueBytes
        self.maximumDepth = maximumDepth
    }

    /// Every geometry in the text; GeometryCollections and Multi* parts are kept as they are,
    /// except MultiPoint and GeometryCollection, whose members are listed one by one.
    public func items(from bytes: [UInt8]) throws(GeoJSONReadError) -> [Item] {
        var items: [Item] = []
        var offset = 0
        try forEachItem(read: { buffer in
            let count = min(buffer.count, bytes.count - offset)
            bytes.withUnsafeBytes { source in buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + count])) }
            offset += count
            return count
        }) { item in items.append(item) }
        return items
    }

    /// Calls `body` with every geometry in the text `read` supplies (it fills the buffer it is
    /// given and returns how many bytes, 0 at the end), one feature at a time.
    public func forEachItem(
        read: @escaping (UnsafeMutableRawBufferPointer) throws(GeoJSONReadError) -> Int, _ body: (Item) throws(GeoJSONReadError) -> Void
    ) throws(GeoJSONReadError) {
        var stream = JSONStream(maximumDepth: maximumDepth, maximumValueBytes: maximumValueBytes, source: read)
        guard let first = try stream.skipSpace() else { throw GeoJSONReadError(path: "", message: "empty input; expected GeoJSON") }
        guard first == 0x7B else {
            stream.beginValue()
            _ = try stream.readValue(path: "")
            throw GeoJSONReadError(path: "", message: "a GeoJSON text is a JSON object")
        }
        // The root's members, read one by one: `features` is streamed, the rest kept (they are small)
        // or, for a FeatureCollection's other members, skipped.
        try stream.expect(0x7B, "'{'", path: "")
        var members: [(String, JSONNode)] = []
        var streamedFeatures = false
        var pending: [Item] = []  // features read before the root's type was known
        var type: String?
        if try stream.skipSpace() == 0x7D {
            _ = try stream.peek()
        } else {
            while true {
                guard try stream.skipSpace() == 0x22 else { throw stream.unexpected("a member name in double quotes", path: "") }
                let key = try stream.readString(path: "")
                try stream.expect(0x3A, "':'", path: "")
                if key == "features", type == nil || type == "FeatureCollection", try stream.skipSpace() == 0x5B {
                    try stream.expect(0x5B, "'['", path: "features")
                    streamedFeatures = true
                    var index = 0
                    if try stream.skipSpace() == 0x5D {
                        try stream.expect(0x5D, "']'", path: "features")
                    } else {
                        while true {
                            stream.beginValue()
                            let node = try stream.readValue(path: "features[\(index)]")
                            stream.endValue()
                            for item in try feature(node, path: "features[\(index)]") {
                                if type == "FeatureCollection" { try body(item) } else { pending.append(item) }
                            }
                            index += 1
                            guard let separator = try stream.skipSpace() else { throw stream.unexpected("',' or ']'", path: "features") }
                            if separator == 0x5D { try stream.expect(0x5D, "']'", path: "features"); break }
                            try stream.expect(0x2C, "',' or ']'", path: "features")
                        }
                    }
                } else if type == "FeatureCollection", key != "type" {
                    try stream.skipValue(path: key)
                } else {
                    stream.beginValue()
                    let value = try stream.readValue(path: key)
                    stream.endValue()
                    if key == "type" {
                        type = value.string
                        if type == "FeatureCollection" {
                            for item in pending { try body(item) }
                            pending = []
                        }
                    }
                    members.append((key, value))
                }
                guard let separator = try stream.skipSpace() else { throw stream.unexpected("',' or '}'", path: "") }
                if separator == 0x7D { try stream.expect(0x7D, "'}'", path: ""); break }
                try stream.expect(0x2C, "',' or '}'", path: "")
            }
        }
        if let trailing = try stream.skipSpace() {
            _ = trailing
            throw stream.error("text after the end of the GeoJSON object", path: "")
        }
        let root = JSONNode.object(members)
        switch type {
        case "FeatureCollection":
            guard streamedFeatures else { throw GeoJSONReadError(path: "features", message: "a FeatureCollection needs a 'features' array") }
        case "Feature":
            guard !streamedFeatures else { throw GeoJSONReadError(path: "features", message: "a Feature has no 'features' member") }
            for item in try feature(root, path: "feature") { try body(item) }
        case .some:
            guard !streamedFeatures else { throw GeoJSONReadError(path: "", message: "a 'features' array belongs in a FeatureCollection, not a \(type!)") }
            for item in try geometries(root, path: "geometry", name: nil, properties: [:]) { try body(item) }
        case nil:
            throw GeoJSONReadError(path: "", message: "no 'type' member: expected FeatureCollection, Feature or a geometry")
        }
    }

    private func feature(_ value: JSONNode, path: String) throws(GeoJSONReadError) -> [Item] {
        guard case .object = value, value["type"]?.string == "Feature" else {
            throw GeoJSONReadError(path: path, message: "expected a Feature object")
        }
        guard let geometry = value["geometry"] else { return [] }
        if case .null = geometry { return [] }
        let properties = value["properties"]
        let name = (properties?["name"] ?? properties?["NAME"] ?? value["id"]).flatMap(Self.text)
        var scalars: [String: String] = [:]
        if case .object(let members)? = properties {
            for (key, value) in members {
                if let text = Self.text(value) { scalars[key] = text }
            }
        }
        return try geometries(geometry, path: "\(path).geometry", name: name, properties: scalars)
    }

    /// A string, or a number written as Swift writes it (as JSONSerialization's NSNumber did).
    private static func text(_ value: JSONNode) -> String? {
        switch value {
        case .string(let s): s
        case .number(let x): "\(x)"
        default: nil
        }
    }

    private func geometries(_ value: JSONNode, path: String, name: String?, properties: [String: String]) throws(GeoJSONReadError) -> [Item] {
        guard case .object = value, let type = value["type"]?.string else {
            throw GeoJSONReadError(path: path, message: "expected a geometry object with a 'type'")
        }
        if type == "GeometryCollection" {
            guard case .array(let members)? = value["geometries"] else {
                if case .positions? = value["geometries"] { throw GeoJSONReadError(path: path, message: "a GeometryCollection's 'geometries' are objects") }
                throw GeoJSONReadError(path: path, message: "a GeometryCollection needs 'geometries'")
            }
            var items: [Item] = []
            for (index, member) in members.enumerated() { items += try geometries(member, path: "\(path).geometries[\(index)]", name: name, properties: properties) }
            return items
        }
        guard let coordinates = value["coordinates"] else { throw GeoJSONReadError(path: path, message: "\(type) needs 'coordinates'") }
        let at = "\(path).coordinates"
        let geometry: Geometry
        switch type {
        case "Point": geometry = .point(try position(coordinates, path: at))
        case "MultiPoint":
            return try positions(coordinates, path: at).map { Item(path: path, name: name, geometry: .point($0), properties: properties) }
        case "LineString": geometry = .lineString(try positions(coordinates, path: at))
        case "MultiLineString": geometry = .multiLineString(try nested(coordinates, path: at, positions))
        case "Polygon": geometry = .polygon(try rings(coordinates, path: at))
        case "MultiPolygon": geometry = .multiPolygon(try nested(coordinates, path: at, rings))
        default: throw GeoJSONReadError(path: path, message: "unknown geometry type '\(Self.shown(type))'")
        }
        return [Item(path: path, name: name, geometry: geometry, properties: properties)]
    }

    /// A type name quoted in a message: at most 40 characters, control characters escaped.
    private static func shown(_ text: String) -> String {
        let cut = text.unicodeScalars.prefix(40).map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? "\\u{\(String($0.value, radix: 16, uppercase: true))}" : String($0) }.joined()
        return text.unicodeScalars.count > 40 ? cut + "…" : cut
    }

    private func rings(_ value: JSONNode, path: String) throws(GeoJSONReadError) -> [[Position]] {
        let rings = try nested(value, path: path, positions)
        for (index, ring) in rings.enumerated() where ring.count < 4 || ring.first != ring.last {
            throw GeoJSONReadError(path: "\(path)[\(index)]", message: "a polygon ring needs at least 4 positions, the last equal to the first")
        }
        return rings
    }

    private func nested<T>(_ value: JSONNode, path: String, _ read: (JSONNode, String) throws(GeoJSONReadError) -> T) throws(GeoJSONReadError) -> [T] {
        switch value {
        case .array(let members):
            var out: [T] = []
            out.reserveCapacity(members.count)
            for (i, member) in members.enumerated() { out.append(try read(member, "\(path)[\(i)]")) }
            return out
        case .positions(let positions):
            // An array of positions where an array of arrays of positions was expected.
            var out: [T] = []
            for (i, p) in positions.enumerated() { out.append(try read(.numbers([p.longitude, p.latitude]), "\(path)[\(i)]")) }
            return out
        case .numbers(let numbers):
            var out: [T] = []
            for (i, x) in numbers.enumerated() { out.append(try read(.number(x), "\(path)[\(i)]")) }
            return out
        default:
            throw GeoJSONReadError(path: path, message: "expected an array")
        }
    }

    private func positions(_ value: JSONNode, path: String) throws(GeoJSONReadError) -> [Position] {
        if case .positions(let positions) = value {
            for (i, p) in positions.enumerated() { try Self.check(p, path: "\(path)[\(i)]") }
            return positions
        }
        if case .array(let members) = value, members.isEmpty { return [] }
        return try nested(value, path: path, position)
    }

    private func position(_ value: JSONNode, path: String) throws(GeoJSONReadError) -> Position {
        guard case .numbers(let numbers) = value, numbers.count >= 2 else {
            throw GeoJSONReadError(path: path, message: "expected a position [longitude, latitude]")
        }
        let p = Position(longitude: numbers[0], latitude: numbers[1])
        try Self.check(p, path: path)
        return p
    }

    private static func check(_ p: Position, path: String) throws(GeoJSONReadError) {
        guard (-180...180).contains(p.longitude), (-90...90).contains(p.latitude) else {
            throw GeoJSONReadError(path: path, message: "[\(p.longitude), \(p.latitude)] is not a WGS84 longitude, latitude; GeoJSON is in degrees (reproject with: ogr2ogr -t_srs EPSG:4326 out.geojson in.shp)")
        }
    }
}

/// A GeoJSON text that cannot be measured, with where in it and why.
public struct GeoJSONReadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The JSON path, such as `features[2].geometry.coordinates[0][5]`.
    public let path: String
    public let message: String

    /// An error at `path` (empty for the whole text).
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
