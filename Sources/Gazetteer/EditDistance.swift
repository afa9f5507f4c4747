/// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), on characters.
enum EditDistance {
    /// The distance between `a` and `b`, or nil when it exceeds `limit`.
    static func bounded(_ a: String, _ b: String, limit: Int) -> Int? {
        let s = Array(a), t = Array(b)
        if abs(s.count - t.count) > limit { return nil }
        if s.isEmpty || t.isEmpty { return max(s.count, t.count) <= limit ? max(s.count, t.count) : nil }
        var previous2 = [Int](repeating: 0, count: t.count + 1)
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return nil }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[t.count] <= limit ? previous[t.count] : nil
    }
}
