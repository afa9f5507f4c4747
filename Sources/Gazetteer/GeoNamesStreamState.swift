/// GeoNames ids as bits, one per possible id: twelve million ids below 13 million take 1.6 MB,
/// where a `Set<Int>` takes about 300 MB. Ids are 32-bit in GeoNames (`GeoNamesReader.geonameid` checks).
struct GeonameIDSet {
    private var words: [UInt64] = []

    /// Adds `id`; false when it was already there.
    @discardableResult
    mutating func insert(_ id: Int) -> Bool {
        let word = id >> 6, bit = UInt64(1) << UInt64(id & 63)
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: max(word + 1, words.count * 2) - words.count)) }
        defer { words[word] |= bit }
        return words[word] & bit == 0
    }

    /// Whether `id` is there.
    func contains(_ id: Int) -> Bool {
        let word = id >> 6
        return word < words.count && words[word] & (UInt64(1) << UInt64(id & 63)) != 0
    }
}

/// The alternate names of the places an import keeps, packed in one byte buffer: each name is a
/// record (the place's previous record, language, name) chained from its place's last one, so
/// millions of names cost their bytes plus 14 each, not two `String`s and an array slot.
struct AlternateNameStore {
    private var last: [Int: Int] = [:]
    private var bytes: [UInt8] = []

    /// Adds a name in `language` to place `geonameid`.
    mutating func append(geonameid: Int, language: String, name: String) {
        let previous = last[geonameid] ?? -1
        last[geonameid] = bytes.count
        withUnsafeBytes(of: Int64(previous)) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt16(truncatingIfNeeded: language.utf8.count)) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: name.utf8.count)) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: language.utf8)
        bytes.append(contentsOf: name.utf8)
    }

    /// The (language, name) pairs of place `geonameid` in the order they were added, which are then forgotten.
    mutating func take(geonameid: Int) -> [(String, String)] {
        guard var at = last.removeValue(forKey: geonameid) else { return [] }
        var names: [(String, String)] = []
        bytes.withUnsafeBytes { bytes in
            while at >= 0 {
                let previous = Int(bytes.loadUnaligned(fromByteOffset: at, as: Int64.self))
                let languageLength = Int(bytes.loadUnaligned(fromByteOffset: at + 8, as: UInt16.self))
                let nameLength = Int(bytes.loadUnaligned(fromByteOffset: at + 10, as: UInt32.self))
                let languageStart = at + 14, nameStart = languageStart + languageLength
                names.append((String(decoding: bytes[languageStart..<nameStart], as: UTF8.self),
                              String(decoding: bytes[nameStart..<nameStart + nameLength], as: UTF8.self)))
                at = previous
            }
        }
        return names.reversed()
    }
}
