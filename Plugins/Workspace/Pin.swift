import ArgumentParser
import CommandSupport
import DocumentStore
import DossierProtocol
import REPLCore
import SessionStore

/// `pin REF…`: keeps documents in the session's working set.
struct Pin: DossierCommand {
    static let configuration = CommandConfiguration(
        commandName: "pin",
        abstract: "Keep documents in the session's working set; without REF, list the pinned ones.",
        discussion: "The list is numbered like search results, so 'show 2' or 'note 2 …' refer to it.")
    static let examples = ["pin 1 2", "pin"]

    @Argument(help: ArgumentHelp("Result numbers or document ids.", valueName: "ref"))
    var refs: [String] = []

    func run(in context: CommandContext) async throws -> any CommandOutput {
        let session = try context.requireSession()
        guard !refs.isEmpty else { return try pinnedList(context, session: session) }
        let ids = try refs.map { try context.resolve($0).id }
        let new = ids.filter { !session.session.pinned.contains($0) }
        var unique: [String] = []
        for id in new where !unique.contains(id) { unique.append(id) }
        session.update { $0.pinned += unique }
        return PinChange(session: session.name, asked: ids.count, pinned: session.session.pinned, added: unique, removed: nil)
    }

    private func pinnedList(_ context: CommandContext, session: OpenSession) throws -> any CommandOutput {
        let ids = session.session.pinned
        guard !ids.isEmpty else {
            return NothingPinned(session: session.name)
        }
        let records = try context.store.records(ids: ids)
        let byID = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let found = ids.compactMap { byID[$0] }
        let missing = ids.filter { byID[$0] == nil }
        let footer =
            missing.isEmpty
            ? nil
            : "Not in this store: \(missing.joined(separator: ", ")) (import them again, or 'unpin' them)."
        return DocumentList(
            heading: "\(ids.count.counted("document")) pinned in '\(session.name)':",
            items: found.map { DocumentList.Item(record: $0) }, footer: footer,
            about: PinnedListing(session: session.name, missing: missing))
    }
}

/// `unpin REF…`: takes documents out of the working set.
struct Unpin: DossierCommand {
    static let configuration = CommandConfiguration(
        commandName: "unpin", abstract: "Take documents out of the session's working set.")
    static let examples = ["unpin 2", "unpin --all"]

    @Argument(help: ArgumentHelp("Result numbers (of the last listing, such as 'pin') or document ids.", valueName: "ref"))
    var refs: [String] = []
    @Flag(help: "Unpin every document.")
    var all = false

    func validate() throws {
        guard all || !refs.isEmpty else { throw ValidationError("Give the documents to unpin (numbers or ids), or --all.") }
    }

    func run(in context: CommandContext) async throws -> any CommandOutput {
        let session = try context.requireSession()
        let ids: [String]
        if all {
            ids = session.session.pinned
        } else {
            ids = try refs.map { ref in
                // An id no longer in the store can still be unpinned.
                if session.session.pinned.contains(ref) { return ref }
                return try context.resolve(ref).id
            }
        }
        let removed = ids.filter { session.session.pinned.contains($0) }
        session.update { $0.pinned.removeAll { removed.contains($0) } }
        return PinChange(session: session.name, asked: ids.count, pinned: session.session.pinned, added: nil, removed: removed)
    }
}

/// What `pin REF…` and `unpin` did: the working set after, and what came in or went out.
struct PinChange: SentenceResult {
    var session: String
    /// How many documents the line named.
    var asked: Int
    var pinned: [String]
    /// What `pin` added (nil for `unpin`).
    var added: [String]?
    /// What `unpin` took out (nil for `pin`).
    var removed: [String]?

    enum CodingKeys: String, CodingKey {
        case pinned, added, removed
    }

    var sentence: String {
        let total = pinned.count.counted("document")
        if let removed {
            return removed.isEmpty
                ? "None of those documents was pinned." : "Unpinned \(removed.count.counted("document")); \(total) still pinned."
        }
        if let added, !added.isEmpty {
            return "Pinned \(added.joined(separator: ", ")); \(total) pinned in '\(session)'. 'pin' lists them."
        }
        return "\(asked == 1 ? "It was" : "They were") already pinned; \(total) pinned in '\(session)'."
    }
}

/// What `pin --json` says besides the pinned documents: the session, and pinned ids the
/// store no longer has.
struct PinnedListing: Encodable, Sendable {
    var session: String
    var missing: [String]
}

/// `pin` when nothing is pinned.
struct NothingPinned: SentenceResult {
    var session: String
    let documents: [String] = []

    enum CodingKeys: String, CodingKey {
        case documents
    }

    var sentence: String {
        "Nothing is pinned in '\(session)'. Pin results with 'pin 1 3', or documents by id."
    }
}
