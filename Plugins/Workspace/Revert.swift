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
        return Reversion(id: id, restored: version.number, made: try context.store.revert(id: id, to: version.number))
    }
}

/// What `revert` did: the version asked for, and the new version that restores it (nil
/// when the document already was that version).
struct Reversion: SentenceResult {
    var id: String
    var restored: Int
    var made: RecordVersion?

    enum CodingKeys: String, CodingKey {
        case id, version, changed
        case restoredVersion = "restored_version"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        if let made {
            try container.encode(restored, forKey: .restoredVersion)
            try container.encode(made.json, forKey: .version)
        } else {
            try container.encode(restored, forKey: .version)
            try container.encode([String](), forKey: .changed)
        }
    }

    var sentence: String {
        guard let made else {
            return "Version \(restored) of \(id) is the document as it is now; nothing was changed."
        }
        return
            "Restored version \(restored) of \(id) as version \(made.number) (changed: \(made.changed.joined(separator: ", "))). "
            + "Version \(made.number - 1) is kept in its history."
    }
}
