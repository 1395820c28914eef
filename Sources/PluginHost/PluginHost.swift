import DocumentStore
import DossierProtocol
import Foundation
import REPLCore
import SessionStore

/// Runs external plugins: finds `dossier-plugin-NAME` executables, learns their commands
/// from the signature cache (launching only those that are new or changed), adds those
/// commands to the registry as entries like any other, and carries each call to the
/// plugin and the plugin's requests back to the store and the session.
///
/// A plugin that crashes, hangs, prints what is not a message or breaks the protocol is
/// ended with its whole process group and disabled for the sitting; the REPL goes on.
/// `@unchecked Sendable`: its plugin list changes only in `load`, which the REPL runs
/// between commands (at start and for `plugins reload`), never while a call uses it.
public final class PluginHost: @unchecked Sendable {
    /// Time limits, from `DOSSIER_PLUGIN_HANDSHAKE_TIMEOUT` and `DOSSIER_PLUGIN_CALL_TIMEOUT`
    /// (seconds).
    public struct Settings: Sendable, Equatable {
        /// For the hello and signature exchange.
        public var handshakeTimeout: Duration = .seconds(5)
        /// For a call: how long the plugin may be silent (a request or progress message
        /// starts the wait again).
        public var callTimeout: Duration = .seconds(30)

        public init(handshakeTimeout: Duration = .seconds(5), callTimeout: Duration = .seconds(30)) {
            self.handshakeTimeout = handshakeTimeout
            self.callTimeout = callTimeout
        }

        /// The settings the environment asks for; `problems` says which values were not
        /// understood (their defaults are kept).
        public static func from(environment: [String: String]) -> (Settings, problems: [String]) {
            var settings = Settings()
            var problems: [String] = []
            for (key, path) in [
                ("DOSSIER_PLUGIN_HANDSHAKE_TIMEOUT", \Settings.handshakeTimeout), ("DOSSIER_PLUGIN_CALL_TIMEOUT", \.callTimeout),
            ] {
                guard let text = environment[key], !text.isEmpty else { continue }
                if let seconds = Double(text), seconds > 0, seconds <= 3600 {
                    settings[keyPath: path] = .milliseconds(Int(seconds * 1000))
                } else {
                    problems.append(
                        "\(key)='\(text)' is not a number of seconds between 0 and 3600; using \(seconds(settings[keyPath: path]))."
                    )
                }
            }
            return (settings, problems)
        }
    }

    /// The version `hello` reports to plugins.
    public static let hostVersion = "0.1.0"

    public let folders: [PluginFolder]
    public let settings: Settings
    private let cacheFile: URL
    private(set) var plugins: [ExternalPlugin] = []
    private(set) var unusableCandidates: [PluginCandidate] = []
    private weak var registry: CommandRegistry?

    public init(workspace: Workspace, folders: [PluginFolder], settings: Settings = Settings()) {
        self.folders = folders
        self.settings = settings
        self.cacheFile = workspace.dataFolder.appendingPathComponent("plugins.json")
    }

    deinit {
        shutdown()
    }

