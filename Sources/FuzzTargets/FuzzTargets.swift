import CommandIO
import Coordinates
import Foundation
import GeoJSON
import Gazetteer
import Geodesy
import Geoparser
import RouteMap

/// The fuzzing targets: each takes arbitrary bytes, feeds them to one of routemap's readers or
/// writers, and returns the invariants it found broken (empty when all hold). Thrown errors are
/// fine (bad input must be refused); a crash, a hang or a broken invariant is a finding. `make
/// fuzz` runs them under libFuzzer; the tests replay every input kept in `Fuzz/regressions/`.
public enum FuzzTargets {
    /// The targets by name.
    public static let all: [String: @Sendable ([UInt8]) -> [String]] = [
        "coordinates": coordinates,
        "place-record": placeRecord,
        "site-record": siteRecord,
        "route-record": routeRecord,
        "geonames": geonames,
        "geoparser": geoparser,
        "geojson-reader": geojsonReader,
        "geojson-output": geojsonOutput,
        "batch": batch,
        "output-writer": outputWriter,
        "line-reader": lineReader,
        "geojson-stream": geojsonStream,
        "csv-points": csvPoints,
        "citation": citation,
    ]

    static let gazetteer = try! Gazetteer.embedded()
    static let parser = Geoparser(gazetteer: gazetteer)

    /// The coordinate and length parsers: a parsed coordinate is in range, and prints back to itself.
    static func coordinates(_ bytes: [UInt8]) -> [String] {
        let text = String(decoding: bytes, as: UTF8.self)
        _ = try? Length(parsing: text)
        guard let c = try? Coordinate(parsing: text) else { return [] }
        var problems: [String] = []
        if !(c.latitude.isFinite && abs(c.latitude) <= 90 && c.longitude.isFinite && abs(c.longitude) <= 180) {
            problems.append("'\(text)' parsed to \(c.latitude), \(c.longitude), out of range")
        }
        if let again = try? Coordinate(parsing: c.decimalString()) {
            if abs(again.latitude - c.latitude) > 1e-5 || abs(again.longitude - c.longitude) > 1e-5 { problems.append("'\(text)' does not print back to itself") }
        } else {
            problems.append("'\(c.decimalString())', printed from '\(text)', does not parse")
        }
        return problems
    }

    /// The place record loader.
    static func placeRecord(_ bytes: [UInt8]) -> [String] {
        _ = try? PlaceLoader.places(from: [("fuzz.json", String(decoding: bytes, as: UTF8.self))])
        return []
    }

    /// The site record loader (against the embedded gazetteer).
    static func siteRecord(_ bytes: [UInt8]) -> [String] {
        _ = try? SupplyChainLoader(gazetteer: gazetteer).site(fromJSON: String(decoding: bytes, as: UTF8.self), path: "fuzz.json")
        return []
    }

    /// The route record loader; a loaded route draws valid GeoJSON.
    static func routeRecord(_ bytes: [UInt8]) -> [String] {
        guard let route = try? SupplyChainLoader(gazetteer: gazetteer).route(fromJSON: String(decoding: bytes, as: UTF8.self), path: "fuzz.json") else { return [] }
        return geoJSONProblems(GeoJSONWriter().feature(MapFeatures().feature(route: route)))
    }

    /// The GeoNames `geoname` row reader: what it keeps is in range.
    static func geonames(_ bytes: [UInt8]) -> [String] {
        var reader = GeoNamesReader()
        _ = try? reader.readGeonames(text: String(decoding: bytes, as: UTF8.self), name: "fuzz.txt")
        return reader.places.filter { abs($0.coordinate.latitude) > 90 || abs($0.coordinate.longitude) > 180 }.map { "\($0.id) out of range" }
    }

    /// The geoparser on valid UTF-8: mentions lie inside the text, in order, without overlap.
    static func geoparser(_ bytes: [UInt8]) -> [String] {
        guard bytes.withUnsafeBufferPointer({ UTF8Check.firstInvalidByte(in: $0) }) == nil else { return [] }
        let mentions = bytes.withUnsafeBufferPointer { parser.mentions(inUTF8: $0) }
        let scalars = String(decoding: bytes, as: UTF8.self).unicodeScalars.count
        var problems: [String] = []
        var previousEnd = 0
        for m in mentions {
            if m.start < previousEnd || m.end <= m.start || m.end > scalars { problems.append("mention [\(m.start), \(m.end)) of '\(m.surface)' out of order or outside \(scalars) code points") }
            if m.byteRange.upperBound > bytes.count { problems.append("byte range \(m.byteRange) outside \(bytes.count) bytes") }
            previousEnd = m.end
        }
        return problems
    }

