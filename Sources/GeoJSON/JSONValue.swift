/// A JSON value whose objects keep their key order, so output reads in a stable, sensible order.
public enum JSONValue: Sendable {
    case string(String)
    /// A real number, always written as one (`65.0`, never `65`), so GDAL types its column Real.
    case number(Double)
    /// A count or offset, written without a fraction (GDAL types its column Integer).
    case integer(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// Pretty-printed text with two-space indentation and a final newline.
    public var rendered: String {
        var out = ""
        write(to: &out, indent: "")
        return out + "\n"
    }

    /// Pretty-printed text as it reads nested `indent` deep (no final newline): how an array's
    /// elements are written one at a time by a program that streams them.
    public func rendered(indent: String) -> String {
        var out = ""
        write(to: &out, indent: indent)
        return out
    }

    /// Compact text on one line, as GeoJSON features are written.
    public var compact: String {
        var out: [UInt8] = []
        writeCompact(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends compact UTF-8 JSON to `out`.
    public func writeCompact(into out: inout [UInt8]) {
        switch self {
        case .string(let s): Self.quote(s, into: &out)
        case .number(let x): out.append(contentsOf: (x.isFinite ? Self.number(x) : "null").utf8)
        case .integer(let n): out.append(contentsOf: String(n).utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let items):
            out.append(0x5B)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(0x2C) }
                item.writeCompact(into: &out)
            }
            out.append(0x5D)
        case .object(let members):
            out.append(0x7B)
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(0x2C) }
                Self.quote(key, into: &out)
                out.append(0x3A)
                value.writeCompact(into: &out)
            }
            out.append(0x7D)
        }
    }

    /// Appends `s` as a JSON string: quotes, backslashes and control characters escaped (C0, DEL and
    /// C1, so that no JSON routemap prints can drive a terminal), the rest as UTF-8.
    public static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { bytes in
            var runStart = 0
            var skip = false
            for (i, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xC2 || skip {
                if skip {
                    // The second byte of an escaped C1 control.
                    skip = false
                    runStart = i + 1
                    continue
                }
                if byte == 0xC2 {
                    guard i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) else { continue }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(bytes[i + 1] >> 4)], hex[Int(bytes[i + 1] & 15)]])
                    skip = true
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                switch byte {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: out.append(contentsOf: [0x5C, 0x72])
                case 0x09: out.append(contentsOf: [0x5C, 0x74])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
                }
                runStart = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        out.append(0x22)
    }

    private func write(to out: inout String, indent: String) {
        switch self {
        case .string(let s): Self.quote(s, into: &out)
        case .number(let x): out += x.isFinite ? Self.number(x) : "null"
        case .integer(let n): out += String(n)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            if items.allSatisfy({ switch $0 { case .number, .integer: true; default: false } }) {
                out += "[" + items.map { v -> String in var s = ""; v.write(to: &s, indent: ""); return s }.joined(separator: ", ") + "]"
                return
            }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += indent + "  "
                item.write(to: &out, indent: indent + "  ")
                out += i < items.count - 1 ? ",\n" : "\n"
            }
            out += indent + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (i, (key, value)) in members.enumerated() {
                out += indent + "  "
                Self.quote(key, into: &out)
                out += ": "
                value.write(to: &out, indent: indent + "  ")
                out += i < members.count - 1 ? ",\n" : "\n"
            }
            out += indent + "}"
        }
    }

    /// A real in Swift's shortest round-trip form, which always has a fraction or an exponent
    /// (`65.0`, `841295.661627459`, `1e+16`): a whole-number real read back by GDAL stays Real, so
    /// a later append into PostGIS or a GeoPackage cannot truncate 42.97782 to 42.
    static func number(_ x: Double) -> String {
        x == 0 ? "0.0" : "\(x)"
    }

    static func quote(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

extension JSONValue {
    /// A string, or null for nil.
    public static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
}
