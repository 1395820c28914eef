import Foundation
import GRDB

extension DocumentStore {
    /// The documents a query finds, best first, at most `limit` of them, and how many it
    /// finds in all. Whole records, without snippets: for counting what a set of documents
    /// holds.
    public func documents(matching query: SearchQuery, limit: Int) throws(StoreError) -> (records: [Record], total: Int) {
        try read { db in
            guard !query.isDatesOnly else {
                let hits = HitSet(query)
                let total = try Int.fetchOne(db, sql: "SELECT count(*) \(hits.from)", arguments: hits.arguments) ?? 0
                let rows = try Row.fetchAll(
                    db, sql: "SELECT \(Record.selection(alias: "d")) \(hits.from) ORDER BY d.date LIMIT ?",
                    arguments: hits.arguments + [limit])
                return (rows.map(Record.init(row:)), total)
            }
            // Ranked as a search ranks, and only the best read in full.
            let digest = try ranking.prepare(db)
            let page = try Self.ranked(
                db, match: query.match, span: DateSpan(query), ranking: ranking, digest: digest, sort: .relevance, limit: limit,
                offset: 0)
            let records = try Self.records(db, rowids: page.hits.map(\.rowid))
            return (page.hits.compactMap { records[$0.rowid] }, page.total)
        }
    }

    /// How often each term occurs in the whole store (every indexed field), from the
    /// vocabulary kept at import; a word with a digit in it, which the vocabulary leaves
    /// out, is counted in the index itself.
    public func termTotals(of terms: some Collection<String>) throws(StoreError) -> [String: Int] {
        try vocabularyCounts(of: terms, column: "occurrences", indexColumn: "cnt")
    }

    /// Reads a column of the vocabulary for many terms at once.
    func vocabularyCounts(of terms: some Collection<String>, column: String, indexColumn: String) throws(StoreError) -> [String:
        Int]
    {
        guard !terms.isEmpty else { return [:] }
        return try read { db in
            var totals: [String: Int] = [:]
            let list = Array(terms)
            for start in stride(from: 0, to: list.count, by: 500) {
                let chunk = Array(list[start..<min(start + 500, list.count)])
                let rows = try Row.fetchAll(
                    db, sql: "SELECT term, \(column) FROM vocabulary WHERE term IN (\(Self.placeholders(chunk.count)))",
                    arguments: StatementArguments(chunk))
                for row in rows { totals[row[0]] = row[1] }
            }
            let single = try db.cachedStatement(sql: "SELECT \(indexColumn) FROM document_vocab WHERE term = ?")
            for term in list where totals[term] == nil && term.unicodeScalars.contains(where: { ("0"..."9").contains($0) }) {
                if let count = try Int.fetchOne(single, arguments: [term]) { totals[term] = count }
            }
            return totals
        }
    }

    /// How many documents and words the index holds: FTS5 keeps both for its ranking in
    /// the `averages` record (id 1 of its data table), a count of rows and then one total a
    /// column, as SQLite varints. Reading it costs nothing, where counting the rows of a
    /// million documents takes a tenth of a second.
    public func indexTotals() throws(StoreError) -> (documents: Int, words: Int) {
        try read { db in
            guard let blob = try Data.fetchOne(db, sql: "SELECT block FROM document_fts_data WHERE id = 1") else { return (0, 0) }
            let values = Varint.values(in: blob)
            let documents = values.first ?? 0
            let total = values.dropFirst().reduce(0, +)
            return (documents, total)
        }
    }
}
