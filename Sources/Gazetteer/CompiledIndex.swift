#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A gazetteer compiled to one memory-mapped file: opening it maps the file and checks a 96-byte
/// header, and a lookup binary-searches the sorted name keys and decodes only the places it returns,
/// so a one-off `resolve` costs microseconds whatever the gazetteer's size.
///
/// Layout (little-endian): the header; place offsets (u32 each, one more than places); place
/// indexes sorted by id (u32); name keys sorted by their UTF-8 bytes (16 bytes: string offset,
/// length, first entry, entry count); name entries (16 bytes: place, name offset, language
/// offset, name length, language length, match kind); a string pool; the places' bytes.
public final class CompiledIndex: @unchecked Sendable {
    /// The version of the layout; an index of another version is rebuilt.
    public static let formatVersion: UInt32 = 1
    static let magic: [UInt8] = Array("RMGAZIX1".utf8)
    static let headerSize = 96
    static let keyRecordSize = 16
    static let entryRecordSize = 16
    /// Language length stored for entries without a language (ids).
    static let noLanguage: UInt8 = 255

    /// The file it was mapped from.
    public let path: String
    /// What the index was built from (embedded data, source files' sizes and times); see `GazetteerIndexCache`.
    public let fingerprint: UInt64
    /// Places it holds.
    public let placeCount: Int
    /// Distinct normalised names.
    public let keyCount: Int
    /// Name → place entries (a name shared by several places counts once for each).
    public let entryCount: Int
    /// When it was built, in seconds since 1970.
    public let builtAt: Double
    /// The size of the file in bytes.
    public var byteCount: Int { bytes.count }

    private let bytes: UnsafeRawBufferPointer
    private let placeOffsetsAt: Int, idOrderAt: Int, keysAt: Int, entriesAt: Int, stringsAt: Int, placesAt: Int
    private let descriptionRange: Range<Int>

