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
    ///
    /// The text may also be a GeoJSON text sequence (RFC 8142: each record behind an RS
    /// character, as `routemap export --format geojsonseq` writes) or newline-delimited GeoJSON
    /// (one object per line); its records are then `records[0]`, `records[1]`…
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

    /// Every geometry in the text, from any collection of its bytes (Foundation's `Data`, a slice).
    public func items<Bytes: Collection<UInt8>>(from bytes: Bytes) throws(GeoJSONReadError) -> [Item] {
        try items(from: Array(bytes))
    }

    /// Calls `body` with every geometry in the text `read` supplies (it fills the buffer it is
    /// given and returns how many bytes, 0 at the end), one feature at a time.
    ///
    /// A GeoJSON text sequence (RFC 8142) and newline-delimited GeoJSON are read record by record.
    public func forEachItem(
        read: @escaping (UnsafeMutableRawBufferPointer) throws(GeoJSONReadError) -> Int, _ body: (Item) throws(GeoJSONReadError) -> Void
    ) throws(GeoJSONReadError) {
        var stream = JSONStream(maximumDepth: maximumDepth, maximumValueBytes: maximumValueBytes, source: read)
        guard let first = try stream.skipSpace() else { throw GeoJSONReadError(path: "", message: "empty input; expected GeoJSON") }
        if first == 0x1E {
            // A GeoJSON text sequence: RS, a JSON text, a line feed; records without text are skipped.
            var index = 0
            while let next = try stream.skipSpace() {
                guard next == 0x1E else {
                    throw stream.error("text after the end of a record; each record of a GeoJSON text sequence starts with RS (0x1E)", path: "records[\(max(0, index - 1))]")
                }
                try stream.expect(0x1E, "RS", path: "")
                guard let start = try stream.skipSpace(), start != 0x1E else { continue }
                let path = "records[\(index)]"
                if let root = try readRoot(&stream, path: path, body) { for item in try items(fromRoot: root, path: path) { try body(item) } }
                index += 1
            }
            return
        }
        let firstLine = stream.line
        guard let root = try readRoot(&stream, path: "", body) else {
            // A streamed FeatureCollection: its features are read; the text must end here, or go on
            // as newline-delimited GeoJSON.
            try readRecords(&stream, after: firstLine, from: 1, body)
            return
        }
        guard let next = try stream.skipSpace() else {
            for item in try items(fromRoot: root, path: "") { try body(item) }
            return
        }
        guard next == 0x7B, stream.line > firstLine else { throw stream.error("text after the end of the GeoJSON object", path: "") }
        // Newline-delimited GeoJSON: one object per line.
        for item in try items(fromRoot: root, path: "records[0]") { try body(item) }
        try readRecords(&stream, after: firstLine, from: 1, body)
    }

    /// The records of newline-delimited GeoJSON from `index` on, each on a line of its own; none is an end.
    private func readRecords(_ stream: inout JSONStream, after line: Int, from index: Int, _ body: (Item) throws(GeoJSONReadError) -> Void) throws(GeoJSONReadError) {
        var index = index, line = line
        while let next = try stream.skipSpace() {
            guard next == 0x7B, stream.line > line else {
                throw stream.error(index == 1 ? "text after the end of the GeoJSON object" : "text after the end of a record; newline-delimited GeoJSON has one object a line", path: "")
            }
            line = stream.line
            let path = "records[\(index)]"
            if let root = try readRoot(&stream, path: path, body) { for item in try items(fromRoot: root, path: path) { try body(item) } }
            index += 1
        }
    }

    /// Reads one GeoJSON object at `path` ("" for a lone text): a FeatureCollection's features go to
    /// `body` as they are read (and nil is returned); any other object is returned whole.
    private func readRoot(_ stream: inout JSONStream, path prefix: String, _ body: (Item) throws(GeoJSONReadError) -> Void) throws(GeoJSONReadError) -> JSONNode? {
        let at = { (path: String) in prefix.isEmpty ? path : "\(prefix).\(path)" }
        guard try stream.skipSpace() == 0x7B else {
            stream.beginValue()
            _ = try stream.readValue(path: prefix)
            stream.endValue()
            throw GeoJSONReadError(path: prefix, message: "a GeoJSON text is a JSON object")
        }
        // The root's members, read one by one: `features` is streamed, the rest kept (they are small)
        // or, for a FeatureCollection's other members, skipped.
        try stream.expect(0x7B, "'{'", path: prefix)
        var members: [(String, JSONNode)] = []
        var streamedFeatures = false
        var pending: [Item] = []  // features read before the root's type was known
        var type: String?
        if try stream.skipSpace() == 0x7D {
            try stream.expect(0x7D, "'}'", path: prefix)
        } else {
            while true {
                guard try stream.skipSpace() == 0x22 else { throw stream.unexpected("a member name in double quotes", path: prefix) }
                let key = try stream.readString(path: prefix)
                try stream.expect(0x3A, "':'", path: prefix)
                if key == "features", type == nil || type == "FeatureCollection", try stream.skipSpace() == 0x5B {
                    try stream.expect(0x5B, "'['", path: at("features"))
                    streamedFeatures = true
                    var index = 0
                    if try stream.skipSpace() == 0x5D {
                        try stream.expect(0x5D, "']'", path: at("features"))
                    } else {
                        while true {
                            stream.beginValue()
                            let node = try stream.readValue(path: at("features[\(index)]"))
                            stream.endValue()
                            for item in try feature(node, path: at("features[\(index)]")) {
                                if type == "FeatureCollection" { try body(item) } else { pending.append(item) }
                            }
                            index += 1
                            guard let separator = try stream.skipSpace() else { throw stream.unexpected("',' or ']'", path: at("features")) }
                            if separator == 0x5D { try stream.expect(0x5D, "']'", path: at("features")); break }
                            try stream.expect(0x2C, "',' or ']'", path: at("features"))
                        }
                    }
                } else if type == "FeatureCollection", key != "type" {
                    try stream.skipValue(path: at(key))
                } else {
                    stream.beginValue()
                    let value = try stream.readValue(path: at(key))
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
                guard let separator = try stream.skipSpace() else { throw stream.unexpected("',' or '}'", path: prefix) }
                if separator == 0x7D { try stream.expect(0x7D, "'}'", path: prefix); break }
                try stream.expect(0x2C, "',' or '}'", path: prefix)
            }
        }
        switch type {
        case "FeatureCollection":
            guard streamedFeatures else { throw GeoJSONReadError(path: at("features"), message: "a FeatureCollection needs a 'features' array") }
            return nil
        case "Feature":
            guard !streamedFeatures else { throw GeoJSONReadError(path: at("features"), message: "a Feature has no 'features' member") }
        case .some:
            guard !streamedFeatures else { throw GeoJSONReadError(path: prefix, message: "a 'features' array belongs in a FeatureCollection, not a \(Self.shown(type!))") }
        case nil:
            break
        }
        return .object(members)
    }

    /// The geometries of a root object that is not a FeatureCollection: a Feature or a geometry.
    private func items(fromRoot root: JSONNode, path prefix: String) throws(GeoJSONReadError) -> [Item] {
        let at = { (path: String) in prefix.isEmpty ? path : "\(prefix).\(path)" }
        switch root["type"]?.string {
        case "Feature":
            return try feature(root, path: prefix.isEmpty ? "feature" : prefix)
        case .some:
            return try geometries(root, path: at("geometry"), name: nil, properties: [:])
        case nil:
            throw GeoJSONReadError(path: prefix, message: "no 'type' member: expected FeatureCollection, Feature or a geometry")
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
