import REPLCore

/// The workspace, its store and the working set: `import`, `edit`, `revert`, `stats`, `alias`, `pin`,
/// `history`, `replay`, `plugins`.
public enum WorkspaceCommands {
    public static let module = CommandModule(
        name: "Workspace",
        commands: [
            Import.self, Edit.self, Revert.self, Stats.self, Alias.self, Pin.self, Unpin.self, History.self, Replay.self,
            PluginsCommand.self,
        ])
}
