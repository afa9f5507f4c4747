import Foundation

/// Reads a file descriptor in blocks of whole lines, each as soon as one `read` brings it in: a
/// line written to a pipe is handed on without waiting for more input, and a large file goes by
/// in blocks of at most `blockSize` bytes (or one line, when a line is longer), never all at once.
final class LineBlocks {
    private let descriptor: Int32
    private let blockSize: Int
    private var carry: [UInt8] = []
    private var ended = false
    /// The number of the first line of the next block (1-based).
    private(set) var nextLine = 1

    /// Blocks of `descriptor`'s lines.
    init(descriptor: Int32, blockSize: Int = 256 << 10) {
        self.descriptor = descriptor
        self.blockSize = blockSize
    }

    /// The first line, without its line break; nil for empty input.
    func firstLine() -> ArraySlice<UInt8>? {
        while !ended, !carry.contains(0x0A) { fill() }
        guard !carry.isEmpty else { return nil }
        let end = carry.firstIndex(of: 0x0A) ?? carry.count
        let line = carry[0..<end]
        carry.removeFirst(min(end + 1, carry.count))
        nextLine += 1
        return line
    }

    /// The next block of whole lines (the input's last line may lack its line break) and the number of its first line; nil at the end.
    func next() -> (bytes: [UInt8], firstLine: Int)? {
        while true {
            if let cut = carry.lastIndex(of: 0x0A) {
                let block = Array(carry[0...cut])
                carry.removeFirst(cut + 1)
                let first = nextLine
                nextLine += block.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                return (block, first)
            }
            if ended {
                guard !carry.isEmpty else { return nil }
                defer { carry = [] }
                nextLine += 1
                return (carry, nextLine - 1)
            }
            fill()
        }
    }

    /// One `read` of up to `blockSize` bytes onto the carried bytes.
    private func fill() {
        let old = carry.count
        carry.reserveCapacity(old + blockSize)
        carry.append(contentsOf: repeatElement(0, count: blockSize))
        var n: Int
        repeat {
            n = carry.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + old, blockSize) }
        } while n < 0 && errno == EINTR
        carry.removeLast(blockSize - max(n, 0))
        if n <= 0 { ended = true }
    }
}
