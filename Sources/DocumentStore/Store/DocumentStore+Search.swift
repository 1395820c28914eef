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
                ranked = try Self.rankedByTier(db, query, span: span, ranking: ranking, digest: digest, limit: limit, offset: offset)
                total = try Self.count(db, query, span: span)
                matches = total
            } else {
                let page = try Self.ranked(
                    db, match: query.match, span: span, ranking: ranking, digest: digest, sort: sort, limit: limit, offset: offset)
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
                    words: Set(marked.words.filter { !$0.prefix }.map(\.term)), prefixes: marked.words.filter(\.prefix).map(\.term))
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
                        db.cachedStatement(sql: """
                            SELECT rowid, snippet(document_fts, \(column), char(2), char(3), '…', ?)
                            FROM document_fts WHERE document_fts MATCH ? AND \(rowid) IN (\(Self.placeholders(rowids.count)))
                            """),
                        arguments: StatementArguments([snippetWords]) + StatementArguments([query.match]) + StatementArguments(rowids))
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
    private func period(_ query: SearchQuery, limit: Int, offset: Int, sort: SearchSort, snippetWords: Int) throws(StoreError) -> SearchPage {
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
                records[rowid].map { SearchHit(record: $0, snippet: Self.opening(of: $0, words: snippetWords), score: 0, matched: nil) }
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

/// Snippets made without FTS5: the stretch of a text where the words searched for stand
/// thickest, each between `SearchHit.highlightStart` and `highlightEnd`.
struct Snippet {
    /// The words to mark as the index holds them, and the beginnings of words (prefixes).
    private let words: [[UInt8]]
    private let prefixes: [[UInt8]]
    /// Whether every word and prefix is ASCII (see `mayHold`).
    private let asciiTerms: Bool

    init(words: Set<String>, prefixes: [String]) {
        self.words = words.map { Array($0.utf8) }
        self.prefixes = prefixes.map { Array($0.utf8) }
        asciiTerms = (self.words + self.prefixes).allSatisfy { $0.allSatisfy { $0 < 0x80 } }
    }

    /// Up to `length` words of `text` with every word searched for marked, chosen as FTS5's
    /// `snippet()` chooses (fts5_aux.c): for each word found, the stretch from it scored
    /// 1,000 for each different word searched for in it and 1 for each repeat, and shown
    /// with its words centred; and the stretch from the start of its sentence, scored the
    /// same and 100 more (120 at the very start). The first best is shown; nil when no word
    /// searched for is there.
    func marking(_ text: String, length: Int = 32) -> String? {
        guard !text.isEmpty else { return nil }
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            // Most results shown were found by their title: in a text of ASCII, a word
            // searched for stands only where its letters do, whatever their case, and
            // looking for them is much faster than reading the text's words.
            if bytes.allSatisfy({ $0 < 0x80 }) && !mayHold(bytes) { return nil }
            var words: [Range<Int>] = []
            words.reserveCapacity(min(bytes.count / 4, 4_096))
            // The words that start a sentence: the first, and each after '.' or ':' and a space.
            var sentences: [Int] = []
            // Each hit: the word's place and which word or prefix it is.
            var hits: [(word: Int, key: Int)] = []
            var keys = Set<Int>()
            // In a long text, once a stretch holds every word searched for, a later one can
            // win only by a repeat or a sentence's start: the text is read only a stretch
            // further, not to its end.
            var enough = Int.max
            Terms.forEachWord(inUTF8: bytes) { range, ascii in
                var before = range.lowerBound - 1
                while before >= 0 && (bytes[before] == 0x20 || bytes[before] == 0x0A || bytes[before] == 0x09 || bytes[before] == 0x0D) {
                    before -= 1
                }
                if words.isEmpty || before >= 0 && before < range.lowerBound - 1 && (bytes[before] == 0x2E || bytes[before] == 0x3A) {
                    sentences.append(words.count)
                }
                if let key = self.key(of: UnsafeBufferPointer(rebasing: bytes[range]), ascii: ascii) {
                    hits.append((words.count, key))
                    keys.insert(key)
                    if enough == Int.max && words.count >= 1_000 && keys.count == self.keyCount {
                        let recent = hits.reversed().prefix { $0.word > words.count - length }
                        if Set(recent.map(\.key)).count == self.keyCount { enough = words.count + length + 1 }
                    }
                }
                words.append(range)
                return words.count < enough
            }
            guard !hits.isEmpty else { return nil }
            let start = Self.bestStart(hits: hits, sentences: sentences, wordCount: words.count, length: length)
            let end = min(words.count, start + length)
            var snippet: [UInt8] = start > 0 ? Array("…".utf8) : []
            var cursor = words[start].lowerBound
            var hitIndex = hits.firstIndex { $0.word >= start } ?? hits.count
            for word in start..<end {
                let range = words[word]
                snippet += bytes[cursor..<range.lowerBound].map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }
                if hitIndex < hits.count && hits[hitIndex].word == word {
                    snippet.append(0x02)
                    snippet += bytes[range]
                    snippet.append(0x03)
                    hitIndex += 1
                } else {
                    snippet += bytes[range]
                }
                cursor = range.upperBound
            }
            if end < words.count {
                snippet += "…".utf8
            } else {
                snippet += bytes[cursor...].map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }
            }
            return String(decoding: snippet, as: UTF8.self)
        }
    }

    private var keyCount: Int { words.count + prefixes.count }

    /// Where the best stretch starts: for each hit, the stretch from it (centred on its
    /// hits) and the stretch from its sentence's start, scored as `marking` says.
    private static func bestStart(hits: [(word: Int, key: Int)], sentences: [Int], wordCount: Int, length: Int) -> Int {
        func score(from first: Int) -> (score: Int, last: Int) {
            let inside = hits.drop { $0.word < first }.prefix { $0.word < first + length }
            return (Set(inside.map(\.key)).count * 1000 + inside.count, inside.last?.word ?? first)
        }
        var best = (score: -1, start: 0)
        var sentence = 0
        for hit in hits {
            var (points, last) = score(from: hit.word)
            if points > best.score {
                // Centred: as many words before its first hit as after its last.
                let start = hit.word - (length - (last - hit.word)) / 2
                best = (points, max(0, min(start, wordCount - length)))
            }
            while sentence + 1 < sentences.count && sentences[sentence + 1] <= hit.word { sentence += 1 }
            if wordCount > length, sentences[sentence] < hit.word {
                (points, last) = score(from: sentences[sentence])
                points += sentences[sentence] == 0 ? 120 : 100
                if points > best.score { best = (points, sentences[sentence]) }
            }
        }
        return best.start
    }

    /// Whether the letters of a word searched for (or a prefix) stand anywhere in `bytes`,
    /// in any case; true for a word that is not ASCII (its folded letters need not).
    private func mayHold(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard asciiTerms else { return true }
        for term in words + prefixes where !term.isEmpty && term.count <= bytes.count {
            for start in 0...(bytes.count - term.count) where bytes[start] | 0x20 == term[0] | 0x20 {
                var index = 1
                while index < term.count && bytes[start + index] | 0x20 == term[index] | 0x20 { index += 1 }
                if index == term.count { return true }
            }
        }
        return false
    }

    /// Which word (or, after the words, which prefix) `word` is, if it is one searched for.
    private func key(of word: UnsafeBufferPointer<UInt8>, ascii: Bool) -> Int? {
        if ascii {
            // Lower-cased byte by byte (the words searched for are folded already), the
            // first letter and the length first: this runs for every word of every
            // snippet.
            @inline(__always) func lowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
            @inline(__always) func begins(with term: [UInt8]) -> Bool {
                guard !term.isEmpty, term.count <= word.count, term[0] == lowered(word[0]) else { return false }
                for index in 1..<term.count where lowered(word[index]) != term[index] { return false }
                return true
            }
            for index in words.indices where words[index].count == word.count && begins(with: words[index]) { return index }
            for index in prefixes.indices where begins(with: prefixes[index]) { return words.count + index }
            return nil
        }
        let term = Array(Folding.fold(String(decoding: word, as: UTF8.self)).utf8)
        if let index = words.firstIndex(of: term) { return index }
        return prefixes.firstIndex { term.starts(with: $0) }.map { words.count + $0 }
    }
}
