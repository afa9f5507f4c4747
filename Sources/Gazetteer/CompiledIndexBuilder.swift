#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Builds a `CompiledIndex` file in bounded memory, one place at a time: each place is encoded and
/// written to a scratch file as it is added, its names and id go to external sorts, and `write`
/// merges the sorts and joins the sections into the index. Memory stays near the sorts' buffers
/// (80 MiB by default) whether the sources hold a thousand places or twelve million.
final class CompiledIndexBuilder {
    /// A name entry as the sort carries it: the place, where its name is in the string pool, its language and match kind.
    private struct EntryPayload {
        var place: UInt32
        var nameLength: UInt16
        var language: UInt16
        var nameOffset: UInt64
        var kind: UInt8
    }

    /// The folder scratch files are made in (they have no names there).
    private let scratch: String
    /// The places' encoded bytes, and where each starts (u64) in them.
    private let places: SpillFile, placeOffsets: SpillFile
    /// Names as they come, then keys, languages and the description.
    private let strings: SpillFile
    /// Place ids (payload: place index) and normalised name keys (payload: `EntryPayload`), sorted on disk.
    private var ids: ExternalSorter, names: ExternalSorter
    private var placeCount = 0
    private var languageIndexes: [String: UInt16] = [:], languages: [String] = []
    private var encoded = ByteWriter()

    /// A builder whose scratch files live in `folder`, the index's own;
    /// the name sort holds up to `sortMemory` bytes of records at a time, the id sort a quarter of that.
    init(scratchIn folder: String, sortMemory: Int = 64 << 20) throws(GazetteerError) {
        scratch = folder
        places = try SpillFile(folder: scratch, name: "places")
        placeOffsets = try SpillFile(folder: scratch, name: "place-offsets")
        strings = try SpillFile(folder: scratch, name: "strings")
        ids = ExternalSorter(folder: scratch, name: "ids", payloadSize: 4, memoryBudget: sortMemory / 4)
        names = ExternalSorter(folder: scratch, name: "names", payloadSize: MemoryLayout<EntryPayload>.size, memoryBudget: sortMemory)
    }

    /// Encodes `place` and indexes its names, as `NameIndex` does: one entry per place and key, of the kind that matches best.
    func add(_ place: Place) throws(GazetteerError) {
        guard placeCount < Int(UInt32.max) else { throw GazetteerError(location: "gazetteer index", message: "more than 4,294,967,295 places: split the sources") }
        let index = UInt32(placeCount)
        placeCount += 1
        placeOffsets.append(places.count)
        encoded = ByteWriter()
        PlaceCoding.encode(place, into: &encoded)
        encoded.bytes.withUnsafeBytes { places.append($0) }
        try ids.add(key: place.id.utf8, payload: index)

        var keys: [String] = [], chosen: [String: (name: String, kind: MatchKind, language: String?)] = [:]
        NameIndex.forEachName(of: place) { name, kind, language in
            let key = NameNormalizer.key(name)
            guard !key.isEmpty else { return }
            if let earlier = chosen[key] {
                if NameIndex.replaces(kind, earlier.kind) { chosen[key] = (name, kind, language) }
                return
            }
            keys.append(key)
            chosen[key] = (name, kind, language)
        }
        for key in keys {
            let (name, kind, language) = chosen[key]!
            let stored = Self.truncated(name)
            let payload = EntryPayload(place: index, nameLength: UInt16(stored.utf8.count), language: try languageIndex(language),
                                       nameOffset: strings.count, kind: UInt8(kind.rawValue))
            strings.append(utf8: stored)
            try names.add(key: key.utf8, payload: payload)
        }
    }

    /// The name cut to at most 65,535 UTF-8 bytes (what an entry's length holds), at a scalar boundary.
    private static func truncated(_ name: String) -> String {
        guard name.utf8.count > Int(UInt16.max) else { return name }
        var length = 0
        return String(String.UnicodeScalarView(name.unicodeScalars.prefix { scalar in
            length += UTF8.width(scalar)
            return length <= Int(UInt16.max)
        }))
    }

