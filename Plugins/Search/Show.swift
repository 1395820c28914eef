import ArgumentParser
import CommandSupport
import REPLCore

/// `show REF`: one document in full.
struct Show: DossierCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a document in full: every field, the summary and the text.",
        discussion: """
            REF is a result number from the last listing (show 2) or a document id. After a \
            search for a name, show says which spelling of it the document has and by which rule.
            """)

    static let examples = [
        "show 1", "show wca-d2d80dd6e99c", "show wca-d2d80dd6e99c --history", "show wca-d2d80dd6e99c --provenance",
        "show wca-d2d80dd6e99c@1",
    ]

    @Argument(
        help: ArgumentHelp(
            "A result number or a document id; ID@2 for version 2 of it, ID~1 for the version before the newest.",
            valueName: "ref"))
    var ref: String

    @Flag(help: "List the document's versions: when each was made, by which import (file and importer), and what it changed.")
    var history = false

    @Flag(help: "Show which import set each field of the document.")
    var provenance = false

    func validate() throws {
        if history && provenance {
            throw ValidationError("--history and --provenance show different things; give one of them.")
        }
    }

    func run(in context: CommandContext) async throws -> any CommandOutput {
        let version = try context.resolveVersion(ref)
        let id = version.record.id
        if history { return RecordHistory(id: id, versions: try context.store.history(id: id)) }
        if provenance {
            let newest = try context.store.history(id: id).last ?? version
            return FieldSources(id: id, newest: newest.number, fields: try context.store.provenance(id: id))
        }
        let record = version.record
        var notes: [String] = []
        if !version.isNewest {
            let newest = try context.store.history(id: id).last?.number ?? version.number
            notes.append(
                "This is version \(version.number) of \(newest) (\(version.origin), \(RecordHistory.time(version.madeAt))); 'show \(id)' shows the newest, 'revert \(id)@\(version.number)' restores this one."
            )
        }
        // After a search that looked for names in other spellings: which this one has.
        if let query = context.lastQuery {
            notes += query.reasons(for: record).map { "Matched \($0.sentence) (searching '\(query.text)')." }
        }
        return DocumentView(record: record, notes: notes)
    }
}
