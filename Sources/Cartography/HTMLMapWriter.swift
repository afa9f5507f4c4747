import MapWriters

/// Placeholder while the page is built.
public struct HTMLMapWriter: MapWriter {
    public init() {}
    public func write(_ document: MapDocument) throws(MapWriterError) -> [UInt8] { throw MapWriterError("HTML not yet") }
}