    /// The GeoJSON reader and geodesic measurement: every size is a number (a polygon whose holes
    /// outgrow its exterior measures negative, which `routemap area` reports as invalid).
    static func geojsonReader(_ bytes: [UInt8]) -> [String] {
        guard let items = try? GeoJSONReader().items(from: bytes) else { return [] }
        return items.compactMap { item in
            let m = GeometryMeasurement(item.geometry)
            return !m.area.isFinite || !m.perimeter.isFinite || !m.length.isFinite || m.perimeter < 0 || m.length < 0 ? "\(item.path): measured \(m)" : nil
        }
    }

    /// GeoJSON output: routes and rings from fuzzed coordinates, radii and precisions are
    /// parseable JSON, in range, counterclockwise, and cut at the antimeridian.
    static func geojsonOutput(_ bytes: [UInt8]) -> [String] {
        var numbers = Numbers(bytes)
        let precision = Int(numbers.next(0, 15))
        var waypoints: [Waypoint] = []
        for _ in 0..<Int(numbers.next(2, 4)) {
            waypoints.append(Waypoint(coordinate: Coordinate(uncheckedLatitude: numbers.next(-90, 90), longitude: numbers.next(-180, 180))))
        }
        let writer = GeoJSONWriter(precision: precision)
        let route = SupplyRoute(id: "r", name: "r", waypoints: waypoints, legs: Array(repeating: LegDescription(mode: .sea), count: waypoints.count - 1))
        // Segments of 20 km or more: a 20,000 km leg is then at most 1,000 segments, so the target
        // runs hundreds of times a second (at 1 km it managed 8).
        var problems = geoJSONProblems(writer.feature(MapFeatures(drawing: GeodesicDrawing(maxSegment: numbers.next(20_000, 2_000_000))).feature(route: route)))
        let radius = numbers.next(1, 19_000_000)
        if let ring = try? RangeRing(centre: waypoints[0], radius: Length(radius, .m), steps: Int(numbers.next(16, 720))) {
            problems += geoJSONProblems(writer.feature(ring.feature))
        }
        return problems
    }

    /// The batch geodesic reader.
    static func batch(_ bytes: [UInt8]) -> [String] {
        let (output, bad) = GeodesicBatch(skipBad: true, threads: 1).run(bytes)
        let lines = output.split(separator: 0x0A, omittingEmptySubsequences: false).count - (output.last == 0x0A ? 1 : 0)
        let input = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).count - (bytes.last == 0x0A || bytes.isEmpty ? 1 : 0)
        return lines < input - bad.count - 1 ? ["\(input) input lines gave \(lines) output lines and \(bad.count) bad ones"] : []
    }

    /// What is wrong with a GeoJSON Feature routemap wrote: not JSON, a position out of range, a
    /// segment spanning more than 180° of longitude, an exterior ring wound clockwise.
    static func geoJSONProblems(_ bytes: [UInt8]) -> [String] {
        guard let feature = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return ["not JSON: \(String(decoding: bytes.prefix(200), as: UTF8.self))"] }
        guard let geometry = feature["geometry"] as? [String: Any], let type = geometry["type"] as? String else { return ["no geometry"] }
        var problems: [String] = []
        func line(_ value: Any?) -> [[Double]] { (value as? [[Any]])?.map { $0.compactMap { ($0 as? NSNumber)?.doubleValue } } ?? [] }
        func check(_ positions: [[Double]], ring: Bool, exterior: Bool) {
            for p in positions where p.count != 2 || abs(p[0]) > 180 || abs(p[1]) > 90 || !p[0].isFinite || !p[1].isFinite { problems.append("position \(p) out of range") }
            for (a, b) in zip(positions, positions.dropFirst()) where a.count == 2 && b.count == 2 && abs(a[0] - b[0]) > 180 { problems.append("segment \(a) → \(b) crosses the antimeridian uncut") }
            if ring {
                if positions.count < 4 || positions.first != positions.last { problems.append("ring not closed") }
                let area = zip(positions, positions.dropFirst()).reduce(0.0) { $0 + $1.0[0] * $1.1[1] - $1.1[0] * $1.0[1] }
                // Rings of a few millimetres round to zero area at low precision: only a clear clockwise turn is a finding.
                if exterior, area < -1e-9 { problems.append("exterior ring wound clockwise (area \(area))") }
            }
        }
        let coordinates = geometry["coordinates"]
        switch type {
        case "Point": break
        case "LineString": check(line(coordinates), ring: false, exterior: false)
        case "MultiLineString": for part in coordinates as? [Any] ?? [] { check(line(part), ring: false, exterior: false) }
        case "Polygon": for (i, r) in (coordinates as? [Any] ?? []).enumerated() { check(line(r), ring: true, exterior: i == 0) }
        case "MultiPolygon": for polygon in coordinates as? [Any] ?? [] { for (i, r) in (polygon as? [Any] ?? []).enumerated() { check(line(r), ring: true, exterior: i == 0) } }
        default: problems.append("unknown type \(type)")
        }
        return problems
    }
}

