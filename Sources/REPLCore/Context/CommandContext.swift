import DocumentStore
import DossierProtocol
import Foundation
import SessionStore
import Synchronization

/// What every command runs with: the workspace, its document store, the session in use,
/// the references of the last listing, and ways to report progress, ask the user and
/// notice Ctrl-C.
///
/// `@unchecked Sendable`: the REPL runs one command at a time, so the mutable state here is
/// never shared between commands running at once; what Ctrl-C touches is atomic or locked.
public final class CommandContext: @unchecked Sendable {
    public let workspace: Workspace
    public let store: DocumentStore
    public let registry: CommandRegistry
    /// The workspace's sessions.
    public let sessions: SessionLibrary
    /// The session notes, pins and history go to; nil only when the one to continue could
    /// not be read (`sessionProblem` says why).
    public private(set) var session: OpenSession?
    /// Why there is no session, when there is none.
    public private(set) var sessionProblem: String?
    /// Questions and the editor, at a terminal; nil in scripts, pipes and `-c`.
    public var interaction: (any Interaction)?
    /// Whether a person is at a terminal (prompts, progress, pager); false for `-c`,
    /// scripts and pipes.
    public let isInteractive: Bool
    /// How text output is laid out.
    public internal(set) var style: TextStyle
    /// The layout the terminal asked for, before the `color` and `width` settings.
    private let detectedStyle: TextStyle
    /// The settings in effect (`set`); commands read them through `settings[name]`.
    public internal(set) var settings: Settings {
        didSet { applySettings() }
    }
    /// Why the workspace's saved settings could not be read, if they could not; `set
    /// --save` then refuses, so that nothing is written over the file unnoticed.
    public let settingsProblem: String?

    /// Ids of the documents the last listing numbered, for `show 2`.
    public internal(set) var lastResults: [String]?
    /// The number of the first of `lastResults` (21 on a second page of 20).
    public internal(set) var lastResultsStart = 1
    /// The listing `next` and `prev` page through, set by the command that made it.
    public var paging: Paging?
    /// The last search, for `show` to say which spelling of a name a result matched.
    public var lastQuery: SearchQuery?
    /// The external plugins, when they are loaded (`plugins` lists them).
    public var plugins: (any PluginService)?
    /// Set by `quit`; the loop ends after the current command.
    public internal(set) var quitRequested = false

    private let interruption = Atomic<Bool>(false)
    /// What Ctrl-C cancels besides setting `isInterrupted`: the tasks in
    /// `cancellingOnInterrupt`, by number.
    private let interruptible = Mutex<(next: Int, tasks: [Int: @Sendable () -> Void])>((0, [:]))
    private let progressSink: @Sendable (String?) -> Void

    /// - Parameter progress: shows a progress line (nil clears it); only called on a terminal.
    public init(
        workspace: Workspace, store: DocumentStore, registry: CommandRegistry, isInteractive: Bool,
        style: TextStyle, progress: @escaping @Sendable (String?) -> Void = { _ in }
    ) {
        self.workspace = workspace
        self.store = store
        self.registry = registry
        self.sessions = SessionLibrary(workspace: workspace)
        self.isInteractive = isInteractive
        self.style = style
        self.detectedStyle = style
        self.progressSink = progress
        var saved: [String: String] = [:]
        var problem: String?
        do {
            saved = try SavedSettings.load(from: workspace).values
        } catch {
            problem = error.description
        }
        self.settingsProblem = problem
        self.settings = Settings(definitions: registry.settingDefinitions, saved: saved, workspace: workspace.root)
        applySettings()
    }

    /// The `color` and `width` settings applied to the layout.
    private func applySettings() {
        var style = detectedStyle
        switch settings["color"] {
        case "on": style.color = true
        case "off": style.color = false
        default: break
        }
        if let width = settings.number("width") { style.width = width }
        self.style = style
    }

    /// The pager the `pager` setting names, `terminal` when it names none; nil for off.
    public func pager(terminal: String) -> String? {
        guard let setting = settings["pager"] else { return terminal }
        return setting.lowercased() == "off" ? nil : setting
    }

    /// Shows how far a long command has got, on a terminal only; the last report is
    /// cleared when the command ends.
    public func progress(_ text: String) {
        guard isInteractive else { return }
        progressShown = true
        progressSink(text)
    }

    func clearProgress() {
        guard progressShown else { return }
        progressShown = false
        progressSink(nil)
    }

    private var progressShown = false

    /// Whether Ctrl-C has asked the running command to stop. Long loops check it.
    public var isInterrupted: Bool { interruption.load(ordering: .relaxed) }

