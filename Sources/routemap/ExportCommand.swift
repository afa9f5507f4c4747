import ArgumentParser
import GeoJSON
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
    var features: MapFeatures { MapFeatures(drawing: GeodesicDrawing(maxSegment: maxSegmentKilometres * 1000)) }
}

/// The formats `export` writes.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case geojson, geojsonseq
}

/// `routemap export`: every site and route in the gazetteer as GeoJSON.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every facility site and supply route as RFC 7946 GeoJSON.",
        discussion: """
        Sites are Points; routes are LineStrings drawn along the WGS84 geodesic (split into a
        MultiLineString where a route crosses ±180°). Every feature carries its citations: the
        document, the code-point range and the quoted passage that support it. A file is written
        nameless beside its target and linked in when whole, so it is never seen half-written; a
        link is followed, and /dev/stdout, a FIFO or a device is written through, never replaced.

        Examples:
          routemap export --out out/seeds.geojson
          routemap export --gazetteer my-gazetteer/ --out out/mine.geojson   # with your own places, sites, routes
          routemap export --format geojsonseq | head -1
          routemap export --precision 4 --max-segment 50 > seeds.geojson
          ogrinfo -al -so out/seeds.geojson
        """
    )

    @Option(name: .long, help: "Output file; '-' or none writes stdout.")
    var out: String?

    @Option(name: .long, help: "geojson (one FeatureCollection) or geojsonseq (RFC 8142 text sequence).")
    var format: ExportFormat = .geojson

    @OptionGroup var geojson: GeoJSONOptions

    @OptionGroup var gazetteerOptions: GazetteerOptions

    func run() throws {
        let sources = try gazetteerOptions.sources()
        let gazetteer = try loadGazetteer(sources)
        let chain: (sites: [Site], routes: [SupplyRoute])
        do {
            chain = try SupplyChainLoader(gazetteer: gazetteer).load(adding: sources)
        } catch {
            throw RouteMapError.badData(error)
        }
        let collection = try geojson.features.collection(sites: chain.sites, routes: chain.routes)
        let bytes = format == .geojson ? geojson.writer.collection(collection) : geojson.writer.sequence(collection.features)
        try OutputFile.write(bytes, to: out)
    }
}
