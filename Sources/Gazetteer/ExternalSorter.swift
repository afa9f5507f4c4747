#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sorts records, each a byte-string key and a fixed-size payload, by key (bytewise, a prefix
/// first) and then by order of arrival, in bounded memory: records gather in a buffer of
/// `memoryBudget` bytes, each full buffer is sorted and written to a run file, and `merge` reads
/// the runs back together. Memory stays near the budget however many records there are.
struct ExternalSorter {
    /// Bytes of payload every record carries.
    let payloadSize: Int
    private let folder: String, name: String, memoryBudget: Int
    /// Records of the current run: u32 key length, key, payload.
    private var arena: [UInt8] = []
    /// The current run's records: the key's first 8 bytes (big-endian, so integer order is byte order) and where the record starts.
    private var items: [(prefix: UInt64, offset: UInt32)] = []
    private var runs: [SpillFile] = []

    /// A sorter whose run files go in `folder`; `name` says what it sorts in errors.
    init(folder: String, name: String, payloadSize: Int, memoryBudget: Int = 64 << 20) {
        precondition(memoryBudget < Int(UInt32.max), "records are found by 32-bit offsets in the buffer")
        self.folder = folder
        self.name = name
        self.payloadSize = payloadSize
        self.memoryBudget = memoryBudget
    }

    /// Adds a record; `payload`'s type must be `payloadSize` bytes long.
    mutating func add<Key: Collection<UInt8>, Payload: BitwiseCopyable>(key: Key, payload: Payload) throws(GazetteerError) {
        precondition(MemoryLayout<Payload>.size == payloadSize)
        let length = key.count
        if !arena.isEmpty, arena.count + 4 + length + payloadSize > memoryBudget { try spill() }
        if arena.isEmpty { arena.reserveCapacity(min(memoryBudget, 1 << 20)) }
        var prefix: UInt64 = 0, taken = 0
        for byte in key.prefix(8) {
            prefix = prefix << 8 | UInt64(byte)
            taken += 1
        }
        items.append((prefix << (8 * UInt64(8 - taken)), UInt32(arena.count)))
        withUnsafeBytes(of: UInt32(length)) { arena.append(contentsOf: $0) }
        arena.append(contentsOf: key)
        withUnsafeBytes(of: payload) { arena.append(contentsOf: $0) }
    }

    /// Calls `body` with every record's key and payload in order, and empties the sorter.
    mutating func merge(_ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws(GazetteerError) -> Void) throws(GazetteerError) {
        if !arena.isEmpty { try spill() }
        var readers: [RunReader] = []
        for run in runs { readers.append(try RunReader(run, payloadSize: payloadSize)) }
        // A binary min-heap of the runs that have a record left, ordered by that record, then by run (earlier runs hold earlier arrivals).
        var heap = readers.indices.filter { !readers[$0].isDone }
        func less(_ a: Int, _ b: Int) -> Bool {
            let order = Self.compare(readers[a].key, readers[b].key)
            return order != 0 ? order < 0 : a < b
        }
        func siftDown(_ start: Int) {
            var parent = start
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < heap.count, less(heap[left], heap[smallest]) { smallest = left }
                if right < heap.count, less(heap[right], heap[smallest]) { smallest = right }
                if smallest == parent { return }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        for i in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(i) }
        while let top = heap.first {
            try body(readers[top].key, readers[top].payload)
            try readers[top].advance()
            if readers[top].isDone {
                heap[0] = heap[heap.count - 1]
                heap.removeLast()
            }
            if !heap.isEmpty { siftDown(0) }
        }
        runs.removeAll()
    }

    /// Sorts the buffered records and writes them out as one run.
    private mutating func spill() throws(GazetteerError) {
        let run = try SpillFile(folder: folder, name: "\(name), run \(runs.count + 1)")
        arena.withUnsafeBytes { arena in
            func key(_ offset: UInt32) -> UnsafeRawBufferPointer {
                let at = Int(offset)
                let length = Int(arena.loadUnaligned(fromByteOffset: at, as: UInt32.self))
                return UnsafeRawBufferPointer(rebasing: arena[at + 4..<at + 4 + length])
            }
            items.sort { a, b in
                if a.prefix != b.prefix { return a.prefix < b.prefix }
                let order = Self.compare(key(a.offset), key(b.offset))
                return order != 0 ? order < 0 : a.offset < b.offset
            }
            for item in items {
                let at = Int(item.offset)
                let length = Int(arena.loadUnaligned(fromByteOffset: at, as: UInt32.self))
                run.append(UnsafeRawBufferPointer(rebasing: arena[at..<at + 4 + length + payloadSize]))
            }
        }
        try run.finish()
        runs.append(run)
        arena.removeAll(keepingCapacity: true)
        items.removeAll(keepingCapacity: true)
    }

    /// Bytewise order, a shorter key first when one is the other's start: the order `CompiledIndex` searches in.
    static func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let common = min(a.count, b.count)
        if common > 0 {
            let order = memcmp(a.baseAddress!, b.baseAddress!, common)
            if order != 0 { return Int(order) }
        }
        return a.count - b.count
    }

}

/// Reads one run file back a record at a time through a buffer that holds at least the current record.
private final class RunReader {
    private let file: SpillFile
    private let payloadSize: Int
    private var buffer: UnsafeMutableRawBufferPointer
    /// Where the buffer's bytes start in the file; the bytes it holds; where the current record starts in it.
    private var bufferStart: UInt64 = 0, held = 0, position = 0
    private var recordLength = 0
    private(set) var isDone = false

    init(_ file: SpillFile, payloadSize: Int) throws(GazetteerError) {
        self.file = file
        self.payloadSize = payloadSize
        buffer = .allocate(byteCount: 1 << 18, alignment: 8)
        try load()
    }

    deinit { buffer.deallocate() }

    /// The current record's key (valid until `advance`).
    var key: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: buffer[position + 4..<position + recordLength - payloadSize])
    }

    /// The current record's payload (valid until `advance`).
    var payload: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: buffer[position + recordLength - payloadSize..<position + recordLength])
    }

    func advance() throws(GazetteerError) {
        position += recordLength
        try load()
    }

    /// Makes the record at `position` whole in the buffer, reading more of the file when it is not.
    private func load() throws(GazetteerError) {
        guard try fill(4) else { return }
        recordLength = 4 + Int(buffer.loadUnaligned(fromByteOffset: position, as: UInt32.self)) + payloadSize
        guard try fill(recordLength) else { throw GazetteerError(location: file.path, message: "scratch run ends inside a record") }
    }

    /// Whether `count` bytes from `position` are in the buffer, after reading more if need be; false at the end of the file.
    private func fill(_ count: Int) throws(GazetteerError) -> Bool {
        if held - position >= count { return true }
        // Move the unread bytes to the front, growing the buffer when one record is larger than it.
        let unread = held - position
        if count > buffer.count {
            let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 8)
            larger.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[position..<held]))
            buffer.deallocate()
            buffer = larger
        } else if unread > 0 {
            buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + position, byteCount: unread)
        }
        bufferStart += UInt64(position)
        position = 0
        held = unread
        while held < count {
            let n = try file.read(at: bufferStart + UInt64(held), into: UnsafeMutableRawBufferPointer(rebasing: buffer[held...]))
            if n == 0 { break }
            held += n
        }
        if held >= count { return true }
        if held == 0 {
            isDone = true
            return false
        }
        throw GazetteerError(location: file.path, message: "scratch run ends inside a record")
    }
}
