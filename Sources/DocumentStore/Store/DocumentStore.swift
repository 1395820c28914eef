import Foundation
import GRDB
import Synchronization

/// The archive: every imported document in one SQLite file (WAL mode), with a full-text
/// index over title, summary and text. Nothing is loaded into memory up front, so a store
/// of any size opens at once.
///
/// The only type in the project that talks to SQLite; commands reach it through
/// `CommandContext` and never see GRDB.
public final class DocumentStore: Sendable {
    /// The SQLite file.
    public let url: URL
    let pool: DatabasePool
    /// How often the documents write index words capitalized and not (telling names from
    /// words), as found so far; forgotten at each import.
    let nameWords = Mutex<[String: (Int, Int)]>([:])
    /// Whether the index has each word asked about so far; forgotten at each import.
    let indexedWords = Mutex<[String: Bool]>([:])
    /// The ranking function every connection has, and the digest of the documents it uses.
    let ranking: Ranking

    private init(url: URL, pool: DatabasePool, ranking: Ranking) {
        self.url = url
        self.pool = pool
        self.ranking = ranking
    }

    /// Opens the store at `url`, creating it (and its folder) when missing and migrating an
    /// older one. A store written by a newer dossier is refused, not touched.
    public static func open(at url: URL) throws(StoreError) -> DocumentStore {
        let path = url.path
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw .cannotOpen(path: path, reason: "its folder cannot be created (\(error.localizedDescription))")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.label = "dossier.store"
        let ranking = Ranking()
        configuration.prepareDatabase { db in ranking.register(db) }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            let migrator = Schema.migrator
            let superseded = try pool.read { db in try migrator.hasBeenSuperseded(db) }
            if superseded { throw StoreError.newerVersion(path: path) }
            try migrator.migrate(pool)
            try Vocabulary.refreshIfRulesChanged(pool)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            let reason =
                error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT
                ? "it is not a dossier store, or it is damaged. Move it aside and start again, or use --workspace"
                : (error.message ?? "SQLite error \(error.resultCode.rawValue)")
            throw .cannotOpen(path: path, reason: reason)
        } catch {
            throw .cannotOpen(path: path, reason: String(describing: error))
        }
        return DocumentStore(url: url, pool: pool, ranking: ranking)
    }

    /// `?,?,?` for an `IN (…)` list of `count` values.
    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ",")
    }

    /// Stops the statement running on any connection, as Ctrl-C asks; the interrupted call
    /// throws `StoreError.interrupted` and its transaction rolls back.
    public func interrupt() {
        pool.interrupt()
    }

    /// How many documents the store holds.
    public func count() throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM document") ?? 0 }
    }

    /// The document with this id, if any.
    public func record(id: String) throws(StoreError) -> Record? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT \(Record.selection) FROM document WHERE id = ?", arguments: [id]).map(
                Record.init(row:))
        }
    }

    /// The documents with these ids, in the order given; unknown ids are skipped.
    public func records(ids: [String]) throws(StoreError) -> [Record] {
        guard !ids.isEmpty else { return [] }
        let found: [String: Record] = try read { db in
            var found: [String: Record] = [:]
            for chunk in stride(from: 0, to: ids.count, by: 500) {
                let slice = Array(ids[chunk..<min(chunk + 500, ids.count)])
                let marks = Self.placeholders(slice.count)
                let rows = try Row.fetchAll(
                    db, sql: "SELECT \(Record.selection) FROM document WHERE id IN (\(marks))",
                    arguments: StatementArguments(slice))
                for row in rows {
                    let record = Record(row: row)
                    found[record.id] = record
                }
            }
            return found
        }
        return ids.compactMap { found[$0] }
    }

    /// The ids of every document, for completion and checks; in id order.
    public func ids(withPrefix prefix: String, limit: Int) throws(StoreError) -> [String] {
        try read { db in
            try String.fetchAll(
                db, sql: "SELECT id FROM document WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
                arguments: [prefix, prefix + "\u{10FFFF}", limit])
        }
    }

    /// Runs `body` in a read transaction, translating database errors.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw Self.translate(error)
        }
    }

    /// Runs `body` in one write transaction: everything it writes lands, or nothing does.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.write(body)
        } catch let error as DatabaseError {
            throw Self.translate(error)
        }
    }

    static func translate(_ error: any Error) -> StoreError {
        switch error {
        case let error as StoreError: return error
        case let error as DatabaseError:
            if error.resultCode == .SQLITE_INTERRUPT { return .interrupted }
            if error.resultCode == .SQLITE_FULL { return .failure(reason: "the disk is full") }
            if error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
                return .failure(reason: "another dossier process is writing to it; try again in a moment")
            }
            return .failure(reason: error.message ?? "SQLite error \(error.resultCode.rawValue)")
        default:
            return .failure(reason: String(describing: error))
        }
    }
}
