/// Words (as UTF-8 bytes) → word ids, in one open-addressing table: a lookup hashes and compares
/// the text's bytes where they lie, building no `String`. With `foldingASCIICase`, A–Z in the text
/// meet a–z in the keys, so an ASCII word is looked up without making its lowercase copy.
struct ByteKeyTable {
    private var slots: [Int32]          // entry number, or -1 for an empty slot
    private var keyStarts: [Int] = []
    private var keyLengths: [Int] = []
    private var values: [Int32] = []
    private var arena: [UInt8] = []
    private var mask: Int
    private let foldingASCIICase: Bool

    /// An empty table; keys must be stored lowercase when `foldingASCIICase`.
    init(capacity: Int = 1024, foldingASCIICase: Bool) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        self.foldingASCIICase = foldingASCIICase
    }

    var count: Int { values.count }

    /// The value stored for these bytes.
    func value(for key: UnsafeBufferPointer<UInt8>) -> Int32? {
        var slot = hash(key) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            if matches(entry, key) { return values[entry] }
            slot = (slot + 1) & mask
        }
    }

    /// Stores `value` for these bytes (replacing any earlier one).
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ value: Int32) {
        if (values.count + 1) * 2 > slots.count { grow() }
        var slot = hash(key) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { break }
            if matches(entry, key) {
                values[entry] = value
                return
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(values.count)
        keyStarts.append(arena.count)
        keyLengths.append(key.count)
        arena.append(contentsOf: key)
        values.append(value)
    }

    /// Stores `value` for the UTF-8 bytes of `key`.
    mutating func insert(_ key: String, _ value: Int32) {
        var bytes = Array(key.utf8)
        bytes.withUnsafeMutableBufferPointer { insert(UnsafeBufferPointer($0), value) }
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for entry in values.indices {
            let start = keyStarts[entry]
            var slot = arena.withUnsafeBufferPointer { hash(UnsafeBufferPointer(rebasing: $0[start..<start + keyLengths[entry]])) } & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry)
        }
    }

    @inline(__always)
    private func fold(_ byte: UInt8) -> UInt8 {
        foldingASCIICase && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// FNV-1a over the (folded) bytes, then mixed so that the low bits, which pick the slot, vary.
    @inline(__always)
    private func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key { h = (h ^ UInt64(fold(byte))) &* 0x100_0000_01b3 }
        h ^= h >> 29
        return Int(truncatingIfNeeded: h)
    }

    @inline(__always)
    private func matches(_ entry: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard keyLengths[entry] == key.count else { return false }
        let start = keyStarts[entry]
        return arena.withUnsafeBufferPointer { stored in
            for k in 0..<key.count where stored[start + k] != fold(key[k]) { return false }
            return true
        }
    }
}
