/// One document of a JSON-lines input, `{"id": "r1", "text": "…"}`: its id (a string, or a number as
/// written; nil when absent) and its text decoded to UTF-8. Other members are passed over.
struct JSONLineDocument {
    let id: String?
    let text: [UInt8]

    /// What is wrong with a line, and at which byte.
    struct Failure: Error {
        let reason: String
    }

    /// Reads one line of JSON.
    init(_ bytes: [UInt8]) throws(Failure) {
        var reader = Reader(bytes: bytes)
        var id: String?, text: [UInt8]?
        reader.skipSpace()
        try reader.expect(0x7B, "'{' (a JSON object)")
        reader.skipSpace()
        if reader.peek == 0x7D {
            reader.position += 1
        } else {
            while true {
                reader.skipSpace()
                let key = try reader.string()
                reader.skipSpace()
                try reader.expect(0x3A, "':' after the member name")
                reader.skipSpace()
                switch String(decoding: key, as: UTF8.self) {
                case "text":
                    guard reader.peek == 0x22 else { throw reader.failure("\"text\" must be a string") }
                    text = try reader.string()
                case "id":
                    if reader.peek == 0x22 {
                        id = String(decoding: try reader.string(), as: UTF8.self)
                    } else {
                        let start = reader.position
                        try reader.skipValue()
                        let written = String(decoding: bytes[start..<reader.position], as: UTF8.self)
                        id = written == "null" ? nil : written
                    }
                default:
                    try reader.skipValue()
                }
                reader.skipSpace()
                if reader.peek == 0x2C {
                    reader.position += 1
                    continue
                }
                try reader.expect(0x7D, "',' or '}'")
                break
            }
        }
        reader.skipSpace()
        guard reader.position == bytes.count else { throw reader.failure("text after the end of the object") }
        guard let text else { throw Failure(reason: "no \"text\" member") }
        (self.id, self.text) = (id, text)
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0
        var depth = 0

        var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

        func failure(_ what: String) -> Failure {
            Failure(reason: "not valid JSON at byte \(position + 1): \(what)")
        }

        mutating func skipSpace() {
            while let b = peek, b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A { position += 1 }
        }

        mutating func expect(_ byte: UInt8, _ what: String) throws(Failure) {
            guard peek == byte else { throw failure("expected \(what)") }
            position += 1
        }

        /// A string's contents, unescaped, as UTF-8.
        mutating func string() throws(Failure) -> [UInt8] {
            try expect(0x22, "a string")
            var out: [UInt8] = []
            var runStart = position
            while true {
                guard let b = peek else { throw failure("a string that does not end") }
                if b == 0x22 {
                    out.append(contentsOf: bytes[runStart..<position])
                    position += 1
                    return out
                }
                if b < 0x20 { throw failure("a raw control character in a string (write \\n, \\t…)") }
                guard b == 0x5C else {
                    position += 1
                    continue
                }
                out.append(contentsOf: bytes[runStart..<position])
                position += 1
                guard let escape = peek else { throw failure("a string that does not end") }
                position += 1
                switch escape {
                case 0x22, 0x5C, 0x2F: out.append(escape)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x75:
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard peek == 0x5C, position + 1 < bytes.count, bytes[position + 1] == 0x75 else { throw failure("an unpaired surrogate \\u\(String(scalar, radix: 16))") }
                        position += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw failure("an unpaired surrogate \\u\(String(scalar, radix: 16))") }
                        scalar = 0x10000 + (scalar - 0xD800) << 10 + (low - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(scalar) {
                        throw failure("an unpaired surrogate \\u\(String(scalar, radix: 16))")
                    }
                    out.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
                default:
                    throw failure("an unknown escape \\\(Character(Unicode.Scalar(escape)))")
                }
                runStart = position
            }
        }

        private mutating func hex4() throws(Failure) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let b = peek else { throw failure("a \\u escape needs four hex digits") }
                let digit: UInt32
                switch b {
                case 0x30...0x39: digit = UInt32(b - 0x30)
                case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
                case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
                default: throw failure("a \\u escape needs four hex digits")
                }
                value = value << 4 | digit
                position += 1
            }
            return value
        }

        /// Passes over any JSON value.
        mutating func skipValue() throws(Failure) {
            guard let b = peek else { throw failure("a value is missing") }
            switch b {
            case 0x22:
                _ = try string()
            case 0x7B, 0x5B:
                depth += 1
                guard depth < 512 else { throw failure("nested too deeply") }
                let close: UInt8 = b == 0x7B ? 0x7D : 0x5D
                position += 1
                skipSpace()
                if peek == close {
                    position += 1
                } else {
                    while true {
                        skipSpace()
                        if close == 0x7D {
                            _ = try string()
                            skipSpace()
                            try expect(0x3A, "':'")
                            skipSpace()
                        }
                        try skipValue()
                        skipSpace()
                        if peek == 0x2C {
                            position += 1
                            continue
                        }
                        try expect(close, close == 0x7D ? "',' or '}'" : "',' or ']'")
                        break
                    }
                }
                depth -= 1
            default:
                let start = position
                while let c = peek, c == 0x2D || c == 0x2B || c == 0x2E || (0x30...0x39).contains(c) || c == 0x65 || c == 0x45 || (0x61...0x7A).contains(c) {
                    position += 1
                }
                let word = String(decoding: bytes[start..<position], as: UTF8.self)
                guard ["true", "false", "null"].contains(word) || Double(word) != nil else {
                    position = start
                    throw failure("expected a value")
                }
            }
        }
    }
}
