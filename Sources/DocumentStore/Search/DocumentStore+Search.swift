import Foundation
import GRDB
import TextAnalysis

/// One search hit: the document, its place in the ranking and a snippet of the text around
/// the match.
public struct SearchHit: Sendable, Equatable {
    public var record: Record
    /// The snippet, with each matched term between `SearchHit.highlightStart` and
    /// `SearchHit.highlightEnd`.
    public var snippet: String
    /// BM25 score (lower is better), with the title weighed over the summary over the text.
    public var score: Double
    /// Nil when the document has the query's words as typed; else whether it matched only
    /// through another spelling of a name, or one a letter or two off.
    public var matched: Expansion.Kind?

    public static let highlightStart: Character = "\u{2}"
    public static let highlightEnd: Character = "\u{3}"
}

/// One page of results and the total number of hits.
public struct SearchPage: Sendable, Equatable {
    public var query: SearchQuery
    public var hits: [SearchHit]
    public var total: Int
    public var offset: Int
    /// With a date filter: how many undated documents match the words but were left out.
    public var undatedExcluded: Int?
}

/// A hit's place in the ranking, before its record is read.
struct RankedHit {
    var rowid: Int64
    var score: Double
    /// Of a query with name variants: the spelling's tier (0 for the name as typed).
    var tier: Int
}

/// A page of ranked hits and what the pass counted.
struct RankedPage {
    var hits: [RankedHit]
    /// The hits the date filters keep (all of them without filters).
    var total: Int
    /// With date filters: the undated hits they leave out.
    var undated: Int?
    /// How many documents the words match, dates aside.
    var matches: Int
}

/// The order of search results.
public enum SearchSort: String, Sendable, CaseIterable, Codable {
    /// Best match first (BM25, title over summary over text).
    case relevance
    /// Oldest first; undated documents last.
    case date
    /// Newest first; undated documents last.
    case newest = "-date"

    var orderBy: String {
        switch self {
        case .relevance: return "score, document_fts.rowid"
        case .date: return "d.date_min IS NULL, d.date_min, d.date_max, score, document_fts.rowid"
        case .newest: return "d.date_max IS NULL, d.date_max DESC, d.date_min DESC, score, document_fts.rowid"
        }
    }
}

// MARK: - How search works, and how to change it safely
//
// Everything `search` does after the query is parsed (`Query/`) lives in this folder:
//
// - `DocumentStore+Search.swift` (here): one search, from a parsed query to a page of hits.
//   A query of names in several spellings is ranked tier by tier (the spelling typed, then
//   its variants, then words apart, then near spellings); date-only queries list by date.
// - `Ranking.swift`: BM25 as FTS5 computes it (title over summary over text,
//   `Schema.columnWeights`), by an auxiliary function of the store's own that reads the
//   documents' lengths from the digest, counts the hits while it ranks them, and filters
//   dates in the same pass. It is what makes a common term 10.8 ms where the sqlite3
//   shell's `ORDER BY rank` takes 99.9 ms at a million records (README, "How fast it is").
// - `DocumentDigest.swift`: each document's length and date span, two bytes and eight a
//   document in memory, in chunks of 4,096 rebuilt at import. Lengths in a table of their
//   own cost a third of a phrase search in cache misses; the digest is why the date-filtered
//   search is 14.2 ms against the shell's 112.4 ms.
// - `Snippet.swift`: the passage under each result, marked in the 20 records the page reads
//   anyway, the stretch chosen as FTS5's `snippet()` chooses it; phrases and NEAR keep
//   FTS5's own, which marks a phrase only where its words stand together.
//
// To change what search finds or how it ranks: change the query (`Query/`) or
// `Schema.columnWeights`, never the ranking function alone. `RankingTests` holds the
// function to FTS5's own `bm25()` score for score, `SnippetTests` holds what a result
// shows, `QueryLanguageTests` and `NameSearchTests` what a query finds; they must pass
// unchanged. Then compare the figures before and after
// in one sitting, alternating builds: `swift run -c release dossier-bench --work DIR
// --reuse --search-only` (README, "How fast it is"), and put them in the commit.

