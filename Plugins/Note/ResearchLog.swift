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

    /// - Parameters:
    ///   - records: the documents the notes and citations refer to, by id.
    ///   - style: the note style footnotes and the bibliography are in.
    init(session: Session, records: [String: Record], style: DocumentStyle, locale: String?, store: DocumentStore) throws {
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
        // Each note on a document is a footnote, numbered in the log's order; the processor
        // gives the first note on a document in full, later ones short, as the style wants.
        var footnoted: [String] = []
        sections = ordered.map { id in
            let record = records[id]
            let heading =
                record.map { "\($0.date.map { CitationDate($0).monthDayYear } ?? "Undated"): \($0.title)" }
                ?? "\(id) (not in this archive)"
            let entries = session.notes.filter { $0.doc == id }.sorted { $0.created < $1.created }.map { note in
                footnoted.append(id)
                return Entry(text: note.text, quote: note.quote, label: Self.label(note), footnote: footnoted.count)
            }
            return Section(heading: heading, entries: entries)
        }
        let present = footnoted.filter { records[$0] != nil }
        var notes = try SessionCitations.render(
            present.map { DocumentCite(doc: $0) }, style: style, locale: locale, session: session, store: store
        ).makeIterator()
        footnotes = footnoted.map { id in
            guard let record = records[id], let note = notes.next() else {
                return Footnote(text: "Document \(id), not in this archive.", url: nil)
            }
            return Footnote(text: note.text, url: record.url)
        }

        let listed = (documents + session.citedDocuments).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let cited = listed.compactMap { records[$0] }.map {
            CitedDocument($0, accessed: SessionCitations.firstCited($0.id, in: session))
        }
        let entries: [(doc: String, text: String)]
        do {
            entries = try DocumentCitations(style: style, documents: cited, locale: locale).bibliography()
        } catch {
            throw REPLError.failed("Style '\(style.name)' cannot render the bibliography: \(error.description)")
        }
        bibliography = entries.map { Footnote(text: $0.text, url: records[$0.doc]?.url) }
    }

    private static func label(_ note: SessionStore.Note) -> String {
        var label = "Note \(note.id), \(SessionDates.day(note.created))"
        if let quote = note.quote { label += "; quoting the \(quote.location)" }
        return label
    }
}
