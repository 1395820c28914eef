import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// The store's ranking: FTS5's BM25 with the title weighed over the summary over the text
/// (`Schema.columnWeights`), worked out by an auxiliary function of the store's own,
/// `dossier_rank(document_fts, generation, hits)`, that gives the same scores as
/// `bm25(10.0, 5.0, …)` faster:
///
/// - the documents' lengths come from `DocumentLengths` in memory, not from a lookup in
///   FTS5's `docsize` table for every hit (the lookup is most of what BM25 costs FTS5);
/// - a query of one phrase (a word, a prefix, a quoted phrase, a field-scoped word) has as
///   many documents with its phrase as it has hits; `hits` passes that count, which the
///   search has counted anyway, where FTS5 would read the phrase's hits once more;
/// - the statement orders by the score with `ORDER BY … LIMIT`, SQLite's sorter for the
///   best few, where `ORDER BY rank` makes FTS5 sort every hit in a statement of its own.
///
/// `generation` is the generation of `DocumentLengths` the caller's transaction sees (from
/// `prepare`); with another one, or a NULL, each length is looked up as FTS5 does.
final class Ranking: Sendable {
    static let functionName = "dossier_rank"
    private let snapshot = Mutex<LengthSnapshot?>(nil)

    /// The call for a statement over `document_fts`: its two arguments are the generation
    /// and the hit count (NULL when not counted).
    static let call = "\(functionName)(document_fts, ?, ?)"

    /// Makes the lengths of the generation `db`'s transaction sees the ones the function
    /// uses, loading them when the store has changed; returns that generation.
    func prepare(_ db: Database) throws -> Int64 {
        let generation = try DocumentLengths.generation(db)
        if snapshot.withLock({ $0?.generation }) == generation { return generation }
        let loaded = try DocumentLengths.load(db, generation: generation)
        snapshot.withLock { $0 = loaded }
        return generation
    }

    func current() -> LengthSnapshot? {
        snapshot.withLock { $0 }
    }

    /// Gives `db` the function; called for every connection the store opens.
    func register(_ db: Database) {
        let api = FTS5.api(db)
        let context = Unmanaged.passRetained(self).toOpaque()
        _ = api.pointee.xCreateFunction!(
            UnsafeMutablePointer(mutating: api), Self.functionName, context, rankFunction,
            { context in context.map { Unmanaged<Ranking>.fromOpaque($0).release() } })
    }
}

/// What one statement's ranking keeps from row to row: FTS5 holds it as the cursor's
/// auxiliary data and frees it with the statement.
private final class RankQuery {
    let phrases: Int
    var idf: [Double]
    let averageLength: Double
    let lengths: LengthSnapshot?
    var frequencies: [Double]

    init(phrases: Int, idf: [Double], averageLength: Double, lengths: LengthSnapshot?) {
        self.phrases = phrases
        self.idf = idf
        self.averageLength = averageLength
        self.lengths = lengths
        self.frequencies = Array(repeating: 0, count: phrases)
    }
}

/// BM25 as FTS5 works it out (fts5_aux.c), k1 = 1.2 and b = 0.75.
private let rankFunction: fts5_extension_function = { api, fts, context, count, values in
    guard let api, let fts, let context else { return }
    let functions = api.pointee
    var query: RankQuery
    if let data = functions.xGetAuxdata!(fts, 0) {
        query = Unmanaged<RankQuery>.fromOpaque(data).takeUnretainedValue()
    } else {
        guard let user = functions.xUserData!(fts) else { return sqlite3_result_error_code(context, SQLITE_MISUSE) }
        let ranking = Unmanaged<Ranking>.fromOpaque(user).takeUnretainedValue()
        var generation: Int64?
        var counted: Int64?
        if let values, count >= 1, sqlite3_value_type(values[0]) != SQLITE_NULL { generation = sqlite3_value_int64(values[0]) }
        if let values, count >= 2, sqlite3_value_type(values[1]) != SQLITE_NULL { counted = sqlite3_value_int64(values[1]) }
        let phrases = Int(functions.xPhraseCount!(fts))
        var rows: Int64 = 0, tokens: Int64 = 0
        var code = functions.xRowCount!(fts, &rows)
        if code == SQLITE_OK { code = functions.xColumnTotalSize!(fts, -1, &tokens) }
        var idf = [Double](repeating: 0, count: phrases)
        for phrase in 0..<phrases where code == SQLITE_OK {
            var hits: Int64 = 0
            if phrases == 1, let counted {
                hits = counted
            } else {
                code = functions.xQueryPhrase!(fts, Int32(phrase), &hits) { _, _, counter in
                    counter?.assumingMemoryBound(to: Int64.self).pointee += 1
                    return SQLITE_OK
                }
            }
            let value = log((Double(rows) - Double(hits) + 0.5) / (Double(hits) + 0.5))
            idf[phrase] = value <= 0 ? 1e-6 : value
        }
        guard code == SQLITE_OK else { return sqlite3_result_error_code(context, code) }
        let lengths = ranking.current().flatMap { $0.generation == generation ? $0 : nil }
        query = RankQuery(
            phrases: phrases, idf: idf, averageLength: rows > 0 ? Double(tokens) / Double(rows) : 1, lengths: lengths)
        code = functions.xSetAuxdata!(fts, Unmanaged.passRetained(query).toOpaque()) { data in
            data.map { Unmanaged<RankQuery>.fromOpaque($0).release() }
        }
        guard code == SQLITE_OK else { return sqlite3_result_error_code(context, code) }
    }

    // How often each phrase occurs, weighed by the column it occurs in.
    let weights = Schema.columnWeights
    for phrase in 0..<query.phrases {
        var iterator = Fts5PhraseIter()
        var column: Int32 = 0, offset: Int32 = 0
        var frequency = 0.0
        let code = functions.xPhraseFirst!(fts, Int32(phrase), &iterator, &column, &offset)
        guard code == SQLITE_OK else { return sqlite3_result_error_code(context, code) }
        while column >= 0 {
            frequency += Int(column) < weights.count ? weights[Int(column)] : 1
            functions.xPhraseNext!(fts, &iterator, &column, &offset)
        }
        query.frequencies[phrase] = frequency
    }
    var length: Int32 = 0
    if let known = query.lengths?.length(of: functions.xRowid!(fts)) {
        length = known
    } else {
        let code = functions.xColumnSize!(fts, -1, &length)
        guard code == SQLITE_OK else { return sqlite3_result_error_code(context, code) }
    }
    let k1 = 1.2, b = 0.75
    let normalised = k1 * (1 - b + b * Double(length) / query.averageLength)
    var score = 0.0
    for phrase in 0..<query.phrases {
        let frequency = query.frequencies[phrase]
        score += query.idf[phrase] * ((frequency * (k1 + 1)) / (frequency + normalised))
    }
    sqlite3_result_double(context, -1 * score)
}
