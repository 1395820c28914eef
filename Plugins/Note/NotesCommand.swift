import ArgumentParser
import DocumentStore
import Foundation
import REPLCore
import SessionStore

/// `notes …`: list the notes of a session or of all, and search them.
struct NotesCommand: DossierCommandGroup {
    static let configuration = CommandConfiguration(
        commandName: "notes",
        abstract: "List notes (by tag, document or session) or search them across every session.",
        subcommands: [List.self, Search.self],
        defaultSubcommand: List.self)

    static let examples = ["notes", "notes search rehabilitation"]

    struct List: DossierCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the session's notes: notes [--tag T] [--doc REF] [--session S | --all].")
        static let examples = ["notes --tag rehabilitation", "notes --all --json"]

        @Option(help: ArgumentHelp("Only notes with this tag (with or without #).", valueName: "tag"))
        var tag: String?
        @Option(help: ArgumentHelp("Only notes about this document (a result number or an id).", valueName: "ref"))
        var doc: String?
        @Option(help: ArgumentHelp("The notes of this session instead of the one in use.", valueName: "name"))
        var session: String?
        @Flag(help: "The notes of every session.")
        var all = false

        func validate() throws {
            if all && session != nil { throw ValidationError("Give --session NAME or --all, not both.") }
        }

        func run(in context: CommandContext) async throws -> any CommandOutput {
            let sessions: [Session]
            if all {
                sessions = context.sessions.summaries().compactMap { try? $0.session.get() }
            } else if let session {
                sessions = [try context.sessions.open(session).session]
            } else {
                sessions = [try context.requireSession().session]
            }
            let docID = try doc.map { ref in
                if sessions.contains(where: { $0.notes.contains { $0.doc == ref } }) { return ref }
                return try context.resolve(ref).id
            }
            let wantedTag = tag.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "# ")).lowercased() }
            var entries: [NoteList.Entry] = []
            for session in sessions {
                for note in session.notes {
                    if let wantedTag, !note.tags.contains(wantedTag) { continue }
                    if let docID, note.doc != docID { continue }
                    entries.append(NoteList.Entry(note: note, session: session.name))
                }
            }
            let scope = all ? "every session" : "'\(sessions.first?.name ?? "")'"
            var filters: [String] = []
            if let wantedTag { filters.append("tagged #\(wantedTag)") }
            if let docID { filters.append("about \(docID)") }
            let what = (["notes"] + filters).joined(separator: " ")
            let heading =
                entries.isEmpty
                ? "No \(what) in \(scope)." + (filters.isEmpty && !all ? " Add one with 'note [REF] TEXT'." : "")
                : "\(entries.count.counted("note"))\(filters.isEmpty ? "" : " " + filters.joined(separator: " ")) in \(scope):"
            return try NoteList(heading: heading, entries: entries, showSession: all, store: context.store)
        }
    }

    struct Search: FreeTextCommand, ListingCommand {
        static var freeText: WritableKeyPath<Self, String> { \.words }
        static let configuration = CommandConfiguration(
            commandName: "search", abstract: "Find notes in every session by their words or #tags.",
            discussion:
                "Every word must be in the note (accents and case aside); \"a phrase\" in that order, word* as a prefix, #tag among the tags, -word not at all."
        )
        static let examples = [
            "notes search rehabilitation", "notes search \"August Plenum\" -Moscow", "notes search #delegation",
        ]

        @Argument(help: "The words to find.")
        var words: String = ""
        @OptionGroup var limit: ResultLimit
        static let defaultLimit = 50

        func validate() throws {
            guard !words.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("Give the words to find, e.g. notes search rehabilitation.")
            }
        }

        func run(in context: CommandContext) async throws -> any CommandOutput {
            let limit = self.limit.value(default: Self.defaultLimit, in: context)
            let query = words
            try NoteIndex.refresh(context)
            let hits = try context.store.searchNotes(query, limit: limit)
            // The index names the note; the session file has it whole (quote included).
            var sessions: [String: Session] = [:]
            var entries: [NoteList.Entry] = []
            for hit in hits {
                if sessions[hit.source] == nil, let session = try? OpenSession.open(URL(fileURLWithPath: hit.source)).session {
                    sessions[hit.source] = session
                }
                guard let note = sessions[hit.source]?.notes.first(where: { $0.uid == hit.note.uid }) else { continue }
                entries.append(NoteList.Entry(note: note, session: hit.note.session, snippet: hit.snippet))
            }
            let heading =
                entries.isEmpty
                ? "No note in any session matches '\(query)'."
                : "\(entries.count.counted("note")) match\(entries.count == 1 ? "es" : "") '\(query)':"
            return try NoteList(heading: heading, entries: entries, showSession: true, store: context.store)
        }
    }
}
