import ArgumentParser
import Coordinates
import GeoJSON
import Geodesy
import RouteMap

/// `routemap ring`: range rings around a place.
struct Ring: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ring",
        abstract: "Draw range rings: every point within a geodesic distance of a place, as RFC 7946 polygons.",
        discussion: """
        Each ring's vertices are exactly RADIUS from the centre along the WGS84 geodesic (PROJ
        geod_direct). Polygons are wound counterclockwise, cut into a MultiPolygon at ±180°, and
        closed through the pole when a ring encloses one. A radius is a number and a unit (m, km,
        mi, nmi); a bare number is km.

        Examples:
          routemap ring Makhachkala --radius 2500km
          routemap ring Makhachkala --radius 1000km --radius 2500km --geojson > rings.geojson
          routemap ring Moscow --radius 900mi --out out/moscow-900mi.geojson
          routemap ring 85,10 --radius 2500km --geojson      # encloses the North Pole
          routemap ring 65N,179E --radius 500km --json        # cut at the antimeridian
          routemap ring -70,0 --radius 3000km                  # encloses the South Pole
        """
    )

    @Argument(parsing: .allUnrecognized, help: "The centre: a place or a coordinate (latitude first).")
    var centre: [String] = []

    @Option(name: .long, help: "Radius with a unit: 2500km, 900mi, 1350nmi (repeatable).", transform: { (text: String) throws -> Length in
        do { return try Length(parsing: text) } catch { throw ValidationError(String(describing: error)) }
    })
    var radius: [Length] = []

    @Option(name: .long, help: "Vertices per ring (at least 16).")
    var steps: Int = 360

    @Option(name: .long, help: "A label for the rings, such as \"Shahed-136 reach\".")
    var label: String?

    @Flag(name: .long, help: "Print JSON for scripts: each ring's centre, radius, area and bbox.")
    var json = false

    @Flag(name: .long, help: "Print the rings as a GeoJSON FeatureCollection.")
    var geojson = false

    @Option(name: .long, help: "Write the GeoJSON to this file (atomically) instead of stdout.")
    var out: String?

    @Option(name: .long, help: "Decimals kept in coordinates (6 ≈ 0.1 m).")
    var precision: Int = 6

    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        try checkNoUnknownOptions(centre, command: "ring")
        guard centre.count == 1 else { throw ValidationError("give one centre, a place or a coordinate: routemap ring Makhachkala --radius 2500km") }
        guard !radius.isEmpty else { throw ValidationError("give a radius with its unit, for example: routemap ring Makhachkala --radius 2500km") }
        guard steps >= 16, steps <= 1_000_000 else { throw ValidationError("--steps must be 16 to 1000000, not \(steps)") }
        guard !(json && (geojson || out != nil)) else { throw ValidationError("choose one of --json and --geojson/--out") }
        guard (0...15).contains(precision) else { throw ValidationError("--precision must be 0 to 15, not \(precision)") }
    }

    func run() throws {
        let lookup = PlaceLookup(gazetteerOptions)
        let waypoint = try lookup.waypoint(for: centre[0])
        let rings = try radius.map { r throws(RouteMapError) in try RangeRing(centre: waypoint, radius: r, steps: steps, label: label) }
        if geojson || out != nil {
            let collection = FeatureCollection(features: rings.map(\.feature))
            try writeResult(GeoJSONWriter(precision: precision).collection(collection), to: out)
        } else if json {
            try results.write(utf8: JSONValue.array(rings.map(summary)).rendered)
        } else {
            for ring in rings { try results.line(text(ring)) }
        }
    }

    private func summary(_ ring: RangeRing) -> JSONValue {
        let measured = ring.areaAndPerimeter
        let parts = ring.ring.polygons()
        return .object([
            ("centre", .string(ring.centre.id ?? ring.centre.name)),
            ("centre_name", .string(ring.centre.name)),
            ("latitude", .number(ring.centre.coordinate.latitude)),
            ("longitude", .number(ring.centre.coordinate.longitude)),
            ("radius", .string(ring.radius.description)),
            ("radius_m", .number(ring.radius.metres)),
            ("vertices", .integer(ring.ring.vertices.count)),
            ("polygons", .integer(parts.count)),
            ("encloses_pole", ring.ring.enclosedPole.map { .string($0.rawValue) } ?? .null),
            ("area_km2", .number((measured.area / 1e6).rounded())),
            ("perimeter_km", .number((measured.perimeter / 1000 * 1000).rounded() / 1000)),
        ])
    }

    private func text(_ ring: RangeRing) -> String {
        let measured = ring.areaAndPerimeter
        let parts = ring.ring.polygons().count
        let shape = ring.ring.enclosedPole.map { "encloses the \($0.rawValue) pole (closed through it)" }
            ?? (parts == 2 ? "crosses ±180° (cut into two polygons)" : "one polygon")
        return """
        \(ring.radius) around \(ring.centre.id == nil ? ring.centre.name : "\(ring.centre.name) (\(ring.centre.coordinate.decimalString()))")
          vertices  \(ring.ring.vertices.count), each \(ring.radius) from the centre along the geodesic
          shape     \(shape)
          area      \(Area.grouped(measured.area / 1e6)) km²  (edges as geodesics)
        """
    }
}
