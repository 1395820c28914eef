import DossierProtocol
import Foundation
import GRDB

/// What one import did.
public struct ImportSummary: Sendable, Equatable {
    public var file: String
    public var format: ImportFormat
    /// Records new to the store.
    public var added: Int
    /// Records already stored that the import changed (each keeps its earlier version in
    /// its history).
    public var changed: Int
    /// Records already stored that the import found as they were.
    public var unchanged: Int
    /// For each field the import changed, in how many records.
    public var changedFields: [String: Int] = [:]
    public var seconds: Double
    /// Of `seconds`: building the full-text index (a bulk import's one pass), and adding
    /// the new words to the vocabulary by spelling keys (name variants).
    public var indexSeconds: Double = 0
    public var vocabularySeconds: Double = 0
    /// What the import repaired or left out on the way in, in file order.
    public var warnings: [ImportWarning] = []

    /// Records the file held that were stored already, changed or not.
    public var updated: Int { changed + unchanged }
    public var total: Int { added + updated }
    public var recordsPerSecond: Double { seconds > 0 ? Double(total) / seconds : Double(total) }

    /// The fields changed, most often changed first: `title (3), text (1)`.
    public var changedFieldList: [(field: String, records: Int)] {
        changedFields.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { (field: $0.key, records: $0.value) }
    }
}

/// How many stored records an import changed, and which fields.
struct ChangeCounts {
    var changed = 0
    var unchanged = 0
    var fields: [String: Int] = [:]

    var records: Int { changed + unchanged }

    mutating func add(_ changedFields: [String]) {
        if changedFields.isEmpty {
            unchanged += 1
        } else {
            changed += 1
            for field in changedFields { fields[field, default: 0] += 1 }
        }
    }
}

/// Thrown out of an import's transaction to roll it back when no record is new or changed.
private struct NothingChanged: Error {
    var counts: ChangeCounts
    var warnings: [ImportWarning]
}

/// Warnings about records, each of the first few by name, the rest counted in one line:
/// an import of a million records says what it did without a million lines.
struct CappedWarnings {
    static let named = 5
    private(set) var named: [ImportWarning] = []
    /// How many records past the first few had one.
    private(set) var more = 0

    /// Adds the warning `make` gives while there are fewer than `named`; else counts it.
    /// Returns whether it was added.
    @discardableResult
    mutating func add(_ make: () -> ImportWarning) -> Bool {
        guard named.count < Self.named else {
            more += 1
            return false
        }
        named.append(make())
        return true
    }

    /// The warnings, with `rest` saying the records past the first few.
    func all(rest: () -> String) -> [ImportWarning] {
        guard more > 0, let file = named.first?.file else { return named }
        return named + [ImportWarning(file: file, message: rest())]
    }
}

/// The records whose text had control characters taken out, told as warnings.
struct ControlCharacterRepairs {
    private var warnings = CappedWarnings()
    private var moreRemoved = 0

    mutating func add(_ record: Record, fields: [String], removed: [Unicode.Scalar], file: String) {
        guard !removed.isEmpty else { return }
        let added = warnings.add {
            let codes = Array(Set(removed.map(\.value))).sorted().prefix(4).map { String(format: "U+%04X", $0) }
            let title = record.title.count > 50 ? String(record.title.prefix(50)) + "…" : record.title
            return ImportWarning(
                file: file,
                message:
                    "removed \(removed.count) control \(removed.count == 1 ? "character" : "characters") (\(codes.joined(separator: ", "))) "
                    + "from the \(fields.joined(separator: ", ")) of record '\(record.id)' ('\(title)'): they are not text. "
                    + "The rest of the record was imported as it is.")
        }
        if !added { moreRemoved += removed.count }
    }

    /// The warnings, with one for the records past the first few.
    var all: [ImportWarning] {
        warnings.all {
            let more = warnings.more
            return
                "removed \(moreRemoved) control characters from \(more) more \(more == 1 ? "record" : "records") in the same way."
        }
    }
}

extension DocumentStore {
    /// How many records an import reads before it decides whether to load in bulk.
    static let sampleSize = 1_000

    /// How many of `ids` are stored already.
    static func storedCount(of ids: [String], in db: Database) throws -> Int {
        guard !ids.isEmpty else { return 0 }
        return try Int.fetchOne(
            db, sql: "SELECT count(*) FROM document WHERE id IN (SELECT value FROM json_each(?))",
            arguments: [JSONValue.array(ids.map(JSONValue.string)).serialized()]) ?? 0
    }

