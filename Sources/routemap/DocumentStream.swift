import Foundation
import Geoparser

/// The documents `extract` reads, one at a time in order, without holding them all: files, folders
/// of `*.txt` files (all levels, in path order), stdin, and JSON lines of `{"id": …, "text": …}`
/// documents (`--input jsonl`), whose lines are cut as they arrive so a document fed to a pipe is
/// read at once.
enum DocumentStream {
    /// One document as read, not yet checked: its bytes are checked and decoded by the worker that extracts from it.
    enum Item: Sendable {
        /// A text file (or stdin) and its bytes.
        case text(name: String, bytes: [UInt8])
        /// Lines of a JSON-lines input, each where it is (`file:line`) and its bytes: the lines one
        /// read brought in, up to about 256 KB, so that small documents go to the workers in batches.
        case jsonLines([(location: String, bytes: [UInt8])])
        /// A path that could not be read.
        case unreadable(String)
    }

    /// Reads `paths` in order, passing each document to `submit`, which returns false to stop. Each
    /// file is read with CommandIO's limits: a text document up to `InputLimits.document`, UTF-16 and
    /// UTF-32 named as such; a JSON line up to the same.
    static func read(_ paths: [String], jsonLines: Bool, submit: (Item) -> Bool) {
        for path in paths {
            if path == "-" {
                guard readFile(InputFile(descriptor: STDIN_FILENO, name: "stdin"), jsonLines: jsonLines, submit: submit) else { return }
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                guard submit(.unreadable("cannot read '\(TerminalText.excerpt(path, limit: 300))': no such file")) else { return }
                continue
            }
            let files = isDirectory.boolValue ? documents(in: path, suffix: jsonLines ? ".jsonl" : ".txt") : [path]
            if isDirectory.boolValue, files.isEmpty {
                guard submit(.unreadable("'\(TerminalText.excerpt(path, limit: 300))' has no \(jsonLines ? "*.jsonl" : "*.txt") documents")) else { return }
            }
            for file in files {
                let input: InputFile
                do {
                    input = try InputFile(path: file)
                } catch {
                    guard submit(.unreadable(error.description)) else { return }
                    continue
                }
                guard readFile(input, jsonLines: jsonLines, submit: submit) else { return }
            }
        }
    }

    /// One file's documents: the whole file, or its JSON lines.
    private static func readFile(_ input: InputFile, jsonLines: Bool, submit: (Item) -> Bool) -> Bool {
        if jsonLines { return readLines(input, submit: submit) }
        do {
            return submit(.text(name: input.shownName, bytes: try input.readAll(limit: InputLimits.document, what: "a document")))
        } catch {
            return submit(.unreadable(error.description))
        }
    }

    /// The files under `folder` whose names end in `suffix`, hidden ones left out, in path order.
    static func documents(in folder: String, suffix: String) -> [String] {
        let names = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
        return names.filter { $0.hasSuffix(suffix) && !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
            .sorted()
            .map { (folder as NSString).appendingPathComponent($0) }
    }

    /// Submits each non-blank line as soon as its newline (or the end of the input) is read: the
    /// lines of one read together, never waiting for more input to fill a batch. A line longer than
    /// `InputLimits.document` is reported and skipped (its bytes are not held); UTF-16 and UTF-32
    /// are errors that name the encoding.
    private static func readLines(_ input: InputFile, submit: (Item) -> Bool) -> Bool {
        let name = input.shownName
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var line = 0, skipped = 0, first = true
        var batch: [(location: String, bytes: [UInt8])] = [], batchBytes = 0
        func flush() -> Bool {
            defer { (batch, batchBytes) = ([], 0) }
            return batch.isEmpty || submit(.jsonLines(batch))
        }
        func emit(_ bytes: ArraySlice<UInt8>) -> Bool {
            line += 1
            if skipped > 0 {
                defer { skipped = 0 }
                return flush() && submit(.unreadable("\(name):\(line): more than \(InputLimits.describe(InputLimits.document)), the most routemap reads as a document; split it into smaller documents"))
            }
            guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return true }
            batch.append(("\(name):\(line)", Array(bytes)))
            batchBytes += bytes.count
            return batchBytes < 256 << 10 || flush()
        }
        while true {
            let n: Int
            do {
                n = try chunk.withUnsafeMutableBytes { raw in Result { () throws(InputError) in try input.read(into: raw) } }.get()
            } catch {
                return flush() && submit(.unreadable(error.description))
            }
            guard n > 0 else { break }
            var start = 0
            if first {
                first = false
                if let problem = InputEncoding.problem(in: chunk[0..<n], name: name, path: name == "stdin" ? nil : input.name) {
                    return submit(.unreadable(problem))
                }
                if chunk[0..<n].starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
            }
            for i in start..<n where chunk[i] == 0x0A {
                if pending.isEmpty {
                    guard emit(chunk[start..<i]) else { return false }
                } else {
                    pending.append(contentsOf: chunk[start..<i])
                    guard emit(pending[...]) else { return false }
                    pending.removeAll(keepingCapacity: true)
                }
                start = i + 1
            }
            pending.append(contentsOf: chunk[start..<n])
            if pending.count > InputLimits.document {
                // Too long already: drop what is held and keep counting until its end.
                skipped += pending.count
                pending.removeAll()
            }
            guard flush() else { return false }
        }
        return (pending.isEmpty && skipped == 0 || emit(pending[...])) && flush()
    }
}

/// A document ready for extraction: its name and its text as checked UTF-8.
struct CheckedDocument {
    let name: String
    let body: [UInt8]

    /// Checks a text document: its byte-order mark dropped and its UTF-8 checked; the error says where it is not UTF-8.
    init(name: String, bytes: [UInt8]) throws(InputError) {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let bad = body.withUnsafeBufferPointer({ UTF8Check.firstInvalidByte(in: $0) }) {
            let offset = bad + (body.count == bytes.count ? 0 : 3)
            throw InputError(description: "\(name): not valid UTF-8 at byte \(offset) (0x\(String(bytes[offset], radix: 16, uppercase: true))); convert it first, for example: iconv -f WINDOWS-1251 -t UTF-8\(name == "stdin" ? "" : " " + name)")
        }
        (self.name, self.body) = (name, body)
    }

    /// Decodes one line of a JSON-lines input; the error says what is wrong and at which line and byte.
    init(location: String, line bytes: [UInt8]) throws(InputError) {
        let document: JSONLineDocument
        do {
            document = try JSONLineDocument(bytes)
        } catch {
            throw InputError(description: "\(location): \(error.reason); each line must be a JSON object such as {\"id\": \"r1\", \"text\": \"Drones left Amirabad.\"}")
        }
        if let bad = document.text.withUnsafeBufferPointer({ UTF8Check.firstInvalidByte(in: $0) }) {
            throw InputError(description: "\(location): the text is not valid UTF-8 at byte \(bad) of the decoded text; convert the file to UTF-8 first")
        }
        (name, body) = (document.id ?? location, document.text)
    }
}