    /// Asks the running command to stop (Ctrl-C): long loops see `isInterrupted`, and a
    /// running store query is interrupted.
    public func interrupt() {
        interruption.store(true, ordering: .relaxed)
        store.interrupt()
        for cancel in interruptible.withLock({ Array($0.tasks.values) }) { cancel() }
    }

    /// Runs `body` as a task that Ctrl-C cancels: for work that awaits rather than loops
    /// (a plugin's answer), which then stops waiting at once instead of looking at
    /// `isInterrupted` now and then.
    public func cancellingOnInterrupt<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let task = Task { try await body() }
        let number = interruptible.withLock { state in
            state.next += 1
            state.tasks[state.next] = { task.cancel() }
            return state.next
        }
        defer { _ = interruptible.withLock { $0.tasks.removeValue(forKey: number) } }
        if isInterrupted { task.cancel() }
        return try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            task.cancel()
        }
    }

    func resetInterruption() {
        interruption.store(false, ordering: .relaxed)
    }

    /// Makes `session` the one in use: notes and history go to it from the next command,
    /// its last listing can be referred to again, and the next `dossier` continues it.
    public func use(_ session: OpenSession) {
        self.session = session
        sessionProblem = nil
        sessions.rememberCurrent(session)
        let saved = session.session
        if !saved.results.isEmpty {
            lastResults = saved.results
            lastResultsStart = saved.resultsFirst ?? 1
        }
    }

    /// Leaves the context without a session, saying why (a damaged file).
    public func useNoSession(because reason: String) {
        session = nil
        sessionProblem = reason
    }

    /// The session in use, or an error that says how to get one.
    public func requireSession() throws(SessionError) -> OpenSession {
        guard let session else { throw .noSession(reason: sessionProblem) }
        return session
    }

    /// Runs a command line as if typed (for `replay`), echoing it first; its output and
    /// messages go where every command's go. Not recorded in the history. Set by the
    /// interpreter.
    public internal(set) var runLine: (@Sendable (_ line: String) async -> Bool)?

    /// Ends the loop after the current command.
    public func requestQuit() {
        quitRequested = true
    }

    /// The document a REF names: a result number of the last listing (`2`) or a document id,
    /// at its newest version, or at an earlier one: `ID@2` is version 2, `ID~1` the version
    /// before the newest (`2~1` works for a result number too).
    public func resolve(_ ref: String) throws -> Record {
        try resolveVersion(ref).record
    }

    /// The version of a document a REF names, as `resolve` reads it.
    public func resolveVersion(_ ref: String) throws -> RecordVersion {
        let trimmed = ref.trimmingCharacters(in: .whitespaces)
        // An id as imported comes first, whatever it holds.
        if Int(trimmed) == nil, let newest = try store.history(id: trimmed).last { return newest }
        guard let marker = trimmed.lastIndex(where: { $0 == "@" || $0 == "~" }), marker != trimmed.startIndex,
            let count = Int(trimmed[trimmed.index(after: marker)...]), count >= 0
        else {
            return try newest(of: try currentID(trimmed))
        }
        let id = try currentID(String(trimmed[..<marker]))
        let versions = try store.history(id: id)
        guard let newest = versions.last else { throw REPLError.unknownReference(id) }
        let number = trimmed[marker] == "@" ? count : newest.number - count
        guard let version = versions.first(where: { $0.number == number }) else {
            throw StoreError.unknownVersion(id: id, number: number, newest: newest.number)
        }
        return version
    }

    private func newest(of id: String) throws -> RecordVersion {
        guard let newest = try store.history(id: id).last else { throw REPLError.unknownReference(id) }
        return newest
    }

    /// The id a REF without a version names.
    private func currentID(_ ref: String) throws -> String {
        if let number = Int(ref), !ref.hasPrefix("+") {
            guard let results = lastResults else { throw REPLError.noResults }
            let position = number - lastResultsStart
            guard position >= 0, position < results.count else {
                throw REPLError.noSuchResult(number: number, first: lastResultsStart, count: results.count)
            }
            return results[position]
        }
        return ref
    }
}

/// Where a paged listing stands, so that `next` and `prev` can show the pages around it.
public struct Paging: Sendable {
    /// The command that made the listing.
    public var command: String
    /// What that command needs to make another page (its query, its order), as a value of
    /// the command's own type (`state(as:)` gives it back).
    public var state: any Sendable
    public var offset: Int
    public var limit: Int
    public var total: Int

    public init(command: String, state: some Sendable, offset: Int, limit: Int, total: Int) {
        self.command = command
        self.state = state
        self.offset = offset
        self.limit = limit
        self.total = total
    }
}

extension Paging {
    /// The state as the command that made the listing kept it; nil when it is of another
    /// type (another command made the listing).
    public func state<State>(as type: State.Type) -> State? {
        state as? State
    }
}
