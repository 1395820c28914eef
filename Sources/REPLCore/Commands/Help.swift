import ArgumentParser
import DossierProtocol
import Foundation

/// `help [COMMAND [SUBCOMMAND]]`: the commands by module, or one command's usage, flags and
/// examples.
struct Help: DossierCommand {
    static let configuration = CommandConfiguration(
        commandName: "help",
        abstract: "List the commands, or show how to use one.")

    static let examples = ["help", "help search", "help import"]

    @Argument(help: "The command (and subcommand) to explain.")
    var command: [String] = []

    func run(in context: CommandContext) async throws -> any CommandOutput {
        guard let name = command.first else {
            return HelpOverview(registry: context.registry)
        }
        guard let entry = context.registry.entry(named: name) else {
            throw REPLError.unknownCommand(name, suggestions: context.registry.suggestions(for: name))
        }
        var path: [String] = []
        var leaf = entry.signature
        for word in command.dropFirst() {
            guard let next = leaf.subcommand(named: word) else {
                throw REPLError.unknownSubcommand(
                    command: ([name] + path).joined(separator: " "), given: word,
                    suggestions: leaf.subcommands.map(\.name).filter { $0.hasPrefix(word.prefix(1)) })
            }
            path.append(next.name)
            leaf = next
        }
        return CommandHelp(signature: leaf, screen: entry.help(path, width: context.style.width))
    }
}

/// A command's help: its screen as text; for a program, its signature with the screen as
/// `text`.
struct CommandHelp: CommandResult {
    var signature: CommandSignature
    var screen: String

    func text(in style: TextStyle) -> String { screen }

    func encode(to encoder: any Encoder) throws {
        try Annotated(signature, PreformattedText(screen)).encode(to: encoder)
    }
}

/// `help` alone: the commands by module; for a program, each with its usage line and its
/// subcommands' (the README's command table is made from it).
struct HelpOverview: CommandResult {
    struct Module: Encodable {
        var name: String
        var commands: [Command]
    }

    struct Command: Encodable {
        var name: String
        var abstract: String
        var usage: String
        var subcommands: [Command]?
        /// Present (null when there is none) only for a command with subcommands.
        var defaultSubcommand: String??

        init(_ signature: CommandSignature, path: [String]) {
            name = (path + [signature.name]).joined(separator: " ")
            abstract = signature.abstract
            usage = HelpScreen.usage(signature, command: name)
            if !signature.subcommands.isEmpty {
                subcommands = signature.subcommands.map { Command($0, path: path + [signature.name]) }
                defaultSubcommand = .some(signature.defaultSubcommand)
            }
        }

        enum CodingKeys: String, CodingKey {
            case name, abstract, usage, subcommands
            case defaultSubcommand = "default_subcommand"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(abstract, forKey: .abstract)
            try container.encode(usage, forKey: .usage)
            try container.encodeIfPresent(subcommands, forKey: .subcommands)
            if let defaultSubcommand { try container.encode(defaultSubcommand, forKey: .defaultSubcommand) }
        }
    }

    var modules: [Module]
    /// Modules and their commands as the overview lists them: (module, [(name, abstract)]).
    private let listing: [(module: String, commands: [(name: String, abstract: String)])]

    enum CodingKeys: String, CodingKey {
        case modules
    }

    init(registry: CommandRegistry) {
        let shown = registry.modules.filter { !$0.entries.isEmpty }
        modules = registry.modules.map { module in
            Module(name: module.name, commands: module.entries.map { Command($0.signature, path: []) })
        }
        listing = shown.map { module in (module.name, module.entries.map { ($0.name, $0.signature.abstract) }) }
    }

    func text(in style: TextStyle) -> String {
        let nameWidth = (listing.flatMap(\.commands).map(\.name.count).max() ?? 0) + 2
        var lines: [String] = []
        for module in listing {
            if !lines.isEmpty { lines.append("") }
            lines.append(style.heading(module.module))
            for command in module.commands {
                let indent = String(repeating: " ", count: nameWidth + 2)
                let wrapped = Wrapping.wrap(command.abstract, width: style.width, indent: indent, firstIndent: indent)
                lines.append("  " + style.bold(Wrapping.pad(command.name, to: nameWidth)) + wrapped[0].dropFirst(indent.count))
                lines += wrapped.dropFirst()
            }
        }
        lines.append("")
        lines.append("Type 'help COMMAND' for its usage, options and examples.")
        return lines.joined(separator: "\n")
    }
}

/// `quit`: ends the session (Ctrl-D does the same).
struct Quit: DossierCommand {
    static let configuration = CommandConfiguration(
        commandName: "quit",
        abstract: "Leave dossier (Ctrl-D does the same).",
        aliases: ["exit"])

    func run(in context: CommandContext) async throws -> any CommandOutput {
        context.requestQuit()
        return Quitting()
    }
}

/// What `quit` returns: nothing to say; `{"quit": true}` for a program.
struct Quitting: CommandResult {
    let quit = true

    func text(in style: TextStyle) -> String { "" }
}
