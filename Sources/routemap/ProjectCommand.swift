import ArgumentParser
import Coordinates
import DecimalText
import Foundation
import GeoJSON
import Geodesy
import RouteMap

/// `routemap project`: places and coordinates in another CRS, by PROJ.
struct Project: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project",
        abstract: "Transform places or coordinates between WGS84 and any CRS PROJ knows (UTM, Web Mercator, national grids).",
        discussion: """
        Output is always x then y: easting then northing, or longitude then latitude, whatever axis
        order the CRS's authority defines. A CRS is an EPSG code, a PROJ string, WKT or PROJJSON;
        `--to utm` picks each point's own UTM zone (north or south). With no points given, one
        point per line is read from stdin.

        Examples:
          routemap project Makhachkala --to EPSG:32639
          routemap project Makhachkala Amirabad Alabuga --to utm --json
          routemap project 55.75,37.62 --to EPSG:3857
          routemap project 214615.51,4764540.15 --from EPSG:32639
          routemap project --inverse --to EPSG:3857 4187754,7509137
          printf 'Moscow\\nKazan\\n' | routemap project --to EPSG:3857
        """
    )

    @Argument(parsing: .allUnrecognized, help: "Places or WGS84 coordinates (latitude first); with --from or --inverse, 'x,y' pairs in that CRS.")
    var points: [String] = []

    @Option(name: .long, help: "Target CRS: EPSG:n, a PROJ string, WKT, PROJJSON, or 'utm' for each point's UTM zone. Default with --from: EPSG:4326.")
    var to: String?

    @Option(name: .long, help: "Source CRS of 'x,y' input points (default: WGS84 places and coordinates).")
    var from: String?

    @Flag(name: .long, help: "Read 'x,y' points in the --to CRS and transform them back to WGS84.")
    var inverse = false

    @OptionGroup var output: OutputOptions

    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        try checkNoUnknownOptions(points, command: "project")
        if inverse, from != nil { throw ValidationError("give --inverse (points in the --to CRS, back to WGS84) or --from, not both") }
        if to == nil, from == nil { throw ValidationError("give the target CRS, for example: routemap project Makhachkala --to EPSG:32639") }
        if inverse, to == nil { throw ValidationError("--inverse needs --to, the CRS the points are in") }
        if (inverse || from != nil), to?.lowercased() == "utm", from == nil || inverse {
            throw ValidationError("--to utm picks a zone per WGS84 point; to go back from UTM name the zone: --from EPSG:32639")
        }
        if from?.lowercased() == "utm" { throw ValidationError("--from needs one CRS; name the zone: --from EPSG:32639") }
    }

    func run() throws {
        var inputs = PointInputs(arguments: points)
        var array = JSONArrayOutput()
        var failed = false, any = false
        func emit(_ input: String, _ answer: () throws -> (place: Waypoint?, x: Double, y: Double, crs: CoordinateReferenceSystem, inArea: Bool?)) throws {
            any = true
            let row: (place: Waypoint?, x: Double, y: Double, crs: CoordinateReferenceSystem, inArea: Bool?)
            do {
                row = try answer()
            } catch {
                Terminal.error(String(describing: error))
                failed = true
                return
            }
            try self.emit(input: input, place: row.place, x: row.x, y: row.y, crs: row.crs, inArea: row.inArea, array: &array)
        }
        if let sourceCRS = from ?? (inverse ? to : nil) {
            let transformer = try Transformer(from: sourceCRS, to: inverse ? Transformer.wgs84 : (to ?? Transformer.wgs84))
            while let input = try inputs.next() {
                try emit(input) {
                    let (x, y) = try Self.parsePair(input, crs: transformer.source)
                    let result = try transformer.forward(x: x, y: y)
                    return (nil, result.x, result.y, transformer.target, nil)
                }
            }
        } else {
            var lookup: PlaceLookup?
            var transformers = TransformerCache()
            while let input = try inputs.next() {
                try emit(input) {
                    if lookup == nil { lookup = PlaceLookup(gazetteerOptions) }
                    let waypoint = try lookup!.waypoint(for: input)
                    let target = try targetCRS(for: waypoint.coordinate)
                    let transformer = try transformers.transformer(to: target)
                    let result = try transformer.project(waypoint.coordinate)
                    let inArea = transformer.targetAreaContains(waypoint.coordinate)
                    if !inArea { warnOutsideArea(waypoint, transformer.target) }
                    return (waypoint, result.x, result.y, transformer.target, inArea)
                }
            }
        }
        guard any else { throw InputError(description: "no points: give places or coordinates, or one per line on stdin") }
        if output.json { try array.finish() }
        if failed { throw ExitCode(1) }
    }

    private func targetCRS(for coordinate: Coordinate) throws(InputError) -> String {
        guard let to, to.lowercased() == "utm" else { return to ?? Transformer.wgs84 }
        guard let zone = UTMZone(coordinate) else {
            throw InputError(description: "\(coordinate.decimalString()) is beyond UTM (84°N to 80°S); use a polar CRS: --to EPSG:3995 (Arctic) or EPSG:3031 (Antarctic)")
        }
        return zone.epsg
    }

    private func warnOutsideArea(_ waypoint: Waypoint, _ crs: CoordinateReferenceSystem) {
        guard let area = crs.areaOfUse else { return }
        let hint = to?.lowercased() == "utm" ? "" : "; --to utm picks each point's own zone"
        let point = waypoint.id == nil ? waypoint.name : "\(waypoint.name) (\(waypoint.coordinate.decimalString()))"
        Terminal.error("warning: \(point) is outside the area of use of \(crs.label): latitude \(fixed(area.south, 2)) to \(fixed(area.north, 2)), longitude \(fixed(area.west, 2)) to \(fixed(area.east, 2)); distortion grows there\(hint)")
    }

    private func emit(input: String, place: Waypoint?, x: Double, y: Double, crs: CoordinateReferenceSystem, inArea: Bool?, array: inout JSONArrayOutput) throws {
        let decimals = crs.isGeographic ? 8 : 3
        if output.json {
            var row: [(String, JSONValue)] = [("input", .string(input))]
            if let place { row += [("place", place.id.map(JSONValue.string) ?? .null), ("name", .string(place.name)),
                                   ("latitude", .number(place.coordinate.latitude)), ("longitude", .number(place.coordinate.longitude))] }
            row += [("x", .number(Self.rounded(x, decimals))), ("y", .number(Self.rounded(y, decimals)))]
            if crs.isGeographic, place == nil { row += [("latitude", .number(Self.rounded(y, decimals))), ("longitude", .number(Self.rounded(x, decimals)))] }
            row += [
                    ("crs", .string(crs.identifier ?? crs.definition)), ("crs_name", .string(crs.name)), ("unit", .string(crs.unit))]
            if let inArea { row.append(("in_area_of_use", .bool(inArea))) }
            try array.append(.object(row))
        } else {
            let label = place?.name ?? input
            let values = crs.isGeographic ? "lon \(fixed(x, decimals))  lat \(fixed(y, decimals))" : "x \(fixed(x, decimals))  y \(fixed(y, decimals))"
            try results.line("\(label)  →  \(values)  \(crs.unit)  \(crs.label)")
        }
    }

    private static func rounded(_ value: Double, _ decimals: Int) -> Double {
        let scale = pow(10, Double(decimals))
        return (value * scale).rounded() / scale
    }

    /// Reads 'x,y', 'x y' or 'x;y' (x is easting or longitude).
    static func parsePair(_ text: String, crs: CoordinateReferenceSystem) throws(InputError) -> (Double, Double) {
        let parts = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " || $0 == "\t" })
        let numbers = parts.compactMap { DecimalText.number($0) }.filter(\.isFinite)
        guard parts.count == 2, numbers.count == 2 else {
            let axes = crs.isGeographic ? "longitude,latitude" : "easting,northing"
            throw InputError(description: "'\(TerminalText.excerpt(text))': expected two numbers '\(axes)' in \(crs.label), such as '214615.51,4764540.15'")
        }
        return (numbers[0], numbers[1])
    }

}

