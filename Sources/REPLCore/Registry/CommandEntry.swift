import ArgumentParser

/// A command as the registry keeps it: its signature, its help text and how to run it with
/// already-split arguments. A built-in command and an external plugin's command are both
/// just entries.
public struct CommandEntry: Sendable {
    public let signature: CommandSignature
    /// The help screen for the command or one of its subcommands (`path` after the name),
    /// wrapped to `width` columns.
    public let help: @Sendable (_ path: [String], _ width: Int) -> String
    /// The usage line for the command or one of its subcommands.
    public let usage: @Sendable (_ path: [String]) -> String
    /// Parses `arguments` (subcommand names first) and runs the command.
    public let invoke: @Sendable (_ arguments: [String], _ context: CommandContext) async throws -> any CommandOutput

    public var name: String { signature.name }

    public init(
        signature: CommandSignature,
        help: @escaping @Sendable ([String], Int) -> String,
        usage: @escaping @Sendable ([String]) -> String,
        invoke: @escaping @Sendable ([String], CommandContext) async throws -> any CommandOutput
    ) {
        self.signature = signature
        self.help = help
        self.usage = usage
        self.invoke = invoke
    }

    /// The entry for a built-in command type.
    public init<Command: DossierCommand>(builtIn type: Command.Type) {
        @Sendable func leaf(_ path: [String]) -> any ParsableCommand.Type {
            var current: any ParsableCommand.Type = type
            for name in path {
                guard let next = current.configuration.subcommands.first(where: {
                    $0._commandName == name || $0.configuration.aliases.contains(name)
                }) else { break }
                current = next
            }
            return current
        }
        @Sendable func leafFromRoot(_ path: [String]) -> any ParsableCommand.Type {
            leaf(Array(path.dropFirst()))
        }
        let signature: CommandSignature
        do {
            signature = try CommandSignature(
                toolInfo: type._dumpHelp(),
                examples: { path in (leafFromRoot(path) as? any DossierCommand.Type)?.examples ?? [] },
                freeText: { path in (leafFromRoot(path) as? any DossierCommand.Type)?.takesFreeText ?? false })
        } catch {
            preconditionFailure("swift-argument-parser's description of '\(type._commandName)' is unreadable: \(error)")
        }
        self.init(
            signature: signature,
            help: { path, width in
                type.helpMessage(for: leaf(path), includeHidden: false, columns: width)
            },
            usage: { path in
                type.usageString(for: leaf(path)).trimmingCharacters(in: .whitespacesAndNewlines)
            },
            invoke: { arguments, context in
                let parsed: any ParsableCommand
                do {
                    parsed = try type.parseAsRoot(arguments)
                } catch {
                    let path = subcommandPath(of: arguments, in: signature)
                    throw REPLError.usage(
                        command: ([type._commandName] + path).joined(separator: " "),
                        message: type.message(for: error),
                        usage: type.usageString(for: leaf(path)).trimmingCharacters(in: .whitespacesAndNewlines))
                }
                guard let command = parsed as? any DossierCommand else {
                    throw REPLError.missingSubcommand(command: type._commandName)
                }
                return try await command.run(in: context)
            })
    }
}

/// The leading arguments that name subcommands (`["new"]` of `["new", "plenum"]`).
func subcommandPath(of arguments: [String], in signature: CommandSignature) -> [String] {
    var path: [String] = []
    var current = signature
    for argument in arguments {
        guard let next = current.subcommand(named: argument) else { break }
        path.append(argument)
        current = next
    }
    return path
}