    /// Finds the plugins and adds their commands to `registry`. Only plugins new or
    /// changed since the cache was written are started. Returns what the user should be
    /// told (plugins that failed).
    @discardableResult
    public func load(into registry: CommandRegistry, forgettingCache: Bool = false) async -> [String] {
        self.registry = registry
        for plugin in plugins { await plugin.stop() }
        plugins = []
        unusableCandidates = []
        var cache = PluginCache(file: cacheFile)
        if forgettingCache { cache.entries = [:] }
        let before = cache.entries
        var messages: [String] = []
        var byName: [String: ExternalPlugin] = [:]
        var unasked: [ExternalPlugin] = []
        for candidate in PluginCandidate.find(in: folders) {
            if let first = byName[candidate.name] {
                first.shadowed.append(candidate.url)
                continue
            }
            if candidate.problem != nil {
                unusableCandidates.append(candidate)
                continue
            }
            let plugin = ExternalPlugin(candidate: candidate)
            byName[candidate.name] = plugin
            plugins.append(plugin)
            if let entry = cache.entry(for: candidate) {
                plugin.version = entry.version
                plugin.stderr = entry.stderr
                if let failure = entry.failure {
                    plugin.failure = failure
                    plugin.failureIsCached = true
                    continue
                }
                plugin.commands = entry.commands.compactMap { try? CommandSignature(json: $0) }
                continue
            }
            unasked.append(plugin)
        }
        // New or changed since the cache was written: ask them, all at once, so that
        // plugins that hang cost one wait between them.
        let timeout = settings.handshakeTimeout
        await withTaskGroup(of: Void.self) { group in
            // A task each touches its own plugin only; waiting on a plugin holds no thread.
            for plugin in unasked {
                group.addTask {
                    do throws(PluginProblem) {
                        try await plugin.start(timeout: timeout)
                    } catch {
                        await plugin.disable(because: error.reason)
                    }
                }
            }
        }
        for plugin in unasked {
            if let reason = plugin.failure { messages.append(disabledMessage(plugin, reason: reason)) }
            cache.entries[plugin.candidate.url.path] = PluginCache.Entry(
                stamp: plugin.candidate.stamp?.text ?? "", version: plugin.version,
                commands: plugin.commands.compactMap { try? JSONValue(encoding: $0) },
                failure: plugin.failure, stderr: plugin.stderr)
        }
        // Entries of executables that are gone are dropped.
        let present = Set(plugins.map(\.candidate.url.path))
        cache.entries = cache.entries.filter { present.contains($0.key) }
        if cache.entries != before { cache.save() }
        register()
        // Failures of an earlier sitting, said once in one line.
        let remembered = plugins.filter(\.failureIsCached).map { "'\($0.name)'" }
        if !remembered.isEmpty {
            let list =
                remembered.count == 1 ? "The plugin \(remembered[0]) is" : "The plugins \(remembered.joined(separator: ", ")) are"
            messages.append(
                "\(list) disabled since a failure at an earlier start: 'plugins' says why; 'plugins reload' tries again.")
        }
        return messages
    }

    /// Forgets the cache, ends every plugin and finds them all again (`plugins reload`).
    @discardableResult
    public func reload() async -> [String] {
        guard let registry else { return [] }
        return await load(into: registry, forgettingCache: true)
    }

    /// Ends every running plugin at once (at exit): each gets a goodbye, then its group goes.
    public func shutdown() {
        for plugin in plugins { plugin.stopNow() }
    }

    /// Puts the plugins' commands into the registry, one module a plugin.
    private func register() {
        guard let registry else { return }
        let modules = plugins.filter { $0.failure == nil || !$0.commands.isEmpty }.map { plugin in
            CommandModule(name: plugin.moduleName, entries: plugin.commands.map { entry(for: $0, of: plugin) })
        }
        let refused = registry.setExternal(modules)
        for plugin in plugins {
            plugin.refused = refused.filter { $0.module == plugin.moduleName }.map(\.command)
        }
    }

    private func entry(for command: CommandSignature, of plugin: ExternalPlugin) -> CommandEntry {
        let origin = "\(PluginProtocol.executablePrefix)\(plugin.name) (\(plugin.candidate.url.path))"
        return CommandEntry(signature: command, origin: origin) { [weak self] invocation, context in
            guard let self else { throw REPLError.failed("The plugin '\(plugin.name)' is no longer loaded.") }
            return try await self.call(command, of: plugin, invocation: invocation, context: context)
        }
    }

    private func disabledMessage(_ plugin: ExternalPlugin, reason: String) -> String {
        "Plugin \(plugin.label) \(reason); it is disabled. 'plugins' shows what it wrote to stderr; 'plugins reload' tries it again."
    }

    static func seconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }
}

// MARK: - Calls

extension PluginHost {
    /// Runs a plugin's command: parses its line by the signature, starts the plugin if it
    /// is not running, sends the call and serves the plugin's requests until it answers.
    func call(
        _ spec: CommandSignature, of plugin: ExternalPlugin, invocation: Invocation, context: CommandContext
    ) async throws -> any CommandOutput {
        if let failure = plugin.failure {
            throw REPLError.failed(
                "The plugin \(plugin.label) is disabled: it \(failure). 'plugins' shows what it wrote to stderr; 'plugins reload' tries it again."
            )
        }
        let (arguments, options) = try invocation.call(for: spec, command: spec.name)
        await plugin.forgetIfEnded()
        if !plugin.isRunning {
            do throws(PluginProblem) {
                try await plugin.start(timeout: settings.handshakeTimeout)
            } catch {
                throw await disable(plugin, error)
            }
            guard plugin.commands.contains(where: { $0.name == spec.name }) else {
                let problem = PluginProblem("no longer offers the command '\(spec.name)' though its signature was cached")
                throw await disable(plugin, problem)
            }
        }
        let id = plugin.takeCallID()
        let call: JSONValue = [
            "type": "call", "id": .number(Double(id)), "command": .string(spec.name), "arguments": .object(arguments),
            "options": .object(options), "context": callContext(context),
        ]
        let timeout = settings.callTimeout
        do {
            // Ctrl-C cancels the exchange; the cancel below is sent from outside it.
            return try await context.cancellingOnInterrupt {
                try await self.exchange(call, id: id, spec: spec, with: plugin, timeout: timeout, context: context)
            }
        } catch let problem as PluginProblem {
            if problem.interrupted {
                await cancel(plugin, call: id)
                throw REPLError.interrupted
            }
            throw await disable(plugin, problem)
        }
    }

