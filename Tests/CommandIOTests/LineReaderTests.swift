import CommandIO
import Foundation
import Testing

/// An InputFile over a temporary file holding `bytes`.
func inputFile(_ bytes: [UInt8]) throws -> InputFile {
    let path = try scratchFolder() + "/input"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return try InputFile(path: path)
}

@Suite("LineReader and InputFile: lines with a length limit, encodings named, a size limit")
struct LineReaderTests {
    @Test("lines without their newline or CR, numbered; a too-long line is reported and skipped, the next one read")
    func lines() throws {
        let long = [UInt8](repeating: 0x61, count: 3_000_000)
        var reader = try inputFile(Array("one\r\ntwo\n".utf8) + long + Array("\nthree".utf8)).lines(maximumLength: 1 << 20)
        var seen: [String] = []
        while let line = try reader.next() {
            seen.append(line.bytes.map { "\(line.number):" + String(decoding: $0, as: UTF8.self) } ?? "\(line.number): \(line.length) bytes")
        }
        #expect(seen == ["1:one", "2:two", "3: 3000000 bytes", "4:three"])
    }

    @Test("a byte-order mark before the first line is dropped; UTF-16 and UTF-32 are named")
    func encodings() throws {
        var marked = try inputFile([0xEF, 0xBB, 0xBF] + Array("a\n".utf8)).lines()
        #expect(try marked.next()?.bytes.map { Array($0) } == Array("a".utf8))
        for (bytes, name) in [([UInt8]([0xFF, 0xFE, 0x61, 0x00]), "UTF-16 (little-endian, with a byte-order mark)"),
                              ([0x00, 0x61, 0x00, 0x62, 0x00, 0x0A], "UTF-16 (big-endian)"),
                              ([0xFF, 0xFE, 0x00, 0x00, 0x61, 0, 0, 0], "UTF-32 (little-endian, with a byte-order mark)")] {
            var reader = try inputFile(bytes).lines()
            let error = #expect(throws: InputError.self) { _ = try reader.next() }
            #expect(error?.description.contains("is \(name), not UTF-8") == true, "\(String(describing: error))")
        }
    }

    @Test("readAll stops at its limit with an error that states it")
    func sizeLimit() throws {
        let error = #expect(throws: InputError.self) { _ = try inputFile([UInt8](repeating: 0x20, count: 2049)).readAll(limit: 2048, what: "a test file") }
        #expect(error?.description.hasSuffix("more than 2 KiB, the most routemap reads as a test file; split it into smaller files") == true, "\(String(describing: error))")
        #expect(try inputFile([UInt8](repeating: 0x20, count: 2048)).readAll(limit: 2048, what: "a test file").count == 2048)
    }
}
