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
            return PreformattedText(
                Self.overview(context.registry, style: context.style), data: Self.overviewJSON(context.registry))
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
        let screen = entry.help(path, width: context.style.width)
        var data = (try? JSONValue(encoding: leaf)) ?? .null
        if case .object(var object) = data {
            object["text"] = .string(screen)
            data = .object(object)
        }
        return PreformattedText(screen, data: data)
    }

    static func overview(_ registry: CommandRegistry, style: TextStyle) -> String {
        let nameWidth = (registry.entries.map(\.name.count).max() ?? 0) + 2
        var lines: [String] = []
        for module in registry.modules where !module.entries.isEmpty {
            if !lines.isEmpty { lines.append("") }
            lines.append(style.heading(module.name))
            for entry in module.entries {
                let indent = String(repeating: " ", count: nameWidth + 2)
                let wrapped = Wrapping.wrap(entry.signature.abstract, width: style.width, indent: indent, firstIndent: indent)
                lines.append("  " + style.bold(Wrapping.pad(entry.name, to: nameWidth)) + wrapped[0].dropFirst(indent.count))
                lines += wrapped.dropFirst()
            }
        }
        lines.append("")
        lines.append("Type 'help COMMAND' for its usage, options and examples.")
        return lines.joined(separator: "\n")
    }

    /// The modules and their commands, each with its usage line and its subcommands', for
    /// programs (the README's command table is made from it).
    static func overviewJSON(_ registry: CommandRegistry) -> JSONValue {
        func describe(_ signature: CommandSignature, path: [String]) -> JSONValue {
            let name = (path + [signature.name]).joined(separator: " ")
            var object: [String: JSONValue] = [
                "name": .string(name), "abstract": .string(signature.abstract),
                "usage": .string(HelpScreen.usage(signature, command: name)),
            ]
            if !signature.subcommands.isEmpty {
                object["subcommands"] = .array(signature.subcommands.map { describe($0, path: path + [signature.name]) })
                object["default_subcommand"] = signature.defaultSubcommand.map(JSONValue.string) ?? .null
            }
            return .object(object)
        }
        return .object([
            "modules": .array(
                registry.modules.map { module in
                    [
                        "name": .string(module.name),
                        "commands": .array(module.entries.map { describe($0.signature, path: []) }),
                    ]
                })
        ])
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
