import GeoJSON

/// Writes a document as one RFC 7946 FeatureCollection, layer after layer: what users drop on
/// geojson.io. Every feature has an `id` and a `layer` property; arrays of scalars are JSON text
/// (`GISProperties`). For QGIS, which types a layer by its first geometry, load it once per
/// geometry type (the README's recipe) or write a GeoPackage.
public struct GeoJSONMapWriter: MapWriter {
    /// The GeoJSON writer (decimals kept in coordinates).
    public let writer: GeoJSONWriter

    /// A writer keeping `precision` decimals in coordinates.
    public init(precision: Int = 6) {
        writer = GeoJSONWriter(precision: precision)
    }

    public func write(_ document: MapDocument) throws(MapWriterError) -> [UInt8] {
        writer.collection(FeatureCollection(features: document.allFeatures.map(GISProperties.safe)))
    }
}

/// Writes a document as an RFC 8142 GeoJSON text sequence: each feature behind an RS character,
/// ending in LF, layer after layer (`ogr2ogr` reads it as GeoJSONSeq; `routemap area` reads it).
public struct GeoJSONSeqMapWriter: MapWriter {
    /// The GeoJSON writer (decimals kept in coordinates).
    public let writer: GeoJSONWriter

    /// A writer keeping `precision` decimals in coordinates.
    public init(precision: Int = 6) {
        writer = GeoJSONWriter(precision: precision)
    }

    public func write(_ document: MapDocument) throws(MapWriterError) -> [UInt8] {
        writer.sequence(document.allFeatures.map(GISProperties.safe))
    }
}
