import Foundation
import GRDB

/// What the store holds, at a glance.
public struct StoreStats: Sendable, Equatable {
    public var documents: Int
    public var dated: Int
    public var earliest: PartialDate?
    public var latest: PartialDate?
    /// Document counts by collection, largest first.
    public var collections: [(name: String, count: Int)]
    /// Document counts by archive, largest first.
    public var archives: [(name: String, count: Int)]
    /// Bytes on disk, the write-ahead log included.
    public var bytes: Int64

    public static func == (lhs: StoreStats, rhs: StoreStats) -> Bool {
        lhs.documents == rhs.documents && lhs.dated == rhs.dated && lhs.earliest == rhs.earliest
            && lhs.latest == rhs.latest && lhs.bytes == rhs.bytes
            && lhs.collections.map(\.name) == rhs.collections.map(\.name)
            && lhs.collections.map(\.count) == rhs.collections.map(\.count)
            && lhs.archives.map(\.name) == rhs.archives.map(\.name)
            && lhs.archives.map(\.count) == rhs.archives.map(\.count)
    }
}

extension DocumentStore {
    public func stats() throws(StoreError) -> StoreStats {
        let (documents, dated, earliest, latest, collections, archives) = try read { db in
            let documents = try Int.fetchOne(db, sql: "SELECT count(*) FROM document") ?? 0
            let dated = try Int.fetchOne(db, sql: "SELECT count(*) FROM document WHERE date IS NOT NULL") ?? 0
            // The earliest and latest dates as stored, found through the date index.
            let earliest = try String.fetchOne(
                db, sql: "SELECT date FROM document WHERE date_min IS NOT NULL ORDER BY date_min LIMIT 1")
            let latest = try String.fetchOne(
                db, sql: "SELECT coalesce(date_end, date) FROM document WHERE date_max IS NOT NULL ORDER BY date_max DESC LIMIT 1"
            )
            let collections = try Row.fetchAll(
                db,
                sql: """
                    SELECT value AS name, count(*) AS n FROM document, json_each(document.collections)
                    GROUP BY value ORDER BY n DESC, value LIMIT 20
                    """
            ).map { (name: $0["name"] as String, count: $0["n"] as Int) }
            let archives = try Row.fetchAll(
                db,
                sql: """
                    SELECT archive AS name, count(*) AS n FROM document WHERE archive IS NOT NULL
                    GROUP BY archive ORDER BY n DESC, archive LIMIT 20
                    """
            ).map { (name: $0["name"] as String, count: $0["n"] as Int) }
            return (documents, dated, earliest, latest, collections, archives)
        }
        var bytes: Int64 = 0
        for suffix in ["", "-wal", "-shm"] {
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path + suffix)
            bytes += (attributes?[.size] as? NSNumber)?.int64Value ?? 0
        }
        return StoreStats(
            documents: documents, dated: dated,
            earliest: earliest.flatMap { try? PartialDate.parse($0) },
            latest: latest.flatMap { try? PartialDate.parse($0) },
            collections: collections, archives: archives, bytes: bytes)
    }
}

extension DocumentStore {
    /// How many documents use each of `terms`, as the index has them: lower-case, without
    /// diacritics, split at anything that is not a letter or a digit (see
    /// `Terms.indexTerms(in:)`). Terms no document uses are left out.
    public func documentFrequencies(of terms: some Collection<String>) throws(StoreError) -> [String: Int] {
        try vocabularyCounts(of: terms, column: "documents", indexColumn: "doc")
    }
}
