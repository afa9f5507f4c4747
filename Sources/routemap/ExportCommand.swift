import ArgumentParser
import GeoJSON
import MapWriters
import RouteMap

/// Options for commands that write GeoJSON.
struct GeoJSONOptions: ParsableArguments {
    @Option(name: .long, help: "Decimals kept in coordinates (6 ≈ 0.1 m).")
    var precision: Int = 6

    @Option(name: .customLong("max-segment"), help: "Longest drawn segment of a route, in km: legs follow the geodesic.")
    var maxSegmentKilometres: Double = GeodesicDrawing.defaultMaxSegment / 1000

    func validate() throws {
        guard (0...15).contains(precision) else { throw ValidationError("--precision must be 0 to 15, not \(precision)") }
        guard maxSegmentKilometres >= 0.001, maxSegmentKilometres.isFinite else {
            throw ValidationError("--max-segment must be at least 0.001 km, not \(maxSegmentKilometres)")
        }
    }

    var writer: GeoJSONWriter { GeoJSONWriter(precision: precision) }
    /// Features whose legs `legs` draws (sea and river legs on the water network).
    func features(legs: LegDrawer) -> MapFeatures { MapFeatures(drawing: GeodesicDrawing(maxSegment: maxSegmentKilometres * 1000), legs: legs) }
}

/// The formats `points` writes (GeoJSON only; `export` writes every `MapOutputFormat`).
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case geojson, geojsonseq
}

/// `routemap export`: every site and route in the gazetteer as GeoJSON, a GeoPackage, KML or a map.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every facility site, supply route and cited range as GeoJSON, GeoPackage, KML, or a map (SVG, PNG, HTML).",
        discussion: """
        Sites are Points; routes are LineStrings (split into a MultiLineString where a route crosses
        ±180°): sea and river legs drawn on the water network (snapped to water at each end, every
        step a geodesic), other legs along the WGS84 geodesic. A leg's properties say how it was
        drawn ("drawn": "water-network" or "geodesic") and warn when a geodesic leg crosses land
        (sea, river) or third countries (rail, road). The ranges documents give are rings. Every
        feature has an id, a `layer` property (sites, routes, ranges) and its citations: the
        document, the code-point range and the quoted passage that support it.

        The format comes from --format or from --out's extension:
          .geojson     one RFC 7946 FeatureCollection (the default, and on stdout)
          .geojsonseq  an RFC 8142 sequence, one feature per record
          .gpkg        a GeoPackage: a table per layer (sites, routes, ranges), typed columns
          .kml         KML for Google Earth: a folder per layer, styles per mode and kind
          .svg / .png  a static map over a Natural Earth base map, projected with PROJ
          .html        one self-contained page (Leaflet, offline): pan, zoom, popups
        A file is written nameless beside its target and linked in when whole, so it is never seen
        half-written; a link is followed, and /dev/stdout, a FIFO or a device is written through,
        never replaced.

        Examples:
          routemap export --out out/seeds.geojson
          routemap export --out out/seeds.gpkg && ogrinfo out/seeds.gpkg
          routemap export --out out/seeds.svg --title "Iranian drones for Russia"
          routemap export --out out/seeds.html
          routemap export --gazetteer my-gazetteer/ --out out/mine.kml   # with your own places, sites, routes
          routemap export --format geojsonseq | head -1
          routemap export --precision 4 --max-segment 50 > seeds.geojson
        """
    )

    @Option(name: .long, help: "Output file; '-' or none writes stdout. Its extension picks the format.")
    var out: String?

    @Option(name: .long, help: "geojson, geojsonseq, gpkg, kml, svg, png or html (default: from --out's extension, else geojson).")
    var format: MapOutputFormat?

    @Option(name: .long, help: "The map's title (maps, KML, GeoPackage descriptions).")
    var title: String = "Facility sites and supply routes"

    @OptionGroup var geojson: GeoJSONOptions

    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        _ = try MapOutputFormat.resolve(format: format, out: out)
    }

    func run() throws {
        let sources = try gazetteerOptions.sources()
        let gazetteer = try loadWorldGazetteer(sources, skippingBadRows: gazetteerOptions.skipBadRows)
        let chain: (sites: [Site], routes: [SupplyRoute])
        do {
            chain = try SupplyChainLoader(gazetteer: gazetteer).load(adding: sources)
        } catch {
            throw RouteMapError.badData(error)
        }
        let collection = try geojson.features(legs: try waterLegDrawer()).collection(sites: chain.sites, routes: chain.routes) { route, warning in
            Terminal.error("warning: route \(route.id): \(warning)")
        }
        let documents = Set(chain.sites.flatMap { $0.citations.map(\.document) + $0.ranges.compactMap(\.citation?.document) }
            + chain.routes.flatMap { $0.citations.map(\.document) }).sorted()
        var attribution = ["Sites, routes and ranges: routemap's curated gazetteer; places: GeoNames (CC BY 4.0) and Natural Earth (public domain)."]
        if !documents.isEmpty { attribution.append("Each cites its passage of: \(documents.joined(separator: ", ")).") }
        let document = MapDocument(title: title, attribution: attribution, features: collection.features)
        try MapOutputFormat.resolve(format: format, out: out).write(document, to: out, precision: geojson.precision)
    }
}
