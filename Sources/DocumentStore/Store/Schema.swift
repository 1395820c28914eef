import DossierProtocol
import GRDB
import TextAnalysis

/// The store's versioned schema. Migrations are append-only: a released one never changes.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: documents and full-text index") { db in
            try db.execute(
                sql: """
                    CREATE TABLE document (
                        rowid INTEGER PRIMARY KEY,
                        id TEXT NOT NULL UNIQUE,
                        date TEXT,
                        date_end TEXT,
                        date_text TEXT,
                        date_min TEXT,
                        date_max TEXT,
                        title TEXT NOT NULL,
                        summary TEXT NOT NULL DEFAULT '',
                        text TEXT NOT NULL DEFAULT '',
                        archive TEXT,
                        archive_ref TEXT,
                        collections TEXT NOT NULL DEFAULT '[]',
                        people TEXT NOT NULL DEFAULT '[]',
                        places TEXT NOT NULL DEFAULT '[]',
                        subjects TEXT NOT NULL DEFAULT '[]',
                        language TEXT,
                        original_language TEXT,
                        translator TEXT,
                        url TEXT,
                        provenance_file TEXT,
                        provenance_format TEXT,
                        extra TEXT,
                        imported_at TEXT NOT NULL
                    );
                    CREATE INDEX document_date ON document(date_min, date_max);
                    CREATE VIRTUAL TABLE document_fts USING fts5(
                        title, summary, text,
                        content='document', content_rowid='rowid',
                        tokenize='unicode61 remove_diacritics 2'
                    );
                    CREATE TRIGGER document_ai AFTER INSERT ON document BEGIN
                        INSERT INTO document_fts(rowid, title, summary, text)
                        VALUES (new.rowid, new.title, new.summary, new.text);
                    END;
                    CREATE TRIGGER document_ad AFTER DELETE ON document BEGIN
                        INSERT INTO document_fts(document_fts, rowid, title, summary, text)
                        VALUES ('delete', old.rowid, old.title, old.summary, old.text);
                    END;
                    CREATE TRIGGER document_au AFTER UPDATE ON document BEGIN
                        INSERT INTO document_fts(document_fts, rowid, title, summary, text)
                        VALUES ('delete', old.rowid, old.title, old.summary, old.text);
                        INSERT INTO document_fts(rowid, title, summary, text)
                        VALUES (new.rowid, new.title, new.summary, new.text);
                    END;
                    """)
        }
        migrator.registerMigration("v2: people, places, collections and archive in the index") { db in
            try dropSyncTriggers(db)
            try db.execute(
                sql: """
                    DROP TABLE document_fts;
                    CREATE VIRTUAL TABLE document_fts USING fts5(
                        \(indexedColumns.joined(separator: ", ")),
                        content='document', content_rowid='rowid',
                        tokenize='unicode61 remove_diacritics 2'
                    );
                    INSERT INTO document_fts(document_fts) VALUES ('rebuild');
                    """)
            try createSyncTriggers(db)
        }
        migrator.registerMigration("v3: people and places recognised in titles and summaries") { db in
            for column in recognisedNameColumns {
                try db.execute(sql: "ALTER TABLE document ADD COLUMN \(column) TEXT NOT NULL DEFAULT '[]'")
            }
            let update = try db.makeStatement(sql: "UPDATE document SET named_people = ?, named_places = ? WHERE rowid = ?")
            let rows = try Row.fetchCursor(
                db, sql: "SELECT rowid, title, summary FROM document WHERE people = '[]' OR places = '[]'")
            while let row = try rows.next() {
                let record = Record(id: "", title: row[1], summary: row[2])
                try update.execute(arguments: StatementArguments(record.recognisedNameValues()) + [row[0] as Int64])
            }
        }
        migrator.registerMigration("v4: the index's vocabulary") { db in
            // How many documents use each indexed term, for weighing terms (related, compare).
            try db.execute(sql: "CREATE VIRTUAL TABLE document_vocab USING fts5vocab(document_fts, row)")
        }
        migrator.registerMigration("v5: date spans beside the documents") { db in
            try db.execute(
                sql: """
                    CREATE TABLE document_span (rowid INTEGER PRIMARY KEY, date_min TEXT, date_max TEXT);
                    INSERT INTO document_span SELECT rowid, date_min, date_max FROM document;
                    """)
            try createSpanTriggers(db)
        }
        migrator.registerMigration("v6: the vocabulary by spelling keys, and aliases") { db in
            try db.execute(
                sql: """
                    CREATE TABLE vocabulary (
                        term TEXT PRIMARY KEY, reversed TEXT NOT NULL, documents INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    CREATE INDEX vocabulary_reversed ON vocabulary(reversed);
                    CREATE TABLE vocabulary_key (
                        key TEXT NOT NULL, term TEXT NOT NULL, PRIMARY KEY (key, term)
                    ) WITHOUT ROWID;
                    CREATE TABLE alias (
                        name TEXT NOT NULL, variant TEXT NOT NULL, PRIMARY KEY (name, variant)
                    ) WITHOUT ROWID;
                    """)
            try Vocabulary.rebuild(db)
        }
        migrator.registerMigration("v7: the names the documents use, by spelling keys") { db in
            try db.execute(
                sql: """
                    CREATE TABLE name_spelling (
                        key TEXT NOT NULL, spelling TEXT NOT NULL, documents INTEGER NOT NULL, PRIMARY KEY (key, spelling)
                    ) WITHOUT ROWID;
                    CREATE TABLE vocabulary_rules (version INTEGER NOT NULL);
                    """)
            try db.execute(sql: "INSERT INTO vocabulary_rules VALUES (?)", arguments: [NameVariants.rulesVersion])
            try Vocabulary.rebuildNames(db)
        }
        migrator.registerMigration("v8: an index of the sessions' notes") { db in
            try db.execute(
                sql: """
                    CREATE TABLE note_source (path TEXT PRIMARY KEY, stamp TEXT NOT NULL) WITHOUT ROWID;
                    CREATE VIRTUAL TABLE note_fts USING fts5(
                        text, quote, tags, source UNINDEXED, session UNINDEXED, number UNINDEXED, uid UNINDEXED,
                        doc UNINDEXED, created UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');
                    """)
        }
        migrator.registerMigration("v9: how often each word occurs, beside how many documents have it") { db in
            try db.execute(sql: "ALTER TABLE vocabulary ADD COLUMN occurrences INTEGER NOT NULL DEFAULT 0")
            try Vocabulary.rebuild(db)
        }
        migrator.registerMigration("v10: the documents' lengths and days beside the index, for ranking and date filters") { db in
            try DocumentDigest.createTables(db)
            try DocumentDigest.createTriggers(db)
            try DocumentDigest.refresh(db, all: true)
        }
        migrator.registerMigration("v11: record history: every earlier version of a record, and what each version changed") {
            db in
            try db.execute(
                sql: """
                    ALTER TABLE document ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
                    ALTER TABLE document ADD COLUMN changed TEXT;
                    ALTER TABLE document ADD COLUMN action TEXT;
                    CREATE TABLE document_history (
                        \(columnsAtV11.map { $0 == "title" ? "title TEXT NOT NULL" : "\($0) TEXT" }.joined(separator: ", ")),
                        \(versionColumns.map { $0 == "version" ? "version INTEGER NOT NULL" : "\($0) TEXT" }.joined(separator: ", ")),
                        PRIMARY KEY (id, version)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v12: item types, name lists and the published volume, in the bibliographic column") { db in
            // The translator, a line of text until now, becomes the first of the name lists.
            for (table, key) in [("document", "id"), ("document_history", "id || ' ' || version")] {
                try db.execute(sql: "ALTER TABLE \(table) ADD COLUMN bibliographic TEXT")
                let rows = try Row.fetchAll(
                    db,
                    sql: "SELECT \(key) AS key, translator FROM \(table) WHERE translator IS NOT NULL AND translator <> ''")
                for row in rows {
                    guard let text: String = row["translator"], let name = PersonName.reading(text) else { continue }
                    let fields = JSONValue.object(["translator": [name].json]).serialized()
                    try db.execute(
                        sql: "UPDATE \(table) SET bibliographic = ? WHERE \(key) = ?", arguments: [fields, row["key"]])
                }
                try db.execute(sql: "ALTER TABLE \(table) DROP COLUMN translator")
            }
        }
        return migrator
    }

    /// `document_span` holds each document's date span and nothing else: a date filter
    /// looks up every hit's dates, and in a table this narrow those lookups stay in a few
    /// megabytes instead of reading the documents' pages (about twice as fast at a million).
    static func createSpanTriggers(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TRIGGER document_span_ai AFTER INSERT ON document BEGIN
                    INSERT INTO document_span VALUES (new.rowid, new.date_min, new.date_max);
                END;
                CREATE TRIGGER document_span_ad AFTER DELETE ON document BEGIN
                    DELETE FROM document_span WHERE rowid = old.rowid;
                END;
                CREATE TRIGGER document_span_au AFTER UPDATE OF date_min, date_max ON document BEGIN
                    UPDATE document_span SET date_min = new.date_min, date_max = new.date_max WHERE rowid = new.rowid;
                END;
                """)
    }

    static func dropSpanTriggers(_ db: Database) throws {
        try db.execute(
            sql: """
                DROP TRIGGER IF EXISTS document_span_ai;
                DROP TRIGGER IF EXISTS document_span_ad;
                DROP TRIGGER IF EXISTS document_span_au;
                """)
    }

    /// Fills `document_span` again after a bulk import, which inserts without triggers.
    static func rebuildSpans(_ db: Database) throws {
        try db.execute(
            sql: """
                DELETE FROM document_span;
                INSERT INTO document_span SELECT rowid, date_min, date_max FROM document;
                """)
    }

    /// The columns of `document` when v11 made `document_history` a copy of them (v12
    /// replaced `translator` with `bibliographic`): a migration makes the tables of its own
    /// time, whatever the record has become since.
    static let columnsAtV11 = [
        "id", "date", "date_end", "date_text", "date_min", "date_max", "title", "summary", "text",
        "archive", "archive_ref", "collections", "people", "places", "subjects", "language",
        "original_language", "translator", "url", "provenance_file", "provenance_format", "extra",
        "imported_at",
    ]

    /// What `document` and `document_history` say of each version of a record besides its
    /// fields: its number (1 for the first import), the fields it changed as a JSON list
    /// (null for a first version, which set every field it has), and how it was made (null
    /// for an import that merged, `replace` for `import --replace`, `revert N` for a
    /// version restored).
    static let versionColumns = ["version", "changed", "action"]

    /// People and places recognised in a record's title and summary, as JSON lists.
    static let recognisedNameColumns = ["named_people", "named_places"]

    /// The columns of `document` the full-text index covers, in index order. Title,
    /// summary and text come first: snippets and column weights refer to them by position.
    static let indexedColumns = ["title", "summary", "text", "people", "places", "collections", "archive"]

    /// The triggers that keep `document_fts` in step with `document`. Bulk imports drop
    /// them, insert, rebuild the index once and create them again, in one transaction.
    static func createSyncTriggers(_ db: Database) throws {
        let columns = indexedColumns.joined(separator: ", ")
        let new = indexedColumns.map { "new." + $0 }.joined(separator: ", ")
        let old = indexedColumns.map { "old." + $0 }.joined(separator: ", ")
        try db.execute(
            sql: """
                CREATE TRIGGER document_ai AFTER INSERT ON document BEGIN
                    INSERT INTO document_fts(rowid, \(columns)) VALUES (new.rowid, \(new));
                END;
                CREATE TRIGGER document_ad AFTER DELETE ON document BEGIN
                    INSERT INTO document_fts(document_fts, rowid, \(columns)) VALUES ('delete', old.rowid, \(old));
                END;
                CREATE TRIGGER document_au AFTER UPDATE ON document BEGIN
                    INSERT INTO document_fts(document_fts, rowid, \(columns)) VALUES ('delete', old.rowid, \(old));
                    INSERT INTO document_fts(rowid, \(columns)) VALUES (new.rowid, \(new));
                END;
                """)
    }

    /// Indexes a bulk import drops and builds again once at the end: inserting a million
    /// dates into a b-tree in random order costs more than sorting them once.
    static func dropBulkIndexes(_ db: Database) throws {
        try db.execute(sql: "DROP INDEX IF EXISTS document_date")
    }

    static func createBulkIndexes(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX IF NOT EXISTS document_date ON document(date_min, date_max)")
    }

    static func dropSyncTriggers(_ db: Database) throws {
        try db.execute(
            sql: """
                DROP TRIGGER IF EXISTS document_ai;
                DROP TRIGGER IF EXISTS document_ad;
                DROP TRIGGER IF EXISTS document_au;
                """)
    }

    /// Column weights for ranking: a hit in the title counts most, then the summary, then
    /// the text; a name in the people or places fields counts as much as in the summary.
    /// In `indexedColumns` order; `Ranking` uses them.
    static let columnWeights: [Double] = [10, 5, 1, 5, 5, 2, 1]
}
