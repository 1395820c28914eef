import GRDB
import TextAnalysis

/// The index's words by their spelling keys (`NameVariants.keys`), so that a query finds
/// the spellings of a name the store holds without reading the index: `vocabulary` has
/// every word of letters with its document count and its letters reversed (for finding
/// words one letter off by their endings), `vocabulary_key` each word under its keys.
enum Vocabulary {
    /// Builds the keys again when the store's were made by other spelling rules than
    /// these (`NameVariants.rulesVersion`), so that a store keeps finding every spelling
    /// after the rules improve.
    static func refreshIfRulesChanged(_ pool: DatabasePool) throws {
        let version = try pool.read { db in
            try db.tableExists("vocabulary_rules") ? try Int.fetchOne(db, sql: "SELECT version FROM vocabulary_rules") : nil
        }
        guard version != NameVariants.rulesVersion else { return }
        try pool.write { db in
            try rebuild(db)
            try rebuildNames(db)
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS vocabulary_rules (version INTEGER NOT NULL)")
            try db.execute(sql: "DELETE FROM vocabulary_rules")
            try db.execute(sql: "INSERT INTO vocabulary_rules VALUES (?)", arguments: [NameVariants.rulesVersion])
        }
    }

    /// Builds both tables again from the whole index, after a bulk import.
    static func rebuild(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM vocabulary; DELETE FROM vocabulary_key")
        let terms = try Row.fetchCursor(db, sql: "SELECT term, doc, cnt FROM document_vocab")
        let inserter = try Inserter(db)
        while let row = try terms.next() {
            try inserter.add(row[0], documents: row[1], occurrences: row[2])
        }
    }

    /// Builds `name_spelling` again from every document's people and places (their fields,
    /// or else the names recognised in their titles and summaries): each name the documents
    /// use, whole, under the keys of its words run together, so that a query for a name
    /// finds the spellings of it the documents actually use as phrases.
    static func rebuildNames(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM name_spelling")
        let names = try Row.fetchCursor(
            db,
            sql: """
                SELECT j.value, count(*) FROM document d,
                    json_each(CASE WHEN d.people <> '[]' THEN d.people ELSE d.named_people END) j GROUP BY 1
                UNION ALL
                SELECT j.value, count(*) FROM document d,
                    json_each(CASE WHEN d.places <> '[]' THEN d.places ELSE d.named_places END) j GROUP BY 1
                """)
        let insert = try db.makeStatement(sql: "INSERT OR REPLACE INTO name_spelling VALUES (?, ?, ?)")
        while let row = try names.next() {
            guard let name = row[0] as String? else { continue }
            for key in nameKeys(of: name) { try insert.execute(arguments: [key, name, row[1] as Int]) }
        }
    }

    /// Adds the names of newly imported records (`counts`: documents naming each).
    static func updateNames(_ db: Database, counts: [String: Int]) throws {
        let insert = try db.makeStatement(
            sql: """
                INSERT INTO name_spelling VALUES (?, ?, ?)
                ON CONFLICT (key, spelling) DO UPDATE SET documents = documents + excluded.documents
                """)
        for (name, count) in counts {
            for key in nameKeys(of: name) { try insert.execute(arguments: [key, name, count]) }
        }
    }

    /// The people and places a record names, as facets count them.
    static func names(of record: Record, into counts: inout [String: Int]) {
        let recognised =
            record.people.isEmpty || record.places.isEmpty
            ? NameRecognizer.recognize(record.title, record.summary) : RecognizedNames()
        for name in Set(
            (record.people.isEmpty ? recognised.people : record.people)
                + (record.places.isEmpty ? recognised.places : record.places))
        {
            counts[name, default: 0] += 1
        }
    }

    /// The keys of a name of one or more words: those of its words run together, as a
    /// query's name is looked up (`Pak Heon-yeong` and `Pak Hon Yong` share one).
    static func nameKeys(of name: String) -> [String] {
        nameKeys(ofWords: nameWords(of: name))
    }

    /// The same, for a name already given as index words.
    static func nameKeys(ofWords words: [String]) -> [String] {
        let joined = NameVariants.joinedName(words)
        return joined.isEmpty ? [] : ["=" + joined] + NameVariants.keys(of: joined)
    }

    /// A name's words as a query's name is taken apart (`NameExpansion.tokens`).
    static func nameWords(of name: String) -> [String] {
        name.split(whereSeparator: \.isWhitespace).flatMap { NameExpansion.tokens(of: String($0)) }
    }

    /// Adds the words of newly imported or changed records, and their counts now.
    static func update(_ db: Database, terms: Set<String>) throws {
        guard !terms.isEmpty else { return }
        let count = try db.cachedStatement(sql: "SELECT doc, cnt FROM document_vocab WHERE term = ?")
        let inserter = try Inserter(db)
        for term in terms {
            guard let row = try Row.fetchOne(count, arguments: [term]) else { continue }
            try inserter.add(term, documents: row[0], occurrences: row[1])
        }
    }

    /// The words of a record's indexed fields, as the index holds them.
    static func terms(of record: Record, into terms: inout Set<String>) {
        let fields =
            [record.title, record.summary, record.text, record.archive ?? ""]
            + record.people + record.places + record.collections
        for field in fields where !field.isEmpty {
            for term in Terms.indexTerms(in: field) { terms.insert(term) }
        }
    }

    private struct Inserter {
        let word: Statement
        let key: Statement

        private let countsOccurrences: Bool

        init(_ db: Database) throws {
            // A store migrating from before v9 rebuilds its vocabulary (v6) before the
            // column exists.
            countsOccurrences = try db.columns(in: "vocabulary").contains { $0.name == "occurrences" }
            word = try db.makeStatement(
                sql: countsOccurrences
                    ? "INSERT OR REPLACE INTO vocabulary (term, reversed, documents, occurrences) VALUES (?, ?, ?, ?)"
                    : "INSERT OR REPLACE INTO vocabulary (term, reversed, documents) VALUES (?, ?, ?)")
            key = try db.makeStatement(sql: "INSERT OR IGNORE INTO vocabulary_key VALUES (?, ?)")
        }

        func add(_ term: String, documents: Int, occurrences: Int) throws {
            // Words with a digit in them (dates, numbers, references) are nobody's name.
            guard term.unicodeScalars.allSatisfy({ !("0"..."9").contains($0) }) else { return }
            try word.execute(
                arguments: countsOccurrences
                    ? [term, String(term.reversed()), documents, occurrences] : [term, String(term.reversed()), documents])
            for name in Vocabulary.keys(of: term) {
                try key.execute(arguments: [name, term])
            }
        }
    }

    /// The spelling keys of an index term; a word in Hangul, Han characters or Cyrillic has
    /// the keys of its romanization.
    static func keys(of term: String) -> [String] {
        if term.utf8.contains(where: { $0 >= 0x80 }), let latin = NameVariants.romanized(term) {
            return NameVariants.keys(of: latin.joined())
        }
        return NameVariants.keys(of: term)
    }
}
