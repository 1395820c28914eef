import Foundation
import GRDB

/// What one import did.
public struct ImportSummary: Sendable, Equatable {
    public var file: String
    public var format: ImportFormat
    /// Records new to the store.
    public var added: Int
    /// Records that replaced one with the same id.
    public var updated: Int
    public var seconds: Double
    /// Of `seconds`: building the full-text index (a bulk import's one pass), and adding
    /// the new words to the vocabulary by spelling keys (name variants).
    public var indexSeconds: Double = 0
    public var vocabularySeconds: Double = 0

    public var total: Int { added + updated }
    public var recordsPerSecond: Double { seconds > 0 ? Double(total) / seconds : Double(total) }
}

extension DocumentStore {
    /// Imports every record of a file in one transaction. A malformed record, a Ctrl-C
    /// (`isCancelled`) or a failure of the store leaves the store exactly as it was.
    /// A record whose id is already stored replaces it, so importing a file twice adds
    /// nothing the second time.
    ///
    /// - Parameters:
    ///   - name: how messages name the file (defaults to its path as given).
    ///   - origin: what the records' provenance calls the file (defaults to its full path).
    ///   - progress: called with the count so far every 1,000 records.
    public func importFile(
        at url: URL, format: ImportFormat? = nil, name: String? = nil, origin: String? = nil,
        progress: (Int) -> Void = { _ in }, isCancelled: () -> Bool = { false }
    ) throws -> ImportSummary {
        let file = name ?? url.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw ImportError.unreadableFile(file: file, reason: "there is no such file")
        }
        let data: Data
        do {
            // A folder is read file by file by the folder reader.
            data = isFolder.boolValue ? Data() : try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw ImportError.unreadableFile(file: file, reason: "it cannot be opened (check its permissions)")
        }
        let reader: any RecordReader
        let summaryFormat: ImportFormat
        if isFolder.boolValue {
            reader = FolderReader(url: url, file: file, format: format)
            summaryFormat = format ?? FolderReader.files(in: url, format: nil).first?.format ?? .markdown
        } else {
            summaryFormat = format ?? ImportFormat.guess(url: url, prefix: data.prefix(4096))
            let provenance = Provenance(file: origin ?? url.standardizedFileURL.path, format: summaryFormat.rawValue)
            reader = summaryFormat.reader(data: data, url: url, file: file, provenance: provenance)
        }
        let started = Date()
        let importedAt = ISO8601DateFormatter().string(from: started)

        var indexSeconds = 0.0, vocabularySeconds = 0.0
        let (added, updated, bulk) = try write { db -> (Int, Int, Bool) in
            let existing = try Int.fetchOne(db, sql: "SELECT count(*) FROM document") ?? 0
            // Re-indexing once at the end beats a trigger per row when the import is large
            // beside what is already stored (see PLATFORM.md: ~2.5x on bulk loads).
            let estimated = data.count / 400
            let bulk = estimated >= 2_000 && Double(estimated) * 1.5 >= Double(existing)
            if bulk {
                try Schema.dropSyncTriggers(db)
                try Schema.dropSpanTriggers(db)
                try DocumentDigest.dropTriggers(db)
                try Schema.dropBulkIndexes(db)
            }

            let columns = Record.storedColumns
            let updates = columns.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
            let upsert = try db.makeStatement(sql: """
                INSERT INTO document (\(columns.joined(separator: ", ")))
                VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
                ON CONFLICT(id) DO UPDATE SET \(updates)
                """)
            var added = 0, updated = 0
            var highestRowID = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM document") ?? 0
            // A small import adds its own words to the vocabulary; a bulk one reads them
            // all from the index once it is built.
            var terms = Set<String>()
            var names: [String: Int] = [:]
            try reader.read { record in
                if !bulk {
                    Vocabulary.terms(of: record, into: &terms)
                    Vocabulary.names(of: record, into: &names)
                }
                if (added + updated) % 1_000 == 0 {
                    if isCancelled() { throw ImportError.cancelled(file: file) }
                    if added + updated > 0 { progress(added + updated) }
                }
                upsert.setUncheckedArguments(StatementArguments(record.databaseValues(importedAt: importedAt)))
                // An upsert that inserts gives a rowid above every one so far; one that
                // updates leaves the last inserted rowid as it was. That tells new from
                // updated without a query per record.
                try upsert.execute()
                if db.lastInsertedRowID > highestRowID {
                    highestRowID = db.lastInsertedRowID
                    added += 1
                } else {
                    updated += 1
                }
            }
            if bulk {
                if isCancelled() { throw ImportError.cancelled(file: file) }
                let indexing = Date()
                try db.execute(sql: "INSERT INTO document_fts(document_fts) VALUES ('rebuild')")
                indexSeconds = Date().timeIntervalSince(indexing)
                try Schema.createSyncTriggers(db)
                try Schema.rebuildSpans(db)
                try Schema.createSpanTriggers(db)
                try Schema.createBulkIndexes(db)
                try DocumentDigest.createTriggers(db)
            }
            try DocumentDigest.refresh(db, all: bulk)
            let vocabulary = Date()
            if bulk {
                try Vocabulary.rebuild(db)
                try Vocabulary.rebuildNames(db)
            } else {
                try Vocabulary.update(db, terms: terms)
                try Vocabulary.updateNames(db, counts: names)
            }
            vocabularySeconds = Date().timeIntervalSince(vocabulary)
            return (added, updated, bulk)
        }
        nameWords.withLock { $0.removeAll() }
        indexedWords.withLock { $0.removeAll() }
        if bulk {
            // A bulk import leaves the whole store in the write-ahead log: copy it into the
            // store file now (as the sqlite3 shell does when it closes) rather than at some
            // later command, and give the disk space back.
            try? pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        }
        return ImportSummary(
            file: file, format: summaryFormat, added: added, updated: updated,
            seconds: Date().timeIntervalSince(started), indexSeconds: indexSeconds, vocabularySeconds: vocabularySeconds)
    }
}

/// The sample archive every new workspace starts with: the Wilson Center Digital Archive's
/// nine records on the 1956 August Plenum Incident, as its search-results page prints them.
public enum SampleArchive {
    public static var url: URL {
        Bundle.module.url(forResource: "august-plenum-results", withExtension: "txt")!
    }

    public static let name = "the sample archive (Wilson Center Digital Archive, August Plenum Incident)"

    /// Imports the sample into `store`.
    @discardableResult
    public static func importInto(_ store: DocumentStore) throws -> ImportSummary {
        try store.importFile(
            at: url, format: .results, name: "august-plenum-results.txt",
            origin: "the bundled sample archive, august-plenum-results.txt")
    }
}
