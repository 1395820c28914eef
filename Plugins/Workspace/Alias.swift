import ArgumentParser
import DocumentStore
import DossierProtocol
import Foundation
import REPLCore

/// `alias …`: names that no spelling rule joins, kept in the store.
struct Alias: DossierCommandGroup {
    static let configuration = CommandConfiguration(
        commandName: "alias",
        abstract: "Keep other names of a person or place that no spelling rule derives.",
        discussion: """
            Search already finds a name in its other romanizations, transliterations and \
            scripts (Kim Il Sung, Kim Il-sŏng, 김일성). An alias joins names no rule can: \
            Chiang Kai-shek and Jiang Jieshi, Peking and Beijing, a pseudonym. Aliases live \
            in the archive's store and apply to search, facets, names and related.
            """,
        subcommands: [Add.self, List.self, Remove.self, ImportFile.self, Export.self])

    static let examples = ["alias list"]

    struct Add: DossierCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Give a name its other names.",
            discussion: "Quote names of several words. A name that is already another's alias joins that group.")
        static let examples = [
            "alias add \"Chiang Kai-shek\" \"Jiang Jieshi\" Generalissimo",
            "alias add Peking Beijing Peiping",
        ]

        @Argument(help: "The name.")
        var name: String
        @Argument(help: "Its other names.")
        var variants: [String] = []

        func validate() throws {
            guard !variants.isEmpty else {
                throw ValidationError("Give '\(name)' one or more other names, e.g. alias add Peking Beijing.")
            }
        }

        func run(in context: CommandContext) async throws -> any CommandOutput {
            let added = try context.store.addAliases(AliasGroup(name: name, variants: variants))
            return AliasChange(name: name, variants: variants, added: added)
        }
    }

    struct List: DossierCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the aliases.")
        static let examples = ["alias list", "alias list --json"]

        func run(in context: CommandContext) async throws -> any CommandOutput {
            AliasListing(aliases: try context.store.aliases().map { AliasListing.Alias(name: $0.name, variants: $0.variants) })
        }
    }

    struct Remove: DossierCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm", abstract: "Remove a name's aliases, or only the ones given.")
        static let examples = ["alias rm Peking Peiping"]

        @Argument(help: "The name (or one of its aliases).")
        var name: String
        @Argument(help: "The aliases to remove (all of them when none are given).")
        var variants: [String] = []

        func run(in context: CommandContext) async throws -> any CommandOutput {
            AliasRemoval(name: name, removed: try context.store.removeAliases(name: name, variants: variants))
        }
    }

    struct ImportFile: DossierCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "Read aliases from a file: a name a line, its other names after it, tab-separated.",
            discussion: "Lines starting with # are comments. The whole file is read or, if a line is malformed, none of it.")
        static let examples = ["alias import Tests/dossierTests/Fixtures/aliases.tsv"]

        @Argument(help: ArgumentHelp("The file.", valueName: "file"))
        var file: String

        func run(in context: CommandContext) async throws -> any CommandOutput {
            let url = URL(fileURLWithPath: (file as NSString).expandingTildeInPath)
            let (groups, added) = try context.store.importAliases(at: url, name: file)
            return AliasFileRead(file: file, names: groups, added: added)
        }
    }

    struct Export: DossierCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "Write the aliases in the format 'alias import' reads (to the screen without --out)."
        )
        static let examples = ["alias export"]

        @OptionGroup var out: OutputOption

        func run(in context: CommandContext) async throws -> any CommandOutput {
            let groups = try context.store.aliases()
            let text = DocumentStore.aliasFile(groups)
            guard let out = out.path else { return Message(text.isEmpty ? "There are no aliases." : String(text.dropLast())) }
            try OutputFile.write(text, to: out)
            return AliasFileWritten(file: out, names: groups.count)
        }
    }
}

/// What `alias add` did.
struct AliasChange: SentenceResult {
    var name: String
    var variants: [String]
    /// How many of the variants were new.
    var added: Int

    enum CodingKeys: String, CodingKey {
        case name, added
    }

    var sentence: String {
        added == 0
            ? "'\(name)' already has \(variants.count == 1 ? "that alias" : "those aliases")."
            : "'\(name)' is also searched as \(variants.map { "'\($0)'" }.joined(separator: ", "))."
    }
}

/// The aliases `alias list` shows.
struct AliasListing: CommandResult {
    struct Alias: Encodable, Sendable {
        var name: String
        var variants: [String]
    }

    var aliases: [Alias]

    func text(in style: TextStyle) -> String {
        guard !aliases.isEmpty else {
            return Message("There are no aliases. Add one with 'alias add NAME VARIANT…' or 'alias import FILE'.").text(in: style)
        }
        return FieldList(fields: aliases.map { (label: $0.name, value: $0.variants.joined(separator: "; ")) })
            .text(in: style)
    }
}

/// What `alias rm` removed.
struct AliasRemoval: SentenceResult {
    var name: String
    var removed: Int

    var sentence: String {
        "Removed \(removed) \(removed == 1 ? "alias" : "aliases") of '\(name)'."
    }
}

/// What `alias import` read.
struct AliasFileRead: SentenceResult {
    var file: String
    var names: Int
    var added: Int

    var sentence: String {
        "Read \(names) \(names == 1 ? "name" : "names") from '\(file)': \(added) new \(added == 1 ? "alias" : "aliases")."
    }
}

/// What `alias export --out FILE` wrote.
struct AliasFileWritten: SentenceResult {
    var file: String
    var names: Int

    enum CodingKeys: String, CodingKey {
        case file
    }

    var sentence: String {
        "Wrote \(names) \(names == 1 ? "name" : "names") to '\(file)'."
    }
}
