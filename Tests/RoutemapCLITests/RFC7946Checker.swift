import Foundation

/// A strict reading of RFC 7946, for routemap's own output: returns every problem found.
///
/// Checks: the `type` members; no `crs`; positions of exactly two finite numbers, longitude in
/// [-180, 180] and latitude in [-90, 90]; at most `precision` decimals; LineStrings of two or more
/// positions; no segment spanning more than 180° of longitude (lines are cut at the antimeridian);
/// closed rings of four or more positions, exteriors counterclockwise and holes clockwise; and a
/// `bbox` on every feature and the collection that is [west, south, east, north] and covers it.
struct RFC7946Checker {
    let precision: Int
    private(set) var problems: [String] = []

    init(precision: Int = 6) {
        self.precision = precision
    }

    static func check(_ text: String, precision: Int = 6) -> [String] {
        var checker = RFC7946Checker(precision: precision)
        guard let root = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return ["not a JSON object"] }
        checker.object(root, at: "$")
        if hasExponentOutsideStrings(text) { checker.problems.append("a number in exponent form") }
        return checker.problems
    }

    /// True when a digit is followed by `e` or `E` outside JSON strings: a number in exponent form.
    static func hasExponentOutsideStrings(_ text: String) -> Bool {
        var inString = false, escaped = false, previous: UInt8 = 0
        for byte in text.utf8 {
            defer { previous = byte }
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E"), (0x30...0x39).contains(previous) {
                return true
            }
        }
        return false
    }

    private mutating func object(_ o: [String: Any], at path: String) {
        if o["crs"] != nil { problems.append("\(path): has a crs member") }
        switch o["type"] as? String {
        case "FeatureCollection":
            let features = o["features"] as? [[String: Any]] ?? []
            var all: [[Double]] = []
            for (i, f) in features.enumerated() {
                object(f, at: "\(path).features[\(i)]")
                all += positions(f["geometry"] as? [String: Any])
            }
            box(o["bbox"], covering: all, at: path)
        case "Feature":
            let geometry = o["geometry"] as? [String: Any]
            if let geometry { self.geometry(geometry, at: "\(path).geometry") }
            guard o.keys.contains("properties") else { problems.append("\(path): no properties member"); return }
            if geometry != nil { box(o["bbox"], covering: positions(geometry), at: path) }
        default:
            problems.append("\(path): type \(o["type"] ?? "missing") is not FeatureCollection or Feature")
        }
    }

    private mutating func geometry(_ g: [String: Any], at path: String) {
        let c = g["coordinates"]
        switch g["type"] as? String {
        case "Point": position(c, at: path)
        case "LineString": line(c, at: path)
        case "MultiLineString": for (i, l) in (c as? [Any] ?? []).enumerated() { line(l, at: "\(path)[\(i)]") }
        case "Polygon": polygon(c, at: path)
        case "MultiPolygon": for (i, p) in (c as? [Any] ?? []).enumerated() { polygon(p, at: "\(path)[\(i)]") }
        default: problems.append("\(path): unknown geometry type \(g["type"] ?? "missing")")
        }
    }

    private mutating func position(_ value: Any?, at path: String) {
        guard let p = value as? [Double], p.count == 2 else { problems.append("\(path): a position is not two numbers"); return }
        if !(-180...180).contains(p[0]) { problems.append("\(path): longitude \(p[0]) out of range (or lat and lon swapped)") }
        if !(-90...90).contains(p[1]) { problems.append("\(path): latitude \(p[1]) out of range") }
        for x in p where decimals(x) > precision { problems.append("\(path): \(x) has more than \(precision) decimals") }
    }

    private mutating func line(_ value: Any?, at path: String) {
        guard let l = value as? [[Double]], l.count >= 2 else { problems.append("\(path): a line needs two or more positions"); return }
        for (i, p) in l.enumerated() { position(p, at: "\(path)[\(i)]") }
        for (a, b) in zip(l, l.dropFirst()) where abs(a[0] - b[0]) > 180 {
            problems.append("\(path): a segment spans \(abs(a[0] - b[0]))° of longitude: not cut at the antimeridian")
        }
    }

    private mutating func polygon(_ value: Any?, at path: String) {
        guard let rings = value as? [[[Double]]] else { problems.append("\(path): not a polygon"); return }
        for (i, ring) in rings.enumerated() {
            line(ring, at: "\(path)[\(i)]")
            if ring.count < 4 || ring.first != ring.last { problems.append("\(path)[\(i)]: a ring must be closed with four or more positions") }
            let area = zip(ring, ring.dropFirst()).reduce(0.0) { $0 + $1.0[0] * $1.1[1] - $1.1[0] * $1.0[1] }
            if (area > 0) != (i == 0) { problems.append("\(path)[\(i)]: wound against the right-hand rule") }
        }
    }

    private mutating func box(_ value: Any?, covering all: [[Double]], at path: String) {
        guard let b = value as? [Double], b.count == 4 else { problems.append("\(path): no bbox of four numbers"); return }
        if b[1] > b[3] { problems.append("\(path): bbox south > north") }
        for p in all {
            let inLongitude = b[0] <= b[2] ? (b[0]...b[2]).contains(p[0]) : p[0] >= b[0] || p[0] <= b[2]
            if !inLongitude || !(b[1]...b[3]).contains(p[1]) { problems.append("\(path): bbox \(b) does not cover \(p)"); return }
        }
    }

    private func positions(_ g: [String: Any]?) -> [[Double]] {
        func flatten(_ v: Any?) -> [[Double]] {
            if let p = v as? [Double] { return [p] }
            return (v as? [Any] ?? []).flatMap(flatten)
        }
        return flatten(g?["coordinates"])
    }

    private func decimals(_ x: Double) -> Int {
        let text = "\(x)"
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        let fraction = text[text.index(after: dot)...]
        return fraction == "0" ? 0 : fraction.count
    }
}
