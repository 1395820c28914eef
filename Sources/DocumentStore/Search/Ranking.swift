import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// The store's ranking: FTS5's BM25 with the title weighed over the summary over the text
/// (`Schema.columnWeights`), worked out by an auxiliary function of the store's own,
/// `dossier_rank(document_fts, pass[, first day, last day])`, that gives the same scores as
/// `bm25(10.0, 5.0, …)` faster:
///
/// - the documents' lengths come from the `DocumentDigest` in memory, not from a lookup in
///   FTS5's `docsize` table for every hit (the lookup is most of what BM25 costs FTS5);
/// - the statement counts its hits as it ranks them, in a `RankingPass`: a query of one
///   phrase (a word, a prefix, a quoted phrase, a field-scoped word) has as many documents
///   with its phrase as it has hits, so its one IDF is known once the statement has run,
///   and the scores are multiplied by it then (the order does not change), where FTS5
///   reads the phrase's hits once more first; the count is also the search's total;
/// - given a range of days, the same pass keeps the hits whose dates overlap it (from the
///   digest too, not a lookup in `document_span` a hit), counts them and the undated ones,
///   and ranks only those it keeps (NULL for the others);
/// - the statement orders by the score with `ORDER BY … LIMIT`, SQLite's sorter for the
///   best few, where `ORDER BY rank` makes FTS5 sort every hit in a statement of its own.
///
/// `pass` is the token of a pass from `withPass`, or NULL: then every length is looked up
/// and every IDF worked out first, as FTS5 does.
final class Ranking: Sendable {
    static let functionName = "dossier_rank"
    private let snapshot = Mutex<DigestSnapshot?>(nil)
    private let passes = Mutex<(next: Int64, open: [Int64: RankingPass])>((1, [:]))

    /// The call for a statement over `document_fts`; its argument is the pass's token.
    static let call = "\(functionName)(document_fts, ?)"
    /// The call that keeps only the hits whose dates overlap a range: the pass's token, the
    /// first and the last day (yyyymmdd; 0 and 99999999 for none).
    static let filteredCall = "\(functionName)(document_fts, ?, ?, ?)"

    /// The digest of the store as `db`'s transaction sees it, loaded when it has changed.
    func prepare(_ db: Database) throws -> DigestSnapshot {
        let generation = try DocumentDigest.generation(db)
        if let current = snapshot.withLock({ $0 }), current.generation == generation { return current }
        let loaded = try DocumentDigest.load(db, generation: generation)
        snapshot.withLock { $0 = loaded }
        return loaded
    }

    /// Runs `body` with a new pass over `digest` and the token that names it to the function.
    /// The statement must call the function for every document its MATCH finds (no other
    /// condition may leave any out): the pass's count is then the phrase's.
    func withPass<T>(_ digest: DigestSnapshot, _ body: (Int64, RankingPass) throws -> T) throws -> T {
        let pass = RankingPass(digest: digest)
        let token = passes.withLock { passes in
            defer { passes.next += 1 }
            passes.open[passes.next] = pass
            return passes.next
        }
        defer { _ = passes.withLock { $0.open.removeValue(forKey: token) } }
        return try body(token, pass)
    }

