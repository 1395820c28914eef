import ArgumentParser
import REPLCore

/// `show REF`: one document in full.
struct Show: DossierCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a document in full: every field, the summary and the text.",
        discussion: "REF is a result number from the last listing (show 2) or a document id.")

    static let examples = ["show 1", "show wca-d2d80dd6e99c"]

    @Argument(help: ArgumentHelp("A result number or a document id.", valueName: "ref"))
    var ref: String

    func run(in context: CommandContext) async throws -> any CommandOutput {
        DocumentView(record: try context.resolve(ref))
    }
}
