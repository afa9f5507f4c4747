import Synchronization

/// A place's names, abbreviations, links and sources: given whole, or kept as the compiled index's bytes and decoded the
/// first time any of them is read. Most places a document resolves are only located and named, never asked for their
/// names in every language: they cost a copy of their bytes, not a table of strings.
final class PlaceLists: Sendable {
    /// The four tables.
    struct Decoded: Sendable {
        let names: [String: [String]], abbreviations: [String: [String]]
        let links: [String: String], sources: [String: String]
    }

    /// The tables as `PlaceCoding` wrote them (names, abbreviations, links, sources), already checked whole; empty once given decoded.
    private let encoded: [UInt8]
    private let decoded: Mutex<Decoded?>

    /// Lists given decoded.
    init(_ decoded: Decoded) {
        encoded = []
        self.decoded = Mutex(decoded)
    }

    /// Lists to decode from `encoded`, bytes that `PlaceCoding.skipLists` has read through without a fault.
    init(encoded: [UInt8]) {
        self.encoded = encoded
        decoded = Mutex(nil)
    }

    /// The tables, decoded on the first call.
    var value: Decoded {
        decoded.withLock { known in
            if let known { return known }
            let made = encoded.withUnsafeBytes { bytes in
                var reader = ByteReader(bytes, from: 0, to: bytes.count)
                return PlaceCoding.decodeLists(&reader)
            }
            known = made
            return made
        }
    }
}
