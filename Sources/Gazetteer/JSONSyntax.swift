import Foundation

/// Where a JSON text stops being JSON, as a line and column, for error messages that say where.
public enum JSONSyntax {
    /// The line, column and Foundation's reason for the first syntax error, or nil for valid JSON.
    public static func error(in text: String) -> (line: Int, column: Int, message: String)? {
        let bytes = Array(text.utf8)
        do {
            _ = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            return nil
        } catch {
            let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            // Foundation says "… around character N." (a byte offset) or "… around line L, column C."
            let digits = reason.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            var line = 1, column = 1
            if reason.contains("line"), digits.count >= 2 {
                (line, column) = (digits[0], digits[1])
            } else {
                // "around character N", or no place at all (an unexpected end): the end of the text.
                let offset = reason.contains("character") ? digits.last ?? bytes.count : bytes.count
                for byte in bytes.prefix(offset) {
                    if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
                }
            }
            var cleaned = reason.replacingOccurrences(of: #" around (character \d+|line \d+, column \d+)"#, with: "", options: .regularExpression)
            while cleaned.hasSuffix(".") { cleaned.removeLast() }
            return (line, column, "\(cleaned) at line \(line), column \(column)")
        }
    }
}
