/// A named list of commands: `Search`, `Workspace`, … The executable lists the modules
/// once; `help` groups commands by them.
public struct CommandModule: Sendable {
    public var name: String
    public var entries: [CommandEntry]
    /// The settings its commands read, which `set` lists and changes.
    public var settings: [SettingDefinition]

    /// A module of built-in commands.
    public init(name: String, commands: [any DossierCommand.Type], settings: [SettingDefinition] = []) {
        self.name = name
        self.entries = commands.map { CommandEntry(builtIn: $0) }
        self.settings = settings
    }

    /// A module of entries made elsewhere (external plugins).
    public init(name: String, entries: [CommandEntry]) {
        self.name = name
        self.entries = entries
        self.settings = []
    }
}
