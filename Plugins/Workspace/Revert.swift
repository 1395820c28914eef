import ArgumentParser
import DocumentStore
import REPLCore

/// `revert ID@N`: restores an earlier version of a record, as a new version of its own.
struct Revert: DossierCommand {
    static let configuration = CommandConfiguration(
        commandName: "revert",
        abstract: "Restore an earlier version of a document (ID@2, ID~1), keeping every version.",
        discussion: """
            The version restored becomes the newest, as a version of its own: the one it \
            replaces stays in the history, so a revert can itself be reverted. Search, \
            facets and every command use the newest version. 'show ID --history' lists the \
            versions.
            """)

    static let examples = ["revert wca-d2d80dd6e99c@1"]

    @Argument(
        help: ArgumentHelp(
            "The version to restore: ID@N (version N) or ID~N (N versions before the newest).", valueName: "ref@version"))
    var ref: String

    func run(in context: CommandContext) async throws -> any CommandOutput {
        guard ref.contains("@") || ref.contains("~") else {
            throw REPLError.failed(
                "'\(ref)' names no version. Give one as ID@N or ID~N; 'show \(ref) --history' lists the versions.")
        }
        let version = try context.resolveVersion(ref)
        let id = version.record.id
        guard let restored = try context.store.revert(id: id, to: version.number) else {
            return Message(
                "Version \(version.number) of \(id) is the document as it is now; nothing was changed.",
                data: ["id": .string(id), "version": .number(Double(version.number)), "changed": .array([])])
        }
        return Message(
            "Restored version \(version.number) of \(id) as version \(restored.number) (changed: \(restored.changed.joined(separator: ", "))). Version \(restored.number - 1) is kept in its history.",
            data: ["id": .string(id), "restored_version": .number(Double(version.number)), "version": restored.json])
    }
}
