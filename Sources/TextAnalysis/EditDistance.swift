/// Edit distances between short strings such as command names and personal names.
public enum EditDistance {
    /// The optimal-string-alignment distance: the number of single-character insertions,
    /// deletions, substitutions and swaps of two neighbours that turn `a` into `b`.
    ///
    /// `limit` stops the computation early: any distance above it is reported as `limit + 1`.
    public static func distance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let a = Array(a)
        let b = Array(b)
        let beyond = limit == .max ? Int.max : limit + 1
        if a.isEmpty { return min(b.count, beyond) }
        if b.isEmpty { return min(a.count, beyond) }
        if abs(a.count - b.count) > limit { return beyond }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return beyond }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return min(previous[b.count], beyond)
    }

    /// The candidates closest to `word`, nearest first, among those within a distance that
    /// grows with the word's length (1 for short words, up to 3 for long ones).
    ///
    /// Used for "Did you mean …?" suggestions; a candidate that starts with `word` counts
    /// as close, so `sea` suggests `search`.
    public static func suggestions(for word: String, among candidates: [String]) -> [String] {
        let lowered = word.lowercased()
        guard !lowered.isEmpty else { return [] }
        let limit = lowered.count <= 3 ? 1 : (lowered.count <= 6 ? 2 : 3)
        var scored: [(String, Int)] = []
        for candidate in candidates {
            let other = candidate.lowercased()
            if other == lowered { continue }
            if other.hasPrefix(lowered) && lowered.count >= 2 {
                scored.append((candidate, 0))
                continue
            }
            let d = distance(lowered, other, limit: limit)
            if d <= limit { scored.append((candidate, d)) }
        }
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
    }
}
