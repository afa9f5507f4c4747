import Coordinates
import DecimalText
import Dispatch

/// Many inverse geodesics at once: lines of `lat1 lon1 lat2 lon2` in, lines of
/// `distance_m azimuth_initial_deg azimuth_final_deg` out, in input order, on every core.
///
/// Fields are separated by spaces, tabs or commas. Distances are written to 0.1 mm, azimuths to
/// 1e-9°. Blank lines and lines starting with `#` are copied through empty and as they are.
public struct GeodesicBatch: Sendable {
    /// Goes on past a bad line, writing `nan nan nan` for it, instead of stopping.
    public let skipBad: Bool
    /// How many threads work at once.
    public let threads: Int

    public init(skipBad: Bool = false, threads: Int) {
        self.skipBad = skipBad
        self.threads = max(1, threads)
    }

    /// A line that could not be read, with its 1-based number and what is wrong.
    public struct BadLine: Error, Sendable, CustomStringConvertible {
        public let line: Int
        public let reason: String
        public var description: String { "line \(line): \(reason); expected 'lat1 lon1 lat2 lon2', for example 36.85 53.31 42.98 47.50" }
    }

    /// The output for `input`, or the first bad line (unless `skipBad`), with the bad lines skipped.
    public func run(_ input: [UInt8]) -> (output: [UInt8], bad: [BadLine]) {
        if input.isEmpty { return ([], []) }
        var lineStarts: [Int] = [0]
        for (i, byte) in input.enumerated() where byte == 0x0A && i + 1 < input.count { lineStarts.append(i + 1) }
        let starts = lineStarts
        let lineCount = starts.count
        let chunks = min(threads * 4, lineCount)
        let results = UnsafeMutableBufferPointer<(output: [UInt8], bad: [BadLine])>.allocate(capacity: chunks)
        results.initialize(repeating: ([], []))
        defer { results.deallocate() }
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
                        try solve(ArraySlice(UnsafeBufferPointer(rebasing: bytes[start..<end])), into: &out)
                    } catch {
                        bad.append(BadLine(line: line + 1, reason: error.reason))
                        if !skipBad { break }
                        out += "nan nan nan\n".utf8
                    }
                }
                shared.results[chunk] = (out, bad)
            }
        }
        var output: [UInt8] = []
        output.reserveCapacity(results.reduce(0) { $0 + $1.output.count })
        var bad: [BadLine] = []
        for result in results {
            output += result.output
            bad += result.bad
            if !skipBad, !result.bad.isEmpty { break }
        }
        return (output, bad)
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

    private func solve(_ line: ArraySlice<UInt8>, into out: inout [UInt8]) throws(Problem) {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            out.append(0x0A)
            return
        }
        if line.first == UInt8(ascii: "#") {
            out += line
            out.append(0x0A)
            return
        }
        var numbers: [Double] = []
        numbers.reserveCapacity(4)
        var i = line.startIndex
        while i < line.endIndex {
            while i < line.endIndex, line[i] == 0x20 || line[i] == 0x09 || line[i] == 0x2C { i += 1 }
            guard i < line.endIndex else { break }
            let start = i
            while i < line.endIndex, line[i] != 0x20, line[i] != 0x09, line[i] != 0x2C { i += 1 }
            guard let value = DecimalText.number(line[start..<i]) else {
                throw Problem(reason: "'\(String(decoding: line[start..<i], as: UTF8.self))' is not a number")
            }
            numbers.append(value)
        }
        guard numbers.count == 4 else { throw Problem(reason: "\(numbers.count) numbers where 4 are needed") }
        let a: Coordinate, b: Coordinate
        do {
            a = try Coordinate(latitude: numbers[0], longitude: numbers[1])
            b = try Coordinate(latitude: numbers[2], longitude: numbers[3])
        } catch {
            throw Problem(reason: error.description)
        }
        let g = Geodesic.wgs84.inverse(from: a, to: b)
        DecimalText.append(g.distance, decimals: 4, to: &out)
        out.append(0x20)
        DecimalText.append(g.initialAzimuth, decimals: 9, to: &out)
        out.append(0x20)
        DecimalText.append(g.finalAzimuth, decimals: 9, to: &out)
        out.append(0x0A)
    }
}
