import Foundation
import GRDB

/// A note as the store indexes it. The notes themselves live in the session files; the
/// store keeps an index of them, rebuilt from a file whenever it changes.
public struct IndexedNote: Sendable, Equatable {
    public var session: String
    public var number: Int
    public var uid: String
    public var text: String
    /// The passage the note quotes, searched with it.
    public var quote: String
    public var tags: [String]
    public var doc: String?
    /// ISO 8601.
    public var created: String

    public init(
        session: String, number: Int, uid: String, text: String, quote: String = "", tags: [String], doc: String?,
        created: String
    ) {
        self.session = session
        self.number = number
        self.uid = uid
        self.text = text
        self.quote = quote
        self.tags = tags
        self.doc = doc
        self.created = created
    }
}

/// A note that matches `notes search`, with the matched words marked as in `SearchHit`.
public struct NoteHit: Sendable {
    public var note: IndexedNote
    /// The session file the note is in.
    public var source: String
    public var snippet: String
}

extension DocumentStore {
    /// The session files indexed, with the stamp of the version indexed.
    public func noteSources() throws(StoreError) -> [String: String] {
        try read { db in
            Dictionary(
                try Row.fetchAll(db, sql: "SELECT path, stamp FROM note_source").map { ($0[0] as String, $0[1] as String) },
                uniquingKeysWith: { first, _ in first })
        }
    }

    /// Replaces the notes indexed for the session file `source` (nil notes: the file is gone).
    public func indexNotes(source: String, stamp: String, notes: [IndexedNote]?) throws(StoreError) {
        do {
            try write { db in
                try db.execute(sql: "DELETE FROM note_fts WHERE source = ?", arguments: [source])
                guard let notes else {
                    try db.execute(sql: "DELETE FROM note_source WHERE path = ?", arguments: [source])
                    return
                }
                try db.execute(sql: "INSERT OR REPLACE INTO note_source (path, stamp) VALUES (?, ?)", arguments: [source, stamp])
                let statement = try db.makeStatement(
                    sql: """
                        INSERT INTO note_fts (text, quote, tags, source, session, number, uid, doc, created)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                for note in notes {
                    try statement.execute(arguments: [
                        note.text, note.quote, note.tags.joined(separator: " "), source, note.session, note.number, note.uid,
                        note.doc,
                        note.created,
                    ])
                }
            }
        } catch {
            throw Self.translate(error)
        }
    }

    /// Notes whose text or tags hold every word of `words` (`"a phrase"`, `prefix*`,
    /// `#tag`, `-word` to leave out), best matches first.
    public func searchNotes(_ words: String, limit: Int = 100) throws(StoreError) -> [NoteHit] {
        let match = try Self.noteMatch(words)
        let start = String(SearchHit.highlightStart)
        let end = String(SearchHit.highlightEnd)
        return try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT session, number, uid, text, quote, tags, doc, created, source, snippet(note_fts, 0, ?, ?, '…', 16)
                    FROM note_fts WHERE note_fts MATCH ? ORDER BY rank LIMIT ?
                    """, arguments: [start, end, match, limit]
            ).map { row in
                let tags = (row[5] as String).split(separator: " ").map(String.init)
                return NoteHit(
                    note: IndexedNote(
                        session: row[0], number: row[1], uid: row[2], text: row[3], quote: row[4], tags: tags, doc: row[6],
                        created: row[7]),
                    source: row[8], snippet: row[9])
            }
        }
    }

    /// The FTS5 expression for `notes search`: every word quoted, so no input can be read
    /// as FTS5 syntax.
    static func noteMatch(_ words: String) throws(StoreError) -> String {
        var positive: [String] = []
        var negative: [String] = []
        var index = words.startIndex
        func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        while index < words.endIndex {
            let character = words[index]
            if character.isWhitespace {
                index = words.index(after: index)
                continue
            }
            var negated = false
            if character == "-", words.index(after: index) < words.endIndex, !words[words.index(after: index)].isWhitespace {
                negated = true
                index = words.index(after: index)
            }
            var term: String
            if words[index] == "\"" {
                let after = words.index(after: index)
                let close = words[after...].firstIndex(of: "\"") ?? words.endIndex
                term = quoted(String(words[after..<close]))
                index = close < words.endIndex ? words.index(after: close) : close
            } else {
                let stop = words[index...].firstIndex(where: \.isWhitespace) ?? words.endIndex
                var word = String(words[index..<stop])
                index = stop
                let prefix = word.hasSuffix("*") && word.count > 1
                let tag = word.hasPrefix("#") && word.count > 1
                word = word.trimmingCharacters(in: CharacterSet(charactersIn: "*#"))
                guard word.contains(where: { $0.isLetter || $0.isNumber }) else { continue }
                term = (tag ? "tags:" : "") + quoted(tag ? word.lowercased() : word) + (prefix ? "*" : "")
            }
            if term == "\"\"" { continue }
            if negated { negative.append(term) } else { positive.append(term) }
        }
        guard !positive.isEmpty else {
            throw .query(
                QueryError(
                    query: words, position: 0, problem: "there is no word to look for",
                    fix: "Give a word or a \"phrase\" the notes must hold, e.g. 'notes search rehabilitation'."))
        }
        return positive.joined(separator: " ") + negative.map { " NOT " + $0 }.joined()
    }
}
