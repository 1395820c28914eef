import DocumentStore
import GRDB

/// Every row of every table of a store, full-text index included, read through a
/// connection of its own: to show that something (a refused import, a failed command) left
/// the store exactly as it was.
public struct StoreContent: Equatable, Sendable {
    /// Each table's rows, in a fixed order, as text.
    public var tables: [String: [[String]]]

    public init(_ store: DocumentStore) throws {
        let queue = try DatabaseQueue(path: store.url.path)
        defer { try? queue.close() }
        tables = try queue.read { db in
            let names = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            var tables: [String: [[String]]] = [:]
            for table in names {
                let columns = try db.columns(in: table).count
                let order = (1...max(1, columns)).map(String.init).joined(separator: ", ")
                tables[table] = try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\" ORDER BY \(order)").map { row in
                    row.databaseValues.map(\.description)
                }
            }
            return tables
        }
    }

    /// How many rows the tables hold in all.
    public var rowCount: Int { tables.values.reduce(0) { $0 + $1.count } }

    /// A 64-bit FNV-1a hash of the content: equal content, equal hash, on every run.
    public var hash: UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            hash ^= 0xFF
            hash = hash &* 0x0000_0100_0000_01B3
        }
        for (table, rows) in tables.sorted(by: { $0.key < $1.key }) {
            mix(table)
            for row in rows {
                for value in row { mix(value) }
                mix("\n")
            }
        }
        return hash
    }
}
