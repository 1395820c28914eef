import ArgumentParser
import CommandSupport
import DocumentStore
import DossierProtocol
import Foundation
import REPLCore
import SessionStore
import TextAnalysis

/// `note …`: add, change and remove the session's notes.
struct NoteCommand: DossierCommandGroup {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Write a note about a document (or a free note), quote it, edit or remove notes.",
        discussion: """
            'note 2 TEXT' notes result 2 of the last listing (or a document id); 'note TEXT' \
            without a reference is a free note. Words starting with # become tags. Notes are \
            saved in the session file at once.
            """,
        subcommands: [Add.self, Edit.self, Remove.self],
        defaultSubcommand: Add.self)

    static let examples = ["note wca-29fbc986ee77 Mikoyan and Peng Dehuai arrive together #delegation"]

    struct Add: FreeTextCommand {
        static var freeText: WritableKeyPath<Self, String> { \.words }
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add a note: note [REF] TEXT [--quote PASSAGE].",
            discussion: """
                REF is a result number or a document id; the first word is taken as one when it \
                is a number or a document's id (--free makes the whole line the note). \
                --quote records a passage of the document and where it stands; it must be in \
                the document's title, summary or text (case, accents and spacing aside).
                """)
        static let examples = [
            "note wca-e483cb3033ce The plenum reverses the August decisions #rehabilitation",
            "note wca-2a20b1851ab2 --quote \"repeal the decisions reached at the August Plenum\" Moscow's demand, in so many words",
            "note Compare with the Hungarian events a month later #context",
        ]

        @Argument(help: ArgumentHelp("The document (optional), then the note.", valueName: "ref-and-text"))
        var words: String = ""
        @Option(help: ArgumentHelp("A passage of the document to quote.", valueName: "passage"))
        var quote: String?
        @Flag(help: "Take the whole line as a free note, even when it starts with a number.")
        var free = false

        func run(in context: CommandContext) async throws -> any CommandOutput {
            let session = try context.requireSession()
            let line = words.trimmingCharacters(in: .whitespaces)
            var (record, text) = free ? (nil, line) : try Self.reference(in: line, context: context)
            text = text.trimmingCharacters(in: .whitespacesAndNewlines)
            var located: Quote?
            if let quote {
                guard let record else {
                    throw ValidationError("A quotation needs the document it comes from: note REF --quote \"…\" TEXT.")
                }
                located = try Self.locate(quote, in: record)
            }
            guard !text.isEmpty || located != nil else {
                throw ValidationError(
                    record == nil
                        ? "Write the note after 'note', e.g. note 2 Mikoyan presses for rehabilitation #plenum."
                        : "Write the note after the reference, e.g. note \(line) Mikoyan presses for rehabilitation.")
            }
            // Numbered and written under the session's lock, so that the number confirmed is
            // the note's number in the file even when other dossiers add notes at once.
            let note = session.updateAndSave { contents in
                let note = SessionStore.Note(id: contents.nextNoteID, text: text, doc: record?.id, quote: located)
                contents.notes.append(note)
                return note
            }
            var message = "Note \(note.id) added to '\(session.name)'"
            if let record { message += " about \(record.id) (\(record.displayDate))" }
            if let located { message += ", quoting its \(located.location)" }
            if !note.tags.isEmpty { message += "; tags: " + note.tags.map { "#" + $0 }.joined(separator: " ") }
            return NoteChange(sentence: message + ".", note: NoteView(note: note, session: session.name))
        }

        /// Splits `line` into the document its first word names, if it names one, and the
        /// rest. A number always names a result (and fails if there is none).
        static func reference(in line: String, context: CommandContext) throws -> (Record?, String) {
            let first = line.prefix { !$0.isWhitespace }
            let rest = String(line.dropFirst(first.count))
            guard !first.isEmpty else { return (nil, line) }
            if first.allSatisfy(\.isNumber) {
                do {
                    return (try context.resolve(String(first)), rest)
                } catch let error as REPLError {
                    throw REPLError.failed(error.description + " (To begin a free note with a number, add --free.)")
                }
            }
            if let record = try context.store.record(id: String(first)) { return (record, rest) }
            return (nil, line)
        }

        static func locate(_ passage: String, in record: Record) throws -> Quote {
            for (field, value) in [("title", record.title), ("summary", record.summary), ("text", record.text)] {
                if let match = PassageFinder.find(passage, in: value) {
                    return Quote(text: match.text, field: field, start: match.start, end: match.end, paragraph: match.paragraph)
                }
            }
            let short = passage.count > 60 ? String(passage.prefix(57)) + "…" : passage
            throw ValidationError(
                "The passage '\(short)' is not in \(record.id) (its title, summary or text). Copy it from 'show \(record.id)', or leave out --quote."
            )
        }
    }

    struct Edit: FreeTextCommand {
        static var freeText: WritableKeyPath<Self, String> { \.words }
        static let configuration = CommandConfiguration(
            commandName: "edit", abstract: "Change a note: note edit N [NEW TEXT].",
            discussion:
                "Without new text, the note opens in $VISUAL or $EDITOR, else the system's editor (at a terminal only; in a script or pipe give the new text). If the editor fails, what you wrote is kept in .dossier/drafts/."
        )
        static let examples = [
            "note edit 1 The plenum reverses the August decisions under Soviet and Chinese pressure #rehabilitation"
        ]

        @Argument(help: ArgumentHelp("The note's number, then (optionally) its new text.", valueName: "n-and-text"))
        var words: String = ""

        func run(in context: CommandContext) async throws -> any CommandOutput {
            let session = try context.requireSession()
            let line = words.trimmingCharacters(in: .whitespaces)
            let first = line.prefix { !$0.isWhitespace }
            guard let number = Int(first) else {
                throw ValidationError("Give the number of the note to edit, e.g. note edit 3 (see 'notes').")
            }
            guard let note = session.session.note(number) else {
                throw SessionError.noSuchNote(number, session: session.name, count: session.session.notes.count)
            }
            var text = String(line.dropFirst(first.count)).trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty {
                guard let interaction = context.interaction else {
                    throw ValidationError(
                        "Give the new text: note edit \(number) NEW TEXT (the editor opens only at a terminal).")
                }
                switch interaction.edit(note.text) {
                case .saved(let edited):
                    text = edited.trimmingCharacters(in: .whitespacesAndNewlines)
                case .noEditor(let message):
                    throw REPLError.failed(message + " Or give the new text: note edit \(number) NEW TEXT.")
                case .failed(let reason, let draft):
                    var message = "The editor did not save (\(reason)); note \(number) is unchanged."
                    if let draft {
                        message +=
                            " What you wrote is kept in '\(draft.path)': copy it from there, or 'note edit \(number) TEXT'."
                    }
                    throw REPLError.failed(message)
                }
                guard !text.isEmpty else {
                    return NoteChange(
                        sentence: "The edit left note \(number) empty, so it is unchanged; 'note rm \(number)' removes it.",
                        note: nil)
                }
            }
            guard text != note.text else { return NoteChange(sentence: "Note \(number) is unchanged.", note: nil) }
            session.update { contents in
                guard let index = contents.notes.firstIndex(where: { $0.id == number }) else { return }
                contents.notes[index].text = text
                contents.notes[index].tags = SessionStore.Note.tags(in: text)
                contents.notes[index].modified = Session.now()
            }
            let updated = session.session.note(number) ?? note
            return NoteChange(sentence: "Note \(number) changed.", note: NoteView(note: updated, session: session.name))
        }
    }

    struct Remove: DossierCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm", abstract: "Remove notes by number.")
        static let examples = ["note rm 1"]

        @Argument(help: "The numbers of the notes.")
        var numbers: [Int]

        func run(in context: CommandContext) async throws -> any CommandOutput {
            let session = try context.requireSession()
            for number in numbers where session.session.note(number) == nil {
                throw SessionError.noSuchNote(number, session: session.name, count: session.session.notes.count)
            }
            session.update { $0.notes.removeAll { numbers.contains($0.id) } }
            return NoteRemoval(removed: numbers, session: session.name)
        }
    }
}

