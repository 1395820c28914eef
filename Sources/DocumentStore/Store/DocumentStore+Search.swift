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
public enum SearchSort: String, Sendable, CaseIterable {
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

extension DocumentStore {
    /// The documents matching `query`, best first (BM25 with the title weighed over the
    /// summary over the text).
    public func search(
        _ query: SearchQuery, limit: Int, offset: Int = 0, sort: SearchSort = .relevance
    ) throws(StoreError) -> SearchPage {
        if query.isDatesOnly { return try period(query, limit: limit, offset: offset, sort: sort) }
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
                ranked = try Self.rankedByTier(db, query, span: span, ranking: ranking, digest: digest, limit: limit, offset: offset)
                total = try Self.count(db, query, span: span)
                matches = total
            } else {
                let page = try Self.ranked(
                    db, match: query.match, span: span, ranking: ranking, digest: digest, sort: sort, limit: limit, offset: offset)
                (ranked, total, undated, matches) = (page.hits, page.total, page.undated, page.matches)
            }
            // Snippets only for the page's rows, from FTS5, which finds the listed rows by
            // seeking in the index when there are thousands of hits and reads them all again
            // when there are a few hundred (the unary +), faster then than seeking.
            var snippets: [Int64: (String?, String?)] = [:]
            let records = try Self.records(db, rowids: ranked.map(\.rowid))
            if tiered || (matches > 2_000 && query.match.contains("\"*")) {
                // A query for names in several spellings has dozens of phrases, and FTS5
                // expands a prefix again for each row it seeks (and reading thousands of
                // hits again is no better): its snippets would take longer than the search.
                // Mark the words (and words they begin) instead.
                let words = Set(query.words.map(\.term))
                let prefixes = query.words.filter(\.prefix).map(\.term)
                for (rowid, record) in records {
                    snippets[rowid] = (
                        Snippet.marking(words, prefixes: prefixes, in: record.summary),
                        Snippet.marking(words, prefixes: prefixes, in: record.text))
                }
            } else if !ranked.isEmpty {
                // The summaries' snippets first; the texts' only for the documents whose
                // summary does not have the words (a snippet costs FTS5 a reading of the
                // column's words, and most hits have them in the summary).
                let rowid = matches > 2_000 ? "rowid" : "+rowid"
                func fetch(_ column: Int, of rowids: [Int64]) throws -> [Int64: String] {
                    guard !rowids.isEmpty else { return [:] }
                    let rows = try Row.fetchAll(
                        db.cachedStatement(sql: """
                            SELECT rowid, snippet(document_fts, \(column), char(2), char(3), '…', 32)
                            FROM document_fts WHERE document_fts MATCH ? AND \(rowid) IN (\(Self.placeholders(rowids.count)))
                            """),
                        arguments: StatementArguments([query.match]) + StatementArguments(rowids))
                    return Dictionary(rows.map { ($0[0] as Int64, $0[1] as String? ?? "") }, uniquingKeysWith: { first, _ in first })
                }
                let summaries = try fetch(1, of: ranked.map(\.rowid))
                let marker = UInt8(ascii: "\u{2}")
                let texts = try fetch(2, of: ranked.map(\.rowid).filter { rowid in
                    summaries[rowid]?.utf8.contains(marker) != true && records[rowid]?.text.isEmpty == false
                })
                for hit in ranked { snippets[hit.rowid] = (summaries[hit.rowid], texts[hit.rowid]) }
            }
            var hits: [SearchHit] = []
            hits.reserveCapacity(ranked.count)
            for hit in ranked {
                guard let record = records[hit.rowid] else { continue }
                let snippet = snippets[hit.rowid]
                hits.append(SearchHit(
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
                db.cachedStatement(sql: """
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
            db.cachedStatement(sql: "SELECT count(*) FROM document_fts\(join) WHERE document_fts MATCH ?\(span.conditions.map { " AND " + $0 }.joined())"),
            arguments: StatementArguments([query.match] + span.values)) ?? 0
    }

    /// Every document whose dates overlap a query's date filters, oldest first (newest
    /// first with `-date`): a query with no words has no relevance to rank by.
    private func period(_ query: SearchQuery, limit: Int, offset: Int, sort: SearchSort) throws(StoreError) -> SearchPage {
        try read { db in
            let span = DateSpan(query)
            let order = sort == .newest
                ? "d.date_max DESC, d.date_min DESC, d.rowid" : "d.date_min, d.date_max, d.rowid"
            let rows = try Row.fetchAll(
                db.cachedStatement(sql: """
                    SELECT d.rowid, count(*) OVER () FROM document_span d WHERE \(span.condition)
                    ORDER BY \(order) LIMIT ? OFFSET ?
                    """),
                arguments: span.arguments + [limit, offset])
            var total: Int = rows.first?[1] ?? 0
            if rows.isEmpty && offset > 0 {
                total = try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM document_span d WHERE \(span.condition)", arguments: span.arguments) ?? 0
            }
            let undated = try Int.fetchOne(db, sql: "SELECT count(*) FROM document_span WHERE date_min IS NULL") ?? 0
            let rowids: [Int64] = rows.map { $0[0] }
            let records = try Self.records(db, rowids: rowids)
            let hits = rowids.compactMap { rowid in
                records[rowid].map { SearchHit(record: $0, snippet: Self.opening(of: $0), score: 0, matched: nil) }
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

    /// The first 32 words of the summary (else the text), as a snippet where no word matched.
    static func opening(of record: Record) -> String {
        let source = record.summary.isEmpty ? record.text : record.summary
        let words = source.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        return words.count <= 32 ? words.joined(separator: " ") : words.prefix(32).joined(separator: " ") + "…"
    }

    /// The snippet to show under a result's title: the summary's or the text's, whichever
    /// shows a match (the title is printed anyway), else the start of the summary.
    static func bestSnippet(summary: String?, text: String?) -> String {
        let marker = SearchHit.highlightStart
        if let summary, summary.contains(marker) { return summary }
        if let text, text.contains(marker) { return text }
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

/// Snippets made without FTS5: the first stretch of a text where the words searched for
/// stand, each between `SearchHit.highlightStart` and `highlightEnd`.
enum Snippet {
    /// Up to 32 words of `text` from a little before the first of `words` (or a word
    /// starting with one of `prefixes`), with every such word marked; nil when none is there.
    static func marking(_ words: Set<String>, prefixes: [String], in text: String, length: Int = 32) -> String? {
        guard !text.isEmpty else { return nil }
        // Words are read only as far as the snippet needs: up to four before the first
        // match, and then to the end of the snippet (one more, to know there is more).
        var before: [Range<String.Index>] = []
        var skipped = false
        var window: [(Range<String.Index>, Bool)] = []
        Terms.forEachWordRange(in: text) { range -> Bool in
            let term = Folding.fold(String(text[range]))
            let marked = words.contains(term) || prefixes.contains { term.hasPrefix($0) }
            if window.isEmpty {
                guard marked else {
                    before.append(range)
                    if before.count > 4 {
                        before.removeFirst()
                        skipped = true
                    }
                    return true
                }
                window = before.map { ($0, false) }
            }
            window.append((range, marked))
            return window.count <= length
        }
        guard !window.isEmpty else { return nil }
        let more = window.count > length
        if more { window.removeLast() }
        var snippet = skipped ? "…" : ""
        var cursor = window[0].0.lowerBound
        for (range, marked) in window {
            snippet += text[cursor..<range.lowerBound]
            snippet += marked ? "\(SearchHit.highlightStart)\(text[range])\(SearchHit.highlightEnd)" : String(text[range])
            cursor = range.upperBound
        }
        if more { snippet += "…" } else { snippet += text[cursor...] }
        return snippet.replacingOccurrences(of: "\n", with: " ")
    }
}
