import DossierProtocol
import GRDB
import TextAnalysis

/// Writes records inside one write transaction so that no version is ever lost: a new
/// record is inserted as version 1; a changed one has its stored version copied to
/// `document_history` first, then takes the next version number with the fields it changed
/// and how it was made. Imports and `revert` both write through it.
struct VersionWriter {
    private let db: Database
    private let importedAt: String
    private let action: String?
    private let insert: Statement
    private let select: Statement
    private let archive: Statement
    private let change: Statement

    /// - Parameters:
    ///   - importedAt: when the versions written are made (ISO 8601).
    ///   - action: how: nil for an import that merges, `replace`, `revert N`.
    init(_ db: Database, importedAt: String, action: String?) throws {
        self.db = db
        self.importedAt = importedAt
        self.action = action
        let columns = Record.storedColumns
        insert = try db.makeStatement(
            sql: """
                INSERT INTO document (\(columns.joined(separator: ", ")))
                VALUES (\(DocumentStore.placeholders(columns.count)))
                ON CONFLICT(id) DO NOTHING
                """)
        select = try db.makeStatement(sql: "SELECT \(Record.selection) FROM document WHERE id = ?")
        let kept = (Record.columns + Schema.versionColumns).joined(separator: ", ")
        archive = try db.makeStatement(
            sql: """
                INSERT OR REPLACE INTO document_history (\(kept)) SELECT \(kept) FROM document WHERE id = ?
                """)
        let assignments = columns.dropFirst().map { "\($0) = ?" } + ["version = version + 1", "changed = ?", "action = ?"]
        change = try db.makeStatement(sql: "UPDATE document SET \(assignments.joined(separator: ", ")) WHERE id = ?")
    }

    /// Inserts `record` as the first version of its id, unless the id is stored already.
    /// Returns whether it was inserted.
    func insertIfNew(_ record: Record) throws -> Bool {
        insert.setUncheckedArguments(StatementArguments(record.databaseValues(importedAt: importedAt)))
        try insert.execute()
        return db.changesCount > 0
    }

    /// The stored record with this id, if there is one.
    func current(id: String) throws -> Record? {
        try Row.fetchOne(select, arguments: [id]).map(Record.init(row:))
    }

    /// Makes `record` the newest version of its id, keeping the version it replaces.
    /// - Parameter changed: the fields that differ from the stored version.
    func update(_ record: Record, changed: [String]) throws {
        try archive.execute(arguments: [record.id])
        var values = Array(record.databaseValues(importedAt: importedAt).dropFirst())
        values.append(JSONValue.array(changed.map(JSONValue.string)).serialized())
        values.append(action)
        values.append(record.id)
        change.setUncheckedArguments(StatementArguments(values))
        try change.execute()
    }
}
