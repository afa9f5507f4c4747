import TerminalSafe

/// Recognises text that is not UTF-8 but UTF-16 or UTF-32 (by its byte-order mark, or by the zero
/// bytes every other ASCII character brings), so the error names the encoding and how to convert,
/// instead of complaining of invisible characters.
public enum InputEncoding {
    /// What is wrong with the encoding of input that starts with `bytes`, or nil when it may be UTF-8.
    /// `path` (a file, not stdin) goes into the suggested `iconv` command.
    public static func problem(in bytes: some Collection<UInt8>, name: String, path: String?) -> String? {
        guard let encoding = detect(Array(bytes.prefix(64))) else { return nil }
        let file = path.map { " " + TerminalText.excerpt($0, limit: 300) } ?? ""
        return "\(name) is \(encoding), not UTF-8; convert it first, for example: iconv -f \(encoding.hasPrefix("UTF-32") ? "UTF-32" : "UTF-16") -t UTF-8\(file)"
    }

    /// "UTF-16 (little-endian, with a byte-order mark)" and the like, or nil.
    static func detect(_ head: [UInt8]) -> String? {
        if head.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return "UTF-32 (little-endian, with a byte-order mark)" }
        if head.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return "UTF-32 (big-endian, with a byte-order mark)" }
        if head.starts(with: [0xFF, 0xFE]) { return "UTF-16 (little-endian, with a byte-order mark)" }
        if head.starts(with: [0xFE, 0xFF]) { return "UTF-16 (big-endian, with a byte-order mark)" }
        // Without a mark: ASCII text in UTF-16 has a zero byte beside every character.
        let pairs = head.count / 2
        guard pairs >= 2 else { return nil }
        let evenZeros = stride(from: 0, to: pairs * 2, by: 2).filter { head[$0] == 0 }.count
        let oddZeros = stride(from: 1, to: pairs * 2, by: 2).filter { head[$0] == 0 }.count
        if oddZeros == pairs, evenZeros == 0 { return "UTF-16 (little-endian)" }
        if evenZeros == pairs, oddZeros == 0 { return "UTF-16 (big-endian)" }
        return nil
    }
}
