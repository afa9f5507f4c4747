/// Text made safe to show on a terminal: control characters, which could move the cursor, clear
/// the screen or retitle the window (ESC sequences, C1 controls such as U+009B), are written as
/// visible escapes (`\u{1B}`), and quotes of user data are cut short.
public enum TerminalText {
    /// `text` with every control character but newline and tab written as `\u{…}`: C0 (U+0000–U+001F,
    /// carriage return included, which would let text overwrite a line), DEL and C1 (U+0080–U+009F).
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether a scalar is a control character to escape (not newline or tab).
    @inline(__always)
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v)
    }

    /// A quote of user data for a message: at most `limit` characters (then `…` and the full size),
    /// control characters escaped, so a 100 MB field or an ESC sequence never reaches the terminal whole.
    public static func excerpt(_ text: some StringProtocol, limit: Int = 40) -> String {
        var count = 0
        var end = text.startIndex
        while end < text.endIndex, count < limit {
            end = text.index(after: end)
            count += 1
        }
        if end == text.endIndex { return escaped(String(text)) }
        return escaped(String(text[..<end])) + "… (\(text.utf8.count) bytes)"
    }

    /// `excerpt` of raw bytes, decoded as UTF-8 (invalid sequences shown as U+FFFD).
    public static func excerpt(utf8 bytes: some Collection<UInt8>, limit: Int = 40) -> String {
        guard bytes.count > limit * 4 else { return excerpt(String(decoding: bytes, as: UTF8.self), limit: limit) }
        let head = String(decoding: bytes.prefix(limit * 4), as: UTF8.self)
        return escaped(String(head.prefix(limit))) + "… (\(bytes.count) bytes)"
    }
}
