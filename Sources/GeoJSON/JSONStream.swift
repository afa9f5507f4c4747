/// A JSON value as the streaming reader builds it: positions (arrays of two or more numbers) and
/// arrays of them are kept packed, so a ring of a million positions costs 16 bytes each, not a
/// tree of a million arrays.
enum JSONNode {
    case object([(String, JSONNode)])
    case array([JSONNode])
    /// An array of numbers, such as one position.
    case numbers([Double])
    /// An array of positions (each an array of at least two numbers: longitude, latitude, …).
    case positions([Position])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    /// The value of the last member named `key` (as most JSON readers keep a repeated key's last value).
    subscript(key: String) -> JSONNode? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.0 == key }?.1
    }

    var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}

/// Reads JSON text from bytes that arrive in blocks (a file or stdin of any length), with limits:
/// nesting depth, and bytes per value read whole (`readValue`), so an endless or deeply nested input
/// is an error that says so. Numbers follow JSON's grammar strictly; strings must be UTF-8.
struct JSONStream {
    /// Fills the buffer it is given; returns how many bytes it read (0 at the end).
    typealias Source = (UnsafeMutableRawBufferPointer) throws(GeoJSONReadError) -> Int

    private let source: Source
    private var buffer: [UInt8] = []
    /// Each read lands here first, then joins `buffer`: 16 KiB, doubled up to 1 MiB while reads fill it
    /// (a small text costs no megabyte of zeroes).
    private var chunk = [UInt8](repeating: 0, count: 1 << 14)
    private var position = 0
    private var finished = false
    /// Bytes consumed before `buffer[0]`, and lines, for messages.
    private var consumedBefore = 0
    private(set) var line = 1
    /// The most nested arrays and objects.
    let maximumDepth: Int
    /// The most bytes one `readValue` may span.
    let maximumValueBytes: Int
    private var valueStart = 0
    private var depth = 0

    init(maximumDepth: Int, maximumValueBytes: Int, source: @escaping Source) {
        self.maximumDepth = maximumDepth
        self.maximumValueBytes = maximumValueBytes
        self.source = source
    }

    /// The byte offset reached in the whole input.
    var offset: Int { consumedBefore + position }

    /// An error at the current place.
    func error(_ message: String, path: String) -> GeoJSONReadError {
        GeoJSONReadError(path: path, message: "\(message) (line \(line), byte \(offset))")
    }

    // MARK: bytes

    /// The next byte without consuming it, or nil at the end.
    mutating func peek() throws(GeoJSONReadError) -> UInt8? {
        if position < buffer.count { return buffer[position] }
        try refill()
        return position < buffer.count ? buffer[position] : nil
    }

    private mutating func refill() throws(GeoJSONReadError) {
        guard !finished else { return }
        // Keep only what the value being read still needs (nothing: values are copied out as read).
        consumedBefore += position
        buffer.removeSubrange(0..<position)
        position = 0
        let count: Int
        count = try chunk.withUnsafeMutableBytes { raw in
            Result { () throws(GeoJSONReadError) in try source(raw) }
        }.get()
        buffer.append(contentsOf: chunk[0..<count])
        if count == chunk.count, chunk.count < 1 << 20 { chunk += repeatElement(0, count: chunk.count) }
        if count == 0 { finished = true }
    }

    private mutating func next() throws(GeoJSONReadError) -> UInt8? {
        guard let byte = try peek() else { return nil }
        position += 1
        if offset - valueStart > maximumValueBytes, valueStart >= 0 {
            throw GeoJSONReadError(path: "", message: "a value of more than \(maximumValueBytes >> 20) MiB, the most routemap reads at once (one feature, or a whole file that is not a FeatureCollection); split the file")
        }
        return byte
    }

    /// The most blank space allowed in one run (so `yes '' | routemap area -` ends).
    static let maximumBlankRun = 64 << 20

    /// Skips whitespace; returns the next byte (not consumed), or nil at the end.
    mutating func skipSpace() throws(GeoJSONReadError) -> UInt8? {
        let start = offset
        while let byte = try peek() {
            switch byte {
            case 0x20, 0x09, 0x0D: position += 1
            case 0x0A: position += 1; line += 1
            default: return byte
            }
            if offset - start > Self.maximumBlankRun {
                throw error("more than \(Self.maximumBlankRun >> 20) MiB of blank space", path: "")
            }
        }
        return nil
    }

