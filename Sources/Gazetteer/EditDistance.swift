/// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), on Unicode scalars.
enum EditDistance {
    /// The distance between `a` and `b`, or nil when it exceeds `limit`.
    static func bounded(_ a: String, _ b: String, limit: Int) -> Int? {
        var matcher = NearKeyMatcher(query: a, limit: limit)
        var key = NearKeyMatcher.Key()
        var b = b
        b.withUTF8 { key.decode(UnsafeRawBufferPointer($0)) }
        return matcher.distance(to: key)
    }
}

/// The bounded edit distance of one query to many keys, with no allocation per key. A key is
/// decoded once from UTF-8 (`Key`, reused); keys whose letters differ from the query's by more than
/// the limit are passed over by a 64-bit mask test (each edit adds or removes at most one letter);
/// only the band of cells within `limit` of the diagonal is computed, giving up as soon as a whole
/// row exceeds the limit. A key costs at most about (its length × (2 × limit + 1)) steps.
struct NearKeyMatcher {
    /// A decoded key: its scalars and the mask of its letters.
    struct Key {
        var scalars: [UInt32] = []
        var mask: UInt64 = 0

        /// Decodes UTF-8 bytes into this key, reusing its storage.
        mutating func decode(_ bytes: UnsafeRawBufferPointer) {
            scalars.removeAll(keepingCapacity: true)
            mask = 0
            var i = 0
            while i < bytes.count {
                let lead = UInt32(bytes[i])
                let (length, initial): (Int, UInt32) = lead < 0x80 ? (1, lead) : lead < 0xE0 ? (2, lead & 0x1F) : lead < 0xF0 ? (3, lead & 0x0F) : (4, lead & 0x07)
                var value = initial
                for k in 1..<max(length, 1) where i + k < bytes.count { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
                scalars.append(value)
                mask |= NearKeyMatcher.bit(value)
                i += length
            }
        }
    }

    let query: [UInt32]
    let limit: Int
    /// The query's UTF-8 length.
    let byteCount: Int
    /// The mask of the query's letters.
    let mask: UInt64
    private var rows: [[Int]]

    init(query: String, limit: Int) {
        self.query = query.unicodeScalars.map(\.value)
        self.limit = limit
        byteCount = query.utf8.count
        mask = self.query.reduce(0) { $0 | Self.bit($1) }
        rows = Array(repeating: Array(repeating: 0, count: self.query.count + 1), count: 3)
    }

    /// A scalar's bit in a letter mask (hashed into 64).
    @inline(__always)
    static func bit(_ scalar: UInt32) -> UInt64 {
        1 << UInt64((scalar &* 0x9E37_79B1) >> 26)
    }

    /// The distance to the key whose UTF-8 is `bytes`, or nil when it exceeds the limit.
    mutating func distance(toUTF8 bytes: UnsafeRawBufferPointer) -> Int? {
        var key = Key()
        key.decode(bytes)
        return distance(to: key)
    }

    /// The distance to a decoded key, or nil when it exceeds the limit.
    mutating func distance(to key: Key) -> Int? {
        let s = key.scalars, t = query
        let n = t.count
        if abs(s.count - n) > limit { return nil }
        if (mask & ~key.mask).nonzeroBitCount > limit || (key.mask & ~mask).nonzeroBitCount > limit { return nil }
        if s.isEmpty || n == 0 { return max(s.count, n) }
        let big = limit + 1
        // rows[0] is the row two back, rows[1] the previous, rows[2] the current.
        for j in 0...n { rows[1][j] = j <= limit ? j : big }
        for i in 1...s.count {
            let low = max(1, i - limit), high = min(n, i + limit)
            rows[2][0] = i <= limit ? i : big
            if low > 1 { rows[2][low - 1] = big }
            var rowMinimum = rows[2][0]
            for j in low...high {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                var value = min(rows[1][j] + 1, rows[2][j - 1] + 1, rows[1][j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    value = min(value, rows[0][j - 2] + 1)
                }
                value = min(value, big)
                rows[2][j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if high < n { rows[2][high + 1] = big }
            if rowMinimum > limit { return nil }
            rows.swapAt(0, 1)
            rows.swapAt(1, 2)
        }
        let distance = rows[1][n]
        return distance <= limit ? distance : nil
    }
}
