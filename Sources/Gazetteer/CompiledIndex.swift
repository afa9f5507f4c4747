#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A gazetteer compiled to one memory-mapped file: opening it maps the file and checks a 96-byte
/// header, and a lookup binary-searches the sorted name keys and decodes only the places it returns,
/// so a one-off `resolve` costs microseconds whatever the gazetteer's size.
///
/// Layout (little-endian; offsets are 64-bit, so the index may pass 4 GiB): the 128-byte header;
/// place offsets (u64 each, one more than places); place indexes sorted by id (u32); languages
/// (16 bytes: string offset, length); name keys sorted by their UTF-8 bytes (24 bytes: string
/// offset, length, first entry, entry count); name entries (16 bytes: place u32, name offset u48,
/// name length u16, language index u16, match kind u8); a string pool; the places' bytes.
public final class CompiledIndex: @unchecked Sendable {
    /// The version of the layout; an index of another version is rebuilt.
    public static let formatVersion: UInt32 = 2
    static let magic: [UInt8] = Array("RMGAZIX2".utf8)
    static let headerSize = 128
    static let languageRecordSize = 16
    static let keyRecordSize = 24
    static let entryRecordSize = 16
    /// The language index of entries without a language (ids).
    static let noLanguage: UInt16 = 0xFFFF

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
    /// Which build of the index this is: files derived from it (the name automaton) record it and are rebuilt when it changes.
    public var identity: UInt64 { builtAt.bitPattern ^ UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15 }
    /// The size of the file in bytes.
    public var byteCount: Int { bytes.count }

    private let bytes: UnsafeRawBufferPointer
    private let languageCount: Int
    private let placeOffsetsAt: Int, idOrderAt: Int, languagesAt: Int, keysAt: Int, entriesAt: Int, stringsAt: Int, placesAt: Int
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
        languageCount = u32(32)
        placeOffsetsAt = u64(40)
        idOrderAt = u64(48)
        languagesAt = u64(56)
        keysAt = u64(64)
        entriesAt = u64(72)
        stringsAt = u64(80)
        placesAt = u64(88)
        builtAt = Double(bitPattern: UInt64(bitPattern: Int64(u64(96))))
        descriptionRange = u64(104)..<(u64(104) + u32(112))
        // Each section must lie inside the file, in order, and be as long as its counts say.
        let sections = [
            (placeOffsetsAt, (placeCount + 1) * 8), (idOrderAt, placeCount * 4), (languagesAt, languageCount * Self.languageRecordSize),
            (keysAt, keyCount * Self.keyRecordSize), (entriesAt, entryCount * Self.entryRecordSize), (stringsAt, 0), (placesAt, 0),
        ]
        var previousEnd = Self.headerSize
        for (start, length) in sections {
            guard start >= previousEnd, start <= size, length <= size - start else {
                munmap(mapped, size)
                throw GazetteerError(location: path, message: "the gazetteer index is damaged (a section lies outside the file); rebuild it with `routemap gazetteer build`")
            }
            previousEnd = start + length
        }
        // The last place offset is the length of the places' bytes, which end the file: a cut file is caught here.
        guard placesAt + u64(placeOffsetsAt + 8 * placeCount) == size else {
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
        var reader = ByteReader(bytes, from: placesAt + u64(placeOffsetsAt + 8 * index), to: placesAt + u64(placeOffsetsAt + 8 * index + 8))
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
        let first = u32(record + 12), count = u32(record + 16)
        guard first <= entryCount, count <= entryCount - first else { return [] }
        return (first..<first + count).compactMap { e in
            let at = entriesAt + Self.entryRecordSize * e
            let nameOffset = u32(at + 4) | Int(u16(at + 8)) << 32
            let language = u16(at + 12)
            guard let kind = MatchKind(rawValue: Int(bytes[at + 14])) else { return nil }
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
        var reader = ByteReader(bytes, from: placesAt + u64(placeOffsetsAt + 8 * index), to: bytes.count)
        let length = reader.count()
        return slice(from: reader.position, count: length, within: placesAt..<bytes.count)
    }

    private func key(ofRecord record: Int) -> UnsafeRawBufferPointer {
        slice(from: stringsAt + u64(record), count: u32(record + 8), within: stringsAt..<placesAt)
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

    /// A u64 as an Int; values past the file's size (damage) come back as the size, which every bounds check then refuses.
    private func u64(_ offset: Int) -> Int {
        guard offset >= 0, offset + 8 <= bytes.count else { return 0 }
        return Int(min(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)), UInt64(bytes.count)))
    }

    /// The order the builder sorted keys and ids in (`ExternalSorter.compare`).
    private func compare(_ a: UnsafeRawBufferPointer, _ b: [UInt8]) -> Int {
        b.withUnsafeBytes { ExternalSorter.compare(a, $0) }
    }
}
