#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A gazetteer compiled to one file, read in checked blocks (`CheckedFile`): opening it checks a
/// 160-byte header and the blocks' checksum table, and a lookup binary-searches the sorted name keys
/// and decodes only the places it returns, reading and checking only the blocks it touches, so a
/// one-off `resolve` costs milliseconds whatever the gazetteer's size, and a byte changed on disk is
/// never used.
///
/// Layout (little-endian; offsets are 64-bit, so the index may pass 4 GiB): the header (128 bytes of
/// its own, then `CheckedFile`'s trailer); place offsets (u64 each, one more than places); place
/// indexes sorted by id (u32); languages (16 bytes: string offset, length); name keys sorted by their
/// UTF-8 bytes (24 bytes: string offset, length, first entry, entry count); name entries (16 bytes:
/// place u32, name offset u48, name length u16, language index u16, match kind u8); a string pool; the
/// places' bytes; the checksum table.
public final class CompiledIndex: @unchecked Sendable {
    /// The version of the layout; an index of another version is rebuilt.
    public static let formatVersion: UInt32 = 3
    static let magic: [UInt8] = Array("RMGAZIX3".utf8)
    /// The header's size: 128 bytes of the index's own and the `CheckedFile` trailer.
    static let headerSize = 160
    static let languageRecordSize = 16
    static let keyRecordSize = 24
    static let entryRecordSize = 16
    /// The language index of entries without a language (ids).
    static let noLanguage: UInt16 = 0xFFFF

    /// The file it reads.
    public var path: String { file.path }
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
    /// Which build of the index this is, by its content: files derived from it (the name automaton)
    /// record it and are rebuilt when it changes. The same sources rebuilt give the same identity.
    public var identity: UInt64 { file.contentChecksum ^ fingerprint }
    /// The size of the file in bytes.
    public var byteCount: Int { file.fileSize }

    private let file: CheckedFile
    private let languageCount: Int
    private let placeOffsetsAt: Int, idOrderAt: Int, languagesAt: Int, keysAt: Int, entriesAt: Int, stringsAt: Int, placesAt: Int
    private let descriptionRange: Range<Int>

    /// Opens the index at `path`; a missing, short, foreign, damaged or other-version file is an error.
    public convenience init(path: String) throws(GazetteerError) {
        let file: CheckedFile
        do {
            file = try CheckedFile(path: path, headerSize: Self.headerSize)
        } catch {
            throw GazetteerError(location: path, message: "not a usable routemap gazetteer index (\(error)); rebuild it with `routemap gazetteer build`")
        }
        try self.init(file: file)
    }

