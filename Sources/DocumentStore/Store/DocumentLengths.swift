import Foundation
import GRDB

/// How many indexed words each document has, kept beside the full-text index in chunks of
/// 4,096 documents so that the ranking reads them all from memory. BM25 needs the length
/// of every document it ranks; FTS5's own way to get it is a lookup in its `docsize`
/// table for each hit, which is most of the time a ranked search of a common word takes
/// (about 2 µs a hit: 60 of the 70 ms that 30,000 hits cost at a million documents).
///
/// A change to a document removes its chunk (triggers on `document`) and counts a new
/// generation; `refresh` builds the missing chunks again from the index at the end of the
/// write. A document whose chunk is missing is ranked the slow way, so the ranking is the
/// same whether or not the chunks are up to date.
enum DocumentLengths {
    static let chunkShift = 12
    static let chunkSize = 1 << chunkShift
    /// The length of a document whose chunk is missing, or of a rowid no document has.
    static let unknown = UInt32.max

    static func createTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE document_length (chunk INTEGER PRIMARY KEY, lengths BLOB NOT NULL);
            CREATE TABLE document_length_generation (generation INTEGER NOT NULL);
            INSERT INTO document_length_generation VALUES (0);
            """)
    }

    static func createTriggers(_ db: Database) throws {
        for (suffix, event, row) in [("ai", "INSERT", "new"), ("ad", "DELETE", "old"), ("au", "UPDATE", "new")] {
            try db.execute(sql: """
                CREATE TRIGGER document_length_\(suffix) AFTER \(event) ON document BEGIN
                    DELETE FROM document_length WHERE chunk = \(row).rowid >> \(chunkShift);
                    UPDATE document_length_generation SET generation = generation + 1;
                END;
                """)
        }
    }

    static func dropTriggers(_ db: Database) throws {
        for suffix in ["ai", "ad", "au"] {
            try db.execute(sql: "DROP TRIGGER IF EXISTS document_length_\(suffix)")
        }
    }

    /// Builds every missing chunk from the index, and drops those past the last document.
    /// With `all`, builds every chunk again (after a bulk import, which writes with the
    /// triggers dropped).
    static func refresh(_ db: Database, all: Bool = false) throws {
        if all { try db.execute(sql: "DELETE FROM document_length") }
        let highest = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM document")
        let last = highest.map { Int($0 >> Int64(chunkShift)) } ?? -1
        try db.execute(sql: "DELETE FROM document_length WHERE chunk > ?", arguments: [last])
        var changed = all || db.changesCount > 0
        let present = Set(try Int.fetchAll(db, sql: "SELECT chunk FROM document_length"))
        let missing = last < 0 ? [] : (0...last).filter { !present.contains($0) }
        if !missing.isEmpty {
            let sizes = try db.makeStatement(sql: "SELECT id, sz FROM document_fts_docsize WHERE id >= ? AND id < ?")
            let insert = try db.makeStatement(sql: "INSERT INTO document_length (chunk, lengths) VALUES (?, ?)")
            for chunk in missing {
                let first = Int64(chunk) << Int64(chunkShift)
                var lengths = [UInt32](repeating: unknown, count: chunkSize)
                let rows = try Row.fetchCursor(sizes, arguments: [first, first + Int64(chunkSize)])
                while let row = try rows.next() {
                    let rowid: Int64 = row[0]
                    let size = row.dataNoCopy(atIndex: 1) ?? Data()
                    lengths[Int(rowid - first)] = UInt32(clamping: Varint.sum(of: size))
                }
                try insert.execute(arguments: [chunk, Self.blob(lengths)])
            }
            changed = true
        }
        if changed { try db.execute(sql: "UPDATE document_length_generation SET generation = generation + 1") }
    }

    /// The generation of the lengths as this transaction sees them.
    static func generation(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT generation FROM document_length_generation")) ?? 0
    }

    /// Every stored chunk, as one array by rowid.
    static func load(_ db: Database, generation: Int64) throws -> LengthSnapshot {
        var lengths: [UInt32] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT chunk, lengths FROM document_length ORDER BY chunk")
        while let row = try rows.next() {
            let chunk: Int = row[0]
            let first = chunk << chunkShift
            guard let blob = row.dataNoCopy(atIndex: 1), blob.count == chunkSize * 4 else { continue }
            if lengths.count < first + chunkSize {
                lengths.append(contentsOf: repeatElement(unknown, count: first + chunkSize - lengths.count))
            }
            blob.withUnsafeBytes { bytes in
                for index in 0..<chunkSize {
                    lengths[first + index] = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
                }
            }
        }
        return LengthSnapshot(generation: generation, lengths: lengths)
    }

    static func blob(_ lengths: [UInt32]) -> Data {
        var data = Data(capacity: lengths.count * 4)
        for length in lengths { withUnsafeBytes(of: length.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }
}

/// The documents' lengths as one generation of the store had them.
final class LengthSnapshot: Sendable {
    let generation: Int64
    let lengths: [UInt32]

    init(generation: Int64, lengths: [UInt32]) {
        self.generation = generation
        self.lengths = lengths
    }

    /// The length of the document with this rowid, if this snapshot knows it.
    func length(of rowid: Int64) -> Int32? {
        guard rowid >= 0, rowid < Int64(lengths.count) else { return nil }
        let length = lengths[Int(rowid)]
        return length == DocumentLengths.unknown ? nil : Int32(clamping: length)
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
            var total = 0, offset = 0
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
