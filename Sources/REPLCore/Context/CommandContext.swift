import DocumentStore
import Foundation
import SessionStore
import Synchronization

/// What every command runs with: the workspace, its document store, the references of the
/// last listing, and ways to report progress and notice Ctrl-C.
///
/// The REPL runs one command at a time, so the mutable state here is never shared between
/// commands running at once.
public final class CommandContext: @unchecked Sendable {
    public let workspace: Workspace
    public let store: DocumentStore
    public let registry: CommandRegistry
    /// Whether a person is at a terminal (prompts, progress, pager); false for `-c`,
    /// scripts and pipes.
    public let isInteractive: Bool
    /// How text output is laid out.
    public internal(set) var style: TextStyle

    /// Ids of the documents the last listing numbered, for `show 2`.
    public internal(set) var lastResults: [String]?
    /// The number of the first of `lastResults` (21 on a second page of 20).
    public internal(set) var lastResultsStart = 1
    /// The listing `next` and `prev` page through, set by the command that made it.
    public var paging: Paging?
    /// The last search, for `show` to say which spelling of a name a result matched.
    public var lastQuery: SearchQuery?
    /// Set by `quit`; the loop ends after the current command.
    public internal(set) var quitRequested = false

    private let interruption = Atomic<Bool>(false)
    private let progressSink: @Sendable (String?) -> Void

    /// - Parameter progress: shows a progress line (nil clears it); only called on a terminal.
    public init(
        workspace: Workspace, store: DocumentStore, registry: CommandRegistry, isInteractive: Bool,
        style: TextStyle, progress: @escaping @Sendable (String?) -> Void = { _ in }
    ) {
        self.workspace = workspace
        self.store = store
        self.registry = registry
        self.isInteractive = isInteractive
        self.style = style
        self.progressSink = progress
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
    }

    func resetInterruption() {
        interruption.store(false, ordering: .relaxed)
    }

    /// Ends the loop after the current command.
    public func requestQuit() {
        quitRequested = true
    }

    /// The document a REF names: a result number of the last listing (`2`) or a document id.
    public func resolve(_ ref: String) throws -> Record {
        let trimmed = ref.trimmingCharacters(in: .whitespaces)
        if let number = Int(trimmed), !trimmed.hasPrefix("+") {
            guard let results = lastResults else { throw REPLError.noResults }
            let position = number - lastResultsStart
            guard position >= 0, position < results.count else {
                throw REPLError.noSuchResult(number: number, first: lastResultsStart, count: results.count)
            }
            if let record = try store.record(id: results[position]) { return record }
            throw REPLError.unknownReference(results[position])
        }
        guard let record = try store.record(id: trimmed) else {
            throw REPLError.unknownReference(trimmed)
        }
        return record
    }
}

/// Where a paged listing stands, so that `next` and `prev` can show the pages around it.
public struct Paging: Sendable, Equatable {
    /// The command that made the listing.
    public var command: String
    /// What that command needs to make another page (its query, its order).
    public var state: [String: String]
    public var offset: Int
    public var limit: Int
    public var total: Int

    public init(command: String, state: [String: String], offset: Int, limit: Int, total: Int) {
        self.command = command
        self.state = state
        self.offset = offset
        self.limit = limit
        self.total = total
    }
}