/// The `--json` form of a note: `id`, `text`, `tags`, `doc`, `session`, `created`, and
/// `modified` and `quote` besides.
/// A note as `--json` gives it, with the session it is in and, in listings, the title
/// of its document and the passage a search matched.
struct NoteView: Encodable, Sendable {
    var note: SessionStore.Note
    var session: String
    var title: String?
    var snippet: String?

    enum CodingKeys: String, CodingKey {
        case id, text, tags, doc, session, created, modified, quote, snippet
        case docTitle = "doc_title"
    }

    enum QuoteKeys: String, CodingKey {
        case text, field, start, end, paragraph
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(note.id, forKey: .id)
        try container.encode(note.text, forKey: .text)
        try container.encode(note.tags, forKey: .tags)
        try container.encode(note.doc, forKey: .doc)
        try container.encode(session, forKey: .session)
        try container.encode(SessionDates.iso(note.created), forKey: .created)
        try container.encode(SessionDates.iso(note.modified), forKey: .modified)
        try container.encodeIfPresent(title, forKey: .docTitle)
        try container.encodeIfPresent(snippet.map(DocumentList.plain), forKey: .snippet)
        if let quote = note.quote {
            var nested = container.nestedContainer(keyedBy: QuoteKeys.self, forKey: .quote)
            try nested.encode(quote.text, forKey: .text)
            try nested.encode(quote.field, forKey: .field)
            try nested.encode(quote.start, forKey: .start)
            try nested.encode(quote.end, forKey: .end)
            try nested.encode(quote.paragraph, forKey: .paragraph)
        }
    }
}

/// What `note` and `note edit` did: a sentence, and the note as it now is.
struct NoteChange: SentenceResult {
    var sentence: String
    var note: NoteView?

    enum CodingKeys: String, CodingKey {
        case note, message
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if let note {
            try container.encode(note, forKey: .note)
        } else {
            try container.encode(sentence, forKey: .message)
        }
    }
}

/// What `note rm` removed.
struct NoteRemoval: SentenceResult {
    var removed: [Int]
    var session: String

    enum CodingKeys: String, CodingKey {
        case removed
    }

    var sentence: String {
        let list = removed.map(String.init).joined(separator: ", ")
        return "Removed note\(removed.count == 1 ? "" : "s") \(list) from '\(session)'; the other notes keep their numbers."
    }
}
