import Citation
import CommandSupport
import DocumentStore
import Foundation
import REPLCore
import SessionStore

/// A session as a research log a historian can hand in: the question, the free notes, the
/// notes grouped by document in date order (each note footnoted: the document in full the
/// first time, short after), and a bibliography. Rendered as Markdown or HTML.
struct ResearchLog {
    struct Entry {
        var text: String
        var quote: Quote?
        /// `Note 3, 27 November 2026`.
        var label: String
        /// The footnote citing the note's document, if it has one.
        var footnote: Int?
    }

    struct Section {
        var heading: String
        var entries: [Entry]
    }

    struct Footnote {
        var text: String
        /// The document's URL, which renderers make a link.
        var url: String?
    }

    var title: String
    var question: String
    var overview: String
    var general: [Entry]
    var sections: [Section]
    var footnotes: [Footnote]
    var bibliography: [Footnote]

    /// - Parameter records: the documents the notes and citations refer to, by id.
    init(session: Session, records: [String: Record]) {
        title = "Research log: \(session.name)"
        question = session.description
        let documents = session.notedDocuments
        let dates = session.notes.map(\.created)
        var overview = "\(session.notes.count.counted("note")) on \(documents.count.counted("document"))"
        if let first = dates.min(), let last = dates.max() {
            let (from, to) = (SessionDates.day(first), SessionDates.day(last))
            overview += from == to ? ", written \(from)." : ", written \(from) to \(to)."
        } else {
            overview += "."
        }
        self.overview = overview

        general = session.notes.filter { $0.doc == nil }.map {
            Entry(text: $0.text, quote: $0.quote, label: Self.label($0), footnote: nil)
        }

        // Documents in date order (undated last, then by title); notes in the order written.
        let ordered = documents.sorted { lhs, rhs in
            let (left, right) = (records[lhs], records[rhs])
            switch (left?.date, right?.date) {
            case let (l?, r?) where l != r: return l < r
            case (.some, nil): return true
            case (nil, .some): return false
            default: return (left?.title ?? lhs) < (right?.title ?? rhs)
            }
        }
        var footnotes: [Footnote] = []
        var cited = Set<String>()
        sections = ordered.map { id in
            let record = records[id]
            let heading =
                record.map { "\($0.date.map { CitationDate($0).monthDayYear } ?? "Undated"): \($0.title)" }
                ?? "\(id) (not in this archive)"
            let entries = session.notes.filter { $0.doc == id }.sorted { $0.created < $1.created }.map { note in
                let text: String
                if let record {
                    let document = CitedDocument(record)
                    text = cited.insert(id).inserted ? Chicago().full(document) : Chicago().short(document)
                } else {
                    text = "Document \(id), not in this archive."
                }
                footnotes.append(Footnote(text: text, url: record?.url))
                return Entry(text: note.text, quote: note.quote, label: Self.label(note), footnote: footnotes.count)
            }
            return Section(heading: heading, entries: entries)
        }
        self.footnotes = footnotes

        let listed = (documents + session.citedDocuments).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let style = Chicago()
        bibliography = listed.compactMap { records[$0] }.map { CitedDocument($0) }.sorted {
            style.sortKey($0) < style.sortKey($1)
        }
        .map { Footnote(text: style.bibliography($0), url: $0.url) }
    }

    private static func label(_ note: SessionStore.Note) -> String {
        var label = "Note \(note.id), \(SessionDates.day(note.created))"
        if let quote = note.quote { label += "; quoting the \(quote.location)" }
        return label
    }
}
