import Gazetteer
import Geoparser

/// Mentions written straight to UTF-8 bytes, as `extract --json` (pretty, the same bytes as
/// `MentionReport.json(…).rendered` gives) and `--jsonl` (one compact line per document) print
/// them: a million mentions are written in a second, not built as a tree of JSON values first.
/// Each place's fields are written once per writer and copied after.
struct MentionJSON {
    private var compactPlaces: [String: [UInt8]] = [:]
    private var prettyPlaces: [String: [UInt8]] = [:]
    /// Per name matched (the session's shared entries, which live as long as it): the place's fields and the match, up to `"inflected":`.
    private var compactMatches: [ObjectIdentifier: [UInt8]] = [:]

    /// `{"document":…,"mentions":[…]}` and a newline.
    mutating func appendLine(document: String, mentions: [Mention], to out: inout [UInt8]) {
        Self.lit(#"{"document":"#, into: &out)
        Self.quote(document, into: &out)
        Self.lit(#","mentions":["#, into: &out)
        for i in mentions.indices {
            let m = mentions[i]
            if i > 0 { out.append(0x2C) }
            Self.lit(#"{"surface":"#, into: &out)
            Self.quote(m.surface, into: &out)
            Self.lit(#","start":"#, into: &out)
            Self.integer(m.start, into: &out)
            Self.lit(#","end":"#, into: &out)
            Self.integer(m.end, into: &out)
            out.append(0x2C)
            if let known = compactMatches[m.entryIdentity] {
                out += known
            } else {
                var fields: [UInt8] = []
                if let known = compactPlaces[m.place.id] {
                    fields += known
                } else {
                    var placeFields: [UInt8] = []
                    Self.lit(#""id":"#, into: &placeFields)
                    Self.quote(m.place.id, into: &placeFields)
                    Self.lit(#","name":"#, into: &placeFields)
                    Self.quote(m.place.name, into: &placeFields)
                    Self.lit(#","kind":"#, into: &placeFields)
                    Self.quote(m.place.kind.rawValue, into: &placeFields)
                    Self.lit(#","lat":"#, into: &placeFields)
                    placeFields += Self.number(m.place.coordinate.latitude).utf8
                    Self.lit(#","lon":"#, into: &placeFields)
                    placeFields += Self.number(m.place.coordinate.longitude).utf8
                    compactPlaces[m.place.id] = placeFields
                    fields += placeFields
                }
                Self.lit(#","matched":{"name":"#, into: &fields)
                Self.quote(m.matchedName, into: &fields)
                Self.lit(#","language":"#, into: &fields)
                Self.optional(m.language, into: &fields)
                compactMatches[m.entryIdentity] = fields
                out += fields
            }
            Self.lit(m.isInflected ? #","inflected":true},"reason":"# : #","inflected":false},"reason":"#, into: &out)
            Self.optional(m.reason, into: &out)
            Self.lit(#","alternatives":["#, into: &out)
            for (k, alternative) in m.alternatives.enumerated() {
                Self.lit(k > 0 ? #",{"id":"# : #"{"id":"#, into: &out)
                Self.quote(alternative.place.id, into: &out)
                Self.lit(#","reason":"#, into: &out)
                Self.quote(alternative.reason, into: &out)
                out.append(0x7D)
            }
            Self.lit("]}", into: &out)
        }
        Self.lit("]}\n", into: &out)
    }

    /// The document as an item of `--json`'s array: two spaces in, no newline after its closing brace.
    mutating func appendPretty(document: String, mentions: [Mention], to out: inout [UInt8]) {
        Self.lit("  {\n    \"document\": ", into: &out)
        Self.quote(document, into: &out)
        guard !mentions.isEmpty else {
            Self.lit(",\n    \"mentions\": []\n  }", into: &out)
            return
        }
        Self.lit(",\n    \"mentions\": [\n", into: &out)
        for i in mentions.indices {
            let m = mentions[i]
            Self.lit("      {\n        \"surface\": ", into: &out)
            Self.quote(m.surface, into: &out)
            Self.lit(",\n        \"start\": ", into: &out)
            Self.integer(m.start, into: &out)
            Self.lit(",\n        \"end\": ", into: &out)
            Self.integer(m.end, into: &out)
            Self.lit(",\n", into: &out)
            if let known = prettyPlaces[m.place.id] {
                out += known
            } else {
                var fields: [UInt8] = []
                Self.lit("        \"id\": ", into: &fields)
                Self.quote(m.place.id, into: &fields)
                Self.lit(",\n        \"name\": ", into: &fields)
                Self.quote(m.place.name, into: &fields)
                Self.lit(",\n        \"kind\": ", into: &fields)
                Self.quote(m.place.kind.rawValue, into: &fields)
                Self.lit(",\n        \"lat\": ", into: &fields)
                fields += Self.number(m.place.coordinate.latitude).utf8
                Self.lit(",\n        \"lon\": ", into: &fields)
                fields += Self.number(m.place.coordinate.longitude).utf8
                Self.lit(",\n", into: &fields)
                prettyPlaces[m.place.id] = fields
                out += fields
            }
            Self.lit("        \"matched\": {\n          \"name\": ", into: &out)
            Self.quote(m.matchedName, into: &out)
            Self.lit(",\n          \"language\": ", into: &out)
            Self.optional(m.language, into: &out)
            Self.lit(m.isInflected ? ",\n          \"inflected\": true\n        },\n        \"reason\": " : ",\n          \"inflected\": false\n        },\n        \"reason\": ", into: &out)
            Self.optional(m.reason, into: &out)
            let alternatives = m.alternatives
            if alternatives.isEmpty {
                Self.lit(",\n        \"alternatives\": []\n", into: &out)
            } else {
                Self.lit(",\n        \"alternatives\": [\n", into: &out)
                for (k, alternative) in alternatives.enumerated() {
                    Self.lit("          {\n            \"id\": ", into: &out)
                    Self.quote(alternative.place.id, into: &out)
                    Self.lit(",\n            \"reason\": ", into: &out)
                    Self.quote(alternative.reason, into: &out)
                    Self.lit(k < alternatives.count - 1 ? "\n          },\n" : "\n          }\n", into: &out)
                }
                Self.lit("        ]\n", into: &out)
            }
            Self.lit(i < mentions.count - 1 ? "      },\n" : "      }\n", into: &out)
        }
        Self.lit("    ]\n  }", into: &out)
    }

    /// Appends a literal's bytes.
    @inline(__always)
    private static func lit(_ text: StaticString, into out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends a non-negative integer's decimal digits (offsets), as `JSONValue` writes integers.
    @inline(__always)
    private static func integer(_ value: Int, into out: inout [UInt8]) {
        if value < 10 {
            out.append(UInt8(0x30 + value))
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[23 - count] = UInt8(0x30 + rest % 10)
                rest /= 10
                count += 1
            }
            out.append(contentsOf: buffer[(24 - count)...])
        }
    }

    private static func optional(_ s: String?, into out: inout [UInt8]) {
        if let s { quote(s, into: &out) } else { Self.lit("null", into: &out) }
    }

    /// A JSON string as `JSONValue` writes one: quotes, backslashes and control characters escaped.
    static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { bytes in
            var runStart = 0
            for (i, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                switch byte {
                case 0x22: out += [0x5C, 0x22]
                case 0x5C: out += [0x5C, 0x5C]
                case 0x0A: out += [0x5C, 0x6E]
                case 0x0D: out += [0x5C, 0x72]
                case 0x09: out += [0x5C, 0x74]
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]]
                }
                runStart = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        out.append(0x22)
    }

    /// A number as `JSONValue` writes one: integers without a fraction, others in Swift's shortest round-trip form.
    static func number(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }
}
