import Coordinates

/// Little-endian bytes for the compiled index: fixed-width integers, LEB128 varints, strings and doubles.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func u8(_ value: UInt8) { bytes.append(value) }

    mutating func u16(_ value: UInt16) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }

    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }

    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }

    mutating func double(_ value: Double) { u64(value.bitPattern) }

    mutating func varint(_ value: Int) {
        var rest = UInt64(value)
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func string(_ text: String) {
        varint(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    /// A string's UTF-8 bytes, with no length before them.
    mutating func append(utf8 text: String) { bytes.append(contentsOf: text.utf8) }
}

/// Reads what `ByteWriter` wrote from a mapped file; a read past `end` sets `failed` instead of trapping.
struct ByteReader {
    let base: UnsafeRawBufferPointer
    var position: Int
    let end: Int
    private(set) var failed = false

    init(_ base: UnsafeRawBufferPointer, from position: Int, to end: Int) {
        self.base = base
        self.position = position
        self.end = min(end, base.count)
    }

    private mutating func take(_ count: Int) -> Int? {
        guard !failed, count >= 0, position + count <= end else {
            failed = true
            return nil
        }
        defer { position += count }
        return position
    }

    mutating func u8() -> UInt8 { take(1).map { base[$0] } ?? 0 }

    mutating func double() -> Double {
        take(8).map { Double(bitPattern: UInt64(littleEndian: base.loadUnaligned(fromByteOffset: $0, as: UInt64.self))) } ?? 0
    }

    mutating func varint() -> Int {
        var value: UInt64 = 0, shift: UInt64 = 0
        while shift < 64, let at = take(1) {
            value |= UInt64(base[at] & 0x7F) << shift
            if base[at] < 0x80 { return Int(truncatingIfNeeded: value) }
            shift += 7
        }
        failed = true
        return 0
    }

    /// A count of items that each take at least one byte: more than the bytes left means damage.
    mutating func count() -> Int {
        let value = varint()
        guard !failed, value <= end - position else {
            failed = true
            return 0
        }
        return value
    }

    /// Reads past a string as `string()` reads one.
    mutating func skipString() {
        let count = varint()
        _ = take(count)
    }

    mutating func string() -> String {
        let count = varint()
        guard let at = take(count) else { return "" }
        return String(decoding: UnsafeRawBufferPointer(rebasing: base[at..<at + count]), as: UTF8.self)
    }
}

/// One place as bytes in the compiled index, and back.
enum PlaceCoding {
    static func encode(_ place: Place, into writer: inout ByteWriter) {
        writer.string(place.id)
        writer.string(place.name)
        writer.string(place.kind.rawValue)
        writer.string(place.country ?? "")
        writer.string(place.parent ?? "")
        writer.double(place.coordinate.latitude)
        writer.double(place.coordinate.longitude)
        if let bbox = place.bbox {
            writer.u8(1)
            for edge in bbox.array { writer.double(edge) }
        } else {
            writer.u8(0)
        }
        encode(names: place.names, into: &writer)
        encode(names: place.abbreviations, into: &writer)
        encode(pairs: place.links, into: &writer)
        encode(pairs: place.sources, into: &writer)
        writer.string(place.origin)
        writer.varint(place.population.map { $0 + 1 } ?? 0)
        writer.string(place.source)
    }

    /// The place, or nil when the bytes do not hold a whole one.
    static func decode(_ reader: inout ByteReader) -> Place? {
        let id = reader.string(), name = reader.string()
        let kind = PlaceKind(rawValue: reader.string())
        let country = reader.string(), parent = reader.string()
        let latitude = reader.double(), longitude = reader.double()
        let bbox: BoundingBox? = reader.u8() == 1
            ? BoundingBox(west: reader.double(), south: reader.double(), east: reader.double(), north: reader.double())
            : nil
        let listsStart = reader.position
        skipLists(&reader)
        let lists = reader.failed ? [] : Array(reader.base[listsStart..<reader.position])
        let origin = reader.string()
        let population = reader.varint()
        let source = reader.string()
        guard !reader.failed, let kind else { return nil }
        return Place(
            id: id, name: name, kind: kind, country: country.isEmpty ? nil : country, parent: parent.isEmpty ? nil : parent,
            coordinate: Coordinate(uncheckedLatitude: latitude, longitude: longitude), bbox: bbox, lists: PlaceLists(encoded: lists),
            origin: origin, population: population > 0 ? population - 1 : nil, source: source
        )
    }

    /// A place's names, abbreviations, links and sources, as `decode` left them for `PlaceLists` to read.
    static func decodeLists(_ reader: inout ByteReader) -> PlaceLists.Decoded {
        let names = decodeNames(&reader), abbreviations = decodeNames(&reader)
        let links = decodePairs(&reader), sources = decodePairs(&reader)
        return PlaceLists.Decoded(names: names, abbreviations: abbreviations, links: links, sources: sources)
    }

    /// Reads past the four tables `decodeLists` reads, making every read it makes but building no string: the same bytes fail.
    private static func skipLists(_ reader: inout ByteReader) {
        for _ in 0..<2 {
            for _ in 0..<reader.count() {
                reader.skipString()
                for _ in 0..<reader.count() { reader.skipString() }
            }
        }
        for _ in 0..<2 {
            for _ in 0..<reader.count() {
                reader.skipString()
                reader.skipString()
            }
        }
    }

    private static func encode(names: [String: [String]], into writer: inout ByteWriter) {
        writer.varint(names.count)
        for (language, list) in names.sorted(by: { $0.key < $1.key }) {
            writer.string(language)
            writer.varint(list.count)
            for name in list { writer.string(name) }
        }
    }

    private static func encode(pairs: [String: String], into writer: inout ByteWriter) {
        writer.varint(pairs.count)
        for (key, value) in pairs.sorted(by: { $0.key < $1.key }) {
            writer.string(key)
            writer.string(value)
        }
    }

    private static func decodeNames(_ reader: inout ByteReader) -> [String: [String]] {
        var names: [String: [String]] = [:]
        for _ in 0..<reader.count() {
            let language = reader.string()
            var list: [String] = []
            for _ in 0..<reader.count() { list.append(reader.string()) }
            names[language] = list
        }
        return names
    }

    private static func decodePairs(_ reader: inout ByteReader) -> [String: String] {
        var pairs: [String: String] = [:]
        for _ in 0..<reader.count() {
            let key = reader.string()
            pairs[key] = reader.string()
        }
        return pairs
    }
}