extension DocumentStore {
    /// The documents matching `query`, best first (BM25 with the title weighed over the
    /// summary over the text). Each hit's snippet is about `snippetWords` words long.
    public func search(
        _ query: SearchQuery, limit: Int, offset: Int = 0, sort: SearchSort = .relevance, snippetWords: Int = 32
    ) throws(StoreError) -> SearchPage {
        let snippetWords = max(4, snippetWords)
        if query.isDatesOnly { return try period(query, limit: limit, offset: offset, sort: sort, snippetWords: snippetWords) }
        return try read { db in
            let digest = try ranking.prepare(db)
            // Date filters keep documents whose span overlaps the filter's days.
            let span = DateSpan(query)
            let filtered = try span.checkedDays() != nil
            // A query that looks for names in other spellings ranks the documents with the
            // spelling typed first, then those with a variant, then those a letter off.
            let tiered = sort == .relevance && !query.tiers.isEmpty
            var ranked: [RankedHit]
            var total: Int
            var undated: Int?
            // How many documents the words match, dates aside.
            var matches: Int
            if tiered {
                ranked = try Self.rankedByTier(
                    db, query, span: span, ranking: ranking, digest: digest, limit: limit, offset: offset)
                total = try Self.count(db, query, span: span)
                matches = total
            } else {
                let page = try Self.ranked(
                    db, match: query.match, span: span, ranking: ranking, digest: digest, sort: sort, limit: limit, offset: offset
                )
                (ranked, total, undated, matches) = (page.hits, page.total, page.undated, page.matches)
            }
            // Snippets only for the page's rows.
            var snippets: [Int64: (String?, String?)] = [:]
            let records = try Self.records(db, rowids: ranked.map(\.rowid))
            let marked = query.markedWords
            if tiered || marked.wordByWord || (matches > 2_000 && query.match.contains("\"*")) {
                // Words (and prefixes) alone are marked here, where the records are read
                // anyway: FTS5's snippet() reads every hit of a word again and then the
                // column's words, which costs more than ranking a rare word. So do a query
                // for names in several spellings (dozens of phrases), and a prefix with
                // thousands of hits (FTS5 expands it again for each row it seeks), whatever
                // their phrases.
                let marking = Snippet(
                    words: Set(marked.words.filter { !$0.prefix }.map(\.term)),
                    prefixes: marked.words.filter(\.prefix).map(\.term))
                for (rowid, record) in records {
                    // A document found by its title alone shows its summary's opening.
                    let summary = marking.marking(record.summary, length: snippetWords)
                    let text = summary == nil ? marking.marking(record.text, length: snippetWords) : nil
                    snippets[rowid] = (summary ?? Self.opening(of: record, words: snippetWords), text)
                }
            } else if !ranked.isEmpty {
                // Phrases and NEAR: FTS5's snippets, which mark a phrase only where its words
                // stand together. FTS5 finds the listed rows by seeking in the index when
                // there are thousands of hits and reads them all again when there are a few
                // hundred (the unary +), faster then than seeking. The summaries' snippets
                // first; the texts' only for the documents whose summary does not have the
                // words (a snippet costs FTS5 a reading of the column's words).
                let rowid = matches > 2_000 ? "rowid" : "+rowid"
                func fetch(_ column: Int, of rowids: [Int64]) throws -> [Int64: String] {
                    guard !rowids.isEmpty else { return [:] }
                    let rows = try Row.fetchAll(
                        db.cachedStatement(
                            sql: """
                                SELECT rowid, snippet(document_fts, \(column), char(2), char(3), '…', ?)
                                FROM document_fts WHERE document_fts MATCH ? AND \(rowid) IN (\(Self.placeholders(rowids.count)))
                                """),
                        arguments: StatementArguments([snippetWords]) + StatementArguments([query.match])
                            + StatementArguments(rowids))
                    return Dictionary(
                        rows.map { ($0[0] as Int64, $0[1] as String? ?? "") }, uniquingKeysWith: { first, _ in first })
                }
                let summaries = try fetch(1, of: ranked.map(\.rowid))
                let marker = UInt8(ascii: "\u{2}")
                let texts = try fetch(
                    2,
                    of: ranked.map(\.rowid).filter { rowid in
                        summaries[rowid]?.utf8.contains(marker) != true && records[rowid]?.text.isEmpty == false
                    })
                for hit in ranked { snippets[hit.rowid] = (summaries[hit.rowid], texts[hit.rowid]) }
            }
            var hits: [SearchHit] = []
            hits.reserveCapacity(ranked.count)
            for hit in ranked {
                guard let record = records[hit.rowid] else { continue }
                let snippet = snippets[hit.rowid]
                hits.append(
                    SearchHit(
                        record: record,
                        snippet: Self.bestSnippet(summary: snippet?.0, text: snippet?.1),
                        score: hit.score,
                        matched: tiered ? query.tierKinds[min(hit.tier, query.tierKinds.count - 1)] : nil))
            }
            if filtered && tiered {
                undated = try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM document_fts JOIN document_span d ON d.rowid = document_fts.rowid
                        WHERE document_fts MATCH ? AND d.date_min IS NULL
                        """,
                    arguments: [query.match])
            }
            return SearchPage(query: query, hits: hits, total: total, offset: offset, undatedExcluded: undated)
        }
    }

    /// One page of a query's hits in `sort` order, from one pass of the ranking function
    /// over every hit (see `Ranking`): it ranks them and counts them; with date filters it
    /// counts those the filter keeps and the undated ones it leaves out, and ranks only
    /// those it keeps (the others are NULL, and last).
    static func ranked(
        _ db: Database, match: String, span: DateSpan, ranking: Ranking, digest: DigestSnapshot,
        sort: SearchSort, limit: Int, offset: Int, tier: Int = 0
    ) throws -> RankedPage {
        let filtered = try span.checkedDays() != nil
        // A sort by date reads the dates from `document_span`.
        let join = sort != .relevance ? " JOIN document_span d ON d.rowid = document_fts.rowid" : ""
        var order = sort.orderBy
        var kept = ""
        if filtered {
            if sort == .relevance {
                order = "score NULLS LAST, document_fts.rowid"
            } else {
                kept = ", (\(span.conditions.joined(separator: " AND "))) AS kept"
                order = "kept DESC, " + order
            }
        }
        return try ranking.withPass(digest) { token, pass in
            let rows = try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT document_fts.rowid AS rowid, \(filtered ? Ranking.filteredCall : Ranking.call) AS score\(kept)
                        FROM document_fts\(join) WHERE document_fts MATCH ?
                        ORDER BY \(order) LIMIT ? OFFSET ?
                        """),
                arguments: [token] + StatementArguments(span.dayArguments) + StatementArguments(kept.isEmpty ? [] : span.values)
                    + [match, limit, offset])
            let idf = pass.idf
            let hits = rows.compactMap { row in
                (row["score"] as Double?).map { RankedHit(rowid: row["rowid"], score: $0 * idf, tier: tier) }
            }
            return RankedPage(
                hits: hits, total: filtered ? pass.inside : pass.hits, undated: filtered ? pass.undated : nil, matches: pass.hits)
        }
    }

    /// A page of hits of a query with tiers (the name as typed, in other spellings, a
    /// letter off), ranked tier by tier: each tier's own hits (none of an earlier tier's)
    /// best first, and only as many tiers as the page reaches. FTS5 ranks one expression's
    /// hits fast; working out every hit's tier first would match every tier's expression
    /// over all of them.
    static func rankedByTier(
        _ db: Database, _ query: SearchQuery, span: DateSpan, ranking: Ranking, digest: DigestSnapshot, limit: Int, offset: Int
    ) throws -> [RankedHit] {
        let expressions = query.tiers + [query.match]
        var rows: [RankedHit] = []
        var skip = offset
        for (tier, expression) in expressions.enumerated() where rows.count < limit {
            let own = tier == 0 ? expression : "(\(expression)) NOT (\(expressions[..<tier].joined(separator: " OR ")))"
            let page = try ranked(
                db, match: own, span: span, ranking: ranking, digest: digest, sort: .relevance,
                limit: limit - rows.count, offset: skip, tier: tier)
            // A page that starts past this tier skips all of its hits.
            skip = page.hits.isEmpty ? max(0, skip - page.total) : 0
            rows += page.hits
        }
        return rows
    }

    /// How many documents match a query and pass its date filters.
    static func count(_ db: Database, _ query: SearchQuery, span: DateSpan) throws -> Int {
        let join = span.conditions.isEmpty ? "" : " JOIN document_span d ON d.rowid = document_fts.rowid"
        return try Int.fetchOne(
            db.cachedStatement(
                sql:
                    "SELECT count(*) FROM document_fts\(join) WHERE document_fts MATCH ?\(span.conditions.map { " AND " + $0 }.joined())"
            ),
            arguments: StatementArguments([query.match] + span.values)) ?? 0
    }

    /// Every document whose dates overlap a query's date filters, oldest first (newest
    /// first with `-date`): a query with no words has no relevance to rank by.
    private func period(_ query: SearchQuery, limit: Int, offset: Int, sort: SearchSort, snippetWords: Int) throws(StoreError)
        -> SearchPage
    {
        try read { db in
            let span = DateSpan(query)
            let order =
                sort == .newest
                ? "d.date_max DESC, d.date_min DESC, d.rowid" : "d.date_min, d.date_max, d.rowid"
            let rows = try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT d.rowid, count(*) OVER () FROM document_span d WHERE \(span.condition)
                        ORDER BY \(order) LIMIT ? OFFSET ?
                        """),
                arguments: span.arguments + [limit, offset])
            var total: Int = rows.first?[1] ?? 0
            if rows.isEmpty && offset > 0 {
                total =
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM document_span d WHERE \(span.condition)", arguments: span.arguments) ?? 0
            }
            let undated = try Int.fetchOne(db, sql: "SELECT count(*) FROM document_span WHERE date_min IS NULL") ?? 0
            let rowids: [Int64] = rows.map { $0[0] }
            let records = try Self.records(db, rowids: rowids)
            let hits = rowids.compactMap { rowid in
                records[rowid].map {
                    SearchHit(record: $0, snippet: Self.opening(of: $0, words: snippetWords), score: 0, matched: nil)
                }
            }
            return SearchPage(query: query, hits: hits, total: total, offset: offset, undatedExcluded: undated)
        }
    }

    /// The records with these rowids, in one statement, by rowid.
    static func records(_ db: Database, rowids: [Int64]) throws -> [Int64: Record] {
        guard !rowids.isEmpty else { return [:] }
        let marks = Self.placeholders(rowids.count)
        // The rowid comes last, after the columns Record(row:) reads by position.
        let rows = try Row.fetchCursor(
            db.cachedStatement(sql: "SELECT \(Record.selection), rowid FROM document WHERE rowid IN (\(marks))"),
            arguments: StatementArguments(rowids))
        var records: [Int64: Record] = [:]
        while let row = try rows.next() { records[row[Record.columns.count]] = Record(row: row) }
        return records
    }

    /// The first `words` words of the summary (else the text), as a snippet where no word matched.
    /// (Bytes: the separators are ASCII, and this runs for results shown.)
    static func opening(of record: Record, words limit: Int = 32) -> String {
        var source = record.summary.isEmpty ? record.text : record.summary
        return source.withUTF8 { bytes in
            var opening: [UInt8] = []
            opening.reserveCapacity(min(bytes.count, 400))
            var words = 0
            var inWord = false
            for byte in bytes {
                if byte == 0x20 || byte == 0x0A || byte == 0x09 {
                    inWord = false
                    continue
                }
                if !inWord {
                    if words == limit {
                        opening += "…".utf8
                        break
                    }
                    if words > 0 { opening.append(0x20) }
                    words += 1
                    inWord = true
                }
                opening.append(byte)
            }
            return String(decoding: opening, as: UTF8.self)
        }
    }

    /// The snippet to show under a result's title: the summary's or the text's, whichever
    /// shows a match (the title is printed anyway), else the start of the summary.
    static func bestSnippet(summary: String?, text: String?) -> String {
        // The marker is one byte: looked for as bytes, not Characters.
        let marker = UInt8(ascii: "\u{2}")
        if let summary, summary.utf8.contains(marker) { return summary }
        if let text, text.utf8.contains(marker) { return text }
        if let summary, !summary.isEmpty { return summary }
        return text ?? ""
    }
}

/// A query's date filters as SQL over a table aliased `d` with `date_min` and `date_max`:
/// a document's span must overlap the filter's days.
struct DateSpan {
    var conditions: [String] = []
    var values: [String] = []
    /// The same filter as days (yyyymmdd) for the ranking function; nil without one.
    private(set) var days: ClosedRange<UInt32>?

    init(_ query: SearchQuery) {
        if let earliest = query.earliest {
            conditions.append("d.date_max >= ?")
            values.append(earliest)
        }
        if let latest = query.latest {
            conditions.append("d.date_min <= ?")
            values.append(latest)
        }
        // The query parser writes its bounds as days, YYYY-MM-DD, always.
        if !conditions.isEmpty, let first = DocumentDigest.day(query.earliest ?? "0000-00-00"),
            let last = DocumentDigest.day(query.latest ?? "9999-99-99")
        {
            days = first...last
        }
    }

    /// The filter as days, and a failure for bounds that are not days (which the query
    /// parser never writes).
    func checkedDays() throws(StoreError) -> ClosedRange<UInt32>? {
        if !conditions.isEmpty && days == nil {
            throw .failure(reason: "the date filter \(values.joined(separator: "–")) is not in days (YYYY-MM-DD)")
        }
        return days
    }

    /// The days as the ranking function's two arguments after the pass; none without a filter.
    var dayArguments: [Int64] {
        days.map { [Int64($0.lowerBound), Int64($0.upperBound)] } ?? []
    }

    /// All the conditions, or one that every dated document meets.
    var condition: String { conditions.isEmpty ? "d.date_min IS NOT NULL" : conditions.joined(separator: " AND ") }
    var arguments: StatementArguments { StatementArguments(values) }
}
