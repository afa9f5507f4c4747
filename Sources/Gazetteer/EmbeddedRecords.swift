import CZlib
import Foundation

/// The JSON records and TSV tables of `gazetteer/`, compiled into the binary by the EmbedGazetteer plugin.
///
/// Files over 1 MiB (the world's tables) are embedded deflated and inflated here when read, which
/// happens only when a gazetteer index is built: a command that finds its index fresh reads none.
public enum EmbeddedRecords {
    /// Every record and table, as (path such as `gazetteer/places/moscow.json`, text).
    public static var all: [(path: String, json: String)] {
        embeddedGazetteerRecords + embeddedCompressedGazetteerTables.map { ($0.path, inflated($0)) }
    }

    /// The records in one folder of `gazetteer/`: `places`, `sites`, `routes` or `world`.
    public static func records(in folder: String) -> [(path: String, json: String)] {
        let prefix = "gazetteer/\(folder)/"
        return embeddedGazetteerRecords.filter { $0.path.hasPrefix(prefix) }
            + embeddedCompressedGazetteerTables.filter { $0.path.hasPrefix(prefix) }.map { ($0.path, inflated($0)) }
    }

    /// The polygon of a place as GeoJSON text (`gazetteer/shapes/<id>.geojson`), when the gazetteer holds one.
    public static func shape(placeID: String) -> String? {
        embeddedGazetteerRecords.first { $0.path == "gazetteer/shapes/\(placeID).geojson" }?.json
    }

    /// The paths of the tables embedded deflated, with their sizes in bytes and in the binary (base64 of the zlib stream).
    public static var compressedTables: [(path: String, size: Int, embeddedSize: Int)] {
        embeddedCompressedGazetteerTables.map { ($0.path, $0.size, $0.base64.utf8CodeUnitCount) }
    }

    /// The text of a deflated table. The plugin wrote both the stream and its size, so a failure is a build fault, not bad input.
    static func inflated(_ table: (path: String, size: Int, base64: StaticString)) -> String {
        let stream = table.base64.withUTF8Buffer { Data(base64Encoded: Data($0)) }
        guard let stream else { fatalError("embedded \(table.path): not base64; rebuild routemap") }
        var text = [UInt8](repeating: 0, count: table.size)
        var size = uLongf(table.size)
        let status = text.withUnsafeMutableBufferPointer { target in
            stream.withUnsafeBytes { source in
                uncompress(target.baseAddress, &size, source.bindMemory(to: Bytef.self).baseAddress, uLong(stream.count))
            }
        }
        guard status == Z_OK, Int(size) == table.size else { fatalError("embedded \(table.path): zlib status \(status); rebuild routemap") }
        return String(decoding: text, as: UTF8.self)
    }
}
