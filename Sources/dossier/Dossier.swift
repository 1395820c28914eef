import ArgumentParser
import BuiltinCommands
import DocumentStore
import Foundation
import LineEditor
import PluginHost
import REPLCore
import SessionStore

@main
struct Dossier: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "A research REPL for historians: search, read, compare, note and cite archival documents.",
        discussion: """
            Without options, dossier opens an interactive prompt on the workspace: the nearest \
            folder, from the current one upwards, that holds a Sessions/ folder, else \
            $XDG_DATA_HOME/dossier. A new workspace starts with the bundled sample archive. \
            When standard input is not a terminal, dossier runs the lines it reads, one by \
            one, with no prompt.
            """,
        version: "0.1.0")

    @Option(
        name: .customShort("c"), help: ArgumentHelp("Run this command and exit (repeat -c to run several).", valueName: "command")
    )
    var commands: [String] = []

    @Option(help: ArgumentHelp("Run the commands in this file, one a line, and exit.", valueName: "file"))
    var script: String?

    @Flag(help: "Stop at the first command that fails, with a non-zero exit status.")
    var stopOnError = false

    @Option(help: ArgumentHelp("Use this workspace folder (created if missing).", valueName: "dir"))
    var workspace: String?

    @Option(
        help: ArgumentHelp("Work in this research session (created if missing); by default the one used last.", valueName: "name")
    )
    var session: String?

    @Flag(help: "Never use colour (as does setting NO_COLOR).")
    var noColor = false

    @Flag(help: "Do not run ~/.dossierrc and the workspace's .dossierrc at start.")
    var noRc = false

    mutating func run() async throws {
        signal(SIGPIPE, SIG_IGN)
        let environment = ProcessInfo.processInfo.environment
        let terminal = Terminal(environment: environment, forceNoColor: noColor)
        let interactive = commands.isEmpty && script == nil && terminal.inputIsTerminal

        let context: CommandContext
        do {
            // Lines read from a script or a pipe never get escape codes, even when the
            // output is a terminal; the prompt and -c use colour on a terminal.
            let batch = commands.isEmpty && !interactive
            context = try Self.openWorkspace(
                explicit: workspace, environment: environment, style: batch ? terminal.plainStyle : terminal.style,
                interactive: interactive)
            if let message = try context.startSession(named: session) { Terminal.writeError(message) }
        } catch {
            Terminal.writeError(Interpreter.message(for: error))
            throw ExitCode(2)
        }
        let plugins = await Self.loadPlugins(into: context, environment: environment)
        defer { plugins.shutdown() }
        if interactive {
            context.interaction = TerminalInteraction(
                environment: environment, drafts: context.workspace.dataFolder.appendingPathComponent("drafts"))
        }
        if let problem = context.settingsProblem { Terminal.writeError(problem) }
        let paging = interactive && terminal.outputIsTerminal
        let sink = StandardSink(
            pager: { [unowned context] in paging ? context.pager(terminal: terminal.pager) : nil }, paging: paging,
            rows: terminal.rows, interactive: interactive)
        let interpreter = Interpreter(context: context, sink: sink)
        if !noRc { await Self.runStartupFiles(interpreter: interpreter, context: context, environment: environment) }
        if interactive {
            await Self.runInteractive(interpreter: interpreter, context: context)
            return
        }

        // Ctrl-C in a script or a -c run stops the command under way as at the prompt (an
        // import is rolled back and says so), then the run, with the status shells use.
        Interrupts.install()
        let watcher = Self.watchInterrupts(of: context)
        defer { watcher.cancel() }
        let stopped = ExitCode(128 + SIGINT)
        if !commands.isEmpty {
            for command in commands {
                let succeeded = await interpreter.execute(command)
                if Interrupts.take() { throw stopped }
                if !succeeded { throw ExitCode.failure }
                if context.quitRequested { break }
            }
            return
        }
        let reader: PlainLineReader
        if let script {
            guard let opened = PlainLineReader(path: script) else {
                Terminal.writeError("Cannot open the script '\(script)': there is no such file, or it cannot be read.")
                throw ExitCode(2)
            }
            reader = opened
        } else {
            reader = PlainLineReader()
        }
        try await Self.runBatch(reader, name: script ?? "<stdin>", interpreter: interpreter, stopOnError: stopOnError)
    }

    /// `~/.dossierrc`, then the workspace's `.dossierrc` (each once, when both are one file):
    /// command lines run before the first command or prompt, as psql runs `.psqlrc`.
    static func runStartupFiles(interpreter: Interpreter, context: CommandContext, environment: [String: String]) async {
        var files: [(URL, String)] = []
        if let home = environment["HOME"], !home.isEmpty {
            files.append((URL(fileURLWithPath: home).appendingPathComponent(".dossierrc"), "~/.dossierrc"))
        }
        let workspaceFile = context.workspace.root.appendingPathComponent(".dossierrc")
        if !files.contains(where: {
            $0.0.standardizedFileURL.resolvingSymlinksInPath() == workspaceFile.resolvingSymlinksInPath()
        }) {
            files.append((workspaceFile, workspaceFile.path))
        }
        for (url, name) in files {
            await interpreter.runStartupFile(url, shownAs: name)
        }
    }

    /// Passes a Ctrl-C on to the command running, until cancelled.
    static func watchInterrupts(of context: CommandContext) -> InterruptWatch {
        Interrupts.watch { context.interrupt() }
    }

    /// Finds or creates the workspace and opens its store; a new store gets the sample.
    static func openWorkspace(
        explicit: String?, environment: [String: String], style: TextStyle, interactive: Bool
    ) throws -> CommandContext {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let workspace = Workspace.resolve(explicit: explicit, current: current, environment: environment)
        try workspace.create()
        let isNew = !workspace.hasStore
        let store = try DocumentStore.open(at: workspace.storeFile)
        if isNew {
            let summary = try SampleArchive.importInto(store)
            Terminal.writeError(
                "New workspace '\(workspace.root.path)': imported \(SampleArchive.name), \(summary.total) documents.")
        }
        return CommandContext(
            workspace: workspace, store: store, registry: CommandRegistry(modules: BuiltinCommands.modules),
            isInteractive: interactive, style: style,
            progress: { line in Terminal.writeProgress(line) })
    }

    /// Finds the external plugins and adds their commands, from the signature cache where
    /// it is current; says which plugins failed.
    static func loadPlugins(into context: CommandContext, environment: [String: String]) async -> PluginHost {
        let (settings, problems) = PluginHost.Settings.from(environment: environment)
        problems.forEach(Terminal.writeError)
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let host = PluginHost(
            workspace: context.workspace,
            folders: PluginFolder.standard(
                workspace: context.workspace, executableFolder: executable.deletingLastPathComponent(), environment: environment),
            settings: settings)
        context.plugins = host
        await host.load(into: context.registry).forEach(Terminal.writeError)
        return host
    }

    /// Runs lines from a pipe or a script, each as soon as it is read. Failures are
    /// reported with the line number; the exit status is non-zero if any line failed.
    static func runBatch(_ reader: any LineReader, name: String, interpreter: Interpreter, stopOnError: Bool) async throws {
        var number = 0
        var failed = false
        while case .line(let line) = reader.readLine(prompt: "") {
            number += 1
            let succeeded = await interpreter.execute(line, location: "\(name):\(number)")
            if Interrupts.take() { throw ExitCode(128 + SIGINT) }
            if !succeeded {
                failed = true
                if stopOnError { throw ExitCode.failure }
            }
            if interpreter.context.quitRequested { break }
        }
        if Interrupts.take() { throw ExitCode(128 + SIGINT) }
        if failed { throw ExitCode.failure }
    }

    /// The prompt: libedit line editing, history, completion, Ctrl-C and Ctrl-D.
    static func runInteractive(interpreter: Interpreter, context: CommandContext) async {
        Interrupts.install()
        let completer = Completer(context: context)
        let editor = LineEditor(historyFile: context.workspace.historyFile) { before in
            completer.completions(for: before)
        }
        let count = (try? context.store.count()) ?? 0
        let session = context.session.map { ", session '\($0.name)'" } ?? ""
        Terminal.writeError(
            "dossier — \(count.grouped) documents in '\(context.workspace.root.path)'\(session). Type 'help' for the commands; Ctrl-D leaves."
        )
        while true {
            switch editor.readLine(prompt: "dossier> ") {
            case .endOfInput:
                Terminal.writeError("")
                return
            case .interrupted:
                Terminal.writeError("^C")
                continue
            case .line(let line):
                // `!3` is kept in the line history as the command it ran, as shells do.
                editor.remember(interpreter.expandedHistoryReference(line) ?? line)
                let watcher = watchInterrupts(of: context)
                await interpreter.execute(line)
                watcher.cancel()
                _ = Interrupts.take()
                if context.quitRequested { return }
            }
        }
    }
}
