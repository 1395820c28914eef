import CommandSupport
import DocumentStore
import DossierProtocol
import REPLCore
import SessionStore

/// Notes, each with its number, when it was written, the document it is about, its quote
/// and its text (or, from a search, the matching passage).
struct NoteList: CommandResult {
    struct Entry {
        var note: SessionStore.Note
        var session: String
        /// The matching passage, with highlight markers, for search results.
        var snippet: String?
    }

    var heading: String
    var entries: [Entry]
    var showSession: Bool
    /// The documents the notes are about, by id.
    var documents: [String: Record]

    init(heading: String, entries: [Entry], showSession: Bool, store: DocumentStore) throws {
        self.heading = heading
        self.entries = entries
        self.showSession = showSession
        var ids: [String] = []
        for id in entries.compactMap(\.note.doc) where !ids.contains(id) { ids.append(id) }
        self.documents = Dictionary(try store.records(ids: ids).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func text(in style: TextStyle) -> String {
        var lines = Wrapping.wrap(heading, width: style.width)
        let indent = "    "
        for entry in entries {
            let note = entry.note
            lines.append("")
            var head = (showSession ? "\(entry.session) " : "") + "#\(note.id)"
            head = style.bold(head) + "  " + style.dim(SessionDates.display(note.created))
            lines.append(head)
            if let doc = note.doc {
                let about =
                    documents[doc].map { "\($0.id)  \($0.date?.iso ?? "n.d.")  \($0.title)" } ?? "\(doc) (not in this store)"
                lines += Wrapping.wrap(about, width: style.width, indent: indent).map { style.dim($0) }
            }
            if let quote = note.quote {
                lines += Wrapping.wrap(
                    "“\(quote.text)” (\(quote.location))", width: style.width, indent: indent + "  ", firstIndent: indent + "> ")
            }
            // A snippet of the note's text shows where the words matched; when they matched
            // only in the quote, the whole note is shown.
            if let snippet = entry.snippet, snippet.contains(SearchHit.highlightStart) {
                lines += Wrapping.wrap(snippet, width: style.width, indent: indent)
                    .map { DocumentList.highlight($0, style: style) }
            } else if !note.text.isEmpty {
                lines += Wrapping.wrapParagraphs(note.text, width: style.width, indent: indent)
            }
        }
        return lines.joined(separator: "\n")
    }

    enum CodingKeys: String, CodingKey {
        case notes
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let notes = entries.map { entry in
            NoteView(
                note: entry.note, session: entry.session, title: entry.note.doc.flatMap { documents[$0]?.title },
                snippet: entry.snippet)
        }
        try container.encode(notes, forKey: .notes)
    }
}
