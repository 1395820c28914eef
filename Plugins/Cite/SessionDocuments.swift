import Citation
import CommandSupport
import DocumentStore
import Foundation
import REPLCore
import SessionStore

/// What the citation commands take from a session: the documents it cited or noted, and
/// when each was first cited (the access date exports give).
struct SessionDocuments {
    let session: Session
    let records: [Record]
    /// Ids the session names that the store no longer holds.
    let missing: [String]

    init(_ session: Session, store: DocumentStore) throws {
        self.session = session
        var ids: [String] = []
        for id in session.citedDocuments + session.notedDocuments where !ids.contains(id) { ids.append(id) }
        records = try store.records(ids: ids)
        let found = Set(records.map(\.id))
        missing = ids.filter { !found.contains($0) }
    }

    /// The documents as citations need them, in the order given.
    var documents: [CitedDocument] {
        records.map { CitedDocument($0, accessed: SessionCitations.firstCited($0.id, in: session)) }
    }

    /// The session a command works on: `--session NAME`, else the one in use.
    static func session(named name: String?, context: CommandContext) throws -> Session {
        if let name { return try context.sessions.open(name).session }
        return try context.requireSession().session
    }

    /// A footer naming documents the store no longer has, if any.
    var missingNote: String? {
        missing.isEmpty
            ? nil
            : "Not in this archive any more, so left out: \(missing.joined(separator: ", ")). Import them again to cite them."
    }
}
