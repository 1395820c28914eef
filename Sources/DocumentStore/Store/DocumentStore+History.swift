import DossierProtocol
import Foundation
import GRDB

/// Where a field's value came from: the version that last set it.
public struct FieldProvenance: Sendable, Equatable {
    public var field: String
    public var version: RecordVersion
}

extension DocumentStore {
    /// Every version of the record with this id, oldest first; the last is the newest (the
    /// record as stored). Empty when no record has the id.
    public func history(id: String) throws(StoreError) -> [RecordVersion] {
        try read { db in try Self.versions(db, id: id) }
    }

    /// Version `number` of the record with this id, if there is one.
    public func version(id: String, number: Int) throws(StoreError) -> RecordVersion? {
        try history(id: id).first { $0.number == number }
    }

    /// For each field the record has now, the version that set its value: the first import,
    /// or a later one that changed it.
    public func provenance(id: String) throws(StoreError) -> [FieldProvenance] {
        let versions = try history(id: id)
        guard let newest = versions.last else { return [] }
        var setBy: [String: RecordVersion] = [:]
        for version in versions {
            for field in version.changed { setBy[field] = version }
        }
        return newest.record.presentFields.compactMap { field in
            setBy[field].map { FieldProvenance(field: field, version: $0) }
        }
    }

    /// Restores version `number` of a record as its newest version: a version of its own,
    /// so the one it replaces stays in the history and nothing is lost. Returns the new
    /// version, or nil when version `number` is the record as it is now.
    public func revert(id: String, to number: Int) throws(StoreError) -> RecordVersion? {
        try writeVersion(id: id, action: .reverted(to: number)) { versions, newest throws(StoreError) in
            guard let restored = versions.first(where: { $0.number == number }) else {
                throw StoreError.unknownVersion(id: id, number: number, newest: newest.number)
            }
            return restored.record
        }
    }

    /// Sets one field of a record by hand (`edit`), as a version of its own that `show
    /// --history` lists and `revert` undoes; a later import that brings another value for
    /// the field keeps this one and says so. Returns the new version, or nil when the field
    /// already had that value.
    public func edit(id: String, field: String, to value: String?) throws(StoreError) -> RecordVersion? {
        try writeVersion(id: id, action: .edited) { _, newest throws(StoreError) in
            try newest.record.setting(field, to: value)
        }
    }

    /// Writes the record `make` derives from the record's versions as its newest version,
    /// made by `action`, in one transaction; nil when it changes nothing.
    private func writeVersion(
        id: String, action: RecordVersion.Action,
        _ make: @escaping ([RecordVersion], RecordVersion) throws(StoreError) -> Record
    ) throws(StoreError) -> RecordVersion? {
        let now = ISO8601DateFormatter().string(from: Date())
        let made: RecordVersion?
        do {
            made = try write { db in
                let versions = try Self.versions(db, id: id)
                guard let newest = versions.last else { throw StoreError.unknownDocument(ref: id) }
                let record = try make(versions, newest)
                let changed = newest.record.changedFields(to: record)
                guard !changed.isEmpty else { return nil }
                let writer = try VersionWriter(db, importedAt: now, action: action.stored)
                try writer.update(record, changed: changed)
                try DocumentDigest.refresh(db, all: false)
                var terms = Set<String>()
                var names: [String: Int] = [:]
                Vocabulary.terms(of: record, into: &terms)
                Vocabulary.names(of: record, into: &names)
                try Vocabulary.update(db, terms: terms)
                try Vocabulary.updateNames(db, counts: names)
                return try Self.versions(db, id: id).last
            }
        } catch {
            throw Self.translate(error)
        }
        nameWords.withLock { $0.removeAll() }
        indexedWords.withLock { $0.removeAll() }
        return made
    }

    static func versions(_ db: Database, id: String) throws -> [RecordVersion] {
        let versionColumns = Schema.versionColumns.joined(separator: ", ")
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT \(Record.selection), \(versionColumns), 0 FROM document_history WHERE id = ?
                UNION ALL
                SELECT \(Record.selection), \(versionColumns), 1 FROM document WHERE id = ?
                ORDER BY version
                """,
            arguments: [id, id])
        let first = Record.columns.count
        let importedAt = Record.columns.firstIndex(of: "imported_at") ?? first - 1
        return rows.map { row in
            let record = Record(row: row)
            let changed: [String]
            if let text = row[first + 1] as String?, case .array(let names)? = try? JSONValue.parse(text) {
                changed = names.compactMap(\.string)
            } else {
                changed = record.presentFields
            }
            return RecordVersion(
                number: row[first], record: record, madeAt: row[importedAt] ?? "",
                action: RecordVersion.Action(stored: row[first + 2]), changed: changed, isNewest: row[first + 3] == 1)
        }
    }
}
