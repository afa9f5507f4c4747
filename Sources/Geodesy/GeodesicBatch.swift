import Coordinates
import DecimalText
import TerminalSafe
import Dispatch

/// Many inverse geodesics at once: lines of `lat1 lon1 lat2 lon2` in, lines of
/// `distance_m azimuth_initial_deg azimuth_final_deg` out, in input order, on every core.
///
/// Fields are separated by spaces, tabs or commas. Distances are written to 0.1 mm, azimuths to
/// 1e-9°. Blank lines and lines starting with `#` are copied through empty and as they are.
///
/// In CSV mode the first line names the columns: `lat1`, `lon1`, `lat2`, `lon2` are read (any
/// case, in any position, beside any other columns; double-quoted fields may hold commas), and
/// the output is CSV with the header `distance_m,azimuth_initial_deg,azimuth_final_deg`.
public struct GeodesicBatch: Sendable {
    /// Goes on past a bad line, writing `nan nan nan` for it, instead of stopping.
    public let skipBad: Bool
    /// How many threads work at once.
    public let threads: Int
    /// Reads CSV with a header row instead of four numbers a line.
    public let csv: Bool

    public init(skipBad: Bool = false, threads: Int, csv: Bool = false) {
        self.skipBad = skipBad
        self.threads = max(1, threads)
        self.csv = csv
    }

    /// Where the four numbers are in each line: positions among its fields, and the separator.
    public struct Layout: Sendable {
        let columns: [Int]
        let fieldCount: Int?
        /// A comma for CSV, 0 for spaces, tabs or commas.
        public let separator: UInt8

        /// Four numbers a line, separated by spaces, tabs or commas.
        public static let plain = Layout(columns: [0, 1, 2, 3], fieldCount: nil, separator: 0)
    }

    /// A line that could not be read, with its 1-based number and what is wrong.
    public struct BadLine: Error, Sendable, CustomStringConvertible {
        public let line: Int
        public let reason: String
        /// Line `line` (1-based), bad for `reason`.
        public init(line: Int, reason: String) {
            self.line = line
            self.reason = reason
        }

        public var description: String { "line \(line): \(reason); expected 'lat1 lon1 lat2 lon2', for example 36.85 53.31 42.98 47.50" }
    }

    /// The header line CSV output starts with.
    public static let csvOutputHeader = Array("distance_m,azimuth_initial_deg,azimuth_final_deg\n".utf8)

    /// Where a CSV header (line 1, without its line break) puts lat1, lon1, lat2 and lon2; a header that lacks one is bad line 1.
    public static func layout(csvHeader line: ArraySlice<UInt8>) throws(BadLine) -> Layout {
        var names = fields(line, separator: 0x2C).map { String(decoding: $0, as: UTF8.self).trimmingQuotesAndSpaces().lowercased() }
        if names.last?.hasSuffix("\r") == true { names[names.count - 1].removeLast() }
        let wanted = ["lat1", "lon1", "lat2", "lon2"]
        let missing = wanted.filter { !names.contains($0) }
        guard missing.isEmpty else {
            // A header of a million columns, or one long column name, is quoted briefly.
            let shown = names.prefix(20).map { TerminalText.excerpt($0, limit: 40) }.joined(separator: ", ") + (names.count > 20 ? ", …" : "")
            throw BadLine(line: 1, reason: "the CSV header has no \(missing.joined(separator: ", ")) column; it has \(shown)")
        }
        return Layout(columns: wanted.map { names.firstIndex(of: $0)! }, fieldCount: names.count, separator: 0x2C)
    }