    /// Imports every record of a file in one transaction. A malformed record, a Ctrl-C
    /// (`isCancelled`) or a failure of the store leaves the store exactly as it was.
    ///
    /// A record whose id is already stored is merged into it field by field: a field the
    /// new record carries with another value is updated, a field it does not carry (empty,
    /// absent) is kept. A record that changes keeps its earlier version in its history;
    /// one that does not is not written at all, so importing a file twice changes nothing.
    ///
    /// - Parameters:
    ///   - name: how messages name the file (defaults to its path as given).
    ///   - origin: what the records' provenance calls the file (defaults to its full path).
    ///   - replace: replace stored records whole instead of merging (`import --replace`):
    ///     fields the new record lacks are emptied, and the earlier version is still kept.
    ///   - progress: called with the count so far every 1,000 records.
    @discardableResult
    public func importFile(
        at url: URL, format: ImportFormat? = nil, name: String? = nil, origin: String? = nil, replace: Bool = false,
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

        var indexSeconds = 0.0
        var vocabularySeconds = 0.0
        let outcome: (added: Int, counts: ChangeCounts, bulk: Bool, warnings: [ImportWarning])
        do {
            outcome = try write { db -> (Int, ChangeCounts, Bool, [ImportWarning]) in
                let existing = try Int.fetchOne(db, sql: "SELECT count(*) FROM document") ?? 0
                let versions = try VersionWriter(db, importedAt: importedAt, action: replace ? "replace" : nil)
                var added = 0
                var counts = ChangeCounts()
                // A small import adds its own words to the vocabulary; a bulk one reads them
                // all from the index once it is built.
                var terms = Set<String>()
                var names: [String: Int] = [:]
                // Whether to load in bulk is decided on the first records: nil until then.
                var bulk: Bool?
                var sample: [Record] = []
                var warnings: [ImportWarning] = []
                var repairs = ControlCharacterRepairs()
                var corrections = HandCorrections(file: file)

                func store(_ read: Record) throws {
                    let (record, fields, removed) = read.removingControlCharacters()
                    repairs.add(record, fields: fields, removed: removed, file: file)
                    let stored: Record
                    if !record.title.isEmpty, try versions.insertIfNew(record) {
                        added += 1
                        stored = record
                    } else {
                        guard let existing = try versions.current(id: record.id) else {
                            throw ImportError.untitledNewRecord(file: file, id: record.id)
                        }
                        var (merged, changed) =
                            replace
                            ? (record, existing.changedFields(to: record))
                            : existing.merging(record)
                        if !changed.isEmpty {
                            try corrections.keep(&merged, &changed, existing: existing, replacing: replace, in: db)
                        }
                        counts.add(changed)
                        guard !changed.isEmpty else { return }
                        try versions.update(merged, changed: changed)
                        stored = merged
                    }
                    if bulk == false {
                        Vocabulary.terms(of: stored, into: &terms)
                        Vocabulary.names(of: stored, into: &names)
                    }
                }

                // Re-indexing once at the end beats a trigger per row when the import adds
                // many records beside what is already stored (see PLATFORM.md: ~2.5x on bulk
                // loads); a re-import of stored records changes few rows, and rebuilding the
                // whole index for them would cost more than it saves.
                func decide() throws {
                    let estimated = Double(data.count / 400)
                    let known = try Self.storedCount(of: sample.map(\.id), in: db)
                    let newShare = sample.isEmpty ? 1 : Double(sample.count - known) / Double(sample.count)
                    let estimatedNew = estimated * newShare
                    let isBulk = estimatedNew >= 2_000 && estimatedNew * 1.5 >= Double(existing)
                    bulk = isBulk
                    if isBulk {
                        try Schema.dropSyncTriggers(db)
                        try Schema.dropSpanTriggers(db)
                        try DocumentDigest.dropTriggers(db)
                        try Schema.dropBulkIndexes(db)
                    }
                    for record in sample { try store(record) }
                    sample = []
                }

                try reader.read(
                    { record in
                        let seen = added + counts.records + sample.count
                        if seen % 1_000 == 0 {
                            if isCancelled() { throw ImportError.cancelled(file: file) }
                            if seen > 0 { progress(seen) }
                        }
                        guard bulk != nil else {
                            sample.append(record)
                            if sample.count == Self.sampleSize { try decide() }
                            return
                        }
                        try store(record)
                    }, warn: { warnings.append($0) })
                if bulk == nil { try decide() }
                warnings += repairs.all + corrections.all
                // Nothing new and nothing changed: the transaction is rolled back, which also
                // puts back what a bulk load took down, and the store is as it was.
                if added == 0 && counts.changed == 0 { throw NothingChanged(counts: counts, warnings: warnings) }
                let isBulk = bulk ?? false
                if isBulk {
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
                try DocumentDigest.refresh(db, all: isBulk)
                let vocabulary = Date()
                if isBulk {
                    try Vocabulary.rebuild(db)
                    try Vocabulary.rebuildNames(db)
                } else {
                    try Vocabulary.update(db, terms: terms)
                    try Vocabulary.updateNames(db, counts: names)
                }
                vocabularySeconds = Date().timeIntervalSince(vocabulary)
                return (added, counts, isBulk, warnings)
            }
        } catch let unchanged as NothingChanged {
            return ImportSummary(
                file: file, format: summaryFormat, added: 0, changed: 0, unchanged: unchanged.counts.unchanged,
                changedFields: [:], seconds: Date().timeIntervalSince(started), indexSeconds: 0, vocabularySeconds: 0,
                warnings: unchanged.warnings)
        }
        let (added, counts, bulk, warnings) = outcome
        nameWords.withLock { $0.removeAll() }
        indexedWords.withLock { $0.removeAll() }
        if bulk {
            // A bulk import leaves the whole store in the write-ahead log: copy it into the
            // store file now (as the sqlite3 shell does when it closes) rather than at some
            // later command, and give the disk space back.
            _ = try? pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        }
        return ImportSummary(
            file: file, format: summaryFormat, added: added, changed: counts.changed, unchanged: counts.unchanged,
            changedFields: counts.fields,
            seconds: Date().timeIntervalSince(started), indexSeconds: indexSeconds, vocabularySeconds: vocabularySeconds,
            warnings: warnings)
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
