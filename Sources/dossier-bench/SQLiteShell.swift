import Foundation

/// The reference: the `sqlite3` shell on a stock FTS5 database built from the same records,
/// with the same tokenizer and column weights as Dossier's store.
struct SQLiteShell {
    let executable: String
    let database: URL

    /// Runs the shell on `database` with `script` as its input and returns the wall time.
    @discardableResult
    func run(_ script: String) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-batch", database.path]
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        let elapsed = try seconds {
            try process.run()
            input.fileHandleForWriting.write(Data(script.utf8))
            try input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        guard process.terminationStatus == 0, message.isEmpty else {
            throw BenchError.sqlite3(message.isEmpty ? "exit status \(process.terminationStatus)" : message)
        }
        return elapsed
    }

    /// Bulk-loads a CSV (id, title, summary, text, date_min, date_max) the fast way: `.import`
    /// into the content table, then one FTS5 rebuild.
    func load(csv: URL) throws -> Double {
        try? FileManager.default.removeItem(at: database)
        return try run(
            """
            PRAGMA journal_mode=WAL;
            CREATE TABLE doc(id INTEGER PRIMARY KEY, title TEXT, summary TEXT, text TEXT, date_min TEXT, date_max TEXT);
            CREATE VIRTUAL TABLE f USING fts5(title, summary, text, content='doc', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
            .import --csv --skip 1 \(csv.path) doc
            INSERT INTO f(f) VALUES('rebuild');
            """)
    }

    /// The statement the issue names, for an FTS5 expression and an optional date range.
    static func query(match: String, earliest: String?, latest: String?) -> String {
        let quoted = match.replacingOccurrences(of: "'", with: "''")
        guard earliest != nil || latest != nil else {
            return
                "SELECT rowid, title, snippet(f, -1, '[', ']', '…', 24) FROM f WHERE f MATCH '\(quoted)' AND rank MATCH 'bm25(10.0, 5.0, 1.0)' ORDER BY rank LIMIT 20;"
        }
        // Dates live in the content table: join it, as Dossier does.
        var dates = ""
        if let earliest { dates += " AND doc.date_max >= '\(earliest)'" }
        if let latest { dates += " AND doc.date_min <= '\(latest)'" }
        return
            "SELECT f.rowid, f.title, snippet(f, -1, '[', ']', '…', 24) FROM f JOIN doc ON doc.id = f.rowid WHERE f MATCH '\(quoted)' AND f.rank MATCH 'bm25(10.0, 5.0, 1.0)'\(dates) ORDER BY f.rank LIMIT 20;"
    }

    /// Seconds for one execution of `statement`: the shell runs it `repeats` times, and the
    /// time of a shell that runs nothing is taken off, so process start-up does not count.
    func time(_ statement: String, repeats: Int, baseline: Double) throws -> Double {
        let script = ".output /dev/null\n" + String(repeating: statement + "\n", count: repeats)
        return max(0, try run(script) - baseline) / Double(repeats)
    }

    /// The wall time of a shell that opens the database and runs a trivial statement.
    func baseline() throws -> Double {
        try run(".output /dev/null\nSELECT 1;\n")
    }
}

enum BenchError: Error, CustomStringConvertible {
    case sqlite3(String)
    case setup(String)

    var description: String {
        switch self {
        case .sqlite3(let message): return "The sqlite3 shell failed: \(message)"
        case .setup(let message): return message
        }
    }
}
