import TextAnalysis

/// Every command the REPL knows, by module. Built once at start-up from the one list of
/// modules in the executable; `help` and `quit` are REPLCore's own and always present.
public final class CommandRegistry: Sendable {
    public let modules: [CommandModule]
    private let byName: [String: CommandEntry]

    public init(modules: [CommandModule]) {
        let all = modules + [CommandModule(name: "REPL", commands: [Help.self, Quit.self])]
        var byName: [String: CommandEntry] = [:]
        for module in all {
            for entry in module.entries {
                for name in [entry.name] + entry.signature.aliases {
                    precondition(byName[name] == nil, "Two commands are named '\(name)'.")
                    byName[name] = entry
                }
            }
        }
        self.modules = all
        self.byName = byName
    }

    /// The command with this name or alias.
    public func entry(named name: String) -> CommandEntry? {
        byName[name]
    }

    /// Every command, in module order.
    public var entries: [CommandEntry] {
        modules.flatMap(\.entries)
    }

    /// Command names (not aliases), for completion and suggestions.
    public var names: [String] {
        entries.map(\.name)
    }

    /// Commands whose name is close to `name`, closest first.
    public func suggestions(for name: String) -> [String] {
        EditDistance.suggestions(for: name, among: Array(byName.keys)).prefix(3).map { $0 }
    }
}
