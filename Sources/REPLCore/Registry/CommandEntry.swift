import ArgumentParser
import DossierProtocol
import Foundation

/// A command as the registry keeps it: its signature, where it comes from, and how to run
/// it with a parsed line. A built-in command and an external plugin's command are both
/// just entries.
public struct CommandEntry: Sendable {
    public let signature: CommandSignature
    /// Where a command that is not built in comes from (`dossier-plugin-wordfreq
    /// (/path)`), which its help says; nil for a built-in command.
    public let origin: String?
    /// Runs the command with its line parsed by `Invocation`.
    public let invoke: @Sendable (_ invocation: Invocation, _ context: CommandContext) async throws -> any CommandOutput

    public var name: String { signature.name }

    public init(
        signature: CommandSignature, origin: String? = nil,
        invoke: @escaping @Sendable (Invocation, CommandContext) async throws -> any CommandOutput
    ) {
        self.signature = signature
        self.origin = origin
        self.invoke = invoke
    }

    /// The help screen for the command or one of its subcommands (`path` after the name).
    public func help(_ path: [String], width: Int) -> String {
        HelpScreen.screen(for: signature, path: path, origin: origin, width: width)
    }

    /// The usage line for the command or one of its subcommands.
    public func usage(_ path: [String]) -> String {
        HelpScreen.usage(signature.subcommand(at: path) ?? signature, command: ([name] + path).joined(separator: " "))
    }

    /// The entry for a built-in command type: its signature read from swift-argument-parser's
    /// model, its line handed to swift-argument-parser to fill the command's properties.
    public init<Command: DossierCommand>(builtIn type: Command.Type) {
        @Sendable func leaf(_ path: [String]) -> any ParsableCommand.Type {
            var current: any ParsableCommand.Type = type
            for name in path.dropFirst() {
                guard
                    let next = current.configuration.subcommands.first(where: {
                        $0._commandName == name || $0.configuration.aliases.contains(name)
                    })
                else { break }
                current = next
            }
            return current
        }
        let signature: CommandSignature
        do {
            signature = try CommandSignature(
                toolInfo: type._dumpHelp(),
                examples: { path in (leaf(path) as? any DossierCommand.Type)?.examples ?? [] },
                freeText: { path in leaf(path) is any FreeTextCommand.Type },
                defaults: { path in (leaf(path) as? any ListingCommand.Type).map { ["limit": String($0.defaultLimit)] } ?? [:] })
        } catch {
            preconditionFailure("swift-argument-parser's description of '\(type._commandName)' is unreadable: \(error)")
        }
        let parsedOptions = ParsedOptions()
        self.init(signature: signature) { invocation, context in
            // A free-text line: the command parsed for the same options before gets this
            // line's text.
            var options = invocation
            options.text = nil
            let optionWords = invocation.text == nil ? nil : options.arguments
            if let optionWords, let text = invocation.text, let parsed = parsedOptions.command(for: optionWords),
                let command = parsed.withFreeText(text)
            {
                return try await command.run(in: context)
            }
            let parsed: any ParsableCommand
            do {
                parsed = try type.parseAsRoot(invocation.arguments)
            } catch {
                let command = ([type._commandName] + invocation.path).joined(separator: " ")
                throw REPLError.usage(
                    command: command, message: type.message(for: error),
                    usage: HelpScreen.usage(signature.subcommand(at: invocation.path) ?? signature, command: command))
            }
            guard let command = parsed as? any DossierCommand else {
                throw REPLError.missingSubcommand(command: type._commandName)
            }
            if let optionWords, let command = command as? any FreeTextCommand { parsedOptions.keep(command, for: optionWords) }
            return try await command.run(in: context)
        }
    }
}

/// Free-text commands as parsed for each set of options seen (up to a few dozen sets).
/// `@unchecked Sendable`: the dictionary is touched only under the lock, and a parsed
/// command is a value that is copied out, never shared mutably (swift-argument-parser's
/// commands are not declared Sendable, which `Mutex` would need).
private final class ParsedOptions: @unchecked Sendable {
    private let lock = NSLock()
    private var commands: [[String]: any FreeTextCommand] = [:]

    func command(for options: [String]) -> (any FreeTextCommand)? {
        lock.withLock { commands[options] }
    }

    func keep(_ command: any FreeTextCommand, for options: [String]) {
        lock.withLock {
            if commands.count >= 64 { commands.removeAll() }
            commands[options] = command
        }
    }
}
