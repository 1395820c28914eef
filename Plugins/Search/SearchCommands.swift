import REPLCore

/// Finding and reading documents: `search`, `show`.
public enum SearchCommands {
    public static let module = CommandModule(name: "Search", commands: [Search.self, Show.self])
}