    private func languageIndex(_ language: String?) throws(GazetteerError) -> UInt16 {
        guard let language else { return CompiledIndex.noLanguage }
        if let index = languageIndexes[language] { return index }
        guard languages.count < Int(CompiledIndex.noLanguage) else {
            throw GazetteerError(location: "gazetteer index", message: "more than \(CompiledIndex.noLanguage) distinct language codes")
        }
        languageIndexes[language] = UInt16(languages.count)
        languages.append(language)
        return UInt16(languages.count - 1)
    }

    /// Merges the sorts and writes the index to `path` (`CheckedFileWriter`: no reader sees half a
    /// file, and a failed build leaves none). The builder is spent afterwards.
    func write(fingerprint: UInt64, builtAt: Double, description: String, to path: String) throws(GazetteerError) {
        placeOffsets.append(places.count)

        let idOrder = try SpillFile(folder: scratch, name: "id-order")
        try ids.merge { (_, payload) throws(GazetteerError) in idOrder.append(payload.loadUnaligned(as: UInt32.self)) }

        let keyRecords = try SpillFile(folder: scratch, name: "keys"), entryRecords = try SpillFile(folder: scratch, name: "entries")
        var keyCount = 0, entryCount = 0
        var currentKey: [UInt8]? = nil, firstEntry = 0
        func closeKey() {
            guard let currentKey else { return }
            keyRecords.append(strings.count)
            keyRecords.append(UInt32(currentKey.count))
            keyRecords.append(UInt32(firstEntry))
            keyRecords.append(UInt32(entryCount - firstEntry))
            keyRecords.append(UInt32(0))
            currentKey.withUnsafeBytes { strings.append($0) }
            keyCount += 1
        }
        try names.merge { (key, payload) throws(GazetteerError) in
            if currentKey.map({ $0.withUnsafeBytes { ExternalSorter.compare($0, key) } != 0 }) ?? true {
                closeKey()
                currentKey = Array(key)
                firstEntry = entryCount
            }
            let entry = payload.loadUnaligned(as: EntryPayload.self)
            entryRecords.append(entry.place)
            entryRecords.append(UInt32(truncatingIfNeeded: entry.nameOffset))
            entryRecords.append(UInt16(truncatingIfNeeded: entry.nameOffset >> 32))
            entryRecords.append(entry.nameLength)
            entryRecords.append(entry.language)
            entryRecords.append(entry.kind)
            entryRecords.append(UInt8(0))
            entryCount += 1
            guard entryCount < Int(UInt32.max) else { throw GazetteerError(location: "gazetteer index", message: "more than 4,294,967,295 names: split the sources") }
        }
        closeKey()

        let languageRecords = try SpillFile(folder: scratch, name: "languages")
        for language in languages {
            languageRecords.append(strings.count)
            languageRecords.append(UInt32(language.utf8.count))
            languageRecords.append(UInt32(0))
            strings.append(utf8: language)
        }
        let descriptionOffset = strings.count
        strings.append(utf8: description)
        guard strings.count < 1 << 48 else { throw GazetteerError(location: "gazetteer index", message: "more than 256 TiB of names") }

        let sections = [placeOffsets, idOrder, languageRecords, keyRecords, entryRecords, strings, places]
        var header = ByteWriter()
        header.append(CompiledIndex.magic)
        header.u32(CompiledIndex.formatVersion)
        header.u32(UInt32(placeCount))
        header.u64(fingerprint)
        header.u32(UInt32(keyCount))
        header.u32(UInt32(entryCount))
        header.u32(UInt32(languages.count))
        header.u32(0)
        var offset = UInt64(CompiledIndex.headerSize)
        for section in sections {
            header.u64(offset)
            offset += section.count
        }
        header.double(builtAt)
        header.u64(descriptionOffset)
        header.u32(UInt32(description.utf8.count))
        while header.bytes.count < CompiledIndex.headerSize - CheckedFile.trailerSize { header.u8(0) }
        // Written nameless beside `path` and named when whole (`CheckedFileWriter`): no reader sees half an index, a failed build leaves none.
        let writer = try CheckedFileWriter(path: path, headerSize: CompiledIndex.headerSize)
        for section in sections { try section.copy(to: writer) }
        try writer.finish(formatHeader: header.bytes)
    }
}
