/// A file format a map document is written in: one writer per format (GeoJSON, GeoJSONSeq,
/// GeoPackage, KML here; SVG, PNG and HTML in Cartography). A new format is a new writer.
public protocol MapWriter: Sendable {
    /// The whole file, ready to be written atomically.
    func write(_ document: MapDocument) throws(MapWriterError) -> [UInt8]
}

/// Why a document could not be written, said so a user can act on it.
public struct MapWriterError: Error, Sendable, CustomStringConvertible {
    /// What went wrong and what to do.
    public let message: String

    /// An error with its message.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
