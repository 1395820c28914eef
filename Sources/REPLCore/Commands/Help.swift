import Foundation
import ArgumentParser
import DocumentStore

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
            return PreformattedText(Self.overview(context.registry, style: context.style), data: Self.overviewJSON(context.registry))
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
        let screen = Self.screen(for: entry, path: path, width: context.style.width)
        var data = (try? JSONValue(signature: leaf)) ?? .null
        if case .object(var object) = data {
            object["text"] = .string(screen)
            data = .object(object)
        }
        return PreformattedText(screen, data: data)
    }

    /// The help screen of one command: swift-argument-parser's usage and options, then the
    /// options every command shares and the examples.
    static func screen(for entry: CommandEntry, path: [String], width: Int) -> String {
        var leaf = entry.signature
        for name in path { leaf = leaf.subcommand(named: name) ?? leaf }
        var text = entry.help(path, width).trimmingCharacters(in: .newlines)
        // swift-argument-parser points at its own help subcommand; at the prompt it is `help`.
        let command = ([entry.name] + path).joined(separator: " ")
        text = text.replacingOccurrences(
            of: "See '\(command) help <subcommand>' for detailed help.",
            with: "Type 'help \(command) SUBCOMMAND' for a subcommand's options and examples.")
        var notes = ["Every command also takes --json, to print machine-readable JSON instead of text."]
        if leaf.takesFreeText {
            notes.append("The text after the command is taken as typed: quotes, -word and #tag included; only the options above are taken out of it.")
        }
        text += "\n\n" + notes.flatMap { Wrapping.wrap($0, width: width) }.joined(separator: "\n")
        if !leaf.examples.isEmpty {
            text += "\n\nEXAMPLES:\n" + leaf.examples.map { "  " + $0 }.joined(separator: "\n")
        }
        return text
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

    static func overviewJSON(_ registry: CommandRegistry) -> JSONValue {
        .object([
            "modules": .array(registry.modules.map { module in
                [
                    "name": .string(module.name),
                    "commands": .array(module.entries.map { entry in
                        ["name": .string(entry.name), "abstract": .string(entry.signature.abstract)]
                    }),
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
        return Message("", data: ["quit": true])
    }
}

extension JSONValue {
    /// A signature as JSON, through its Codable form.
    init(signature: CommandSignature) throws {
        let data = try JSONEncoder().encode(signature)
        self = try JSONDecoder().decode(JSONValue.self, from: data)
    }
}