    /// Sends the call and serves the plugin's requests until its response.
    private func exchange(
        _ call: JSONValue, id: Int, spec: CommandSignature, with plugin: ExternalPlugin, timeout: Duration,
        context: CommandContext
    ) async throws -> any CommandOutput {
        try await plugin.send(call, until: .now + timeout, during: "the call")
        while true {
            let message = try await plugin.receive(until: .now + timeout, during: "the call of '\(spec.name)'", timeout: timeout)
            switch PluginProtocol.MessageType(rawValue: message.type) {
            case .request:
                let reply = await serve(message.body, context: context)
                try await plugin.send(reply, until: .now + timeout, during: "a reply")
            case .progress:
                if let text = message.body["message"]?.string { context.progress("\(plugin.name): \(text)") }
            case .response:
                // The id as sent; a plugin that turned it into text is understood too.
                guard message.body["id"]?.int == id || message.body["id"]?.string == String(id) else {
                    throw PluginProblem(
                        "answered out of order: a response to call \(message.body["id"]?.serialized() ?? "with no id") while call \(id) was waiting"
                    )
                }
                return try output(of: message.body, command: spec.name, context: context)
            default:
                throw PluginProblem("answered out of order: a '\(message.type)' message while call \(id) was waiting")
            }
        }
    }

    /// Ctrl-C: asks the plugin to stop the call; one that has not answered within a second
    /// is ended (and started again by the next call; it is not disabled).
    private func cancel(_ plugin: ExternalPlugin, call id: Int) async {
        let deadline = ContinuousClock.now + .seconds(1)
        do {
            try await plugin.send(["type": "cancel", "id": .number(Double(id))], until: deadline, during: "the cancel")
            while true {
                let message = try await plugin.receive(until: deadline, during: "the cancel", timeout: .seconds(1))
                if message.type == PluginProtocol.MessageType.response.rawValue, message.body["id"]?.int == id { return }
                if message.type == PluginProtocol.MessageType.request.rawValue {
                    try await plugin.send(
                        ["type": "result", "id": message.body["id"] ?? .null, "error": ["message": "The call was cancelled."]],
                        until: deadline, during: "the cancel")
                }
            }
        } catch {
            await plugin.stop(politely: false)
        }
    }

    private func disable(_ plugin: ExternalPlugin, _ problem: PluginProblem) async -> REPLError {
        await plugin.disable(because: problem.reason)
        return .failed(
            "The plugin \(plugin.label) \(problem.reason). It has been stopped and is disabled for this sitting; "
                + "'plugins' shows what it wrote to stderr, 'plugins reload' tries it again.")
    }

    /// What a command needs to know of where it runs.
    private func callContext(_ context: CommandContext) -> JSONValue {
        var object: [String: JSONValue] = [
            "workspace": .string(context.workspace.root.path),
            "interactive": .bool(context.isInteractive),
            "width": .number(Double(context.style.width)),
            "results": .array((context.lastResults ?? []).map(JSONValue.string)),
            "results_first": .number(Double(context.lastResultsStart)),
            "session": .null,
        ]
        if let session = context.session {
            object["session"] = [
                "name": .string(session.name), "file": .string(session.url.path),
                "notes": .number(Double(session.session.notes.count)),
            ]
        }
        return .object(object)
    }

    /// The command's output from a response, or the error it reports.
    private func output(of response: [String: JSONValue], command: String, context: CommandContext) throws -> any CommandOutput {
        if let error = response["error"], error != .null {
            let message = error["message"]?.string ?? error.string ?? "it gave no message"
            throw REPLError.failed("\(command): \(message)")
        }
        do {
            return try PluginCommandOutput(response["output"] ?? .object([:]), store: context.store)
        } catch let problem as PluginProblem {
            throw problem
        } catch {
            throw REPLError.failed("\(command): \(Interpreter.message(for: error))")
        }
    }
}
