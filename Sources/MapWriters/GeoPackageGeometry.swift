import GeoJSON

/// Geometries as GeoPackage stores them: a StandardGeoPackageBinary header (magic `GP`, version
/// 0, little-endian flags, SRS id, envelope) followed by ISO well-known binary, little-endian.
enum GeoPackageGeometry {
    /// The blob of `geometry` in SRS `srsID`, promoted to its table's multi type when `promote`
    /// (a LineString to a MultiLineString of one part, a Polygon to a MultiPolygon of one).
    static func blob(_ geometry: Geometry, srsID: Int32 = 4326, promote: Bool) -> [UInt8] {
        var out: [UInt8] = [0x47, 0x50, 0x00]
        let envelope: Envelope? = {
            if case .point = geometry { return nil }  // as GDAL writes points: no envelope
            return Envelope(geometry)
        }()
        out.append(0x01 | (envelope == nil ? 0 : 0x02))  // little-endian; envelope [minx, maxx, miny, maxy]
        append(UInt32(bitPattern: srsID), to: &out)
        if let envelope {
            for value in [envelope.minX, envelope.maxX, envelope.minY, envelope.maxY] { append(value, to: &out) }
        }
        appendWKB(promote ? promoted(geometry) : geometry, to: &out)
        return out
    }

    /// A single line or polygon as the multi geometry of one part.
    static func promoted(_ geometry: Geometry) -> Geometry {
        switch geometry {
        case .lineString(let line): .multiLineString([line])
        case .polygon(let rings): .multiPolygon([rings])
        default: geometry
        }
    }

    /// The geometry type name `gpkg_geometry_columns` records for a table of one family.
    static func typeName(_ family: GeometryFamily) -> String {
        switch family {
        case .points: "POINT"
        case .lines: "MULTILINESTRING"
        case .polygons: "MULTIPOLYGON"
        case .none: "GEOMETRY"
        }
    }

    /// The smallest box in plain longitude and latitude holding every position.
    struct Envelope: Equatable {
        var minX = Double.infinity, maxX = -Double.infinity, minY = Double.infinity, maxY = -Double.infinity

        init(_ geometry: Geometry) {
            for p in geometry.positions { add(p) }
        }

        init() {}

        mutating func add(_ p: Position) {
            minX = min(minX, p.longitude)
            maxX = max(maxX, p.longitude)
            minY = min(minY, p.latitude)
            maxY = max(maxY, p.latitude)
        }

        mutating func add(_ other: Envelope) {
            minX = min(minX, other.minX)
            maxX = max(maxX, other.maxX)
            minY = min(minY, other.minY)
            maxY = max(maxY, other.maxY)
        }

        var isEmpty: Bool { minX > maxX }
    }

    private static func appendWKB(_ geometry: Geometry, to out: inout [UInt8]) {
        out.append(0x01)
        switch geometry {
        case .point(let p):
            append(UInt32(1), to: &out)
            append(p, to: &out)
        case .lineString(let line):
            append(UInt32(2), to: &out)
            append(line, to: &out)
        case .polygon(let rings):
            append(UInt32(3), to: &out)
            append(polygon: rings, to: &out)
        case .multiLineString(let lines):
            append(UInt32(5), to: &out)
            append(UInt32(lines.count), to: &out)
            for line in lines {
                out.append(0x01)
                append(UInt32(2), to: &out)
                append(line, to: &out)
            }
        case .multiPolygon(let polygons):
            append(UInt32(6), to: &out)
            append(UInt32(polygons.count), to: &out)
            for rings in polygons {
                out.append(0x01)
                append(UInt32(3), to: &out)
                append(polygon: rings, to: &out)
            }
        }
    }

    /// Rings wound as GeoJSON winds them: the exterior counterclockwise, holes clockwise.
    private static func append(polygon rings: [[Position]], to out: inout [UInt8]) {
        append(UInt32(rings.count), to: &out)
        for (index, ring) in rings.enumerated() { append(Winding.wound(ring, counterclockwise: index == 0), to: &out) }
    }

    private static func append(_ line: [Position], to out: inout [UInt8]) {
        append(UInt32(line.count), to: &out)
        for p in line { append(p, to: &out) }
    }

    private static func append(_ p: Position, to out: inout [UInt8]) {
        append(p.longitude, to: &out)
        append(p.latitude, to: &out)
    }

    private static func append(_ value: Double, to out: inout [UInt8]) {
        append(value.bitPattern, to: &out)
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out += $0 }
    }
}
