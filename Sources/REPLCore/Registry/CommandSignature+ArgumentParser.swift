import DossierProtocol
import Foundation

extension CommandSignature {
    /// A built-in command's signature, read from swift-argument-parser's description of it
    /// (`_dumpHelp()`, version 0 of its tool-info format), with what the REPL adds by path:
    /// examples, whether the (sub)command takes free text, and defaults its options take
    /// from elsewhere than their declaration (a listing's own `--limit`).
    init(
        toolInfo json: String, examples: (_ path: [String]) -> [String], freeText: (_ path: [String]) -> Bool,
        defaults: (_ path: [String]) -> [String: String]
    ) throws {
        let info = try JSONDecoder().decode(ToolInfo.self, from: Data(json.utf8))
        self.init(info.command, path: [], examples: examples, freeText: freeText, defaults: defaults)
    }

    private init(
        _ info: ToolInfo.Command, path: [String], examples: ([String]) -> [String], freeText: ([String]) -> Bool,
        defaults: ([String]) -> [String: String]
    ) {
        let myPath = path + [info.commandName]
        let defaultValues = defaults(myPath)
        let visible = (info.arguments ?? []).filter { $0.shouldDisplay }
        let arguments = visible.filter { $0.kind == "positional" }.map {
            Argument($0.valueName ?? "value", help: $0.abstract ?? "", optional: $0.isOptional, repeating: $0.isRepeating)
        }
        let options = visible.filter { $0.kind != "positional" }.compactMap { argument -> Option? in
            let names = argument.names ?? []
            guard let long = names.first(where: { $0.kind != "short" })?.name, long != "help" else { return nil }
            let flag = argument.kind != "option"
            return Option(
                long, short: names.first { $0.kind == "short" }?.name, flag: flag,
                value: flag ? nil : argument.valueName, help: argument.abstract ?? "",
                defaultValue: flag ? nil : argument.defaultValue ?? defaultValues[long], choices: argument.allValues ?? [])
        }
        self.init(
            name: info.commandName, aliases: info.aliases ?? [], abstract: info.abstract ?? "",
            discussion: info.discussion ?? "", arguments: arguments, options: options,
            subcommands: (info.subcommands ?? []).filter { $0.shouldDisplay && $0.commandName != "help" }
                .map { CommandSignature($0, path: myPath, examples: examples, freeText: freeText, defaults: defaults) },
            defaultSubcommand: info.defaultSubcommand, examples: examples(myPath), freeText: freeText(myPath))
    }
}

/// The part of swift-argument-parser's tool-info JSON that the REPL reads.
private struct ToolInfo: Decodable {
    var command: Command

    struct Command: Decodable {
        var commandName: String
        var aliases: [String]?
        var defaultSubcommand: String?
        var abstract: String?
        var discussion: String?
        var shouldDisplay: Bool
        var subcommands: [Command]?
        var arguments: [ArgumentInfo]?
    }

    struct ArgumentInfo: Decodable {
        var kind: String
        var shouldDisplay: Bool
        var isOptional: Bool
        var isRepeating: Bool
        var names: [Name]?
        var valueName: String?
        var defaultValue: String?
        var allValues: [String]?
        var abstract: String?
    }

    struct Name: Decodable {
        var kind: String
        var name: String
    }
}
