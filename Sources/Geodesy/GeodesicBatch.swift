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

    /// Where the four numbers are in each line: positions among its fields.
    fileprivate struct Layout: Sendable {
        let columns: [Int]
        let fieldCount: Int?
        let separator: UInt8
    }

    /// A line that could not be read, with its 1-based number and what is wrong.
    public struct BadLine: Error, Sendable, CustomStringConvertible {
        public let line: Int
        public let reason: String
        public var description: String { "line \(line): \(reason); expected 'lat1 lon1 lat2 lon2', for example 36.85 53.31 42.98 47.50" }
    }

    /// The output for `input`, or the first bad line (unless `skipBad`), with the bad lines skipped.
    public func run(_ input: [UInt8]) -> (output: [UInt8], bad: [BadLine]) {
        var stream = stream()
        return stream.run(input)
    }

    /// A batch read in pieces, so that an input of any length runs in bounded memory.
    public func stream() -> Stream {
        Stream(batch: self)
    }

    /// A batch fed whole lines a piece at a time (`run`), numbering lines across pieces and keeping
    /// the CSV header's layout; after a bad line it stops (unless `skipBad`).
    public struct Stream: Sendable {
        let batch: GeodesicBatch
        fileprivate var layout: Layout?
        /// The number of the next line fed.
        public private(set) var nextLine = 1
        /// Whether a bad line stopped the batch (never with `skipBad`).
        public private(set) var stopped = false

        init(batch: GeodesicBatch) {
            self.batch = batch
            layout = batch.csv ? nil : Layout(columns: [0, 1, 2, 3], fieldCount: nil, separator: 0)
        }

        /// The output for the next whole lines (the last may lack its newline only at the end of the input).
        public mutating func run(_ input: [UInt8]) -> (output: [UInt8], bad: [BadLine]) {
            if input.isEmpty || stopped { return ([], []) }
            var lineStarts: [Int] = [0]
            for (i, byte) in input.enumerated() where byte == 0x0A && i + 1 < input.count { lineStarts.append(i + 1) }
            var header: [UInt8] = []
            if layout == nil {
                let end = lineStarts.count > 1 ? lineStarts[1] - 1 : input.count
                var names = GeodesicBatch.fields(ArraySlice(input[0..<end]), separator: 0x2C).map {
                    String(decoding: $0, as: UTF8.self).trimmingQuotesAndSpaces().lowercased()
                }
                if names.last?.hasSuffix("\r") == true { names[names.count - 1].removeLast() }
                let wanted = ["lat1", "lon1", "lat2", "lon2"]
                let missing = wanted.filter { !names.contains($0) }
                guard missing.isEmpty else {
                    stopped = true
                    let shown = names.prefix(20).map { String($0.prefix(40)) }.joined(separator: ", ") + (names.count > 20 ? ", …" : "")
                    return ([], [BadLine(line: nextLine, reason: "the CSV header has no \(missing.joined(separator: ", ")) column; it has \(shown)")])
                }
                layout = Layout(columns: wanted.map { names.firstIndex(of: $0)! }, fieldCount: names.count, separator: 0x2C)
                header = Array("distance_m,azimuth_initial_deg,azimuth_final_deg\n".utf8)
                lineStarts.removeFirst()
                nextLine += 1
                if lineStarts.isEmpty { return (header, []) }
            }
            let (output, bad) = batch.solve(input, lineStarts: lineStarts, firstLineNumber: nextLine, layout: layout!)
            nextLine += lineStarts.count
            if !batch.skipBad, !bad.isEmpty { stopped = true }
            return (header + output, bad)
        }

        /// A line that could not be read whole (longer than the reader takes): reported bad, and
        /// written as `nan nan nan` with `skipBad`, else the end of the batch.
        public mutating func skipLine(reason: String) -> (output: [UInt8], bad: BadLine) {
            let bad = BadLine(line: nextLine, reason: reason)
            nextLine += 1
            guard batch.skipBad else {
                stopped = true
                return ([], bad)
            }
            return (Array((layout?.separator == 0x2C ? "nan,nan,nan\n" : "nan nan nan\n").utf8), bad)
        }
    }

    /// Solves the lines of `input` that start at `lineStarts` on every core, in order.
    private func solve(_ input: [UInt8], lineStarts: [Int], firstLineNumber: Int, layout: Layout) -> (output: [UInt8], bad: [BadLine]) {
        let starts = lineStarts
        let lineLayout = layout
        let header: [UInt8] = []
        let lineCount = starts.count
        let chunks = min(threads * 4, lineCount)
        let results = UnsafeMutableBufferPointer<(output: [UInt8], bad: [BadLine])>.allocate(capacity: chunks)
        results.initialize(repeating: ([], []))
        defer {
            // The chunks' arrays are released with the buffer: deallocating alone would leak them.
            _ = results.deinitialize()
            results.deallocate()
        }
        input.withUnsafeBufferPointer { pointer in
            let shared = Shared(bytes: pointer, results: results)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let bytes = shared.bytes
                let first = chunk * lineCount / chunks, last = (chunk + 1) * lineCount / chunks
                var out: [UInt8] = []
                out.reserveCapacity((last - first) * 48)
                var bad: [BadLine] = []
                for line in first..<last {
                    let start = starts[line]
                    var end = line + 1 < lineCount ? starts[line + 1] - 1 : bytes.count
                    if end > start, bytes[end - 1] == 0x0A { end -= 1 }
                    if end > start, bytes[end - 1] == 0x0D { end -= 1 }
                    do throws(Problem) {
                        try solve(ArraySlice(UnsafeBufferPointer(rebasing: bytes[start..<end])), layout: lineLayout, into: &out)
                    } catch {
                        bad.append(BadLine(line: line + firstLineNumber, reason: error.reason))
                        if !skipBad { break }
                        out += (lineLayout.separator == 0x2C ? "nan,nan,nan\n" : "nan nan nan\n").utf8
                    }
                }
                shared.results[chunk] = (out, bad)
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

    /// The input and the per-chunk results, shared by the worker threads: each chunk reads the input
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
