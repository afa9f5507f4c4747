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
        var tokens: [Token] = []
        tokens.reserveCapacity((end - start) / 6)
        var i = start, scalarIndex = scalarStart
        var tokenByteStart = -1, tokenStart = 0, capitalised = false
        while i < end {
            let (scalar, length) = decode(bytes, at: i, end: end)
            let word = isWordScalar(scalar)
            if word, tokenByteStart < 0 {
                tokenByteStart = i
                tokenStart = scalarIndex
                capitalised = isUppercaseLetter(scalar)
            } else if !word, tokenByteStart >= 0 {
                tokens.append(Token(byteStart: tokenByteStart, byteEnd: i, start: tokenStart, end: scalarIndex, isCapitalised: capitalised))
                tokenByteStart = -1
            }
            i += length
            scalarIndex += 1
        }
        if tokenByteStart >= 0 {
            tokens.append(Token(byteStart: tokenByteStart, byteEnd: end, start: tokenStart, end: scalarIndex, isCapitalised: capitalised))
        }
        return (tokens, scalarIndex)
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
        if value < 0x80 {
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
        }
        if value == 0x200C || value == 0x200D || value == 0xFFFD { return false }
        guard let scalar = Unicode.Scalar(value) else { return false }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
    }

    @inline(__always)
    static func isUppercaseLetter(_ value: UInt32) -> Bool {
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        return Unicode.Scalar(value)?.properties.isUppercase ?? false
    }
}