/// The points `project` transforms: its arguments, or else stdin's lines read one at a time (each
/// up to 1 MiB; blank lines and `#` comments skipped), so an endless stdin streams in bounded memory.
struct PointInputs {
    private var arguments: [String].Iterator?
    private var lines: LineReader?

    init(arguments: [String]) {
        self.arguments = arguments.isEmpty ? nil : arguments.makeIterator()
    }

    /// The next point's text, or nil at the end; a line that is too long or not UTF-8 is an error.
    mutating func next() throws(InputError) -> String? {
        if arguments != nil { return arguments!.next() }
        if lines == nil { lines = try InputFile(path: "-").lines() }
        while let line = try lines!.next() {
            guard let bytes = line.bytes else {
                throw InputError(description: "stdin: line \(line.number): \(line.length) bytes, longer than the \(InputLimits.describe(lines!.maximumLength)) a line may hold; give one point per line")
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw InputError(description: "stdin: line \(line.number): not valid UTF-8; convert it first, for example: iconv -f WINDOWS-1251 -t UTF-8")
            }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            return trimmed
        }
        return nil
    }
}

/// One transformer per target CRS, made on first use (creating one costs milliseconds).
struct TransformerCache {
    private var byTarget: [String: Transformer] = [:]

    /// The WGS84 → `target` transformer.
    mutating func transformer(to target: String) throws(ProjError) -> Transformer {
        if let cached = byTarget[target] { return cached }
        let made = try Transformer(to: target)
        byTarget[target] = made
        return made
    }
}