    /// Maps the index at `path`; a missing, short, foreign, damaged or other-version file is an error.
    public init(path: String) throws(GazetteerError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw GazetteerError(location: path, message: "cannot open the gazetteer index: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size >= Self.headerSize else {
            throw GazetteerError(location: path, message: "not a routemap gazetteer index: too short; rebuild it with `routemap gazetteer build`")
        }
        let size = Int(status.st_size)
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else {
            throw GazetteerError(location: path, message: "cannot map the gazetteer index: \(String(cString: strerror(errno)))")
        }
        let bytes = UnsafeRawBufferPointer(start: mapped, count: size)
        func u32(_ offset: Int) -> Int { Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))) }
        func u64(_ offset: Int) -> Int { Int(truncatingIfNeeded: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))) }
        guard Array(bytes[0..<8]) == Self.magic, u32(8) == Int(Self.formatVersion) else {
            munmap(mapped, size)
            throw GazetteerError(location: path, message: "not a routemap gazetteer index of format \(Self.formatVersion); rebuild it with `routemap gazetteer build`")
        }
        self.path = path
        self.bytes = bytes
        placeCount = u32(12)
        fingerprint = UInt64(bitPattern: Int64(u64(16)))
        keyCount = u32(24)
        entryCount = u32(28)
        placeOffsetsAt = u64(32)
        idOrderAt = u64(40)
        keysAt = u64(48)
        entriesAt = u64(56)
        stringsAt = u64(64)
        placesAt = u64(72)
        builtAt = Double(bitPattern: UInt64(bitPattern: Int64(u64(80))))
        descriptionRange = u32(88)..<(u32(88) + u32(92))
        // Each section must lie inside the file, in order, and be as long as its counts say.
        let sections = [
            (placeOffsetsAt, (placeCount + 1) * 4), (idOrderAt, placeCount * 4), (keysAt, keyCount * Self.keyRecordSize),
            (entriesAt, entryCount * Self.entryRecordSize), (stringsAt, 0), (placesAt, 0),
        ]
        var previousEnd = Self.headerSize
        for (start, length) in sections {
            guard start >= previousEnd, start + length <= size else {
                munmap(mapped, size)
                throw GazetteerError(location: path, message: "the gazetteer index is damaged (a section lies outside the file); rebuild it with `routemap gazetteer build`")
            }
            previousEnd = start + length
        }
        // The last place offset is the length of the places' bytes, which end the file: a cut file is caught here.
        guard placesAt + u32(placeOffsetsAt + 4 * placeCount) == size else {
            munmap(mapped, size)
            throw GazetteerError(location: path, message: "the gazetteer index is damaged (it is \(size) bytes, not the length its header gives); rebuild it with `routemap gazetteer build`")
        }
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count) }

    /// The sources it was built from, as `routemap gazetteer build` described them.
    public var sourceDescription: String { string(at: descriptionRange.lowerBound, length: descriptionRange.count) }

    /// The place at `index` (0..<placeCount), or nil when its bytes are damaged.
    public func place(at index: Int) -> Place? {
        guard (0..<placeCount).contains(index) else { return nil }
        var reader = ByteReader(bytes, from: placesAt + u32(placeOffsetsAt + 4 * index), to: placesAt + u32(placeOffsetsAt + 4 * index + 4))
        return PlaceCoding.decode(&reader)
    }

    /// The index of the place with this id.
    public func placeIndex(id: String) -> Int? {
        let target = Array(id.utf8)
        var low = 0, high = placeCount
        while low < high {
            let middle = (low + high) / 2
            let index = u32(idOrderAt + 4 * middle)
            let order = compare(placeID(at: index), target)
            if order == 0 { return index }
            if order < 0 { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// The entries of a normalised name key (`NameNormalizer.key`).
    func entries(forKey key: String) -> [NameEntry] {
        let target = Array(key.utf8)
        var low = 0, high = keyCount
        while low < high {
            let middle = (low + high) / 2
            let record = keysAt + Self.keyRecordSize * middle
            let order = compare(self.key(ofRecord: record), target)
            if order == 0 { return entries(ofKeyRecord: record) }
            if order < 0 { low = middle + 1 } else { high = middle }
        }
        return []
    }

    /// Calls `body` with every key's UTF-8 bytes and a way to read its entries, in key order.
    func forEachKey(_ body: (UnsafeRawBufferPointer, @escaping () -> [NameEntry]) -> Void) {
        for k in 0..<keyCount {
            let record = keysAt + Self.keyRecordSize * k
            body(key(ofRecord: record), { self.entries(ofKeyRecord: record) })
        }
    }

    private func entries(ofKeyRecord record: Int) -> [NameEntry] {
        let first = u32(record + 8), count = u32(record + 12)
        guard first + count <= entryCount else { return [] }
        return (first..<first + count).compactMap { e in
            let at = entriesAt + Self.entryRecordSize * e
            let languageLength = bytes[at + 14]
            guard let kind = MatchKind(rawValue: Int(bytes[at + 15])) else { return nil }
            return NameEntry(
                placeIndex: u32(at), kind: kind, name: string(at: u32(at + 4), length: Int(u16(at + 12))),
                language: languageLength == Self.noLanguage ? nil : string(at: u32(at + 8), length: Int(languageLength))
            )
        }
    }

    private func placeID(at index: Int) -> UnsafeRawBufferPointer {
        // A place's bytes start with its id as a varint-prefixed string.
        var reader = ByteReader(bytes, from: placesAt + u32(placeOffsetsAt + 4 * index), to: bytes.count)
        let length = reader.count()
        return slice(from: reader.position, count: length, within: placesAt..<bytes.count)
    }

    private func key(ofRecord record: Int) -> UnsafeRawBufferPointer {
        slice(from: stringsAt + u32(record), count: u32(record + 4), within: stringsAt..<placesAt)
    }

    /// The bytes at `start..<start + count`, or none when they are not all inside `section` (a damaged file).
    private func slice(from start: Int, count: Int, within section: Range<Int>) -> UnsafeRawBufferPointer {
        guard count >= 0, start >= section.lowerBound, start <= section.upperBound - count else { return UnsafeRawBufferPointer(rebasing: bytes[0..<0]) }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<start + count])
    }

    private func string(at offset: Int, length: Int) -> String {
        String(decoding: slice(from: stringsAt + offset, count: length, within: stringsAt..<placesAt), as: UTF8.self)
    }

    private func u16(_ offset: Int) -> UInt16 { UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt16.self)) }

    private func u32(_ offset: Int) -> Int {
        guard offset >= 0, offset + 4 <= bytes.count else { return 0 }
        return Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
    }

    /// memcmp order, then length: the order the writer sorts keys and ids in.
    private func compare(_ a: UnsafeRawBufferPointer, _ b: [UInt8]) -> Int {
        let common = min(a.count, b.count)
        if common > 0 {
            let order = b.withUnsafeBytes { memcmp(a.baseAddress!, $0.baseAddress!, common) }
            if order != 0 { return Int(order) }
        }
        return a.count - b.count
    }
}

