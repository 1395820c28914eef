import GRDB
import TextAnalysis

/// The index's words by their spelling keys (`NameVariants.keys`), so that a query finds
/// the spellings of a name the store holds without reading the index: `vocabulary` has
/// every word of letters with its document count and its letters reversed (for finding
/// words one letter off by their endings), `vocabulary_key` each word under its keys.
enum Vocabulary {
    /// Builds both tables again from the whole index, after a bulk import.
    static func rebuild(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM vocabulary; DELETE FROM vocabulary_key")
        let terms = try Row.fetchCursor(db, sql: "SELECT term, doc FROM document_vocab")
        let inserter = try Inserter(db)
        while let row = try terms.next() {
            try inserter.add(row[0], documents: row[1])
        }
    }

    /// Adds the words of newly imported or changed records, and their counts now.
    static func update(_ db: Database, terms: Set<String>) throws {
        guard !terms.isEmpty else { return }
        let count = try db.cachedStatement(sql: "SELECT doc FROM document_vocab WHERE term = ?")
        let inserter = try Inserter(db)
        for term in terms {
            guard let documents = try Int.fetchOne(count, arguments: [term]) else { continue }
            try inserter.add(term, documents: documents)
        }
    }

    /// The words of a record's indexed fields, as the index holds them.
    static func terms(of record: Record, into terms: inout Set<String>) {
        let fields = [record.title, record.summary, record.text, record.archive ?? ""]
            + record.people + record.places + record.collections
        for field in fields where !field.isEmpty {
            for term in Terms.indexTerms(in: field) { terms.insert(term) }
        }
    }

    private struct Inserter {
        let word: Statement
        let key: Statement

        init(_ db: Database) throws {
            word = try db.makeStatement(sql: "INSERT OR REPLACE INTO vocabulary VALUES (?, ?, ?)")
            key = try db.makeStatement(sql: "INSERT OR IGNORE INTO vocabulary_key VALUES (?, ?)")
        }

        func add(_ term: String, documents: Int) throws {
            // Words with a digit in them (dates, numbers, references) are nobody's name.
            guard term.unicodeScalars.allSatisfy({ !("0"..."9").contains($0) }) else { return }
            try word.execute(arguments: [term, String(term.reversed()), documents])
            for name in Vocabulary.keys(of: term) {
                try key.execute(arguments: [name, term])
            }
        }
    }

    /// The spelling keys of an index term; a word in Hangul, Han characters or Cyrillic has
    /// the keys of its romanization.
    static func keys(of term: String) -> [String] {
        if let latin = NameVariants.romanized(term) {
            return NameVariants.keys(of: latin.joined())
        }
        return NameVariants.keys(of: term)
    }
}
