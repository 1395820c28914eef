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

    /// Whether the command takes free text (a query, a note): the text after the command
    /// name reaches its last positional argument verbatim, quotes, `-word` and `#tag`
    /// included, with only the command's own `--flags` taken out.
    static var takesFreeText: Bool { get }

    /// The argument the free text reaches, when it is one string: the registry then parses
    /// a command line's flags once for all the lines with the same flags (most searches
    /// have none) and gives each its own text. Nil: every line is parsed whole.
    static var freeText: WritableKeyPath<Self, String>? { get }

    /// Does the work.
    func run(in context: CommandContext) async throws -> any CommandOutput
}

extension DossierCommand {
    public static var examples: [String] { [] }
    public static var takesFreeText: Bool { false }
    public static var freeText: WritableKeyPath<Self, String>? { nil }

    /// Whether another line's free text can be given to this command (`withFreeText`).
    var hasFreeText: Bool { Self.freeText != nil }

    /// This command with `text` as its free text, checked as parsing checks it; nil when
    /// the command has no `freeText` or the text does not pass.
    func withFreeText(_ text: String) -> Self? {
        guard let key = Self.freeText else { return nil }
        var command = self
        command[keyPath: key] = text
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
