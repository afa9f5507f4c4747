import Coordinates

/// The network as `waterways/network.tsv` writes it (see waterways/tools/build_network.py):
/// `W` lines name the waterways, `N` lines give the nodes (latitude, longitude), `E` lines the edges
/// (two node numbers, a kind letter, a waterway number).
struct NetworkText {
    var waterways: [Waterway] = []
    var latitudes: [Double] = []
    var longitudes: [Double] = []
    var edges: [(a: UInt32, b: UInt32, kind: WaterwayKind, waterway: UInt16)] = []

    /// Reads the text; a malformed line is an error with its number.
    init(_ text: String) throws(WaterwaysError) {
        var lineNumber = 0
        var fields: [Substring.UTF8View.SubSequence] = []
        for line in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            guard let tag = line.first, tag != UInt8(ascii: "#") else { continue }
            fields.removeAll(keepingCapacity: true)
            fields.append(contentsOf: line.split(separator: 0x09, omittingEmptySubsequences: false))
            func bad(_ why: String) -> WaterwaysError { .badNetwork(line: lineNumber, reason: why) }
            switch tag {
            case UInt8(ascii: "N"):
                guard fields.count == 3, let lat = Double(Substring(fields[1])), let lon = Double(Substring(fields[2])),
                      (-90...90).contains(lat), (-180...180).contains(lon) else { throw bad("a node is N, latitude, longitude") }
                latitudes.append(lat)
                longitudes.append(lon)
            case UInt8(ascii: "E"):
                guard fields.count == 5, let a = UInt32(Substring(fields[1])), let b = UInt32(Substring(fields[2])),
                      fields[3].count == 1, let kind = WaterwayKind(letter: fields[3].first!), let w = UInt16(Substring(fields[4])) else {
                    throw bad("an edge is E, node, node, kind (s, t, c, r), waterway number")
                }
                edges.append((a, b, kind, w))
            case UInt8(ascii: "W"):
                guard fields.count == 6, let number = Int(Substring(fields[1])), let kind = WaterwayKind(rawValue: String(Substring(fields[4]))) else {
                    throw bad("a waterway is W, number, id, name, kind, anchors")
                }
                waterways.append(Waterway(number: number, id: String(Substring(fields[2])), name: String(Substring(fields[3])), kind: kind, anchors: String(Substring(fields[5]))))
            default:
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { continue }
                throw bad("a line starts with W, N, E or #")
            }
        }
        for (i, e) in edges.enumerated() where Int(e.a) >= latitudes.count || Int(e.b) >= latitudes.count {
            throw .badNetwork(line: 0, reason: "edge \(i) joins node \(max(e.a, e.b)), but there are \(latitudes.count) nodes")
        }
    }

    /// Only the `W` lines, which come first: the waterways' names without reading the nodes.
    static func waterways(_ text: String) -> [Waterway] {
        var found: [Waterway] = []
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                start = end + 1
                guard let tag = line.first, tag == UInt8(ascii: "W") || tag == UInt8(ascii: "#") else { break }
                guard tag == UInt8(ascii: "W") else { continue }
                let f = line.split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
                if f.count == 6, let n = Int(f[1]), let kind = WaterwayKind(rawValue: f[4]) {
                    found.append(Waterway(number: n, id: f[2], name: f[3], kind: kind, anchors: f[5]))
                }
            }
        }
        return found
    }
}
