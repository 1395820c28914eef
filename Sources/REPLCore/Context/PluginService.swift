/// What REPLCore and the commands see of the external plugins. The `PluginHost` target
/// runs them and implements this; a context without plugins has none.
public protocol PluginService: AnyObject, Sendable {
    /// Every plugin found, in search order, with executables that cannot be run last.
    var statuses: [PluginStatus] { get }
    /// Where plugins are looked for.
    var searchedFolders: [PluginStatus.Folder] { get }
    /// Forgets the signature cache, ends every plugin and finds them all again; returns
    /// what the user should be told (plugins that failed).
    @discardableResult func reload() async -> [String]
}

/// A plugin as `plugins` lists it.
public struct PluginStatus: Sendable, Equatable {
    public enum State: Sendable, Equatable {
        /// Its commands are ready; `running` when its process is up.
        case ready(running: Bool)
        /// Disabled, with the reason (the end of a sentence that starts with its name).
        case disabled(reason: String)
        /// It cannot be run (not executable).
        case unusable(reason: String)

        /// `ready`, `running`, `disabled` or `unusable`.
        public var name: String {
            switch self {
            case .ready(let running): return running ? "running" : "ready"
            case .disabled: return "disabled"
            case .unusable: return "unusable"
            }
        }

        /// Why it is disabled or unusable.
        public var reason: String? {
            switch self {
            case .ready: return nil
            case .disabled(let reason), .unusable(let reason): return reason
            }
        }
    }

    public var name: String
    public var version: String?
    public var path: String
    /// Where it was found: `workspace`, `dossier` (beside the executable) or `path`.
    public var origin: String
    public var state: State
    public var commands: [String]
    /// Commands left out because a built-in command or another plugin has the name.
    public var refused: [String]
    /// Executables of the same name passed over for this one.
    public var shadowed: [String]
    /// The last of what it wrote to standard error.
    public var stderr: String

    /// A folder plugins are looked for in, and which kind of folder it is (`workspace`,
    /// `dossier`, `path`).
    public struct Folder: Sendable, Equatable {
        public var path: String
        public var kind: String

        public init(path: String, kind: String) {
            self.path = path
            self.kind = kind
        }
    }

    public init(
        name: String, version: String?, path: String, origin: String, state: State, commands: [String],
        refused: [String], shadowed: [String], stderr: String
    ) {
        self.name = name
        self.version = version
        self.path = path
        self.origin = origin
        self.state = state
        self.commands = commands
        self.refused = refused
        self.shadowed = shadowed
        self.stderr = stderr
    }
}