extension FuzzTargets {
    /// A folder of the calling thread's own, emptied for each input: the test suite replays inputs of
    /// several targets at once, and one target's files must never land in another's folder.
    static func emptyScratch() -> String {
        let key = "routemap-fuzz-scratch"
        let scratch: String
        if let known = Thread.current.threadDictionary[key] as? String {
            scratch = known
        } else {
            scratch = FileManager.default.temporaryDirectory.appendingPathComponent("routemap-fuzz-\(getpid())-\(UUID().uuidString)").path
            Thread.current.threadDictionary[key] = scratch
        }
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: scratch)) ?? [] {
            try? FileManager.default.removeItem(atPath: scratch + "/" + name)
        }
        return scratch
    }

    /// The output writer: a script of writes, commits and abandons drawn from the bytes, into files,
    /// through links and over older files. A committed file holds exactly what was written, an
    /// abandoned one leaves the old file (or nothing), and no other file is ever left in the folder.
    static func outputWriter(_ bytes: [UInt8]) -> [String] {
        let folder = emptyScratch()
        var problems: [String] = []
        var expected: [String: [UInt8]] = [:]
        var input = bytes[...]
        var step = 0
        while let op = input.popFirst() {
            step += 1
            let name = "f\(op % 3)"
            let path = folder + "/" + name
            if op & 0x30 == 0x30, expected[name] == nil, FileManager.default.fileExists(atPath: folder + "/t") {
                continue
            }
            let length = Int(input.popFirst() ?? 0) * (op & 0x40 != 0 ? 700 : 1)
            let data = Array(repeating: UInt8(truncatingIfNeeded: step), count: length)
            do {
                let viaLink = op & 0x08 != 0
                if viaLink {
                    unlink(folder + "/l")
                    symlink(name, folder + "/l")
                }
                let file = try OutputFile(path: viaLink ? folder + "/l" : path, nameless: op & 0x04 == 0)
                try file.write(data)
                if op & 0x80 == 0 {
                    try file.commit()
                    expected[name] = data
                }
            } catch {
                problems.append("step \(step): \(error)")
            }
            if viaLinkCheck(folder) { problems.append("step \(step): the link was replaced") }
            for (file, contents) in expected where Self.contents(of: folder + "/" + file) != contents {
                problems.append("step \(step): \(file) does not hold what was committed")
            }
            let left = Set((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).subtracting(expected.keys).subtracting(["l"])
            if !left.isEmpty { problems.append("step \(step): left behind \(left.sorted())") }
            if step >= 12 { break }
        }
        return problems
    }

    /// A file's bytes by read(2) (Foundation's FileManager.contents leaks 4 KB a call under LeakSanitizer).
    static func contents(of path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while case let count = read(descriptor, &buffer, buffer.count), count > 0 { bytes += buffer[0..<count] }
        return bytes
    }

    private static func viaLinkCheck(_ folder: String) -> Bool {
        var status = stat()
        return lstat(folder + "/l", &status) == 0 && status.st_mode & S_IFMT != S_IFLNK
    }

    /// The line reader over a pipe: the lines (with their newlines, less CRs before them and a
    /// first-line BOM) put back together are the input, and a line over the limit is reported with its length.
    static func lineReader(_ bytes: [UInt8]) -> [String] {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return [] }
        defer { close(ends[0]) }
        let limit = 64
        _ = bytes.withUnsafeBytes { write(ends[1], $0.baseAddress, min($0.count, 60_000)) }
        close(ends[1])
        let input = Array(bytes.prefix(60_000))
        var reader = InputFile(descriptor: ends[0], name: "fuzz").lines(maximumLength: limit)
        var got: [String] = []
        do {
            while let line = try reader.next() {
                got.append(line.bytes.map { "\(line.number):" + $0.map { String($0) }.joined(separator: ",") } ?? "\(line.number): \(line.length) bytes")
            }
        } catch {
            return []  // UTF-16 or UTF-32, refused: fine
        }
        // The same lines cut by hand: a first-line BOM dropped, one CR before each newline, too-long lines by their length.
        let body = input.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(input.dropFirst(3)) : input
        var raw = body.split(separator: 0x0A, omittingEmptySubsequences: false)
        if body.last == 0x0A || body.isEmpty { raw.removeLast() }
        let expected = raw.enumerated().map { i, line -> String in
            if line.count > limit { return "\(i + 1): \(line.count) bytes" }
            let text = line.last == 0x0D ? line.dropLast() : line
            return "\(i + 1):" + text.map { String($0) }.joined(separator: ",")
        }
        return got == expected ? [] : ["lines differ: got \(got.prefix(3)), expected \(expected.prefix(3))"]
    }

    /// The streaming GeoJSON reader: fed in pieces of 1 to 7 bytes, it reads exactly what it reads from the whole.
    static func geojsonStream(_ bytes: [UInt8]) -> [String] {
        let whole = Result { () throws(GeoJSONReadError) in try GeoJSONReader(maximumValueBytes: 1 << 16, maximumDepth: 32).items(from: bytes) }
        var offset = 0, piece = 0
        var pieces: [GeoJSON.GeoJSONReader.Item] = []
        let streamed = Result { () throws(GeoJSONReadError) in
            try GeoJSONReader(maximumValueBytes: 1 << 16, maximumDepth: 32).forEachItem(read: { buffer in
                piece = piece % 7 + 1
                let count = min(buffer.count, piece, bytes.count - offset)
                bytes.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[offset..<offset + count])) }
                offset += count
                return count
            }) { pieces.append($0) }
        }
        switch (whole, streamed) {
        case (.success(let a), .success):
            return a.map(\.path) == pieces.map(\.path) && a.map(\.geometry) == pieces.map(\.geometry) ? [] : ["pieces read \(pieces.count) items, the whole \(a.count)"]
        case (.failure(let a), .failure(let b)):
            return a.path == b.path ? [] : ["errors differ: \(a) / \(b)"]
        default:
            return ["the whole and the pieces disagree on whether the text is valid"]
        }
    }

    /// CSV points: every point in range, inside the table's box, and one feature per row.
    static func csvPoints(_ bytes: [UInt8]) -> [String] {
        guard let table = try? PointTable(csv: bytes, source: "fuzz.csv") else { return [] }
        var problems: [String] = []
        for i in 0..<table.count {
            guard case .point(let p)? = table.feature(at: i).geometry else { problems.append("feature \(i) is not a point"); continue }
            if !(abs(p.latitude) <= 90 && abs(p.longitude) <= 180) { problems.append("feature \(i) out of range") }
            if let box = table.bbox, !(box.south <= p.latitude && p.latitude <= box.north) { problems.append("feature \(i) outside the bbox") }
        }
        return problems
    }

    /// Citation resolution: a fuzzed site record in a gazetteer folder beside a file outside it.
    /// Whatever the record cites, no message shows the outside file's text (or the document's).
    static func citation(_ bytes: [UInt8]) -> [String] {
        let folder = emptyScratch()
        let root = folder + "/g"
        try? FileManager.default.createDirectory(atPath: root + "/sites", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: folder + "/outside.txt", contents: Data("SECRET-OUTSIDE".utf8))
        _ = FileManager.default.createFile(atPath: root + "/report.txt", contents: Data("SECRET-DOCUMENT".utf8))
        symlink(folder + "/outside.txt", root + "/link.txt")
        _ = FileManager.default.createFile(atPath: root + "/sites/s.json", contents: Data(bytes))
        do {
            let sources = try GazetteerSources(paths: [root])
            _ = try SupplyChainLoader(gazetteer: gazetteer).load(adding: sources)
        } catch {
            let message = "\(error)", record = String(decoding: bytes, as: UTF8.self)
            for secret in ["SECRET-OUTSIDE", "SECRET-DOCUMENT"] where message.contains(secret) && !record.contains(secret) {
                return ["a message shows a document's text: \(message.prefix(200))"]
            }
        }
        return []
    }
}

/// Numbers drawn from fuzzer bytes, two bytes each, scaled into a range (0 when the bytes run out).
struct Numbers {
    private var bytes: ArraySlice<UInt8>

    init(_ bytes: [UInt8]) { self.bytes = bytes[...] }

    mutating func next(_ low: Double, _ high: Double) -> Double {
        let a = bytes.popFirst() ?? 0, b = bytes.popFirst() ?? 0
        return low + (high - low) * Double(UInt16(a) << 8 | UInt16(b)) / 65535
    }
}