/// Builds a `CompiledIndex` one place at a time: each place is encoded as it is added and its
/// names kept as 16-byte entries, so a million GeoNames rows are never held as `Place`s at once.
struct CompiledIndexBuilder {
    /// One name entry as the file stores it.
    private struct Entry {
        var placeIndex: UInt32, nameOffset: UInt32, languageOffset: UInt32
        var nameLength: UInt16, languageLength: UInt8, kind: UInt8
    }

    private var placeBytes = ByteWriter(), placeOffsets = ByteWriter()
    private var ids: [String] = []
    private var entriesByKey: [String: [Entry]] = [:]
    /// Names and languages as they come; keys and the description are added when the file is made.
    private var pool = ByteWriter()
    private var languageOffsets: [String: UInt32] = [:]

    /// Encodes `place` and indexes its names, as `NameIndex` does.
    mutating func add(_ place: Place) {
        let index = UInt32(ids.count)
        ids.append(place.id)
        placeOffsets.u32(UInt32(truncatingIfNeeded: placeBytes.bytes.count))
        PlaceCoding.encode(place, into: &placeBytes)
        NameIndex.forEachName(of: place) { name, kind, language in
            let key = NameNormalizer.key(name)
            guard !key.isEmpty else { return }
            // This place's entry for a key, if any, is the key's last: places come one at a time.
            if let last = entriesByKey[key]?.last, last.placeIndex == index {
                if NameIndex.replaces(kind, MatchKind(rawValue: Int(last.kind))!) {
                    entriesByKey[key]![entriesByKey[key]!.count - 1] = entry(index, name, kind, language)
                }
                return
            }
            entriesByKey[key, default: []].append(entry(index, name, kind, language))
        }
    }

    private mutating func entry(_ placeIndex: UInt32, _ name: String, _ kind: MatchKind, _ language: String?) -> Entry {
        let name = String(decoding: name.utf8.prefix(Int(UInt16.max)), as: UTF8.self)
        let nameOffset = UInt32(truncatingIfNeeded: pool.bytes.count)
        pool.append(utf8: name)
        var languageOffset: UInt32 = 0, languageLength = CompiledIndex.noLanguage
        if let language, language.utf8.count < Int(CompiledIndex.noLanguage) {
            languageOffset = languageOffsets[language] ?? {
                let offset = UInt32(truncatingIfNeeded: pool.bytes.count)
                pool.append(utf8: language)
                languageOffsets[language] = offset
                return offset
            }()
            languageLength = UInt8(language.utf8.count)
        }
        return Entry(placeIndex: placeIndex, nameOffset: nameOffset, languageOffset: languageOffset,
                     nameLength: UInt16(name.utf8.count), languageLength: languageLength, kind: UInt8(kind.rawValue))
    }

