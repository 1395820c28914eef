import Foundation

/// Which words set one body of text apart from another: Dunning's log-likelihood G², as
/// corpus tools (AntConc, Voyant, WordSmith) compute keyness.
public enum Keyness {
    /// Words and how often each occurs, with the total they are counted out of.
    public struct Counts: Sendable {
        public var counts: [String: Int] = [:]
        public var total = 0

        public init() {}

        /// Counts the content words of `text` (three letters or more, not a stop word,
        /// not a number) and every word in `total`.
        public mutating func add(_ text: String) {
            // Counted in locals, not in `self`: a closure that changes `self` pays for a
            // runtime exclusivity check at every word.
            var counts: [String: Int] = [:]
            swap(&counts, &self.counts)
            var total = self.total
            defer {
                swap(&counts, &self.counts)
                self.total = total
            }
            Terms.forEachIndexTerm(in: text) { term in
                total += 1
                let bytes = term.utf8
                guard bytes.count >= 3, bytes.allSatisfy({ $0 < 0x80 }) || term.count >= 3,
                    !bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), !Terms.stopwords.contains(term)
                else { return }
                counts[term, default: 0] += 1
            }
        }

        public mutating func add(_ other: Counts) {
            for (term, count) in other.counts { counts[term, default: 0] += count }
            total += other.total
        }
    }

    /// A word more frequent here than there, with its G² and both counts.
    public struct Key: Sendable, Equatable {
        public var term: String
        public var g2: Double
        public var here: Int
        public var there: Int
    }

    /// G² for a word seen `a` times in `c` words and `b` times in `d` words.
    public static func logLikelihood(a: Int, b: Int, c: Int, d: Int) -> Double {
        guard c > 0, d > 0, a + b > 0 else { return 0 }
        let (a, b, c, d) = (Double(a), Double(b), Double(c), Double(d))
        let expectedA = c * (a + b) / (c + d)
        let expectedB = d * (a + b) / (c + d)
        var g2 = 0.0
        if a > 0 { g2 += a * log(a / expectedA) }
        if b > 0 { g2 += b * log(b / expectedB) }
        return 2 * g2
    }

    /// The words most overused in `here` against `there`, highest G² first; `there`
    /// counts come from `thereCount` (a store's totals, say) when given.
    public static func keys(
        _ here: Counts, against thereTotal: Int, thereCount: (String) -> Int, minimum: Int = 1, limit: Int = 10
    ) -> [Key] {
        var keys: [Key] = []
        for (term, count) in here.counts where count >= minimum {
            let other = thereCount(term)
            // Overused here only: a higher rate than there.
            guard Double(count) / Double(max(here.total, 1)) > Double(other) / Double(max(thereTotal, 1)) else { continue }
            keys.append(
                Key(term: term, g2: logLikelihood(a: count, b: other, c: here.total, d: thereTotal), here: count, there: other))
        }
        return Array(keys.sorted { ($0.g2, $1.term) > ($1.g2, $0.term) }.prefix(limit))
    }
}
