import Foundation

/// What the REPL knows of a command without running it: names, help, arguments, flags,
/// subcommands and examples. Built-in commands derive it from swift-argument-parser's
/// description of them; external plugins send it as JSON.
public struct CommandSignature: Sendable, Equatable, Codable {
    public var name: String
    public var aliases: [String]
    public var abstract: String
    public var discussion: String
    public var arguments: [Argument]
    public var options: [Option]
    public var subcommands: [CommandSignature]
    /// The subcommand a line runs when it names none (`note 3 TEXT` is `note add 3 TEXT`).
    public var defaultSubcommand: String?
    public var examples: [String]
    public var takesFreeText: Bool

    /// A positional argument.
    public struct Argument: Sendable, Equatable, Codable {
        public var name: String
        public var help: String
        public var isOptional: Bool
        public var isRepeating: Bool

        public init(name: String, help: String = "", isOptional: Bool = false, isRepeating: Bool = false) {
            self.name = name
            self.help = help
            self.isOptional = isOptional
            self.isRepeating = isRepeating
        }

        /// Whether the argument names a document (`REF`), which completion offers result
        /// numbers and ids for.
        public var isReference: Bool {
            let lowered = name.lowercased()
            return lowered == "ref" || lowered == "refs" || lowered.hasPrefix("ref-") || lowered.hasSuffix("-ref")
        }

        /// Whether the argument names a session, which completion offers the workspace's
        /// session names for.
        public var isSession: Bool {
            name.lowercased() == "session"
        }
    }

    /// A `--flag` or `--option VALUE`.
    public struct Option: Sendable, Equatable, Codable {
        /// Names with their dashes: `--limit`, `-n`.
        public var names: [String]
        public var takesValue: Bool
        public var valueName: String?
        public var values: [String]
        public var help: String

        public init(names: [String], takesValue: Bool, valueName: String? = nil, values: [String] = [], help: String = "") {
            self.names = names
            self.takesValue = takesValue
            self.valueName = valueName
            self.values = values
            self.help = help
        }
    }

    public init(
        name: String, aliases: [String] = [], abstract: String, discussion: String = "",
        arguments: [Argument] = [], options: [Option] = [], subcommands: [CommandSignature] = [],
        defaultSubcommand: String? = nil, examples: [String] = [], takesFreeText: Bool = false
    ) {
        self.name = name
        self.aliases = aliases
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
        self.subcommands = subcommands
        self.defaultSubcommand = defaultSubcommand
        self.examples = examples
        self.takesFreeText = takesFreeText
    }

    /// The option with this name (`--limit` or `-n`), if the command has it.
    public func option(named name: String) -> Option? {
        options.first { $0.names.contains(name) }
    }

    /// The subcommand with this name or alias, if any.
    public func subcommand(named name: String) -> CommandSignature? {
        subcommands.first { $0.name == name || $0.aliases.contains(name) }
    }

    /// Every example of the command and its subcommands.
    public var allExamples: [String] {
        examples + subcommands.flatMap(\.allExamples)
    }
}

extension CommandSignature {
    /// Reads swift-argument-parser's description of a command (`_dumpHelp()`, version 0 of
    /// its tool-info format).
    init(toolInfo json: String, examples: (_ path: [String]) -> [String], freeText: (_ path: [String]) -> Bool) throws {
        let info = try JSONDecoder().decode(ToolInfo.self, from: Data(json.utf8))
        self.init(info.command, path: [], examples: examples, freeText: freeText)
    }

    private init(
        _ info: ToolInfo.Command, path: [String], examples: ([String]) -> [String], freeText: ([String]) -> Bool
    ) {
        let myPath = path + [info.commandName]
        let visible = (info.arguments ?? []).filter { $0.shouldDisplay }
        let arguments = visible.filter { $0.kind == "positional" }.map {
            Argument(
                name: $0.valueName ?? "value", help: $0.abstract ?? "", isOptional: $0.isOptional,
                isRepeating: $0.isRepeating)
        }
        let options = visible.filter { $0.kind != "positional" }.compactMap { argument -> Option? in
            let names = (argument.names ?? []).map { name in
                name.kind == "short" ? "-" + name.name : "--" + name.name
            }
            guard !names.isEmpty, !names.contains("--help") else { return nil }
            return Option(
                names: names, takesValue: argument.kind == "option", valueName: argument.valueName,
                values: argument.allValues ?? [], help: argument.abstract ?? "")
        }
        self.init(
            name: info.commandName, aliases: info.aliases ?? [], abstract: info.abstract ?? "",
            discussion: info.discussion ?? "", arguments: arguments, options: options,
            subcommands: (info.subcommands ?? []).filter { $0.shouldDisplay && $0.commandName != "help" }
                .map { CommandSignature($0, path: myPath, examples: examples, freeText: freeText) },
            defaultSubcommand: info.defaultSubcommand, examples: examples(myPath), takesFreeText: freeText(myPath))
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
        var allValues: [String]?
        var abstract: String?
    }

    struct Name: Decodable {
        var kind: String
        var name: String
    }
}
