import ArgumentParser
import Citation
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
            return SessionShown(summary: SessionSummary(open.session, url: open.url), inUse: open === context.session)
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
            return SessionMessage(
                "Started session '\(session.name)' (\(session.url.lastPathComponent) in Sessions/). Notes, pins and commands now go to it.",
                session: SessionSummary(session.session, url: session.url))
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
                return SessionMessage(
                    "Session '\(current.name)' is already in use.", session: SessionSummary(current.session, url: current.url))
            }
            let session = try OpenSession.open(url)
            context.use(session)
            let contents = session.session
            return SessionMessage(
                "Opened session '\(contents.name)': \(contents.notes.count.counted("note")), \(contents.pinned.count.counted("pinned document")), \(contents.history.count.counted("command")) in its history.",
                session: SessionSummary(contents, url: url))
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
                return SessionMessage(
                    "Saved session '\(session.name)' to \(session.url.path).",
                    session: SessionSummary(session.session, url: session.url))
            }
            let old = session.name
            try context.sessions.saveAs(session, newName: name.joined(separator: " "), removingOld: false)
            context.use(session)
            return SessionMessage(
                "Saved a copy of '\(old)' as '\(session.name)' and went on in it; '\(old)' stays as it was.",
                session: SessionSummary(session.session, url: session.url))
        }
    }

    struct List: DossierCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the sessions: last used, notes, documents noted and cited.")
        static let examples = ["session list", "session list --json"]

        func run(in context: CommandContext) async throws -> any CommandOutput {
            let summaries = context.sessions.summaries()
            guard !summaries.isEmpty else {
                return SessionListing(sessions: [], folder: context.sessions.folder.path, current: nil)
            }
            let entries = summaries.sorted(by: { lastUsed($0) > lastUsed($1) }).map { summary -> SessionListing.Entry in
                switch summary.session {
                case .success(let session): return .readable(SessionSummary(session, url: summary.url))
                case .failure(let error):
                    return .unreadable(
                        name: summary.name, file: summary.url.path, error: error.description, reason: reason(error))
                }
            }
            return SessionListing(
                sessions: entries, folder: context.sessions.folder.path, current: context.session?.url.standardizedFileURL.path)
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
            return SessionMessage(
                "Renamed session '\(old)' to '\(target.name)' (\(target.url.lastPathComponent)).",
                session: SessionSummary(target.session, url: target.url))
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
                return SessionRemoval(name: shownName, trash: nil)
            }
            let destination = try context.sessions.remove(wanted)
            return SessionRemoval(name: shownName, trash: destination.path)
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
            return SessionQuestion(name: session.name, description: question)
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
        @OptionGroup var out: OutputOption

        /// The style of the footnotes: the `style` setting when it is a note style, else Chicago.
        static func noteStyle(_ context: CommandContext) throws -> DocumentStyle {
            let styles = CSLStyles(folders: SessionCitations.styleFolders(context))
            if let name = context.settings["style"], let chosen = try? styles.documentStyle(name), chosen.isNoteStyle,
                chosen.use == .citations
            {
                return chosen
            }
            do {
                return try styles.documentStyle("chicago")
            } catch {
                throw REPLError.failed(error.description)
            }
        }

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
            let log = try ResearchLog(
                session: session, records: records, style: try Self.noteStyle(context), locale: context.settings["locale"],
                store: context.store)
            let text = format == .md ? log.markdown : log.html
            guard let out = out.path else {
                return ResearchLogWritten(
                    session: session.name, format: format.rawValue, text: text, file: nil, notes: 0, documents: 0)
            }
            let url = try OutputFile.write(text, to: out)
            return ResearchLogWritten(
                session: session.name, format: format.rawValue, text: nil, file: url.path, shownAs: out,
                notes: session.notes.count, documents: session.notedDocuments.count)
        }
    }
}

/// What `--json` gives of a session.
/// A session as `--json` describes it.
struct SessionSummary: Encodable, Sendable {
    var name: String
    var file: String
    var description: String
    var created: Date
    var lastUsed: Date
    var notes: Int
    var documents: Int
    var cited: Int
    var pinned: Int
    var commands: Int
    /// How many sittings its history spans.
    var sittings: Int

    init(_ session: Session, url: URL) {
        name = session.name
        file = url.path
        description = session.description
        created = session.created
        lastUsed = session.modified
        notes = session.notes.count
        documents = session.notedDocuments.count
        cited = session.citedDocuments.count
        pinned = session.pinned.count
        commands = session.history.count
        sittings = Set(session.history.map(\.sitting)).count
    }

    enum CodingKeys: String, CodingKey {
        case name, file, description, created, notes, documents, cited, pinned, commands
        case lastUsed = "last_used"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(file, forKey: .file)
        try container.encode(description, forKey: .description)
        try container.encode(SessionDates.iso(created), forKey: .created)
        try container.encode(SessionDates.iso(lastUsed), forKey: .lastUsed)
        try container.encode(notes, forKey: .notes)
        try container.encode(documents, forKey: .documents)
        try container.encode(cited, forKey: .cited)
        try container.encode(pinned, forKey: .pinned)
        try container.encode(commands, forKey: .commands)
    }
}

