import ArgumentParser
import Foundation
import GeoJSON
import RouteMap

/// `routemap points`: a CSV of points as RFC 7946 GeoJSON.
struct Points: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "points",
        abstract: "Turn a CSV of points (a header row, then lat and lon columns) into RFC 7946 GeoJSON Points.",
        discussion: """
        The latitude and longitude columns are found by name (lat, latitude, y; lon, lng, long,
        longitude, x) unless --lat-column and --lon-column name them. Every other column becomes a
        string property. FILE '-' or none reads stdin.

        Examples:
          routemap points sites.csv --out sites.geojson
          routemap points --lat-column Y --lon-column X < survey.csv > survey.geojson
          routemap points ports.csv --format geojsonseq | head -3
        """
    )

    @Argument(help: "The CSV file; '-' or none reads stdin.")
    var file: String?

    @Option(name: .customLong("lat-column"), help: "The latitude column's name.")
    var latitudeColumn: String?

    @Option(name: .customLong("lon-column"), help: "The longitude column's name.")
    var longitudeColumn: String?

    @Option(name: .long, help: "Output file; '-' or none writes stdout.")
    var out: String?

    @Option(name: .long, help: "geojson (one FeatureCollection) or geojsonseq (RFC 8142 text sequence).")
    var format: ExportFormat = .geojson

    @Option(name: .long, help: "Decimals kept in coordinates (6 ≈ 0.1 m).")
    var precision: Int = 6

    func validate() throws {
        guard (0...15).contains(precision) else { throw ValidationError("--precision must be 0 to 15, not \(precision)") }
    }

    func run() throws {
        let input = try InputFile(path: file ?? "-")
        let bytes = try input.readAll(limit: InputLimits.file, what: "a CSV file")
        let table: PointTable
        do {
            table = try PointTable(csv: bytes, source: input.shownName, latitudeColumn: latitudeColumn, longitudeColumn: longitudeColumn)
        } catch {
            throw InputError(description: error.description)
        }
        let writer = GeoJSONWriter(precision: precision)
        let output = try OutputFile(path: out)
        if format == .geojson {
            try writer.write(featureCount: table.count, bbox: table.bbox, feature: table.feature(at:)) { (chunk) throws(OutputError) in try output.write(chunk) }
        } else {
            for i in 0..<table.count { try output.write(writer.sequence([table.feature(at: i)])) }
        }
        try output.commit()
    }
}