    /// The index in `file` (opened by the cache, with its owner checked and a way to repair it).
    init(file: CheckedFile) throws(GazetteerError) {
        let path = file.path
        let header = file.formatHeader
        func u32(_ offset: Int) -> Int { Int(UInt32(littleEndian: header.loadUnaligned(fromByteOffset: offset, as: UInt32.self))) }
        func u64(_ offset: Int) -> Int { Int(truncatingIfNeeded: min(UInt64(littleEndian: header.loadUnaligned(fromByteOffset: offset, as: UInt64.self)), UInt64(file.count))) }
        guard file.headerSize == Self.headerSize, Array(header[0..<8]) == Self.magic, u32(8) == Int(Self.formatVersion) else {
            throw GazetteerError(location: path, message: "not a routemap gazetteer index of format \(Self.formatVersion); rebuild it with `routemap gazetteer build`")
        }
        self.file = file
        placeCount = u32(12)
        fingerprint = UInt64(littleEndian: header.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        keyCount = u32(24)
        entryCount = u32(28)
        languageCount = u32(32)
        placeOffsetsAt = u64(40)
        idOrderAt = u64(48)
        languagesAt = u64(56)
        keysAt = u64(64)
        entriesAt = u64(72)
        stringsAt = u64(80)
        placesAt = u64(88)
        builtAt = Double(bitPattern: UInt64(littleEndian: header.loadUnaligned(fromByteOffset: 96, as: UInt64.self)))
        descriptionRange = u64(104)..<(u64(104) + u32(112))
        let size = file.count
        // Each section must lie inside the file, in order, and be as long as its counts say.
        let sections = [
            (placeOffsetsAt, (placeCount + 1) * 8), (idOrderAt, placeCount * 4), (languagesAt, languageCount * Self.languageRecordSize),
            (keysAt, keyCount * Self.keyRecordSize), (entriesAt, entryCount * Self.entryRecordSize), (stringsAt, 0), (placesAt, 0),
        ]
        var previousEnd = Self.headerSize
        for (start, length) in sections {
            guard start >= previousEnd, start <= size, length <= size - start else {
                throw GazetteerError(location: path, message: "the gazetteer index is damaged (a section lies outside the file); rebuild it with `routemap gazetteer build`")
            }
            previousEnd = start + length
        }
    }

    /// The sources it was built from, as `routemap gazetteer build` described them.
    public var sourceDescription: String { string(at: descriptionRange.lowerBound, length: descriptionRange.count) }

    /// The place at `index` (0..<placeCount), or nil when its bytes are damaged.
    public func place(at index: Int) -> Place? {
        guard let range = placeRange(index) else { return nil }
        var reader = ByteReader(UnsafeRawBufferPointer(start: file.base, count: file.count), from: range.lowerBound, to: range.upperBound)
        return PlaceCoding.decode(&reader)
    }

    /// Where the place at `index` lies, its blocks read and checked.
    private func placeRange(_ index: Int) -> Range<Int>? {
        guard (0..<placeCount).contains(index) else { return nil }
        let start = placesAt + u64(placeOffsetsAt + 8 * index), end = placesAt + u64(placeOffsetsAt + 8 * index + 8)
        guard start <= end, file.ensure(start, end - start) else { return nil }
        return start..<end
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

    /// Calls `body` with every key that starts with the bytes of `prefix`, and a way to read its entries:
    /// keys are sorted bytewise, so they lie together from the first key not below the prefix.
    func forEachKey(withPrefix prefix: String, _ body: (UnsafeRawBufferPointer, @escaping () -> [NameEntry]) -> Void) {
        let target = Array(prefix.utf8)
        var low = 0, high = keyCount
        while low < high {
            let middle = (low + high) / 2
            if compare(key(ofRecord: keysAt + Self.keyRecordSize * middle), target) < 0 { low = middle + 1 } else { high = middle }
        }
        for k in low..<keyCount {
            let record = keysAt + Self.keyRecordSize * k
            let key = key(ofRecord: record)
            guard key.count >= target.count, target.isEmpty || target.withUnsafeBytes({ memcmp($0.baseAddress!, key.baseAddress!, target.count) == 0 }) else { break }
            body(key, { self.entries(ofKeyRecord: record) })
        }
    }

    private func entries(ofKeyRecord record: Int) -> [NameEntry] {
        let first = u32(record + 12), count = u32(record + 16)
        guard first <= entryCount, count <= entryCount - first else { return [] }
        return (first..<first + count).compactMap { e in
            let at = entriesAt + Self.entryRecordSize * e
            let nameOffset = u32(at + 4) | Int(u16(at + 8)) << 32
            let language = u16(at + 12)
            guard let kind = MatchKind(rawValue: Int(u8(at + 14))) else { return nil }
            return NameEntry(
                placeIndex: u32(at), kind: kind, name: string(at: nameOffset, length: Int(u16(at + 10))),
                language: language == Self.noLanguage ? nil : self.language(Int(language))
            )
        }
    }

    /// The code of language `index`, or "und" when the index is damaged.
    private func language(_ index: Int) -> String {
        guard index < languageCount else { return "und" }
        let record = languagesAt + Self.languageRecordSize * index
        return string(at: u64(record), length: u32(record + 8))
    }

    private func placeID(at index: Int) -> UnsafeRawBufferPointer {
        // A place's bytes start with its id as a varint-prefixed string.
        guard let range = placeRange(index) else { return UnsafeRawBufferPointer(start: file.base, count: 0) }
        var reader = ByteReader(UnsafeRawBufferPointer(start: file.base, count: file.count), from: range.lowerBound, to: range.upperBound)
        let length = reader.count()
        return slice(from: reader.position, count: length, within: range)
    }

    private func key(ofRecord record: Int) -> UnsafeRawBufferPointer {
        slice(from: stringsAt + u64(record), count: u32(record + 8), within: stringsAt..<placesAt)
    }

    /// The bytes at `start..<start + count`, read and checked, or none when they are not all inside `section` (a damaged file).
    private func slice(from start: Int, count: Int, within section: Range<Int>) -> UnsafeRawBufferPointer {
        guard count >= 0, start >= section.lowerBound, start <= section.upperBound - count else { return UnsafeRawBufferPointer(start: file.base, count: 0) }
        return file.bytes(at: start, count: count)
    }

    private func string(at offset: Int, length: Int) -> String {
        String(decoding: slice(from: stringsAt + offset, count: length, within: stringsAt..<placesAt), as: UTF8.self)
    }

    private func u8(_ offset: Int) -> UInt8 { file.load(offset, as: UInt8.self) }

    private func u16(_ offset: Int) -> UInt16 { file.load(offset, as: UInt16.self) }

    private func u32(_ offset: Int) -> Int { Int(file.load(offset, as: UInt32.self)) }

    /// A u64 as an Int; values past the file's size (damage) come back as the size, which every bounds check then refuses.
    private func u64(_ offset: Int) -> Int { Int(min(file.load(offset, as: UInt64.self), UInt64(file.count))) }

    /// The order the builder sorted keys and ids in (`ExternalSorter.compare`).
    private func compare(_ a: UnsafeRawBufferPointer, _ b: [UInt8]) -> Int {
        b.withUnsafeBytes { ExternalSorter.compare(a, $0) }
    }
}