/// A sentence about what happened to a session; `--json` gives the session's summary.
struct SessionMessage: SentenceResult {
    var sentence: String
    var session: SessionSummary

    init(_ sentence: String, session: SessionSummary) {
        self.sentence = sentence
        self.session = session
    }

    func encode(to encoder: any Encoder) throws {
        try session.encode(to: encoder)
    }
}

/// `session show`: one session's file, question and contents.
struct SessionShown: CommandResult {
    var summary: SessionSummary
    var inUse: Bool

    func encode(to encoder: any Encoder) throws {
        try summary.encode(to: encoder)
    }

    func text(in style: TextStyle) -> String {
        var fields: [(label: String, value: String)] = [("File", summary.file)]
        if !summary.description.isEmpty { fields.append(("Question", summary.description)) }
        fields += [
            ("Created", SessionDates.display(summary.created)),
            ("Last used", SessionDates.display(summary.lastUsed)),
            ("Notes", summary.notes.counted("note") + " on " + summary.documents.counted("document")),
            ("Pinned", summary.pinned.counted("document")),
            ("Cited", summary.cited.counted("document")),
            ("History", summary.commands.counted("command") + " in " + summary.sittings.counted("sitting")),
        ]
        return FieldList(title: "Session '\(summary.name)'" + (inUse ? " (in use)" : ""), fields: fields)
            .text(in: style)
    }
}

/// `session list`: every session of the workspace, last used first.
struct SessionListing: CommandResult {
    enum Entry: Encodable, Sendable {
        case readable(SessionSummary)
        /// A file that cannot be read: its name, path, the error and the reason in short.
        case unreadable(name: String, file: String, error: String, reason: String)

        enum CodingKeys: String, CodingKey {
            case name, file, error
        }

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .readable(let summary):
                try summary.encode(to: encoder)
            case .unreadable(let name, let file, let error, _):
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(name, forKey: .name)
                try container.encode(file, forKey: .file)
                try container.encode(error, forKey: .error)
            }
        }
    }

    var sessions: [Entry]
    var folder: String
    /// The file of the session in use, if any.
    var current: String?

    enum CodingKeys: String, CodingKey {
        case sessions
    }

    func text(in style: TextStyle) -> String {
        guard !sessions.isEmpty else {
            return Message("There are no sessions in \(folder). Start one with 'session new NAME'.").text(in: style)
        }
        let rows = sessions.map { entry -> [String] in
            switch entry {
            case .readable(let session):
                let mark = URL(fileURLWithPath: session.file).standardizedFileURL.path == current ? "*" : " "
                return [
                    mark + " " + session.name, SessionDates.display(session.lastUsed), String(session.notes),
                    String(session.documents), String(session.cited), session.description,
                ]
            case .unreadable(let name, let file, _, let reason):
                let mark = URL(fileURLWithPath: file).standardizedFileURL.path == current ? "*" : " "
                return [mark + " " + name, "?", "?", "?", "?", "cannot be read: " + reason]
            }
        }
        return Table(
            columns: ["  Session", "Last used", "Notes", "Docs", "Cited", "Question"], rows: rows,
            footer: current == nil ? nil : "* the session in use; 'session show NAME' shows one in full",
            cutsLastColumn: true
        ).text(in: style)
    }
}

/// `session rm`: the session removed to the trash, or kept (`trash` nil) when the user said no.
struct SessionRemoval: SentenceResult {
    var name: String
    var trash: String?

    enum CodingKeys: String, CodingKey {
        case removed, name, trash
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(trash != nil, forKey: .removed)
        if let trash {
            try container.encode(name, forKey: .name)
            try container.encode(trash, forKey: .trash)
        }
    }

    var sentence: String {
        guard let trash else { return "Kept session '\(name)'." }
        return "Removed session '\(name)'; its file is now \(trash) (move it back into Sessions/ to restore it)."
    }
}

/// `session describe`: the session's question.
struct SessionQuestion: SentenceResult {
    var name: String
    var description: String

    var sentence: String {
        "Session '\(name)' asks: \(description)"
    }
}

/// `session export`: the research log, on the screen (`text`) or written to `file`.
struct ResearchLogWritten: CommandResult {
    var session: String
    var format: String
    var text: String?
    var file: String?
    /// The file as the user named it.
    var shownAs: String = ""
    var notes: Int
    var documents: Int

    enum CodingKeys: String, CodingKey {
        case session, format, text, file
    }

    func text(in style: TextStyle) -> String {
        if let text { return String(text.dropLast()) }
        return Message(
            "Wrote the research log of '\(session)' (\(notes.counted("note")) on \(documents.counted("document"))) to '\(shownAs)'."
        ).text(in: style)
    }
}
