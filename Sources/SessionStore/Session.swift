import Foundation

/// A research session as its file holds it: the question, the notes, the working set, the
/// citations made and the command history of every sitting.
///
/// The file is JSON with a format version (`SessionFormat`); every field a later version
/// adds must be optional, so that files written now keep opening.
public struct Session: Sendable, Equatable, Codable {
    /// Always `dossier-session`, so that a stray JSON file is not taken for a session.
    public var format: String
    public var version: Int
    public var name: String
    /// The research question, which heads the exported research log.
    public var description: String
    public var created: Date
    public var modified: Date
    public var notes: [Note]
    /// Documents pinned with `pin REF`, in the order they were pinned.
    public var pinned: [String]
    /// The documents the last listing numbered, so that `show 2` works after reopening.
    public var results: [String]
    /// The number of the first of `results` (21 on a second page); absent means 1.
    public var resultsFirst: Int?
    public var citations: [CitationMade]
    public var history: [HistoryEntry]

    public init(name: String, description: String = "", now: Date = Session.now()) {
        self.format = SessionFormat.formatName
        self.version = SessionFormat.currentVersion
        self.name = name
        self.description = description
        self.created = now
        self.modified = now
        self.notes = []
        self.pinned = []
        self.results = []
        self.citations = []
        self.history = []
    }

    /// The present moment to the second, as the file keeps times: what is in memory
    /// then equals what a reread of the file gives.
    public static func now() -> Date {
        Date(timeIntervalSince1970: Foundation.floor(Date().timeIntervalSince1970))
    }

    /// The number the next note gets: one more than any note's so far.
    public var nextNoteID: Int {
        (notes.map(\.id).max() ?? 0) + 1
    }

    /// The note numbered `id`.
    public func note(_ id: Int) -> Note? {
        notes.first { $0.id == id }
    }

    /// The sitting a new process starts: one after the last one recorded.
    public var nextSitting: Int {
        (history.map(\.sitting).max() ?? 0) + 1
    }

    /// Distinct documents the notes are about.
    public var notedDocuments: [String] {
        var seen = Set<String>()
        return notes.compactMap(\.doc).filter { seen.insert($0).inserted }
    }

    /// Distinct documents cited.
    public var citedDocuments: [String] {
        var seen = Set<String>()
        return citations.map(\.doc).filter { seen.insert($0).inserted }
    }
}

/// A note: the researcher's own words, about a document or free-standing.
public struct Note: Sendable, Equatable, Codable, Identifiable {
    /// The note's number in its session (`note rm 3`).
    public var id: Int
    /// A unique id, so that two processes adding note 5 at once keep both.
    public var uid: String
    public var text: String
    /// The `#tags` of the text, lower-cased, without `#`.
    public var tags: [String]
    /// The document the note is about.
    public var doc: String?
    /// The passage the note quotes, and where it stands in the document.
    public var quote: Quote?
    public var created: Date
    public var modified: Date

    public init(id: Int, text: String, doc: String? = nil, quote: Quote? = nil, now: Date = Session.now()) {
        self.id = id
        self.uid = UUID().uuidString.lowercased()
        self.text = text
        self.tags = Note.tags(in: text)
        self.doc = doc
        self.quote = quote
        self.created = now
        self.modified = now
    }

    /// The `#tags` of `text`: `#` at the start of a word, then a letter, then letters,
    /// digits, `-` and `_`; lower-cased, each once, in order of appearance.
    public static func tags(in text: String) -> [String] {
        var tags: [String] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            defer { index += 1 }
            guard characters[index] == "#",
                index == 0 || characters[index - 1].isWhitespace || "([".contains(characters[index - 1]),
                index + 1 < characters.count, characters[index + 1].isLetter
            else { continue }
            var end = index + 1
            while end < characters.count,
                characters[end].isLetter || characters[end].isNumber || characters[end] == "-" || characters[end] == "_"
            {
                end += 1
            }
            var tag = String(characters[(index + 1)..<end]).lowercased()
            while tag.hasSuffix("-") || tag.hasSuffix("_") { tag.removeLast() }
            if !tags.contains(tag) { tags.append(tag) }
            index = end - 1
        }
        return tags
    }
}

/// A passage a note quotes: its words and where they stand in the document.
public struct Quote: Sendable, Equatable, Codable {
    public var text: String
    /// `title`, `summary` or `text`.
    public var field: String
    /// Character offsets of the passage in that field.
    public var start: Int
    public var end: Int
    /// The paragraph of the field the passage starts in, counting from 1.
    public var paragraph: Int

    public init(text: String, field: String, start: Int, end: Int, paragraph: Int) {
        self.text = text
        self.field = field
        self.start = start
        self.end = end
        self.paragraph = paragraph
    }

    /// Where the passage is, for people: `summary, paragraph 2`.
    public var location: String {
        paragraph > 1 || field == "text" ? "\(field), paragraph \(paragraph)" : field
    }
}

/// A citation made in the session, so that later citations of the same document can take
/// the short form (or ibid): the sequence of them is the session's sequence of notes.
public struct CitationMade: Sendable, Equatable, Codable {
    public var doc: String
    /// The style as given (`chicago`, a bundled or installed style's name, a path).
    public var style: String
    public var at: Date
    /// Where in the document (`12`), and what that is (a CSL label: `page`, `folio`…).
    public var locator: String?
    public var label: String?
    /// Set when the full form was asked for (`--full`).
    public var full: Bool?

    public init(
        doc: String, style: String, at: Date = Session.now(), locator: String? = nil, label: String? = nil,
        full: Bool? = nil
    ) {
        self.doc = doc
        self.style = style
        self.at = at
        self.locator = locator
        self.label = label
        self.full = full
    }
}

/// A command line run in the session.
public struct HistoryEntry: Sendable, Equatable, Codable {
    public var line: String
    public var at: Date
    /// Which sitting (run of `dossier`) it was typed in, counting from 1.
    public var sitting: Int
    /// Set when the command failed, so that `replay` can leave it out.
    public var failed: Bool?

    public init(line: String, at: Date = Session.now(), sitting: Int, failed: Bool = false) {
        self.line = line
        self.at = at
        self.sitting = sitting
        self.failed = failed ? true : nil
    }
}
