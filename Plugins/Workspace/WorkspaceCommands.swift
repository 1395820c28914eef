import REPLCore

/// The workspace and its store: `import`, `stats`.
public enum WorkspaceCommands {
    public static let module = CommandModule(name: "Workspace", commands: [Import.self, Stats.self, Alias.self])
}
