import Geoparser

/// A document read for extraction: its name for messages and its bytes, checked to be UTF-8.
struct DocumentInput {
    let name: String
    /// The text without its byte-order mark.
    let body: [UInt8]

    /// Reads a file, or stdin for `-`, up to `InputLimits.document`; a UTF-8 byte-order mark is
    /// dropped; invalid UTF-8 (UTF-16 named as such) is an error with its offset.
    init(path: String) throws(InputError) {
        let input = try InputFile(path: path)
        name = input.shownName
        var body = try input.readAll(limit: InputLimits.document, what: "a document")
        let marked = body.starts(with: [0xEF, 0xBB, 0xBF])
        if marked { body.removeFirst(3) }
        if let bad = body.withUnsafeBufferPointer({ UTF8Check.firstInvalidByte(in: $0) }) {
            let offset = bad + (marked ? 3 : 0)
            throw InputError(description: "\(name): not valid UTF-8 at byte \(offset) (0x\(String(body[bad], radix: 16, uppercase: true))); convert it first, for example: iconv -f WINDOWS-1251 -t UTF-8\(name == "stdin" ? "" : " " + name)")
        }
        // Offsets count code points of the text after any byte-order mark, as the annotations do.
        self.body = body
    }
}
