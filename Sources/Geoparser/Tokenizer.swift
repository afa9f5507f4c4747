/// A word in a text: a maximal run of letters, digits and combining marks.
///
/// Offsets are kept both in UTF-8 bytes (for slicing fast) and in Unicode code points (the unit
/// annotations and reports use, so that Python's `text[start:end]` gives the surface).
struct Token: Sendable {
    let byteStart: Int
    let byteEnd: Int
    let start: Int
    let end: Int
    /// The first letter is uppercase (Latin, Cyrillic, Greek…); false in scripts without case.
    let isCapitalised: Bool
    /// The word's id in the name automaton, or -1 when it is in no name (or was not looked up).
    let word: Int32
    /// The automaton node a name that starts with this word reaches (the root's child along it), or -1.
    let first: Int32
}

/// Splits UTF-8 text into word tokens. Apostrophes, hyphens, dots and Persian's zero-width
/// non-joiner separate words ("Russia's" → Russia, s; "Bandar-e" → Bandar, e).
enum Tokenizer {
    static func tokens(in bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        tokens(in: bytes, from: 0, to: bytes.count, scalarStart: 0).tokens
    }

    /// The tokens of `bytes[start..<end]`, with byte and code-point offsets into the whole buffer
    /// (`scalarStart` is the code-point offset of `start`), and the code-point offset of `end`.
    static func tokens(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, scalarStart: Int) -> (tokens: [Token], scalarEnd: Int) {
        scan(bytes, from: start, to: end, scalarStart: scalarStart) { _, _ in WordMatch.none }
    }

    /// The same tokens, each with its word id in `words` (-1 for a word in no name), found as the
    /// words are scanned: an ASCII word is hashed, case folded, in the same pass that finds its end.
    static func tokens(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, scalarStart: Int, words: inout WordKeyCache) -> (tokens: [Token], scalarEnd: Int) {
        scan(bytes, from: start, to: end, scalarStart: scalarStart) { word, asciiHash in words.id(of: word, asciiHash: asciiHash) }
    }

    /// The one word splitter: `identify` gets each word's bytes and, for an all-ASCII word, its
    /// `ByteKeyTable.Hash` with case folded (nil otherwise), and returns the word's id and first node.
    @inline(__always)
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, scalarStart: Int,
                             identify: (UnsafeBufferPointer<UInt8>, UInt64?) -> WordMatch) -> (tokens: [Token], scalarEnd: Int) {
        var tokens: [Token] = []
        tokens.reserveCapacity((end - start) / 6)
        guard let base = bytes.baseAddress else { return (tokens, scalarStart) }
        var i = start, scalarIndex = scalarStart
        while i < end {
            // Between words: pass over spaces and punctuation, a byte at a time while they are ASCII.
            let b = base[i]
            if b < 0x80 {
                if !isASCIIWordByte(b) {
                    i += 1
                    scalarIndex += 1
                    continue
                }
            } else {
                let (scalar, length) = decode(bytes, at: i, end: end)
                if !isWordScalar(scalar) {
                    i += length
                    scalarIndex += 1
                    continue
                }
            }
            // A word: scan to its end, hashing it while it stays ASCII.
            let wordStart = i, wordScalarStart = scalarIndex
            let capitalised = b < 0x80 ? b &- 0x41 < 26 : isUppercaseLetter(decode(bytes, at: i, end: end).0)
            var hash = ByteKeyTable.Hash()
            var ascii = true
            while i < end {
                let c = base[i]
                if c < 0x80 {
                    guard isASCIIWordByte(c) else { break }
                    hash.add(c, folding: true)
                    i += 1
                } else {
                    let (scalar, length) = decode(bytes, at: i, end: end)
                    guard isWordScalar(scalar) else { break }
                    ascii = false
                    i += length
                }
                scalarIndex += 1
            }
            let word = identify(UnsafeBufferPointer(start: base + wordStart, count: i - wordStart), ascii ? hash.value : nil)
            tokens.append(Token(byteStart: wordStart, byteEnd: i, start: wordScalarStart, end: scalarIndex, isCapitalised: capitalised,
                                word: word.word, first: word.first))
        }
        return (tokens, scalarIndex)
    }

    /// A–Z, a–z, 0–9.
    @inline(__always)
    static func isASCIIWordByte(_ b: UInt8) -> Bool {
        (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10
    }

    /// The scalar at `i` and its length in bytes; invalid bytes read as U+FFFD, one byte each.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> (UInt32, Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (b0, 1) }
        func continuation(_ k: Int) -> UInt32? {
            guard i + k < end, bytes[i + k] & 0xC0 == 0x80 else { return nil }
            return UInt32(bytes[i + k] & 0x3F)
        }
        if b0 & 0xE0 == 0xC0, let c1 = continuation(1) { return ((b0 & 0x1F) << 6 | c1, 2) }
        if b0 & 0xF0 == 0xE0, let c1 = continuation(1), let c2 = continuation(2) { return ((b0 & 0x0F) << 12 | c1 << 6 | c2, 3) }
        if b0 & 0xF8 == 0xF0, let c1 = continuation(1), let c2 = continuation(2), let c3 = continuation(3) {
            return ((b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3, 4)
        }
        return (0xFFFD, 1)
    }

    @inline(__always)
    static func isWordScalar(_ value: UInt32) -> Bool {
        if value < 0x80 { return isASCIIWordByte(UInt8(value)) }
        if value < 0x800 { return smallScalarClasses[Int(value)] & 1 != 0 }
        if value == 0x200C || value == 0x200D || value == 0xFFFD { return false }
        guard let scalar = Unicode.Scalar(value) else { return false }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
    }

    @inline(__always)
    static func isUppercaseLetter(_ value: UInt32) -> Bool {
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        if value < 0x800 { return smallScalarClasses[Int(value)] & 2 != 0 }
        return Unicode.Scalar(value)?.properties.isUppercase ?? false
    }

    /// For U+0000–U+07FF (Latin, Greek, Cyrillic, Arabic script…), whether each scalar is a word
    /// scalar (bit 1) and an uppercase letter (bit 2): read once from the Unicode properties, so
    /// the scripts of most reports are classified without a property lookup per letter.
    private static let smallScalarClasses: [UInt8] = (0..<0x800).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return 0 }
        let properties = scalar.properties
        let word = properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
        return (word ? 1 : 0) | (properties.isUppercase ? 2 : 0)
    }
}
