/// Writes RFC 7946 GeoJSON: `[lon, lat]` positions with a fixed number of decimals, `bbox` on features
/// and collections, polygons wound by the right-hand rule, no `crs` member.
public struct GeoJSONWriter: Sendable {
    /// Decimals kept in coordinates (6 ≈ 0.1 m); trailing zeros are dropped.
    public let precision: Int
    /// Whether features and collections carry `bbox`.
    public let writesBBox: Bool
    private let scale: Double

    /// A writer keeping `precision` decimals (0…15).
    public init(precision: Int = 6, writesBBox: Bool = true) {
        self.precision = max(0, min(15, precision))
        self.writesBBox = writesBBox
        var scale = 1.0
        for _ in 0..<self.precision { scale *= 10 }
        self.scale = scale
    }

    /// A FeatureCollection, one feature per line, ending in a newline.
    public func collection(_ collection: FeatureCollection) -> [UInt8] {
        var all: [UInt8] = []
        write(collection) { all += $0 }
        return all
    }

    /// Writes a FeatureCollection to `sink` in chunks of about `chunkSize` bytes, so no whole copy is held.
    public func write<E: Error>(_ collection: FeatureCollection, chunkSize: Int = 1 << 20, to sink: ([UInt8]) throws(E) -> Void) throws(E) {
        try write(featureCount: collection.features.count, bbox: collection.bbox, foreignMembers: collection.foreignMembers,
                  chunkSize: chunkSize, feature: { collection.features[$0] }, to: sink)
    }

    /// Writes a FeatureCollection whose features are made one at a time, as they are written, by
    /// `feature(i)` for i in 0..<featureCount: no more than one is held. `bbox` is the collection's box.
    public func write<E: Error>(
        featureCount: Int, bbox: BoundingBox?, foreignMembers: [(String, JSONValue)] = [], chunkSize: Int = 1 << 20,
        feature: (Int) -> Feature, to sink: ([UInt8]) throws(E) -> Void
    ) throws(E) {
        var out: [UInt8] = []
        out.reserveCapacity(chunkSize + 4096)
        out += #"{"type":"FeatureCollection""#.utf8
        if writesBBox, let box = bbox { append(bbox: box, to: &out) }
        for (key, value) in foreignMembers { append(member: key, value, to: &out) }
        out += #","features":["#.utf8
        for i in 0..<featureCount {
            if i > 0 { out.append(0x2C) }
            out.append(0x0A)
            append(feature: feature(i), to: &out)
            if out.count >= chunkSize {
                try sink(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        out += "\n]}\n".utf8
        try sink(out)
    }

    /// One Feature, compact, with no newline.
    public func feature(_ feature: Feature) -> [UInt8] {
        var out: [UInt8] = []
        append(feature: feature, to: &out)
        return out
    }

    /// RFC 8142 GeoJSON text sequence: each feature behind an RS (0x1E) and ending in LF.
    public func sequence(_ features: [Feature]) -> [UInt8] {
        var out: [UInt8] = []
        for feature in features {
            out.append(0x1E)
            append(feature: feature, to: &out)
            out.append(0x0A)
        }
        return out
    }

    func append(feature: Feature, to out: inout [UInt8]) {
        out += #"{"type":"Feature""#.utf8
        if let id = feature.id { append(member: "id", .string(id), to: &out) }
        if writesBBox, let box = feature.bbox { append(bbox: box, to: &out) }
        out += #","geometry":"#.utf8
        if let geometry = feature.geometry { append(geometry: geometry, to: &out) } else { out += "null".utf8 }
        out += #","properties":{"#.utf8
        for (i, (key, value)) in feature.properties.enumerated() {
            if i > 0 { out.append(0x2C) }
            JSONValue.quote(key, into: &out)
            out.append(0x3A)
            value.writeCompact(into: &out)
        }
        out.append(0x7D)
        for (key, value) in feature.foreignMembers { append(member: key, value, to: &out) }
        out.append(0x7D)
    }

    private func append(member key: String, _ value: JSONValue, to out: inout [UInt8]) {
        out.append(0x2C)
        JSONValue.quote(key, into: &out)
        out.append(0x3A)
        value.writeCompact(into: &out)
    }

    private func append(bbox: BoundingBox, to out: inout [UInt8]) {
        out += #","bbox":["#.utf8
        for (i, value) in bbox.array.enumerated() {
            if i > 0 { out.append(0x2C) }
            append(number: value, to: &out)
        }
        out.append(0x5D)
    }

    private func append(geometry: Geometry, to out: inout [UInt8]) {
        out += #"{"type":""#.utf8
        out += geometry.typeName.utf8
        out += #"","coordinates":"#.utf8
        switch geometry {
        case .point(let p): append(position: p, to: &out)
        case .lineString(let line): append(line: line, to: &out)
        case .multiLineString(let lines): append(list: lines, to: &out) { append(line: $0, to: &$1) }
        case .polygon(let rings): append(polygon: rings, to: &out)
        case .multiPolygon(let polygons): append(list: polygons, to: &out) { append(polygon: $0, to: &$1) }
        }
        out.append(0x7D)
    }

    private func append<T>(list: [T], to out: inout [UInt8], _ each: (T, inout [UInt8]) -> Void) {
        out.append(0x5B)
        for (i, item) in list.enumerated() {
            if i > 0 { out.append(0x2C) }
            each(item, &out)
        }
        out.append(0x5D)
    }

    private func append(line: [Position], to out: inout [UInt8]) {
        append(list: line, to: &out) { append(position: $0, to: &$1) }
    }

    private func append(polygon rings: [[Position]], to out: inout [UInt8]) {
        let wound = rings.enumerated().map { i, ring in Winding.wound(ring, counterclockwise: i == 0) }
        append(list: wound, to: &out) { append(line: $0, to: &$1) }
    }

    private func append(position p: Position, to out: inout [UInt8]) {
        out.append(0x5B)
        append(number: p.longitude, to: &out)
        out.append(0x2C)
        append(number: p.latitude, to: &out)
        out.append(0x5D)
    }

    /// `value` rounded to `precision` decimals, trailing zeros dropped, no exponent, never "-0".
    func append(number value: Double, to out: inout [UInt8]) {
        var scaled = (value * scale).rounded()
        if scaled == 0 { scaled = 0 }
        guard value.isFinite, abs(scaled) < 9.0e18 else {
            out += (value.isFinite ? "\(value)" : "null").utf8
            return
        }
        var magnitude = UInt64(abs(scaled))
        var fraction = precision
        // Trailing zeros of the fraction are dropped.
        while fraction > 0, magnitude % 10 == 0, magnitude > 0 {
            magnitude /= 10
            fraction -= 1
        }
        if magnitude == 0 { fraction = 0 }
        // Format on the stack, right to left, and append once: no allocation or per-byte append.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
            var i = 48
            var digits = 0
            repeat {
                if digits == fraction, fraction > 0 {
                    i -= 1
                    buffer[i] = 0x2E
                }
                i -= 1
                buffer[i] = UInt8(48 + magnitude % 10)
                magnitude /= 10
                digits += 1
            } while magnitude > 0 || digits <= fraction
            if scaled < 0 {
                i -= 1
                buffer[i] = 0x2D
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[i...]))
        }
    }
}
