import ArgumentParser

/// A command of the REPL: swift-argument-parser gives it parsing, help and error messages;
/// this protocol adds what the REPL needs.
///
/// A command returns a value and never prints: REPLCore renders the value as text or, with
/// `--json`, as JSON. That is what lets every command run the same from the prompt, from
/// `dossier -c`, from a script and from a pipe.
public protocol DossierCommand: ParsableCommand {
    /// Lines a user can type, shown by `help COMMAND` and executed by the tests against the
    /// fixture store, so they stay true.
    static var examples: [String] { get }

    /// Does the work.
    func run(in context: CommandContext) async throws -> any CommandOutput
}

extension DossierCommand {
    public static var examples: [String] { [] }
}

/// A command that takes free text (a query, a note): the text after the command name
/// reaches `freeText` verbatim, quotes, `-word` and `#tag` included, with only the
/// command's own `--options` taken out. The registry parses a line's options once for all
/// the lines with the same options (most searches have none) and gives each its own text.
public protocol FreeTextCommand: DossierCommand {
    /// The property the text goes to.
    static var freeText: WritableKeyPath<Self, String> { get }
}

extension FreeTextCommand {
    /// This command with `text` as its free text, checked as parsing checks it; nil when
    /// the text does not pass.
    func withFreeText(_ text: String) -> Self? {
        var command = self
        command[keyPath: Self.freeText] = text
        return (try? command.validate()) == nil ? nil : command
    }
}

/// A command that only groups subcommands (`session new`, `session list`, …).
public protocol DossierCommandGroup: DossierCommand {}

extension DossierCommandGroup {
    public func run(in context: CommandContext) async throws -> any CommandOutput {
        throw REPLError.missingSubcommand(command: Self._commandName)
    }
}
