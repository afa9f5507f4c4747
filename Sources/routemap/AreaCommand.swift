import ArgumentParser
import Coordinates
import DecimalText
import Foundation
import GeoJSON
import Gazetteer
import RouteMap

/// `routemap area`: geodesic areas, perimeters and lengths of GeoJSON geometries or gazetteer shapes.
struct Area: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "area",
        abstract: "Measure the geodesic area and perimeter of polygons, and the length of lines (WGS84, PROJ geod_polygonarea).",
        discussion: """
        INPUT is a GeoJSON file ('-' for stdin) or a gazetteer place that has a shape (the Caspian
        Sea and the countries the seeds name). Edges are geodesics, as GeographicLib's Planimeter
        takes them; holes are subtracted; a ring counts as the smaller region it bounds. For a
        gazetteer shape the published area is shown beside the measured one.

        Examples:
          routemap area "Caspian Sea"
          routemap area Russia --json
          routemap area out/seeds.geojson                 # route lengths
          routemap ring Makhachkala --radius 2500km --geojson | routemap area -
        """
    )

    @Argument(help: "A GeoJSON file, '-' for stdin, or a place with a shape.")
    var input: String

    @Option(name: .long, help: "Units for lengths: m, km, mi or nmi (areas are in the square of it; m gives m²).")
    var units: DistanceUnit = .km

    @OptionGroup var output: OutputOptions

    @OptionGroup var gazetteerOptions: GazetteerOptions

    /// One measured geometry: what `area` prints of it (the geometry itself is not kept).
    struct Measured {
        let path: String
        let name: String?
        let typeName: String
        let size: GeometryMeasurement
        /// The published area in km² and its source, when the feature gives a plausible one.
        let published: (area: Double, source: String?)?
        let source: String?
    }

    /// Warnings about geometries printed before the rest are only counted.
    static let warningsShown = 10

    /// The Earth's surface in km² (WGS84, `Planimeter` on the whole ellipsoid): no area can be larger.
    static let earthSurface = 510_065_621.7

    func run() throws {
        let (measured, label) = try load()
        if output.json {
            var array = JSONArrayOutput()
            for item in measured { try array.append(json(item)) }
            try array.finish()
            return
        }
        try results.line(label)
        for item in measured { try results.line(text(item)) }
        if measured.count > 1 {
            let total = measured.reduce((0.0, 0.0)) { ($0.0 + $1.size.area, $0.1 + $1.size.length) }
            try results.line("total: area \(areaText(total.0)), length \(lengthText(total.1))")
        }
    }

    /// Reads and measures every geometry, one feature at a time: a FeatureCollection is streamed,
    /// so memory follows the largest feature, not the file.
    private func load() throws -> (items: [Measured], label: String) {
        let label: String
        let read: (UnsafeMutableRawBufferPointer) throws(GeoJSONReadError) -> Int
        if input == "-" || FileManager.default.fileExists(atPath: input) {
            let file = try InputFile(path: input)
            label = file.shownName
            var first = true
            read = { (buffer) throws(GeoJSONReadError) in
                do {
                    let count = try file.read(into: buffer)
                    if first, count > 0 {
                        first = false
                        if let problem = InputEncoding.problem(in: UnsafeRawBufferPointer(rebasing: buffer[0..<count]), name: label, path: input == "-" ? nil : input) {
                            throw GeoJSONReadError(path: "", message: problem)
                        }
                    }
                    return count
                } catch let error as GeoJSONReadError {
                    throw error
                } catch {
                    throw GeoJSONReadError(path: "", message: "\(error)")
                }
            }
        } else if input.hasSuffix(".geojson") || input.hasSuffix(".json") {
            throw InputError(description: "cannot read '\(TerminalText.excerpt(input, limit: 300))': no such file")
        } else {
            let lookup = PlaceLookup(gazetteerOptions)
            let place = try lookup.place(for: input).match.place
            guard let shape = (try lookup.sources).shapes[place.id] ?? EmbeddedRecords.shape(placeID: place.id) else {
                throw InputError(description: "\(place.name) (\(place.id)) has no shape in the gazetteer, only a point\(place.bbox == nil ? "" : " and a box"); measure a GeoJSON file of it instead: routemap area FILE.geojson")
            }
            let bytes = Array(shape.utf8)
            var offset = 0
            read = { buffer in
                let count = min(buffer.count, bytes.count - offset)
                bytes.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[offset..<offset + count])) }
                offset += count
                return count
            }
            label = "\(place.name) (\(place.id)): \((try lookup.sources).shapes[place.id] == nil ? "gazetteer/shapes/\(place.id).geojson" : "shape from --gazetteer")"
        }
        var items: [Measured] = []
        var warnings = 0
        do {
            try GeoJSONReader(maximumValueBytes: InputLimits.feature, maximumDepth: InputLimits.nesting).forEachItem(read: read) { (item) throws(GeoJSONReadError) in
                items.append(try measure(item, label: label, warnings: &warnings))
            }
        } catch {
            throw InputError(description: "\(label): \(error)")
        }
        if warnings > Self.warningsShown { Terminal.warning("\(label): \(warnings - Self.warningsShown) more warnings like these") }
        guard !items.isEmpty else { throw InputError(description: "\(label): no geometries to measure") }
        return (items, label)
    }

    /// Measures one geometry; a polygon whose holes outgrow it is an error, one whose ring crosses
    /// itself is measured with a warning, and a published area no place on Earth can have is left out with one.
    private func measure(_ item: GeoJSONReader.Item, label: String, warnings: inout Int) throws(GeoJSONReadError) -> Measured {
        func warn(_ message: @autoclosure () -> String) {
            warnings += 1
            if warnings <= Self.warningsShown { Terminal.warning(message()) }
        }
        let size = GeometryMeasurement(item.geometry)
        if size.area < 0 {
            throw GeoJSONReadError(path: item.path, message: "its holes cover more than its exterior, so it is not a valid polygon (are the exterior and a hole swapped?)")
        }
        let rings: [[Position]] = switch item.geometry {
        case .polygon(let rings): rings
        case .multiPolygon(let polygons): polygons.flatMap { $0 }
        default: []
        }
        for (index, ring) in rings.enumerated() {
            guard let crossing = RingCrossing.first(in: ring) else { continue }
            warn("\(label): \(item.path): ring \(index) crosses itself near \(fixed(crossing.point.latitude, 5)), \(fixed(crossing.point.longitude, 5)) (edges \(crossing.firstEdge) and \(crossing.secondEdge)), so its area is the difference of its lobes, not what it seems to enclose; make it valid first, for example: ogr2ogr -makevalid out.geojson in.geojson")
            break
        }
        var published: (area: Double, source: String?)?
        if let text = item.properties["published_area_km2"] {
            if let value = DecimalText.number(text), value > 0, value <= Self.earthSurface {
                published = (value, item.properties["published_area_source"])
            } else {
                warn("\(label): \(item.path): published_area_km2 '\(TerminalText.excerpt(text))' is not an area on Earth (a number above 0 and up to \(Self.grouped(Self.earthSurface)) km²); left out")
            }
        }
        return Measured(path: item.path, name: item.name, typeName: item.geometry.typeName, size: size, published: published, source: item.properties["source"])
    }

    private func json(_ item: Measured) -> JSONValue {
        let size = item.size
        var members: [(String, JSONValue)] = [
            ("path", .string(item.path)), ("name", .optional(item.name)), ("type", .string(item.typeName)),
            ("area_m2", .number(size.area.rounded())), ("perimeter_m", .number((size.perimeter * 1000).rounded() / 1000)),
            ("length_m", .number((size.length * 1000).rounded() / 1000)),
        ]
        if let published = item.published {
            members += [("published_area_km2", .number(published.area)), ("published_area_source", .optional(published.source)),
                        ("measured_to_published", .number((size.area / 1e6 / published.area * 10000).rounded() / 10000))]
        }
        if let source = item.source { members.append(("source", .string(source))) }
        return .object(members)
    }

    private func text(_ item: Measured) -> String {
        let size = item.size
        var line = "  \(item.name ?? item.path)  \(item.typeName)"
        switch item.typeName {
        case "Polygon", "MultiPolygon": line += "  area \(areaText(size.area)), perimeter \(lengthText(size.perimeter))"
        case "LineString", "MultiLineString": line += "  length \(lengthText(size.length))"
        default: line += "  (a point: no size)"
        }
        if let published = item.published {
            line += "\n    published \(Self.grouped(published.area)) km² (\(published.source ?? "source not given")); measured/published \(fixed(size.area / 1e6 / published.area, 3))"
        }
        return line
    }

    private func areaText(_ squareMetres: Double) -> String {
        let scale = units.metres * units.metres
        return "\(Self.grouped(squareMetres / scale)) \(units.rawValue)²"
    }

    private func lengthText(_ metres: Double) -> String { "\(fixed(units.fromMetres(metres), 3)) \(units.rawValue)" }

    /// A number rounded to a whole and grouped by thousands: 19,383,836 (beyond 10¹⁸, or not finite, as Swift prints it).
    static func grouped(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e18 else { return "\(value)" }
        let digits = String(Int(value.rounded()))
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0, i % 3 == 0, c != "-" { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }
}
