import REPLCore

/// Finding and reading documents: `search`, `show`.
public enum SearchCommands {
    public static let module = CommandModule(
        name: "Search",
        commands: [
            Search.self, Next.self, Prev.self, Show.self, Facets.self, Timeline.self, Kwic.self, Related.self, Open.self,
            Names.self,
        ],
        settings: [Search.snippetSetting])
}
