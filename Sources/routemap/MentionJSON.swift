import GeoJSON
import Gazetteer
import Geoparser

/// Mentions written straight to UTF-8 bytes, as `extract --json` (an array of documents, each
/// mention on a line of its own) and `--jsonl` (one compact line per document) print them: a
/// million mentions are written in a second, not built as a tree of JSON values first. Each
/// name's place and match fields are written once per writer and copied after.
///
/// The reasoning that mentions share (a reason and the ranked alternatives, the same for every
/// mention of the same rivals) is written once per document, in `choices`, and each mention
/// names its entry there by `choice` (null when it had no rivals): a million mentions of "Moscow"
/// repeat their place, not its reasoning.
struct MentionJSON {
    /// Per name matched (the session's shared entries, which live as long as it): the place's fields and the match, up to `"inflected":`.
    private var compactMatches: [ObjectIdentifier: [UInt8]] = [:]

    /// The document's shared choices, in order of first use, and each mention's index among them.
    private static func choices(of mentions: [Mention]) -> (choices: [Mention], index: [ObjectIdentifier: Int]) {
        var index: [ObjectIdentifier: Int] = [:]
        var choices: [Mention] = []
        for mention in mentions {
            guard let identity = mention.choiceIdentity, index[identity] == nil else { continue }
            index[identity] = choices.count
            choices.append(mention)
        }
        return (choices, index)
    }

    /// `{"document":…,"mentions":[…],"choices":[…]}` and a newline.
    mutating func appendLine(document: String, mentions: [Mention], to out: inout [UInt8]) {
        let (choices, index) = Self.choices(of: mentions)
        Self.lit(#"{"document":"#, into: &out)
        Self.quote(document, into: &out)
        Self.lit(#","mentions":["#, into: &out)
        for i in mentions.indices {
            if i > 0 { out.append(0x2C) }
            appendMention(mentions[i], choices: index, to: &out)
        }
        Self.lit(#"],"choices":["#, into: &out)
        for (i, choice) in choices.enumerated() {
            if i > 0 { out.append(0x2C) }
            Self.appendChoice(choice, to: &out)
        }
        Self.lit("]}\n", into: &out)
    }

    /// The document as an item of `--json`'s array: two spaces in, its choices and then its
    /// mentions one a line, no newline after its closing brace.
    mutating func appendPretty(document: String, mentions: [Mention], to out: inout [UInt8]) {
        let (choices, index) = Self.choices(of: mentions)
        Self.lit("  {\"document\": ", into: &out)
        Self.quote(document, into: &out)
        Self.lit(", \"choices\": [", into: &out)
        for (i, choice) in choices.enumerated() {
            Self.lit(i == 0 ? "\n    " : ",\n    ", into: &out)
            Self.appendChoice(choice, to: &out)
        }
        Self.lit(choices.isEmpty ? "], \"mentions\": [" : "\n  ], \"mentions\": [", into: &out)
        for i in mentions.indices {
            Self.lit(i == 0 ? "\n    " : ",\n    ", into: &out)
            appendMention(mentions[i], choices: index, to: &out)
        }
        Self.lit(mentions.isEmpty ? "]}" : "\n  ]}", into: &out)
    }

    /// `{"reason":…,"alternatives":[{"id":…,"reason":…}…]}`: what a choice's mentions share.
    private static func appendChoice(_ m: Mention, to out: inout [UInt8]) {
        lit(#"{"reason":"#, into: &out)
        optional(m.reason, into: &out)
        lit(#","alternatives":["#, into: &out)
        for (k, alternative) in m.alternatives.enumerated() {
            lit(k > 0 ? #",{"id":"# : #"{"id":"#, into: &out)
            quote(alternative.place.id, into: &out)
            lit(#","reason":"#, into: &out)
            quote(alternative.reason, into: &out)
            out.append(0x7D)
        }
        lit("]}", into: &out)
    }

    /// One mention, compact: surface, offsets, place, how it matched, its reason and its choice.
    private mutating func appendMention(_ m: Mention, choices: [ObjectIdentifier: Int], to out: inout [UInt8]) {
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
            Self.lit(#""id":"#, into: &fields)
            Self.quote(m.place.id, into: &fields)
            Self.lit(#","name":"#, into: &fields)
            Self.quote(m.place.name, into: &fields)
            Self.lit(#","kind":"#, into: &fields)
            Self.quote(m.place.kind.rawValue, into: &fields)
            Self.lit(#","lat":"#, into: &fields)
            fields += Self.number(m.place.coordinate.latitude).utf8
            Self.lit(#","lon":"#, into: &fields)
            fields += Self.number(m.place.coordinate.longitude).utf8
            Self.lit(#","matched":{"name":"#, into: &fields)
            Self.quote(m.matchedName, into: &fields)
            Self.lit(#","language":"#, into: &fields)
            Self.optional(m.language, into: &fields)
            compactMatches[m.entryIdentity] = fields
            out += fields
        }
        Self.lit(m.isInflected ? #","inflected":true},"reason":"# : #","inflected":false},"reason":"#, into: &out)
        Self.optional(m.reason, into: &out)
        Self.lit(#","choice":"#, into: &out)
        if let choice = m.choiceIdentity.flatMap({ choices[$0] }) { Self.integer(choice, into: &out) } else { Self.lit("null", into: &out) }
        out.append(0x7D)
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

    /// A JSON string as `JSONValue` writes one: quotes, backslashes and control characters (C0, DEL, C1) escaped.
    @inline(__always)
    static func quote(_ s: String, into out: inout [UInt8]) {
        JSONValue.quote(s, into: &out)
    }

    /// A number as `JSONValue` writes one: integers without a fraction, others in Swift's shortest round-trip form.
    static func number(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }
}
