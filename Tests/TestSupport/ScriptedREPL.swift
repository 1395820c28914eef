import BuiltinCommands
import DocumentStore
import DossierProtocol
import Foundation
import PluginHost
import REPLCore
import SessionStore

/// The REPL with every built-in module over a sample workspace, driven line by line, with
/// its output and messages captured: what the user would see, without a process.
public final class ScriptedREPL {
    /// The executable's module list.
    public static let modules = BuiltinCommands.modules

    public let workspace: Workspace
    public let store: DocumentStore
    public let context: CommandContext
    public let interpreter: Interpreter
    private let sink = CapturingSink()

    /// The outcome of one line: stdout text, stderr text, and whether it succeeded.
    public struct Outcome {
        public var output: String
        public var messages: String
        public var succeeded: Bool
    }

    /// - Parameter session: the session to start in (`--session`); by default the
    ///   workspace's `default` one.
    /// What loading the external plugins said (plugins that failed).
    public private(set) var pluginMessages: [String] = []

    /// - Parameters:
    ///   - pluginFolders: where to look for plugins besides the workspace's own `Plugins/`
    ///     folder (never `PATH`, so that a machine's plugins do not change tests).
    ///   - pluginSettings: by default limits generous enough for a busy machine.
    public init(
        style: TextStyle = .plain, session: String? = nil, workspace existing: Workspace? = nil,
        pluginFolders: [PluginFolder] = [],
        pluginSettings: PluginHost.Settings = .init(handshakeTimeout: .seconds(20), callTimeout: .seconds(60))
    ) async throws {
        if let existing {
            workspace = existing
            store = try DocumentStore.open(at: existing.storeFile)
        } else {
            (workspace, store) = try Fixtures.sampleWorkspace()
        }
        context = CommandContext(
            workspace: workspace, store: store, registry: CommandRegistry(modules: Self.modules),
            isInteractive: false, style: style)
        interpreter = Interpreter(context: context, sink: sink)
        let plugins = PluginHost(
            workspace: workspace, folders: [PluginFolder(url: workspace.pluginsFolder, kind: .workspace)] + pluginFolders,
            settings: pluginSettings)
        context.plugins = plugins
        pluginMessages = await plugins.load(into: context.registry)
        _ = try context.startSession(named: session)
    }

    /// Runs `line` and returns what it printed.
    @discardableResult
    public func run(_ line: String) async -> Outcome {
        sink.clear()
        let succeeded = await interpreter.execute(line)
        return Outcome(output: sink.outputText, messages: sink.messageText, succeeded: succeeded)
    }

    /// Runs `line` with `--json` and decodes what it printed.
    public func json(_ line: String) async throws -> JSONValue {
        let outcome = await run(line + " --json")
        guard outcome.succeeded else { throw REPLError.failed(outcome.messages) }
        return try JSONDecoder().decode(JSONValue.self, from: Data(outcome.output.utf8))
    }
}
