import Synchronization
import TextAnalysis

/// Every command the REPL knows, by module. Built at start-up from the one list of modules
/// in the executable, then joined by the external plugins' modules (`plugins reload` swaps
/// those). A built-in command and a plugin's command are the same kind of entry, found the
/// same way; `help` and `quit` are REPLCore's own and always present.
public final class CommandRegistry: Sendable {
    private let builtIn: [CommandModule]
    private let repl = CommandModule(name: "REPL", commands: [Help.self, SetCommand.self, Quit.self], settings: Settings.core)
    private let builtInByName: [String: CommandEntry]
    private let external = Mutex<(modules: [CommandModule], byName: [String: CommandEntry])>(([], [:]))

    public init(modules: [CommandModule]) {
        var byName: [String: CommandEntry] = [:]
        for module in modules + [repl] {
            for entry in module.entries {
                for name in [entry.name] + entry.signature.aliases {
                    precondition(byName[name] == nil, "Two commands are named '\(name)'.")
                    byName[name] = entry
                }
            }
        }
        self.builtIn = modules
        self.builtInByName = byName
    }

    /// The modules in the order `help` lists them: built-in, then plugins, then the REPL's own.
    public var modules: [CommandModule] {
        builtIn + external.withLock { $0.modules } + [repl]
    }

    /// Replaces the external plugins' modules. A command whose name a built-in command or
    /// an earlier module already has is left out; the result names those, by module.
    @discardableResult
    public func setExternal(_ modules: [CommandModule]) -> [(module: String, command: String)] {
        var byName: [String: CommandEntry] = [:]
        var refused: [(module: String, command: String)] = []
        var kept: [CommandModule] = []
        for module in modules {
            var entries: [CommandEntry] = []
            for entry in module.entries {
                let names = [entry.name] + entry.signature.aliases
                if names.contains(where: { builtInByName[$0] != nil || byName[$0] != nil }) {
                    refused.append((module.name, entry.name))
                    continue
                }
                for name in names { byName[name] = entry }
                entries.append(entry)
            }
            kept.append(CommandModule(name: module.name, entries: entries))
        }
        external.withLock { $0 = (kept, byName) }
        return refused
    }

    /// Whether a built-in command (not a plugin's) has this name or alias.
    public func isBuiltIn(_ name: String) -> Bool {
        builtInByName[name] != nil
    }

    /// The command with this name or alias.
    public func entry(named name: String) -> CommandEntry? {
        builtInByName[name] ?? external.withLock { $0.byName[name] }
    }

    /// Every setting the built-in modules declare, for `set`.
    public var settingDefinitions: [SettingDefinition] {
        (builtIn + [repl]).flatMap(\.settings)
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
        let all = Array(builtInByName.keys) + external.withLock { Array($0.byName.keys) }
        return EditDistance.suggestions(for: name, among: all).prefix(3).map { $0 }
    }
}
