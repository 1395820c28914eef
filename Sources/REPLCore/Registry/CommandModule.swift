/// A named list of commands: `Search`, `Workspace`, … The executable lists the modules
/// once; `help` groups commands by them.
public struct CommandModule: Sendable {
    public var name: String
    public var entries: [CommandEntry]

    /// A module of built-in commands.
    public init(name: String, commands: [any DossierCommand.Type]) {
        self.name = name
        self.entries = commands.map { CommandEntry(builtIn: $0) }
    }

    /// A module of entries made elsewhere (external plugins).
    public init(name: String, entries: [CommandEntry]) {
        self.name = name
        self.entries = entries
    }
}
