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
        var problems = geoJSONProblems(writer.feature(MapFeatures(drawing: GeodesicDrawing(maxSegment: numbers.next(1000, 2_000_000))).feature(route: route)))
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

/// Numbers drawn from fuzzer bytes, two bytes each, scaled into a range (0 when the bytes run out).
struct Numbers {
    private var bytes: ArraySlice<UInt8>

    init(_ bytes: [UInt8]) { self.bytes = bytes[...] }

    mutating func next(_ low: Double, _ high: Double) -> Double {
        let a = bytes.popFirst() ?? 0, b = bytes.popFirst() ?? 0
        return low + (high - low) * Double(UInt16(a) << 8 | UInt16(b)) / 65535
    }
}
