/// Words (as UTF-8 bytes) → word ids, in one open-addressing table: a lookup hashes and compares
/// the text's bytes where they lie, building no `String`. With `foldingASCIICase`, A–Z in the text
/// meet a–z in the keys, so an ASCII word is looked up without making its lowercase copy.
///
/// Each slot holds 32 bits of the key's hash beside its entry number, so a probe that meets another
/// key is almost always rejected without reading that key's bytes; the tokenizer can hash a word
/// while it scans it (`Hash`) and look it up with `value(for:hash:)`.
struct ByteKeyTable: @unchecked Sendable {
    private var storage: Storage
    private let foldingASCIICase: Bool

    /// An empty table; keys must be stored lowercase when `foldingASCIICase`.
    init(capacity: Int = 1024, foldingASCIICase: Bool) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        storage = Storage(slotCount: size, entryCapacity: max(capacity, 8), arenaCapacity: max(capacity * 8, 64))
        self.foldingASCIICase = foldingASCIICase
    }

    var count: Int { storage.count }

    /// The value stored for these bytes.
    func value(for key: UnsafeBufferPointer<UInt8>) -> Int32? {
        value(for: key, hash: Hash.of(key, foldingASCIICase: foldingASCIICase))
    }

    /// The value stored for these bytes, whose `Hash` (with this table's folding) is `hash`.
    @inline(__always)
    func value(for key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
        let s = storage
        let tag = hash >> 32
        var slot = Int(truncatingIfNeeded: hash) & s.mask
        while true {
            let word = s.slots[slot]
            if word == 0 { return nil }
            if word >> 32 == tag {
                let entry = s.entries[Int(truncatingIfNeeded: word & 0xFFFF_FFFF) - 1]
                if Int(entry.length) == key.count, s.keyEquals(entry, key, foldingASCIICase: foldingASCIICase) { return entry.value }
            }
            slot = (slot + 1) & s.mask
        }
    }

    /// Stores `value` for these bytes (replacing any earlier one).
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ value: Int32) {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        let hash = Hash.of(key, foldingASCIICase: foldingASCIICase)
        let tag = hash >> 32
        var slot = Int(truncatingIfNeeded: hash) & storage.mask
        while true {
            let word = storage.slots[slot]
            if word == 0 { break }
            if word >> 32 == tag {
                let index = Int(truncatingIfNeeded: word & 0xFFFF_FFFF) - 1
                let entry = storage.entries[index]
                if Int(entry.length) == key.count, storage.keyEquals(entry, key, foldingASCIICase: foldingASCIICase) {
                    storage.entries[index].value = value
                    return
                }
            }
            slot = (slot + 1) & storage.mask
        }
        let index = storage.append(key, value)
        storage.slots[slot] = tag << 32 | UInt64(index + 1)
        if storage.count * 2 > storage.mask + 1 { storage.rehash(slotCount: (storage.mask + 1) * 2, foldingASCIICase: foldingASCIICase) }
    }

    /// Stores `value` for the UTF-8 bytes of `key`.
    mutating func insert(_ key: String, _ value: Int32) {
        var bytes = Array(key.utf8)
        bytes.withUnsafeMutableBufferPointer { insert(UnsafeBufferPointer($0), value) }
    }

    /// The table's hash of a key: FNV-1a over the (ASCII-folded) bytes, then mixed so that both
    /// the low bits (the slot) and the high bits (the tag) vary. Built a byte at a time by a scanner.
    struct Hash {
        private(set) var state: UInt64 = 0xcbf2_9ce4_8422_2325

        /// Adds one byte, lowercased first if it is A–Z and `folding`.
        @inline(__always)
        mutating func add(_ byte: UInt8, folding: Bool) {
            let b = folding && byte &- 0x41 < 26 ? byte | 0x20 : byte
            state = (state ^ UInt64(b)) &* 0x100_0000_01b3
        }

        /// The finished hash.
        @inline(__always)
        var value: UInt64 {
            var h = state
            h ^= h >> 29
            h &*= 0xbf58_476d_1ce4_e5b9
            h ^= h >> 32
            return h
        }

        static func of(_ key: UnsafeBufferPointer<UInt8>, foldingASCIICase: Bool) -> UInt64 {
            var hash = Hash()
            for byte in key { hash.add(byte, folding: foldingASCIICase) }
            return hash.value
        }
    }

    /// The slots, entries and key bytes, in memory of the table's own.
    private final class Storage {
        struct Entry {
            var start: UInt32
            var length: UInt32
            var value: Int32
        }

        var slots: UnsafeMutablePointer<UInt64>
        var mask: Int
        var entries: UnsafeMutablePointer<Entry>
        var entryCapacity: Int
        var count = 0
        var arena: UnsafeMutablePointer<UInt8>
        var arenaCapacity: Int
        var arenaCount = 0

        init(slotCount: Int, entryCapacity: Int, arenaCapacity: Int) {
            slots = .allocate(capacity: slotCount)
            slots.initialize(repeating: 0, count: slotCount)
            mask = slotCount - 1
            entries = .allocate(capacity: entryCapacity)
            self.entryCapacity = entryCapacity
            arena = .allocate(capacity: arenaCapacity)
            self.arenaCapacity = arenaCapacity
        }

        deinit {
            slots.deallocate()
            entries.deallocate()
            arena.deallocate()
        }

        func copy() -> Storage {
            let other = Storage(slotCount: mask + 1, entryCapacity: entryCapacity, arenaCapacity: arenaCapacity)
            other.slots.update(from: slots, count: mask + 1)
            other.entries.initialize(from: entries, count: count)
            other.arena.initialize(from: arena, count: arenaCount)
            (other.count, other.arenaCount) = (count, arenaCount)
            return other
        }

        @inline(__always)
        func keyEquals(_ entry: Entry, _ key: UnsafeBufferPointer<UInt8>, foldingASCIICase: Bool) -> Bool {
            let stored = arena + Int(entry.start)
            guard let text = key.baseAddress else { return true }
            if foldingASCIICase {
                for k in 0..<key.count {
                    let b = text[k]
                    if (b &- 0x41 < 26 ? b | 0x20 : b) != stored[k] { return false }
                }
                return true
            }
            for k in 0..<key.count where text[k] != stored[k] { return false }
            return true
        }

        /// Appends a key's bytes and value; returns the entry number.
        func append(_ key: UnsafeBufferPointer<UInt8>, _ value: Int32) -> Int {
            if count == entryCapacity {
                let grown = UnsafeMutablePointer<Entry>.allocate(capacity: entryCapacity * 2)
                grown.moveInitialize(from: entries, count: count)
                entries.deallocate()
                (entries, entryCapacity) = (grown, entryCapacity * 2)
            }
            if arenaCount + key.count > arenaCapacity {
                var size = arenaCapacity * 2
                while arenaCount + key.count > size { size *= 2 }
                let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
                grown.moveInitialize(from: arena, count: arenaCount)
                arena.deallocate()
                (arena, arenaCapacity) = (grown, size)
            }
            if let base = key.baseAddress { (arena + arenaCount).initialize(from: base, count: key.count) }
            entries[count] = Entry(start: UInt32(arenaCount), length: UInt32(key.count), value: value)
            arenaCount += key.count
            count += 1
            return count - 1
        }

        func rehash(slotCount: Int, foldingASCIICase: Bool) {
            slots.deallocate()
            slots = .allocate(capacity: slotCount)
            slots.initialize(repeating: 0, count: slotCount)
            mask = slotCount - 1
            for index in 0..<count {
                let entry = entries[index]
                let hash = Hash.of(UnsafeBufferPointer(start: arena + Int(entry.start), count: Int(entry.length)), foldingASCIICase: foldingASCIICase)
                var slot = Int(truncatingIfNeeded: hash) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = (hash >> 32) << 32 | UInt64(index + 1)
            }
        }
    }
}
