import ArgumentParser
import CommandSupport
import DocumentStore
import DossierProtocol
import Foundation
import REPLCore
import SessionStore

/// `session …`: research sessions, one file each in the workspace's `Sessions/` folder.
struct SessionCommand: DossierCommandGroup {
    static let configuration = CommandConfiguration(
        commandName: "session",
        abstract: "Start, open, list, rename and remove research sessions.",
        discussion: """
            A session keeps a question's notes, pinned documents, citations and the history \
            of every command, in one file in Sessions/ (JSON, readable and diff-able). It is \
            saved after every command: quitting, Ctrl-D or a crash loses nothing. dossier \
            continues the session used last; 'dossier --session NAME' starts in another.
            """,
        subcommands: [
            Show.self, New.self, Open.self, Save.self, List.self, Rename.self, Remove.self, Describe.self, Export.self,
        ],
        defaultSubcommand: Show.self)

    static let examples = ["session", "session list"]

    struct Show: DossierCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show the session in use (or the one named): its file, question and contents.")
        static let examples = ["session show", "session show --json"]

        @Argument(help: ArgumentHelp("A session name or file (the one in use when omitted).", valueName: "session"))
        var name: [String] = []

        func run(in context: CommandContext) async throws -> any CommandOutput {
            let open: OpenSession
            if name.isEmpty {
                open = try context.requireSession()
            } else {
                open = try context.sessions.open(name.joined(separator: " "))
            }
            let session = open.session
            var fields: [(label: String, value: String)] = [("File", open.url.path)]
            if !session.description.isEmpty { fields.append(("Question", session.description)) }
            fields += [
                ("Created", SessionDates.display(session.created)),
                ("Last used", SessionDates.display(session.modified)),
                ("Notes", session.notes.count.counted("note") + " on " + session.notedDocuments.count.counted("document")),
                ("Pinned", session.pinned.count.counted("document")),
                ("Cited", session.citedDocuments.count.counted("document")),
                (
                    "History",
                    session.history.count.counted("command") + " in "
                        + Set(session.history.map(\.sitting)).count.counted("sitting")
                ),
            ]
            return FieldList(
                title: "Session '\(session.name)'" + (open === context.session ? " (in use)" : ""), fields: fields,
                data: summaryJSON(session, url: open.url))
        }
    }

    struct New: DossierCommand {
        static let configuration = CommandConfiguration(
            commandName: "new", abstract: "Start a new session and work in it.",
            discussion: "The name may hold spaces and any letters; its file is Sessions/NAME.json.")
        static let examples = [
            "session new plenum-1956 --description \"How did Moscow and Beijing force the reversal of the August Plenum?\""
        ]

        @Argument(help: "The session's name.")
        var name: [String]
        @Option(help: ArgumentHelp("The research question, which heads the exported log.", valueName: "text"))
        var description: String = ""

        func run(in context: CommandContext) async throws -> any CommandOutput {
            let session = try context.sessions.create(name.joined(separator: " "), description: description)
            context.use(session)
            return Message(
                "Started session '\(session.name)' (\(session.url.lastPathComponent) in Sessions/). Notes, pins and commands now go to it.",
                data: summaryJSON(session.session, url: session.url))
        }
    }

    struct Open: DossierCommand {
        static let configuration = CommandConfiguration(
            commandName: "open", abstract: "Work in another session, by name or by the path of its file.")
        static let examples = ["session open default"]

        @Argument(help: ArgumentHelp("The session's name, or the path of a session file.", valueName: "session"))
        var name: [String]

        func run(in context: CommandContext) async throws -> any CommandOutput {
            let wanted = name.joined(separator: " ")
            let url = try context.sessions.existingURL(wanted)
            if let current = context.session, current.isStored(at: url) {
                return Message(
                    "Session '\(current.name)' is already in use.", data: summaryJSON(current.session, url: current.url))
            }
            let session = try OpenSession.open(url)
            context.use(session)
            let contents = session.session
            return Message(
                "Opened session '\(contents.name)': \(contents.notes.count.counted("note")), \(contents.pinned.count.counted("pinned document")), \(contents.history.count.counted("command")) in its history.",
                data: summaryJSON(contents, url: url))
        }
    }

    struct Save: DossierCommand {
        static let configuration = CommandConfiguration(
            commandName: "save",
            abstract: "Save the session now, or under a new name (and go on in the copy).",
            discussion:
                "Sessions save themselves after every command; 'session save NAME' keeps a copy of the work so far under NAME and continues there, leaving the first session as it was."
        )
        static let examples = ["session save", "session save plenum-draft"]

        @Argument(help: "A new name to save under.")
        var name: [String] = []

        func run(in context: CommandContext) async throws -> any CommandOutput {
            let session = try context.requireSession()
            guard !name.isEmpty else {
                try session.save(force: true)
                return Message(
                    "Saved session '\(session.name)' to \(session.url.path).",
                    data: summaryJSON(session.session, url: session.url))
            }
            let old = session.name
            try context.sessions.saveAs(session, newName: name.joined(separator: " "), removingOld: false)
            context.use(session)
            return Message(
                "Saved a copy of '\(old)' as '\(session.name)' and went on in it; '\(old)' stays as it was.",
                data: summaryJSON(session.session, url: session.url))
        }
    }

    struct List: DossierCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the sessions: last used, notes, documents noted and cited.")
        static let examples = ["session list", "session list --json"]

        func run(in context: CommandContext) async throws -> any CommandOutput {
            let summaries = context.sessions.summaries()
            guard !summaries.isEmpty else {
                return Message(
                    "There are no sessions in \(context.sessions.folder.path). Start one with 'session new NAME'.",
                    data: ["sessions": .array([])])
            }
            let current = context.session?.url.standardizedFileURL.path
            var rows: [[String]] = []
            var items: [JSONValue] = []
            for summary in summaries.sorted(by: { lastUsed($0) > lastUsed($1) }) {
                let mark = summary.url.standardizedFileURL.path == current ? "*" : " "
                switch summary.session {
                case .success(let session):
                    rows.append([
                        mark + " " + session.name, SessionDates.display(session.modified), String(session.notes.count),
                        String(session.notedDocuments.count), String(session.citedDocuments.count), session.description,
                    ])
                    items.append(summaryJSON(session, url: summary.url))
                case .failure(let error):
                    rows.append([mark + " " + summary.name, "?", "?", "?", "?", "cannot be read: " + reason(error)])
                    items.append([
                        "name": .string(summary.name), "file": .string(summary.url.path), "error": .string(error.description),
                    ])
                }
            }
            return Table(
                columns: ["  Session", "Last used", "Notes", "Docs", "Cited", "Question"], rows: rows,
                footer: current == nil ? nil : "* the session in use; 'session show NAME' shows one in full",
                cutsLastColumn: true, data: ["sessions": .array(items)])
        }

        private func lastUsed(_ summary: SessionLibrary.Summary) -> Date {
            (try? summary.session.get().modified) ?? .distantPast
        }

        private func reason(_ error: SessionError) -> String {
            switch error {
            case .damaged(_, let reason): return reason
            case .newerVersion(_, let version, _): return "format version \(version) is newer than this dossier"
            case .notASession: return "not a session file"
            default: return error.description
            }
        }
    }

    struct Rename: DossierCommand {
        static let configuration = CommandConfiguration(
            commandName: "rename", abstract: "Rename a session (the one in use when only the new name is given).",
            discussion: "Quote names of several words: session rename \"old name\" \"new name\".")
        static let examples = ["session rename plenum-draft \"plenum draft\""]

        @Argument(help: ArgumentHelp("The session to rename (optional), then its new name.", valueName: "session"))
        var names: [String]

        func validate() throws {
            guard names.count <= 2 else {
                throw ValidationError(
                    "Give one new name, or an old and a new name; quote names with spaces: session rename \"old name\" \"new name\"."
                )
            }
        }

        func run(in context: CommandContext) async throws -> any CommandOutput {
            let newName = names.last!
            let target: OpenSession
            if names.count == 2 {
                let url = try context.sessions.existingURL(names[0])
                if let current = context.session, current.isStored(at: url) {
                    target = current
                } else {
                    target = try OpenSession.open(url)
                }
            } else {
                target = try context.requireSession()
            }
            let old = target.name
            try context.sessions.saveAs(target, newName: newName, removingOld: true)
            if target === context.session { context.use(target) }
            return Message(
                "Renamed session '\(old)' to '\(target.name)' (\(target.url.lastPathComponent)).",
                data: summaryJSON(target.session, url: target.url))
        }
    }

    struct Remove: DossierCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm", abstract: "Remove a session: its file goes to the workspace's trash, .dossier/trash/.",
            discussion: "At a terminal dossier asks first; --yes does not ask.")
        static let examples = ["session rm plenum-1956 --yes"]

        @Argument(help: ArgumentHelp("The session to remove.", valueName: "session"))
        var name: [String]
        @Flag(help: "Do not ask.")
        var yes = false

        func run(in context: CommandContext) async throws -> any CommandOutput {
            let wanted = name.joined(separator: " ")
            let url = try context.sessions.existingURL(wanted)
            if let current = context.session, current.isStored(at: url) {
                throw SessionError.isCurrent(current.name)
            }
            let shownName = SessionName.name(fromFileName: url.lastPathComponent) ?? wanted
            if !yes, let interaction = context.interaction,
                !interaction.confirm("Remove session '\(shownName)' (it goes to .dossier/trash/)?")
            {
                return Message("Kept session '\(shownName)'.", data: ["removed": .bool(false)])
            }
            let destination = try context.sessions.remove(wanted)
            return Message(
                "Removed session '\(shownName)'; its file is now \(destination.path) (move it back into Sessions/ to restore it).",
                data: ["removed": .bool(true), "name": .string(shownName), "trash": .string(destination.path)])
        }
    }

    struct Describe: FreeTextCommand {
        static var freeText: WritableKeyPath<Self, String> { \.text }
        static let configuration = CommandConfiguration(
            commandName: "describe", abstract: "Set the session's research question, which heads its exported log.")
        static let examples = ["session describe Who turned the August Plenum around, and how fast?"]

        @Argument(help: "The question.")
        var text: String

        func run(in context: CommandContext) async throws -> any CommandOutput {
            let session = try context.requireSession()
            let question = text.trimmingCharacters(in: .whitespaces)
            session.update { $0.description = question }
            return Message(
                "Session '\(session.name)' asks: \(question)",
                data: ["name": .string(session.name), "description": .string(question)])
        }
    }
}