    /// Consumes `byte` after optional whitespace, or fails saying what was expected.
    mutating func expect(_ byte: UInt8, _ what: String, path: String) throws(GeoJSONReadError) {
        guard try skipSpace() == byte else { throw unexpected(what, path: path) }
        position += 1
    }

    func unexpected(_ what: String, path: String) -> GeoJSONReadError {
        let found = position < buffer.count ? "'\(Self.shown(buffer[position]))'" : "the end of the input"
        return error("not JSON: expected \(what), found \(found)", path: path)
    }

    private static func shown(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    // MARK: values

    /// Marks the start of a value that `readValue` will read whole, for the size limit.
    mutating func beginValue() {
        valueStart = offset
    }

    /// Stops counting a value's size (between values of a streamed array).
    mutating func endValue() {
        valueStart = Int.max / 2
    }

    /// Reads a whole value into a tree.
    mutating func readValue(path: String) throws(GeoJSONReadError) -> JSONNode {
        guard let byte = try skipSpace() else { throw unexpected("a value", path: path) }
        switch byte {
        case 0x7B: // {
            position += 1
            try enter(path: path)
            defer { depth -= 1 }
            var members: [(String, JSONNode)] = []
            if try skipSpace() == 0x7D { position += 1; return .object(members) }
            while true {
                guard try skipSpace() == 0x22 else { throw unexpected("a member name in double quotes", path: path) }
                let key = try readString(path: path)
                try expect(0x3A, "':'", path: path)
                members.append((key, try readValue(path: path.isEmpty ? key : "\(path).\(key)")))
                guard let separator = try skipSpace() else { throw unexpected("',' or '}'", path: path) }
                position += 1
                if separator == 0x7D { return .object(members) }
                guard separator == 0x2C else { position -= 1; throw unexpected("',' or '}'", path: path) }
            }
        case 0x5B: // [
            position += 1
            try enter(path: path)
            defer { depth -= 1 }
            return try readArray(path: path)
        case 0x22:
            return .string(try readString(path: path))
        case 0x74: try literal("true", path: path); return .bool(true)
        case 0x66: try literal("false", path: path); return .bool(false)
        case 0x6E: try literal("null", path: path); return .null
        default:
            return .number(try readNumber(path: path))
        }
    }

    private mutating func enter(path: String) throws(GeoJSONReadError) {
        depth += 1
        if depth > maximumDepth { throw error("arrays and objects nested more than \(maximumDepth) deep", path: path) }
    }

    /// The elements of an array after its `[`: numbers packed, arrays of positions packed.
    private mutating func readArray(path: String) throws(GeoJSONReadError) -> JSONNode {
        var nodes: [JSONNode] = []
        var numbers: [Double] = []
        var positions: [Position] = []
        enum Kind { case empty, numbers, positions, mixed }
        var kind = Kind.empty
        if try skipSpace() == 0x5D { position += 1; return .array([]) }
        var index = 0
        while true {
            let element = try readValue(path: "\(path)[\(index)]")
            switch (kind, element) {
            case (.empty, .number(let x)): kind = .numbers; numbers.append(x)
            case (.numbers, .number(let x)): numbers.append(x)
            case (.empty, .numbers(let p)) where p.count >= 2: kind = .positions; positions.append(Position(longitude: p[0], latitude: p[1]))
            case (.positions, .numbers(let p)) where p.count >= 2: positions.append(Position(longitude: p[0], latitude: p[1]))
            default:
                // Unpack what was packed so far, and keep everything as nodes from here on.
                if kind == .numbers { nodes = numbers.map(JSONNode.number); numbers = [] }
                if kind == .positions { nodes = positions.map { .numbers([$0.longitude, $0.latitude]) }; positions = [] }
                kind = .mixed
                nodes.append(element)
            }
            index += 1
            guard let separator = try skipSpace() else { throw unexpected("',' or ']'", path: path) }
            position += 1
            if separator == 0x5D { break }
            guard separator == 0x2C else { position -= 1; throw unexpected("',' or ']'", path: path) }
        }
        switch kind {
        case .numbers: return .numbers(numbers)
        case .positions: return .positions(positions)
        default: return .array(nodes)
        }
    }

    private mutating func literal(_ word: String, path: String) throws(GeoJSONReadError) {
        for expected in word.utf8 {
            guard try next() == expected else { throw error("not JSON: expected \(word)", path: path) }
        }
    }

    /// A number in JSON's grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    mutating func readNumber(path: String) throws(GeoJSONReadError) -> Double {
        var text: [UInt8] = []
        func digits(_ stream: inout JSONStream) throws(GeoJSONReadError) -> Int {
            var count = 0
            while let byte = try stream.peek(), byte >= 0x30, byte <= 0x39 {
                text.append(byte)
                _ = try stream.next()
                count += 1
                if text.count > 400 { throw stream.error("a number of more than 400 digits", path: path) }
            }
            return count
        }
        if try peek() == 0x2D { text.append(0x2D); _ = try next() }
        let first = try peek()
        guard let first, first >= 0x30, first <= 0x39 else { throw unexpected("a value", path: path) }
        if first == 0x30 {
            text.append(0x30)
            _ = try next()
        } else {
            _ = try digits(&self)
        }
        if try peek() == 0x2E {
            text.append(0x2E)
            _ = try next()
            guard try digits(&self) > 0 else { throw error("not JSON: a digit must follow the decimal point", path: path) }
        }
        if let e = try peek(), e == 0x65 || e == 0x45 {
            text.append(e)
            _ = try next()
            if let sign = try peek(), sign == 0x2B || sign == 0x2D { text.append(sign); _ = try next() }
            guard try digits(&self) > 0 else { throw error("not JSON: an exponent needs digits", path: path) }
        }
        guard let value = Double(String(decoding: text, as: UTF8.self)) else { throw error("not JSON: a bad number", path: path) }
        return value
    }

