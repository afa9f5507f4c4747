import ArgumentParser
import Coordinates
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

    func run() throws {
        let (items, label) = try load()
        let measured = items.map { (item: $0, size: GeometryMeasurement($0.geometry)) }
        if let invalid = measured.first(where: { $0.size.area < 0 }) {
            throw InputError(description: "\(label): \(invalid.item.path): its holes cover more than its exterior, so it is not a valid polygon (are the exterior and a hole swapped?)")
        }
        if output.json {
            try results.write(utf8: JSONValue.array(measured.map { json($0.item, $0.size) }).rendered)
            return
        }
        try results.line(label)
        for (item, size) in measured { try results.line(text(item, size)) }
        if measured.count > 1 {
            let total = measured.reduce((0.0, 0.0)) { ($0.0 + $1.size.area, $0.1 + $1.size.length) }
            try results.line("total: area \(areaText(total.0)), length \(lengthText(total.1))")
        }
    }

    private func load() throws -> (items: [GeoJSONReader.Item], label: String) {
        let data: Data
        let label: String
        if input == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
            label = "stdin"
        } else if FileManager.default.fileExists(atPath: input) {
            guard let contents = FileManager.default.contents(atPath: input) else { throw InputError(description: "cannot read '\(input)': not readable") }
            data = contents
            label = input
        } else if input.hasSuffix(".geojson") || input.hasSuffix(".json") {
            throw InputError(description: "cannot read '\(input)': no such file")
        } else {
            let lookup = try PlaceLookup(gazetteerOptions)
            let place = try lookup.place(for: input).match.place
            guard let shape = lookup.sources.shapes[place.id] ?? EmbeddedRecords.shape(placeID: place.id) else {
                throw InputError(description: "\(place.name) (\(place.id)) has no shape in the gazetteer, only a point\(place.bbox == nil ? "" : " and a box"); measure a GeoJSON file of it instead: routemap area FILE.geojson")
            }
            data = Data(shape.utf8)
            label = "\(place.name) (\(place.id)): \(lookup.sources.shapes[place.id] == nil ? "gazetteer/shapes/\(place.id).geojson" : "shape from --gazetteer")"
        }
        guard !data.isEmpty else { throw InputError(description: "\(label): empty input; expected GeoJSON") }
        do {
            let items = try GeoJSONReader().items(from: data)
            guard !items.isEmpty else { throw InputError(description: "\(label): no geometries to measure") }
            return (items, label)
        } catch let error as GeoJSONReadError {
            throw InputError(description: "\(label): \(error)")
        }
    }

    private func json(_ item: GeoJSONReader.Item, _ size: GeometryMeasurement) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("path", .string(item.path)), ("name", .optional(item.name)), ("type", .string(item.geometry.typeName)),
            ("area_m2", .number(size.area.rounded())), ("perimeter_m", .number((size.perimeter * 1000).rounded() / 1000)),
            ("length_m", .number((size.length * 1000).rounded() / 1000)),
        ]
        if let published = item.properties["published_area_km2"].flatMap(Double.init) {
            members += [("published_area_km2", .number(published)), ("published_area_source", .optional(item.properties["published_area_source"])),
                        ("measured_to_published", .number((size.area / 1e6 / published * 10000).rounded() / 10000))]
        }
        if let source = item.properties["source"] { members.append(("source", .string(source))) }
        return .object(members)
    }

    private func text(_ item: GeoJSONReader.Item, _ size: GeometryMeasurement) -> String {
        var line = "  \(item.name ?? item.path)  \(item.geometry.typeName)"
        switch item.geometry {
        case .polygon, .multiPolygon: line += "  area \(areaText(size.area)), perimeter \(lengthText(size.perimeter))"
        case .lineString, .multiLineString: line += "  length \(lengthText(size.length))"
        case .point: line += "  (a point: no size)"
        }
        if let published = item.properties["published_area_km2"].flatMap(Double.init) {
            line += "\n    published \(Self.grouped(published)) km² (\(item.properties["published_area_source"] ?? "source not given")); measured/published \(fixed(size.area / 1e6 / published, 3))"
        }
        return line
    }

    private func areaText(_ squareMetres: Double) -> String {
        let scale = units.metres * units.metres
        return "\(Self.grouped(squareMetres / scale)) \(units.rawValue)²"
    }

    private func lengthText(_ metres: Double) -> String { "\(fixed(units.fromMetres(metres), 3)) \(units.rawValue)" }

    /// A number rounded to a whole and grouped by thousands: 19,383,836.
    static func grouped(_ value: Double) -> String {
        let digits = String(Int(value.rounded()))
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0, i % 3 == 0, c != "-" { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }
}