extension SessionCommand {
    struct Export: DossierCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write a session's research log: the question, notes by document in date order, citations, bibliography.",
            discussion: """
                Each note is footnoted with its document, in full the first time (Chicago) and \
                short after. Markdown is pandoc's: 'pandoc log.md -o log.docx' (or .pdf, .html) \
                renders it. Without --out the log goes to the screen.
                """)
        static let examples = ["session export august-plenum", "session export august-plenum --format html"]

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case md, html
        }

        @Argument(help: ArgumentHelp("The session (the one in use when omitted).", valueName: "session"))
        var name: [String] = []
        @Option(help: "md (pandoc Markdown) or html.")
        var format: Format = .md
        @Option(help: ArgumentHelp("The file to write.", valueName: "file"))
        var out: String?

        func run(in context: CommandContext) async throws -> any CommandOutput {
            let session: Session
            if name.isEmpty {
                session = try context.requireSession().session
            } else {
                session = try context.sessions.open(name.joined(separator: " ")).session
            }
            let ids = (session.notedDocuments + session.citedDocuments)
            let records = Dictionary(
                try context.store.records(ids: ids).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let log = ResearchLog(session: session, records: records)
            let text = format == .md ? log.markdown : log.html
            guard let out else {
                return PreformattedText(
                    String(text.dropLast()),
                    data: ["session": .string(session.name), "format": .string(format.rawValue), "text": .string(text)])
            }
            let url = try OutputFile.write(text, to: out)
            return Message(
                "Wrote the research log of '\(session.name)' (\(session.notes.count.counted("note")) on \(session.notedDocuments.count.counted("document"))) to '\(out)'.",
                data: ["session": .string(session.name), "format": .string(format.rawValue), "file": .string(url.path)])
        }
    }
}

/// What `--json` gives of a session.
func summaryJSON(_ session: Session, url: URL) -> JSONValue {
    [
        "name": .string(session.name),
        "file": .string(url.path),
        "description": .string(session.description),
        "created": .string(SessionDates.iso(session.created)),
        "last_used": .string(SessionDates.iso(session.modified)),
        "notes": .number(Double(session.notes.count)),
        "documents": .number(Double(session.notedDocuments.count)),
        "cited": .number(Double(session.citedDocuments.count)),
        "pinned": .number(Double(session.pinned.count)),
        "commands": .number(Double(session.history.count)),
    ]
}
