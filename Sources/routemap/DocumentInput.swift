import Foundation
import Geoparser

/// A document read for extraction: its name for messages and its bytes, checked to be UTF-8.
struct DocumentInput {
    let name: String
    let bytes: [UInt8]
    /// The text without its byte-order mark.
    let body: [UInt8]

    /// Reads a file, or stdin for `-`; a UTF-8 byte-order mark is dropped; invalid UTF-8 is an error with its offset.
    init(path: String) throws(InputError) {
        if path == "-" {
            name = "stdin"
            bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(description: "cannot read '\(path)': no such file")
            }
            guard !isDirectory.boolValue else { throw InputError(description: "'\(path)' is a directory: name the files in it, such as \(path)/*.txt") }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw InputError(description: "cannot read '\(path)': permission denied or not a regular file")
            }
            name = path
            bytes = Array(data)
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let bad = body.withUnsafeBufferPointer({ UTF8Check.firstInvalidByte(in: $0) }) {
            let offset = bad + (body.count == bytes.count ? 0 : 3)
            throw InputError(description: "\(name): not valid UTF-8 at byte \(offset) (0x\(String(bytes[offset], radix: 16, uppercase: true))); convert it first, for example: iconv -f WINDOWS-1251 -t UTF-8 \(name == "stdin" ? "" : name)")
        }
        // Offsets count code points of the text after any byte-order mark, as the annotations do.
        self.body = body
    }
}
