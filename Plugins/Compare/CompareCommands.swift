import REPLCore

/// What documents, or sets of documents, share and where they differ: `compare`, `diff`.
public enum CompareCommands {
    public static let module = CommandModule(name: "Compare", commands: [Compare.self, Diff.self])
}