    /// The 96-byte header and the six sections, in file order.
    func parts(fingerprint: UInt64, builtAt: Double, description: String) throws(GazetteerError) -> (header: [UInt8], sections: [[UInt8]]) {
        var strings = pool
        let keys = entriesByKey.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var keyRecords = ByteWriter(), entryRecords = ByteWriter()
        var entryCount = 0
        for key in keys {
            let entries = entriesByKey[key]!
            keyRecords.u32(UInt32(truncatingIfNeeded: strings.bytes.count))
            strings.append(utf8: key)
            keyRecords.u32(UInt32(key.utf8.count))
            keyRecords.u32(UInt32(entryCount))
            keyRecords.u32(UInt32(entries.count))
            for e in entries {
                entryRecords.u32(e.placeIndex)
                entryRecords.u32(e.nameOffset)
                entryRecords.u32(e.languageOffset)
                entryRecords.u16(e.nameLength)
                entryRecords.u8(e.languageLength)
                entryRecords.u8(e.kind)
            }
            entryCount += entries.count
        }
        let descriptionOffset = UInt32(truncatingIfNeeded: strings.bytes.count)
        strings.append(utf8: description)
        var offsets = placeOffsets
        offsets.u32(UInt32(truncatingIfNeeded: placeBytes.bytes.count))
        guard placeBytes.bytes.count < Int(UInt32.max), strings.bytes.count < Int(UInt32.max) else {
            throw GazetteerError(location: "gazetteer index", message: "more than 4 GiB of places or names: split the sources")
        }
        let idOrder = ids.indices.sorted { ids[$0].utf8.lexicographicallyPrecedes(ids[$1].utf8) }
        let sections: [[UInt8]] = [
            offsets.bytes, idOrder.reduce(into: ByteWriter()) { $0.u32(UInt32($1)) }.bytes,
            keyRecords.bytes, entryRecords.bytes, strings.bytes, placeBytes.bytes,
        ]
        var header = ByteWriter()
        header.append(CompiledIndex.magic)
        header.u32(CompiledIndex.formatVersion)
        header.u32(UInt32(ids.count))
        header.u64(fingerprint)
        header.u32(UInt32(keys.count))
        header.u32(UInt32(entryCount))
        var offset = CompiledIndex.headerSize
        for section in sections {
            header.u64(UInt64(offset))
            offset += section.count
        }
        header.double(builtAt)
        header.u32(descriptionOffset)
        header.u32(UInt32(description.utf8.count))
        precondition(header.bytes.count == CompiledIndex.headerSize)
        return (header.bytes, sections)
    }

    /// The whole file in memory (for tests and small gazetteers).
    func bytes(fingerprint: UInt64, builtAt: Double, description: String) throws(GazetteerError) -> [UInt8] {
        let (header, sections) = try parts(fingerprint: fingerprint, builtAt: builtAt, description: description)
        return header + sections.flatMap { $0 }
    }

    /// Writes the file to `path` section by section, under a temporary name in the same folder
    /// that is renamed when complete, so no reader sees half a file.
    func write(fingerprint: UInt64, builtAt: Double, description: String, to path: String) throws(GazetteerError) {
        let (header, sections) = try parts(fingerprint: fingerprint, builtAt: builtAt, description: description)
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        var template = Array("\(folder.isEmpty ? "." : folder)/.gazetteer-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw GazetteerError(location: path, message: "cannot create a temporary file beside it: \(String(cString: strerror(errno)))") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failure: Int32 = 0
        for part in [header] + sections where failure == 0 {
            part.withUnsafeBytes { buffer in
                var written = 0
                while written < buffer.count {
                    let n = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                    if n < 0 { failure = errno; return }
                    written += n
                }
            }
        }
        if failure == 0, fchmod(descriptor, 0o644) != 0 || fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        guard failure == 0, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(failure == 0 ? errno : failure))
            unlink(temporary)
            throw GazetteerError(location: path, message: "cannot write: \(reason)")
        }
    }
}
