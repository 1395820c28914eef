import TextAnalysis

/// Why a document matched a query it does not spell as typed: the spelling it has and the
/// rule that makes it the same name.
public struct MatchReason: Sendable, Equatable {
    /// The name as typed in the query.
    public var typed: String
    /// The name as the document writes it.
    public var found: String
    /// The rule: "McCune–Reischauer", "Wade–Giles and Pinyin", "alias", "one letter off"…
    public var rule: String
    public var kind: Expansion.Kind

    /// `'Kim Il Song' ~ 'Kim Il Sung': McCune–Reischauer`
    public var sentence: String { "'\(typed)' ~ '\(found)': \(rule)" }
}

extension SearchQuery {
    /// Which other spellings of the query's names `record` has, and by which rule each is
    /// the name typed; whole names first (`Kim Il Song` ~ `Kim Il Sung`), a word of a name
    /// only where the whole name is not matched.
    public func reasons(for record: Record) -> [MatchReason] {
        guard !expansions.isEmpty else { return [] }
        let fields = [record.title, record.summary, record.text] + record.people + record.places
        var reasons: [MatchReason] = []
        for expansion in expansions.sorted(by: { $0.terms.count > $1.terms.count }) {
            guard let found = fields.lazy.compactMap({ Self.span(of: expansion.terms, in: $0) }).first else { continue }
            if Terms.indexTerms(in: found) == Terms.indexTerms(in: expansion.typed) { continue }
            if reasons.contains(where: { $0.typed.contains(expansion.typed) || $0.found == found }) {
                continue
            }
            let rule: String
            if expansion.isAlias {
                rule = "alias"
            } else if expansion.kind == .nearSpelling {
                let edits = EditDistance.distance(Folding.fold(expansion.typed), Folding.fold(found), limit: 2)
                rule = edits <= 1 ? "one letter off" : "two letters off"
            } else {
                rule = NameVariants.rule(between: expansion.typed, and: found) ?? "the same syllables"
            }
            reasons.append(MatchReason(typed: expansion.typed, found: found, rule: rule, kind: expansion.kind))
        }
        return reasons
    }

    /// The text of `field` from the first to the last of `terms` where they stand together,
    /// as written (`Tse-tung` for `tse tung`).
    static func span(of terms: [String], in field: String) -> String? {
        guard !terms.isEmpty, !field.isEmpty else { return nil }
        let words = Terms.wordRanges(in: field).map { (range: $0, term: Folding.fold(String(field[$0]))) }
        guard words.count >= terms.count else { return nil }
        for at in 0...(words.count - terms.count) where words[at].term == terms[0] {
            if (1..<terms.count).allSatisfy({ words[at + $0].term == terms[$0] }) {
                return String(field[words[at].range.lowerBound..<words[at + terms.count - 1].range.upperBound])
            }
        }
        return nil
    }
}
