import Foundation
import GRDB

/// What the ranking and the date filters need of every document, kept beside the full-text
/// index in chunks of 4,096 documents and read into memory whole: the document's length in
/// indexed words and its first and last day. BM25 needs the length of every hit it ranks,
/// and a date filter every hit's dates; FTS5 looks the length up in its `docsize` table and
/// SQL the dates in `document_span`, a lookup a hit that is most of what a ranked or
/// date-filtered search of a common word costs (about 1–2 µs a hit, 30,000 hits at a
/// million documents).
///
/// A change to a document removes its chunk (triggers on `document`) and counts a new
/// generation; `refresh` builds the missing chunks again at the end of the write. A reader
/// that finds a chunk missing builds it in memory for itself, so what it reads is always
/// the store as its transaction sees it.
enum DocumentDigest {
    static let chunkShift = 12
    static let chunkSize = 1 << chunkShift
    /// Three numbers a document: its length, its first day and its last day (yyyymmdd).
    static let stride = 3
    /// The length of a rowid no document has.
    static let absent = UInt32.max
    /// The day of an undated document.
    static let undated: UInt32 = 0

    static func createTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE document_digest (chunk INTEGER PRIMARY KEY, entries BLOB NOT NULL);
                CREATE TABLE document_digest_generation (generation INTEGER NOT NULL);
                INSERT INTO document_digest_generation VALUES (0);
                """)
    }

    static func createTriggers(_ db: Database) throws {
        for (suffix, event, row) in [("ai", "INSERT", "new"), ("ad", "DELETE", "old"), ("au", "UPDATE", "new")] {
            try db.execute(
                sql: """
                    CREATE TRIGGER document_digest_\(suffix) AFTER \(event) ON document BEGIN
                        DELETE FROM document_digest WHERE chunk = \(row).rowid >> \(chunkShift);
                        UPDATE document_digest_generation SET generation = generation + 1;
                    END;
                    """)
        }
    }

    static func dropTriggers(_ db: Database) throws {
        for suffix in ["ai", "ad", "au"] {
            try db.execute(sql: "DROP TRIGGER IF EXISTS document_digest_\(suffix)")
        }
    }

    /// Builds every missing chunk, and drops those past the last document. With `all`,
    /// builds every chunk again (after a bulk import, which writes with the triggers dropped).
    static func refresh(_ db: Database, all: Bool = false) throws {
        if all { try db.execute(sql: "DELETE FROM document_digest") }
        let last = try lastChunk(db)
        try db.execute(sql: "DELETE FROM document_digest WHERE chunk > ?", arguments: [last])
        var changed = all || db.changesCount > 0
        let missing = try missingChunks(db, last: last)
        if !missing.isEmpty {
            let insert = try db.makeStatement(sql: "INSERT INTO document_digest (chunk, entries) VALUES (?, ?)")
            for chunk in missing {
                try insert.execute(arguments: [chunk, Self.blob(try entries(db, chunk: chunk))])
            }
            changed = true
        }
        if changed { try db.execute(sql: "UPDATE document_digest_generation SET generation = generation + 1") }
    }

    /// The generation of the digest as this transaction sees it.
    static func generation(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT generation FROM document_digest_generation")) ?? 0
    }

    /// Every chunk, in memory as `DigestSnapshot` keeps it: the stored ones, and the missing
    /// ones built.
    static func load(_ db: Database, generation: Int64) throws -> DigestSnapshot {
        let last = try lastChunk(db)
        let snapshot = DigestSnapshot(generation: generation, documents: (last + 1) * chunkSize)
        var present = Set<Int>()
        let rows = try Row.fetchCursor(db, sql: "SELECT chunk, entries FROM document_digest WHERE chunk <= ?", arguments: [last])
        while let row = try rows.next() {
            let chunk: Int = row[0]
            let filled = try row.withUnsafeData(atIndex: 1) { blob -> Bool in
                guard let blob, blob.count == chunkSize * stride * 4 else { return false }
                blob.withUnsafeBytes { bytes in
                    snapshot.fill(chunk: chunk) { bytes.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self).littleEndian }
                }
                return true
            }
            if filled { present.insert(chunk) }
        }
        for chunk in 0..<(last + 1) where !present.contains(chunk) {
            let built = try Self.entries(db, chunk: chunk)
            snapshot.fill(chunk: chunk) { built[$0] }
        }
        return snapshot
    }

    private static func lastChunk(_ db: Database) throws -> Int {
        let highest = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM document")
        return highest.map { Int($0 >> Int64(chunkShift)) } ?? -1
    }

    private static func missingChunks(_ db: Database, last: Int) throws -> [Int] {
        guard last >= 0 else { return [] }
        let present = Set(try Int.fetchAll(db, sql: "SELECT chunk FROM document_digest"))
        return (0...last).filter { !present.contains($0) }
    }

    /// One chunk's entries, from the index's sizes and the documents' dates.
    private static func entries(_ db: Database, chunk: Int) throws -> [UInt32] {
        let first = Int64(chunk) << Int64(chunkShift)
        var entries = [UInt32](repeating: 0, count: chunkSize * stride)
        for index in 0..<chunkSize { entries[index * stride] = absent }
        let rows = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT z.id, z.sz, s.date_min, s.date_max
                    FROM document_fts_docsize z LEFT JOIN document_span s ON s.rowid = z.id
                    WHERE z.id >= ? AND z.id < ?
                    """),
            arguments: [first, first + Int64(chunkSize)])
        while let row = try rows.next() {
            let index = Int((row[0] as Int64) - first) * stride
            entries[index] = UInt32(clamping: try row.withUnsafeData(atIndex: 1) { Varint.sum(of: $0 ?? Data()) })
            entries[index + 1] = day(row[2]) ?? undated
            entries[index + 2] = day(row[3]) ?? undated
        }
        return entries
    }

    /// `YYYY-MM-DD` as the number yyyymmdd, which orders as the text does; nil for
    /// anything else.
    static func day(_ text: String?) -> UInt32? {
        guard let text else { return nil }
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        var value: UInt32 = 0
        for (index, byte) in bytes.enumerated() where index != 4 && index != 7 {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + UInt32(byte - UInt8(ascii: "0"))
        }
        return value
    }

    static func blob(_ entries: [UInt32]) -> Data {
        var data = Data(capacity: entries.count * 4)
        for entry in entries { withUnsafeBytes(of: entry.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }
}

/// The digest as one generation of the store had it, laid out for the ranking function,
/// which reads a hit's length at every hit: the lengths on their own, two bytes a document
/// (2 MB at a million documents, where hits far apart in the index still share the
/// processor's cache lines), and the days apart, read only under a date filter. Written
/// once when loaded and only read after, through the buffers themselves (no reference
/// counting on the way).
/// `@unchecked Sendable`: the buffers are written once, before the snapshot is shared, and
/// only read after.
final class DigestSnapshot: @unchecked Sendable {
    let generation: Int64
    /// Each rowid's length; `unknown` for a rowid with no document, and for a document too
    /// long to say in two bytes (FTS5 is asked for those).
    let lengths: UnsafeMutableBufferPointer<UInt16>
    /// Each rowid's first and last day (yyyymmdd), one after the other.
    let days: UnsafeMutableBufferPointer<UInt32>
    static let unknown = UInt16.max

    /// Room for `documents` rowids, none known yet.
    fileprivate init(generation: Int64, documents: Int) {
        self.generation = generation
        lengths = .allocate(capacity: documents)
        lengths.initialize(repeating: Self.unknown)
        days = .allocate(capacity: documents * 2)
        days.initialize(repeating: DocumentDigest.undated)
    }

    deinit {
        lengths.deallocate()
        days.deallocate()
    }

    /// Takes one chunk's entries (`DocumentDigest.stride` numbers a document) from `entry`.
    fileprivate func fill(chunk: Int, _ entry: (Int) -> UInt32) {
        let first = chunk * DocumentDigest.chunkSize
        for index in 0..<DocumentDigest.chunkSize {
            let length = entry(index * DocumentDigest.stride)
            lengths[first + index] = length < UInt32(Self.unknown) ? UInt16(length) : Self.unknown
            days[(first + index) * 2] = entry(index * DocumentDigest.stride + 1)
            days[(first + index) * 2 + 1] = entry(index * DocumentDigest.stride + 2)
        }
    }

    /// The length of the document with this rowid in `lengths`, if it is known there.
    @inline(__always)
    static func length(of rowid: Int64, in lengths: UnsafeMutableBufferPointer<UInt16>) -> Int32? {
        guard rowid >= 0, rowid < lengths.count else { return nil }
        let length = lengths[Int(rowid)]
        return length == unknown ? nil : Int32(length)
    }

    /// The first and last day of the document with this rowid in `days`
    /// (`DocumentDigest.undated` where it has none).
    @inline(__always)
    static func days(of rowid: Int64, in days: UnsafeMutableBufferPointer<UInt32>) -> (first: UInt32, last: UInt32) {
        guard rowid >= 0, rowid < days.count / 2 else { return (DocumentDigest.undated, DocumentDigest.undated) }
        return (days[Int(rowid) * 2], days[Int(rowid) * 2 + 1])
    }
}

/// SQLite's variable-length integers (big-endian, seven bits a byte, the ninth byte whole),
/// as FTS5 writes its sizes and totals.
enum Varint {
    /// The values one after another in `data`, from the start; stops at a truncated one.
    static func values(in data: Data) -> [Int] {
        data.withUnsafeBytes { bytes in
            var values: [Int] = []
            var offset = 0
            while let value = next(bytes, &offset) { values.append(value) }
            return values
        }
    }

    /// The sum of the values in `data`.
    static func sum(of data: Data) -> Int {
        data.withUnsafeBytes { bytes in
            var total = 0
            var offset = 0
            while let value = next(bytes, &offset) { total += value }
            return total
        }
    }

    static func next(_ bytes: UnsafeRawBufferPointer, _ offset: inout Int) -> Int? {
        var value: UInt64 = 0
        for index in 0..<9 {
            guard offset < bytes.count else { return nil }
            let byte = bytes[offset]
            offset += 1
            if index == 8 { return Int(truncatingIfNeeded: (value << 8) | UInt64(byte)) }
            value = (value << 7) | UInt64(byte & 0x7F)
            if byte & 0x80 == 0 { return Int(truncatingIfNeeded: value) }
        }
        return nil
    }
}