    /// A string after its opening quote is next: escapes decoded, UTF-8 checked, control characters refused.
    mutating func readString(path: String) throws(GeoJSONReadError) -> String {
        position += 1
        var bytes: [UInt8] = []
        while true {
            guard let byte = try next() else { throw error("not JSON: a string is not closed", path: path) }
            switch byte {
            case 0x22:
                guard let text = String(validating: bytes, as: UTF8.self) else { throw error("a string that is not valid UTF-8", path: path) }
                return text
            case 0x5C:
                guard let escape = try next() else { throw error("not JSON: a string is not closed", path: path) }
                switch escape {
                case 0x22, 0x5C, 0x2F: bytes.append(escape)
                case 0x62: bytes.append(0x08)
                case 0x66: bytes.append(0x0C)
                case 0x6E: bytes.append(0x0A)
                case 0x72: bytes.append(0x0D)
                case 0x74: bytes.append(0x09)
                case 0x75:
                    var scalar = try hex4(path: path)
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard try next() == 0x5C, try next() == 0x75 else { throw error("not JSON: a lone surrogate \\u escape", path: path) }
                        let low = try hex4(path: path)
                        guard (0xDC00..<0xE000).contains(low) else { throw error("not JSON: a lone surrogate \\u escape", path: path) }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw error("not JSON: a lone surrogate \\u escape", path: path) }
                    bytes.append(contentsOf: Array(String(unicode).utf8))
                default: throw error("not JSON: a bad escape in a string", path: path)
                }
            case 0..<0x20:
                throw error("not JSON: a control character in a string (escape it)", path: path)
            default:
                bytes.append(byte)
            }
        }
    }

    private mutating func hex4(path: String) throws(GeoJSONReadError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = try next() else { throw error("not JSON: a short \\u escape", path: path) }
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x37)
            case 0x61...0x66: digit = UInt32(byte - 0x57)
            default: throw error("not JSON: a bad \\u escape", path: path)
            }
            value = value << 4 | digit
        }
        return value
    }

    /// Skips a value without keeping it (a member of the root that is not `features`), however large.
    mutating func skipValue(path: String) throws(GeoJSONReadError) {
        var nesting = 0
        repeat {
            guard let byte = try skipSpace() else { throw unexpected("a value", path: path) }
            switch byte {
            case 0x7B, 0x5B:
                position += 1
                nesting += 1
                if nesting > maximumDepth { throw error("arrays and objects nested more than \(maximumDepth) deep", path: path) }
            case 0x7D, 0x5D:
                position += 1
                nesting -= 1
            case 0x2C, 0x3A:
                position += 1
            case 0x22:
                // A string, read byte by byte without keeping it.
                position += 1
                while true {
                    guard let c = try next() else { throw error("not JSON: a string is not closed", path: path) }
                    if c == 0x5C { _ = try next() } else if c == 0x22 { break }
                }
            case 0x74: try literal("true", path: path)
            case 0x66: try literal("false", path: path)
            case 0x6E: try literal("null", path: path)
            default: _ = try readNumber(path: path)
            }
        } while nesting > 0
    }
}