    /// The output for a block of whole lines (the last may lack its line break), whose first line is
    /// line `firstLine` of the input: one output line per input line, in order. Unless `skipBad`, the
    /// block's output stops before its first bad line, which is the one bad line returned.
    public func solve(block bytes: UnsafeBufferPointer<UInt8>, firstLine: Int, layout: Layout) -> (output: [UInt8], bad: [BadLine]) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 4)
        var bad: [BadLine] = []
        var start = 0, line = firstLine
        while start < bytes.count {
            var next = start
            while next < bytes.count, bytes[next] != 0x0A { next += 1 }
            var end = next
            if end > start, bytes[end - 1] == 0x0D { end -= 1 }
            do throws(Problem) {
                try solve(ArraySlice(UnsafeBufferPointer(rebasing: bytes[start..<end])), layout: layout, into: &out)
            } catch {
                bad.append(BadLine(line: line, reason: error.reason))
                if !skipBad { break }
                out += (layout.separator == 0x2C ? "nan,nan,nan\n" : "nan nan nan\n").utf8
            }
            start = next + 1
            line += 1
        }
        return (out, bad)
    }

    /// The output for `input`, or the first bad line (unless `skipBad`), with the bad lines skipped:
    /// the whole input at once, cut into blocks solved on `threads` threads.
    public func run(_ input: [UInt8]) -> (output: [UInt8], bad: [BadLine]) {
        if input.isEmpty { return ([], []) }
        var body = input[...]
        var header: [UInt8] = []
        var layout = Layout.plain
        if csv {
            let end = input.firstIndex(of: 0x0A) ?? input.count
            do {
                layout = try Self.layout(csvHeader: input[0..<end])
            } catch {
                return ([], [error])
            }
            header = Self.csvOutputHeader
            body = input[min(end + 1, input.count)...]
            if body.isEmpty { return (header, []) }
        }
        // Blocks of whole lines, about an equal share of the bytes each, a few per thread.
        var blocks: [(range: Range<Int>, firstLine: Int)] = []
        let target = max(1, body.count / (threads * 4))
        var start = body.startIndex, line = csv ? 2 : 1
        while start < body.endIndex {
            var end = min(body.endIndex, start + target)
            while end < body.endIndex, input[end - 1] != 0x0A { end += 1 }
            blocks.append((start..<end, line))
            line += input[start..<end].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            start = end
        }
        let results = UnsafeMutableBufferPointer<(output: [UInt8], bad: [BadLine])>.allocate(capacity: blocks.count)
        results.initialize(repeating: ([], []))
        defer {
            // The blocks' arrays are released with the buffer: deallocating alone would leak them.
            _ = results.deinitialize()
            results.deallocate()
        }
        let layoutUsed = layout, blockList = blocks
        input.withUnsafeBufferPointer { pointer in
            let shared = Shared(bytes: pointer, results: results)
            DispatchQueue.concurrentPerform(iterations: blockList.count) { b in
                let block = blockList[b]
                shared.results[b] = solve(block: UnsafeBufferPointer(rebasing: shared.bytes[block.range]), firstLine: block.firstLine, layout: layoutUsed)
            }
        }
        var output: [UInt8] = header
        output.reserveCapacity(header.count + results.reduce(0) { $0 + $1.output.count })
        var bad: [BadLine] = []
        for result in results {
            output += result.output
            bad += result.bad
            if !skipBad, !result.bad.isEmpty { break }
        }
        return (output, bad)
    }

    /// A line's fields: split on `separator` (commas, outside double quotes), or for 0 on runs of spaces, tabs and commas.
    private static func fields(_ line: ArraySlice<UInt8>, separator: UInt8) -> [ArraySlice<UInt8>] {
        var fields: [ArraySlice<UInt8>] = []
        var i = line.startIndex
        if separator == 0 {
            while i < line.endIndex {
                while i < line.endIndex, line[i] == 0x20 || line[i] == 0x09 || line[i] == 0x2C { i += 1 }
                guard i < line.endIndex else { break }
                let start = i
                while i < line.endIndex, line[i] != 0x20, line[i] != 0x09, line[i] != 0x2C { i += 1 }
                fields.append(line[start..<i])
            }
            return fields
        }
        var start = i, quoted = false
        while i < line.endIndex {
            if line[i] == 0x22 { quoted.toggle() } else if line[i] == separator, !quoted {
                fields.append(line[start..<i])
                start = i + 1
            }
            i += 1
        }
        fields.append(line[start..<line.endIndex])
        return fields
    }

    /// The input and the per-block results, shared by the worker threads: each block reads the input
    /// and writes only its own slot of `results`, so no two threads touch the same memory.
    private struct Shared: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
        let results: UnsafeMutableBufferPointer<(output: [UInt8], bad: [BadLine])>
    }

    private struct Problem: Error {
        let reason: String
    }

    private func solve(_ line: ArraySlice<UInt8>, layout: Layout, into out: inout [UInt8]) throws(Problem) {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
            out.append(0x0A)
            return
        }
        if line.first == UInt8(ascii: "#") {
            out += line
            out.append(0x0A)
            return
        }
        let fields = Self.fields(line, separator: layout.separator)
        if let expected = layout.fieldCount, fields.count != expected {
            throw Problem(reason: "\(fields.count) fields where the header has \(expected)")
        }
        guard layout.fieldCount != nil || fields.count == 4 else { throw Problem(reason: "\(fields.count) field\(fields.count == 1 ? "" : "s") where 4 numbers are needed") }
        var numbers: [Double] = []
        numbers.reserveCapacity(4)
        for column in layout.columns {
            var field = fields[column]
            while let first = field.first, first == 0x20 || first == 0x22 { field = field.dropFirst() }
            while let last = field.last, last == 0x20 || last == 0x22 || last == 0x0D { field = field.dropLast() }
            guard let value = DecimalText.number(field) else {
                throw Problem(reason: "'\(TerminalText.excerpt(utf8: field))' is not a number")
            }
            numbers.append(value)
        }
        let a: Coordinate, b: Coordinate
        do {
            a = try Coordinate(latitude: numbers[0], longitude: numbers[1])
            b = try Coordinate(latitude: numbers[2], longitude: numbers[3])
        } catch {
            throw Problem(reason: error.description)
        }
        let g = Geodesic.wgs84.inverse(from: a, to: b)
        let gap: UInt8 = layout.separator == 0x2C ? 0x2C : 0x20
        DecimalText.append(g.distance, decimals: 4, to: &out)
        out.append(gap)
        DecimalText.append(g.initialAzimuth, decimals: 9, to: &out)
        out.append(gap)
        DecimalText.append(g.finalAzimuth, decimals: 9, to: &out)
        out.append(0x0A)
    }
}

extension String {
    /// Without surrounding spaces and double quotes, as CSV header names are written either way.
    func trimmingQuotesAndSpaces() -> String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\"" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\"" || c == "\r" { s = s.dropLast() }
        return String(s)
    }
}
