import ArgumentParser
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

    static let examples = ["show 1", "show wca-d2d80dd6e99c"]

    @Argument(help: ArgumentHelp("A result number or a document id.", valueName: "ref"))
    var ref: String

    func run(in context: CommandContext) async throws -> any CommandOutput {
        let record = try context.resolve(ref)
        // After a search that looked for names in other spellings: which this one has.
        let reasons = context.lastQuery?.reasons(for: record) ?? []
        let notes = reasons.map { "Matched \($0.sentence) (searching '\(context.lastQuery!.text)')." }
        return DocumentView(record: record, notes: notes)
    }
}
