import ArgumentParser
import Foundation

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
        let parsedFlags = ParsedFlags()
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
                // A free-text line (flags, `--`, the text): its flags parsed before, the
                // command parsed then gets this line's text.
                let flags = arguments.count >= 2 && arguments[arguments.count - 2] == "--" ? Array(arguments.dropLast()) : nil
                if let flags, let parsed = parsedFlags.command(for: flags), let command = parsed.withFreeText(arguments.last!) {
                    return try await command.run(in: context)
                }
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
                if let flags, command.hasFreeText { parsedFlags.keep(command, for: flags) }
                return try await command.run(in: context)
            })
    }
}

/// Free-text commands as parsed for each set of flags seen (up to a few dozen sets).
private final class ParsedFlags: @unchecked Sendable {
    private let lock = NSLock()
    private var commands: [[String]: any DossierCommand] = [:]

    func command(for flags: [String]) -> (any DossierCommand)? {
        lock.withLock { commands[flags] }
    }

    func keep(_ command: any DossierCommand, for flags: [String]) {
        lock.withLock {
            if commands.count >= 64 { commands.removeAll() }
            commands[flags] = command
        }
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
