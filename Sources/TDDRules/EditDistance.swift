/// Levenshtein distance for near misses: a heading one slip away from a required section, a
/// configuration key or rule id someone mistyped.
public enum EditDistance {
    /// The distance between `a` and `b`, giving up (returning `limit + 1`) once it must exceed
    /// `limit`. Only the band of cells within `limit` of the diagonal can stay within it, so
    /// only those are computed, in two rows reused from one line to the next.
    public static func between(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let beyond = limit + 1
        var previous = (0...b.count).map { min($0, beyond) }
        var current = Array(repeating: beyond, count: b.count + 1)
        for i in 1...a.count {
            let low = max(1, i - limit), high = min(b.count, i + limit)
            current[low - 1] = low == 1 ? min(i, beyond) : beyond
            var best = current[low - 1]
            for j in low...high {
                let cost = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(cost, previous[j] + 1, current[j - 1] + 1, beyond)
                best = min(best, current[j])
            }
            if high < b.count { current[high + 1] = beyond }
            if best > limit { return beyond }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The first of `candidates` closest to `word`, ignoring case, or nil when none is within
    /// a third of the word's length (at least two edits).
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let limit = max(2, word.count / 3)
        let wanted = Array(word.lowercased().unicodeScalars)
        let scored = candidates.map { ($0, between(wanted, Array($0.lowercased().unicodeScalars), limit: limit)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= limit else { return nil }
        return best.0
    }
}
