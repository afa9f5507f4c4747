/// A JSON value whose objects keep their key order, so output reads in a stable, sensible order.
public enum JSONValue: Sendable {
    case string(String)
    case number(Double)
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

    /// Compact text on one line, as GeoJSON features are written.
    public var compact: String {
        var out = ""
        writeCompact(to: &out)
        return out
    }

    func writeCompact(to out: inout String) {
        switch self {
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.writeCompact(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out += "," }
                Self.quote(key, into: &out)
                out += ":"
                value.writeCompact(to: &out)
            }
            out += "}"
        default:
            write(to: &out, indent: "")
        }
    }

    private func write(to out: inout String, indent: String) {
        switch self {
        case .string(let s): Self.quote(s, into: &out)
        case .number(let x): out += x.isFinite ? Self.number(x) : "null"
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            if items.allSatisfy({ if case .number = $0 { true } else { false } }) {
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

    /// Integers without a fraction; other values in Swift's shortest round-trip form.
    static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
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
            case _ where scalar.value < 0x20:
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