    fileprivate func pass(_ token: Int64) -> RankingPass? {
        passes.withLock { $0.open[token] }
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

/// What one ranking statement uses and counts. Only the thread running the statement
/// touches it while it runs; the caller reads it after.
/// `@unchecked Sendable`: for that reason; SQLite calls the function on the statement's thread.
final class RankingPass: @unchecked Sendable {
    let digest: DigestSnapshot
    /// Every hit the function saw; given a range of days, the hits it keeps and the undated
    /// hits. Counted through a pointer: the function adds to them at every hit.
    fileprivate let counts = UnsafeMutablePointer<Int>.allocate(capacity: 3)
    var hits: Int { counts[0] }
    var inside: Int { counts[1] }
    var undated: Int { counts[2] }
    /// Set when the query has one phrase: how many documents the index has. The scores
    /// were worked out with an IDF of 1; `idf` is the one to multiply them by.
    var deferredRows: Int64?

    init(digest: DigestSnapshot) {
        self.digest = digest
        counts.initialize(repeating: 0, count: 3)
    }

    deinit {
        counts.deallocate()
    }

    /// FTS5's IDF for a phrase `hits` of `rows` documents have.
    static func idf(hits: Int64, rows: Int64) -> Double {
        let value = log((Double(rows) - Double(hits) + 0.5) / (Double(hits) + 0.5))
        return value <= 0 ? 1e-6 : value
    }

    /// What the scores must be multiplied by: 1 unless the IDF was deferred.
    var idf: Double {
        deferredRows.map { Self.idf(hits: Int64(hits), rows: $0) } ?? 1
    }
}

/// What one statement's ranking keeps from row to row: FTS5 holds it as the cursor's
/// auxiliary data and frees it with the statement. Plain values and pointers only: the
/// function runs for every hit (tens of thousands a search), and reads them with no
/// reference counting or checks on shared state on the way.
private struct RankState {
    let phrases: Int
    /// Each phrase's IDF: 1 when deferred (see `RankingPass`), NaN until the first hit that
    /// has the phrase (a phrase under NOT never has one, and never costs a reading).
    let idf: UnsafeMutablePointer<Double>
    let rows: Int64
    let weights: UnsafeMutablePointer<Double>
    let weightCount: Int
    let averageLength: Double
    /// The pass's counts and digest; the pass is kept alive by `owner`.
    let counts: UnsafeMutablePointer<Int>?
    let lengths: UnsafeMutableBufferPointer<UInt16>?
    let days: UnsafeMutableBufferPointer<UInt32>?
    let owner: Unmanaged<RankingPass>?
    /// The days a hit's dates must overlap, when the call gives them.
    let filter: ClosedRange<UInt32>?

    /// A state of its own in memory, for FTS5 to hold; `free` gives it back.
    static func make(
        phrases: Int, deferred: Bool, rows: Int64, averageLength: Double, pass: RankingPass?, filter: ClosedRange<UInt32>?
    ) -> UnsafeMutablePointer<RankState> {
        let idf = UnsafeMutablePointer<Double>.allocate(capacity: max(1, phrases))
        idf.initialize(repeating: deferred ? 1 : .nan, count: max(1, phrases))
        let weights = UnsafeMutablePointer<Double>.allocate(capacity: Schema.columnWeights.count)
        weights.initialize(from: Schema.columnWeights, count: Schema.columnWeights.count)
        let state = UnsafeMutablePointer<RankState>.allocate(capacity: 1)
        state.initialize(
            to: RankState(
                phrases: phrases, idf: idf, rows: rows, weights: weights, weightCount: Schema.columnWeights.count,
                averageLength: averageLength, counts: pass?.counts, lengths: pass?.digest.lengths, days: pass?.digest.days,
                owner: pass.map { Unmanaged.passRetained($0) }, filter: filter))
        return state
    }

    static let free: @convention(c) (UnsafeMutableRawPointer?) -> Void = { pointer in
        guard let state = pointer?.assumingMemoryBound(to: RankState.self) else { return }
        state.pointee.idf.deallocate()
        state.pointee.weights.deallocate()
        state.pointee.owner?.release()
        state.deinitialize(count: 1)
        state.deallocate()
    }
}

/// BM25 as FTS5 works it out (fts5_aux.c), k1 = 1.2 and b = 0.75.
private let rankFunction: fts5_extension_function = { api, fts, context, count, values in
    guard let api, let fts, let context else { return }
    let state: UnsafeMutablePointer<RankState>
    if let data = api.pointee.xGetAuxdata!(fts, 0) {
        state = data.assumingMemoryBound(to: RankState.self)
    } else {
        let functions = api.pointee
        guard let user = functions.xUserData!(fts) else { return sqlite3_result_error_code(context, SQLITE_MISUSE) }
        let ranking = Unmanaged<Ranking>.fromOpaque(user).takeUnretainedValue()
        func integer(_ index: Int) -> Int64? {
            guard let values, Int(count) > index, sqlite3_value_type(values[index]) != SQLITE_NULL else { return nil }
            return sqlite3_value_int64(values[index])
        }
        let pass = integer(0).flatMap(ranking.pass)
        var filter: ClosedRange<UInt32>?
        if count >= 3 {
            guard pass != nil, let first = integer(1), let last = integer(2), first <= last else {
                return sqlite3_result_error_code(context, SQLITE_MISUSE)
            }
            filter = UInt32(clamping: first)...UInt32(clamping: last)
        }
        let phrases = Int(functions.xPhraseCount!(fts))
        var rows: Int64 = 0
        var tokens: Int64 = 0
        var code = functions.xRowCount!(fts, &rows)
        if code == SQLITE_OK { code = functions.xColumnTotalSize!(fts, -1, &tokens) }
        let deferred = phrases == 1 && pass != nil
        if deferred { pass?.deferredRows = rows }
        guard code == SQLITE_OK else { return sqlite3_result_error_code(context, code) }
        state = RankState.make(
            phrases: phrases, deferred: deferred, rows: rows,
            averageLength: rows > 0 ? Double(tokens) / Double(rows) : 1, pass: pass, filter: filter)
        // FTS5 frees the state itself when it cannot keep it.
        code = functions.xSetAuxdata!(fts, state, RankState.free)
        guard code == SQLITE_OK else { return sqlite3_result_error_code(context, code) }
    }
    let query = state.pointee

    let rowid = api.pointee.xRowid!(fts)
    if let counts = query.counts {
        counts[0] += 1
        if let filter = query.filter, let days = query.days {
            // As SQL has it: the last day on or after the range's first, the first day on or
            // before its last; an undated document is in no range.
            let (first, last) = DigestSnapshot.days(of: rowid, in: days)
            if first == DocumentDigest.undated { counts[2] += 1 }
            guard first != DocumentDigest.undated, last != DocumentDigest.undated,
                last >= filter.lowerBound, first <= filter.upperBound
            else { return sqlite3_result_null(context) }
            counts[1] += 1
        }
    }

    var length: Int32 = 0
    if let lengths = query.lengths, let known = DigestSnapshot.length(of: rowid, in: lengths) {
        length = known
    } else {
        let code = api.pointee.xColumnSize!(fts, -1, &length)
        guard code == SQLITE_OK else { return sqlite3_result_error_code(context, code) }
    }
    let k1 = 1.2
    let b = 0.75
    let normalised = k1 * (1 - b + b * Double(length) / query.averageLength)
    // How often each phrase occurs, weighed by the column it occurs in.
    let phraseFirst = api.pointee.xPhraseFirst!
    let phraseNext = api.pointee.xPhraseNext!
    var score = 0.0
    for phrase in 0..<query.phrases {
        var iterator = Fts5PhraseIter()
        var column: Int32 = 0
        var offset: Int32 = 0
        var frequency = 0.0
        var code = phraseFirst(fts, Int32(phrase), &iterator, &column, &offset)
        guard code == SQLITE_OK else { return sqlite3_result_error_code(context, code) }
        while column >= 0 {
            frequency += Int(column) < query.weightCount ? query.weights[Int(column)] : 1
            phraseNext(fts, &iterator, &column, &offset)
        }
        // A phrase this hit lacks adds nothing, whatever its IDF.
        guard frequency > 0 else { continue }
        if query.idf[phrase].isNaN {
            var hits: Int64 = 0
            code = api.pointee.xQueryPhrase!(fts, Int32(phrase), &hits) { _, _, counter in
                counter?.assumingMemoryBound(to: Int64.self).pointee += 1
                return SQLITE_OK
            }
            guard code == SQLITE_OK else { return sqlite3_result_error_code(context, code) }
            query.idf[phrase] = RankingPass.idf(hits: hits, rows: query.rows)
        }
        score += query.idf[phrase] * ((frequency * (k1 + 1)) / (frequency + normalised))
    }
    sqlite3_result_double(context, -1 * score)
}
