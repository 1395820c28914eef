import ArgumentParser
import BuiltinCommands
import DocumentStore
import Foundation
import ProcessDriver
import REPLCore
import SessionStore

/// `dossier-bench`: the archive figures (the default) and the CSL test suite's score.
@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier-bench",
        abstract: "Measure Dossier: archive-scale figures beside the sqlite3 shell, or the CSL test suite's score.",
        subcommands: [Bench.self, CSLBench.self],
        defaultSubcommand: Bench.self)
}

/// `dossier-bench archive`: archive-scale figures for Dossier, each beside the sqlite3 shell
/// doing the same work on a stock FTS5 database built from the same records in the same run.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Measure import, search, start-up and memory at archive scale, beside the sqlite3 shell.",
        discussion: """
            Figures are medians over repeated runs, with the fastest and slowest run. Progress \
            goes to standard error; the figures to standard output (as JSON with --json).
            """)

    @Option(help: "How many records to generate (real records included).")
    var records = 1_000_000

    @Option(help: "The generator's seed: the same seed gives the same records.")
    var seed: UInt64 = 1956

    @Option(help: ArgumentHelp("Mix in the real records of this JSON Lines file.", valueName: "path"))
    var real: String?

    @Option(help: "Runs per figure (at least 5).")
    var runs = 5

    @Option(help: "Import runs, when fewer than --runs will do (an import of a million records takes minutes).")
    var importRuns: Int?

    @Flag(help: "Every figure at 10,000 records, in under a minute: a smoke check.")
    var quick = false

    @Flag(help: "Print the figures as one JSON object.")
    var json = false

    @Option(help: ArgumentHelp("Work in this folder and keep it (default: a temporary folder, removed).", valueName: "dir"))
    var work: String?

    @Flag(help: "Measure search and start-up again on the corpus and databases an earlier run left in --work; no import.")
    var reuse = false

    @Flag(help: "Measure the search classes alone (with --reuse: a quick check while working on search).")
    var searchOnly = false

    @Option(help: ArgumentHelp("Measure only this search class (e.g. 'rare term'); repeat for more.", valueName: "class"))
    var only: [String] = []

    @Option(help: ArgumentHelp("The sqlite3 shell to compare with.", valueName: "path"))
    var sqlite3 = "/usr/bin/sqlite3"

    func validate() throws {
        guard !reuse || work != nil else { throw ValidationError("--reuse needs --work DIR: the folder an earlier run kept.") }
        guard runs >= 5 else { throw ValidationError("--runs must be at least 5, not \(runs).") }
        guard records >= 100 else { throw ValidationError("--records must be at least 100, not \(records).") }
        guard FileManager.default.isExecutableFile(atPath: sqlite3) else {
            throw ValidationError(
                "No sqlite3 shell at '\(sqlite3)'. Install it (apt-get install sqlite3) or name it with --sqlite3.")
        }
    }

    mutating func run() async throws {
        let count = quick ? 10_000 : records
        let folder =
            work.map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("dossier-bench-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if work == nil { try? FileManager.default.removeItem(at: folder) } }

        let corpus: BenchCorpus
        if reuse {
            corpus = try BenchCorpus.load(from: folder)
            note("Reusing the \(corpus.records.grouped) records and both databases in \(folder.path)…")
        } else {
            note("Generating \(count.grouped) records (seed \(seed))…")
            corpus = try BenchCorpus.write(
                records: count, seed: seed, real: real.map { URL(fileURLWithPath: $0) }, to: folder)
        }

        let classes = corpus.queries.map(\.name)
        if let unknown = only.first(where: { !classes.contains($0) }) {
            throw BenchError.setup(
                "There is no search class '\(unknown)'. The classes: \(classes.map { "'\($0)'" }.joined(separator: ", ")).")
        }
        let workspace = Workspace(root: folder.appendingPathComponent("workspace"))
        try workspace.create()
        let shell = SQLiteShell(executable: sqlite3, database: folder.appendingPathComponent("stock.sqlite"))

        let importFigures = reuse ? nil : try measureImport(corpus, workspace: workspace, shell: shell)
        let store = try DocumentStore.open(at: workspace.storeFile)
        if searchOnly {
            let figures = try await measureSearchClasses(corpus, workspace: workspace, store: store, shell: shell).figures
            print(Report.searchTable(figures))
            return
        }
        let (searchFigures, variantFigures) = try await measureSearch(corpus, workspace: workspace, store: store, shell: shell)
        let startup = try await measureStartup(corpus, workspace: workspace)
        let sessions = try await measureSessions(workspace: workspace, store: store)
        let compare = try await measureCompare(corpus, workspace: workspace, store: store)

        let report = Report(
            records: corpus.records, realRecords: corpus.realRecords, seed: corpus.seed, importFigures: importFigures,
            search: searchFigures, variants: variantFigures, startup: startup, sessions: sessions,
            compare: compare)
        if json {
            // The table too, for the person watching; standard output holds the JSON alone.
            note("\n" + report.text)
            print(report.json.serialized(pretty: true))
        } else {
            print(report.text)
        }
    }

    // MARK: Import

    struct ImportFigures {
        var dossierRPS: Figure
        var sqliteRPS: Figure
        /// Records per second through the full-text index alone (stock unicode61), and
        /// through it and the vocabulary by spelling keys (variant folding).
        var indexRPS: Figure
        var foldedIndexRPS: Figure
        var storeBytes: Int64
        var sqliteBytes: Int64
    }

    func measureImport(_ corpus: BenchCorpus, workspace: Workspace, shell: SQLiteShell) throws -> ImportFigures {
        var dossier: [Double] = []
        var stock: [Double] = []
        var index: [Double] = []
        var folded: [Double] = []
        let importRuns = max(1, self.importRuns ?? runs)
        for run in 1...importRuns {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: workspace.storeFile.path + suffix) }
            let store = try DocumentStore.open(at: workspace.storeFile)
            var summary: ImportSummary?
            let elapsed = try seconds { summary = try store.importFile(at: corpus.jsonl, format: .jsonl) }
            dossier.append(Double(corpus.records) / elapsed)
            if let summary, summary.indexSeconds > 0 {
                index.append(Double(corpus.records) / summary.indexSeconds)
                folded.append(Double(corpus.records) / (summary.indexSeconds + summary.vocabularySeconds))
            }
            let reference = try shell.load(csv: corpus.csv)
            stock.append(Double(corpus.records) / reference)
            note(
                "Import run \(run)/\(importRuns): dossier \(Int(dossier.last!).grouped) records/s, sqlite3 \(Int(stock.last!).grouped) records/s"
            )
        }
        return ImportFigures(
            dossierRPS: Figure(dossier), sqliteRPS: Figure(stock), indexRPS: Figure(index), foldedIndexRPS: Figure(folded),
            storeBytes: Self.bytes(workspace.storeFile.path), sqliteBytes: Self.bytes(shell.database.path))
    }

    static func bytes(_ path: String) -> Int64 {
        ["", "-wal", "-shm"].reduce(0) { total, suffix in
            let size = (try? FileManager.default.attributesOfItem(atPath: path + suffix))?[.size] as? NSNumber
            return total + (size?.int64Value ?? 0)
        }
    }

    // MARK: Search

    struct SearchFigure {
        var name: String
        var query: String
        var hits: Int
        var dossierMS: Figure
        var sqliteMS: Figure
    }

    func measureSearch(
        _ corpus: BenchCorpus, workspace: Workspace, store: DocumentStore, shell: SQLiteShell
    ) async throws -> ([SearchFigure], [VariantFigure]) {
        let (figures, interpreter, sink) = try await measureSearchClasses(
            corpus, workspace: workspace, store: store, shell: shell)
        return (figures, try await measureVariants(corpus, store: store, interpreter: interpreter, sink: sink))
    }

    /// Each query class (those named by --only, or all) through the interpreter as at the
    /// prompt, and by the sqlite3 shell.
    func measureSearchClasses(
        _ corpus: BenchCorpus, workspace: Workspace, store: DocumentStore, shell: SQLiteShell
    ) async throws -> (figures: [SearchFigure], interpreter: Interpreter, sink: CapturingSink) {
        let context = CommandContext(
            workspace: workspace, store: store, registry: CommandRegistry(modules: BuiltinCommands.modules),
            isInteractive: false, style: .plain)
        let sink = CapturingSink()
        let interpreter = Interpreter(context: context, sink: sink)
        let baseline = Figure(try (0..<runs).map { _ in try shell.baseline() }).median
        var figures: [SearchFigure] = []
        for (name, query) in corpus.queries where only.isEmpty || only.contains(name) {
            // The expression dossier runs (with any name variants), for sqlite3 to run too.
            let parsed = try store.query(query)
            let hits = try store.search(parsed, limit: 1).total
            // Rendered as at the prompt: parsing, the query, the text of the results.
            _ = await interpreter.execute("search \(query)")
            var dossier: [Double] = []
            for _ in 0..<runs {
                sink.clear()
                let start = DispatchTime.now().uptimeNanoseconds
                let succeeded = await interpreter.execute("search \(query)")
                dossier.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                guard succeeded, !sink.output.isEmpty else {
                    throw BenchError.setup("'search \(query)' failed: \(sink.messageText)")
                }
            }
            let statement = SQLiteShell.query(match: parsed.match, earliest: parsed.earliest, latest: parsed.latest)
            _ = try shell.time(statement, repeats: 1, baseline: baseline)
            let stock = try (0..<runs).map { _ in try shell.time(statement, repeats: 5, baseline: baseline) * 1000 }
            let figure = SearchFigure(name: name, query: query, hits: hits, dossierMS: Figure(dossier), sqliteMS: Figure(stock))
            note(
                "Search \(name) '\(query)': \(hits.grouped) hits, dossier \(figure.dossierMS.text(digits: 2)) ms, sqlite3 \(figure.sqliteMS.text(digits: 2)) ms"
            )
            figures.append(figure)
        }
        return (figures, interpreter, sink)
    }

    // MARK: Start-up and memory

    struct StartupFigures {
        var promptMS: Figure
        var firstResultMS: Figure
        var peakRSSMB: Figure
    }

    func measureStartup(_ corpus: BenchCorpus, workspace: Workspace) async throws -> StartupFigures {
        let executable = DossierProcess.executable.path
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw BenchError.setup(
                "No dossier executable at '\(executable)'. Build it: swift build -c release --product dossier.")
        }
        let environment = DossierProcess.environment(["TERM": "xterm", "PAGER": "cat"])
        var prompt: [Double] = []
        var first: [Double] = []
        var rss: [Double] = []
        let queries = corpus.queries.map(\.query)
        for run in 1...runs {
            // Process start to the first prompt, through a pseudo-terminal.
            let start = DispatchTime.now().uptimeNanoseconds
            let terminal = try PseudoTerminal(
                executable: executable, arguments: ["--workspace", workspace.root.path],
                environment: environment, folder: workspace.root)
            try terminal.waitFor("dossier> ", timeout: 60)
            prompt.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            // Peak memory of a search session: every query class, then VmHWM.
            for query in queries {
                terminal.type("search \(query)\r")
                try terminal.waitFor("match", timeout: 60)
                try terminal.waitFor("dossier> ", timeout: 60)
            }
            rss.append(Self.peakResidentMB(pid: terminal.pid))
            terminal.type("quit\r")
            _ = terminal.waitForExit(timeout: 10)

            // Process start to the first result of `dossier -c`.
            let elapsed = try await seconds {
                let result = try await DossierProcess.run(
                    ["--workspace", workspace.root.path, "-c", "search \(queries[0])"], environment: environment)
                guard result.status == 0 else { throw BenchError.setup("dossier -c failed: \(result.stderr)") }
            }
            first.append(elapsed * 1000)
            note(
                "Start-up run \(run)/\(runs): prompt \(format(prompt.last!, 1)) ms, -c result \(format(first.last!, 1)) ms, peak RSS \(format(rss.last!, 1)) MB"
            )
        }
        return StartupFigures(promptMS: Figure(prompt), firstResultMS: Figure(first), peakRSSMB: Figure(rss))
    }

    /// VmHWM of a process, in MB.
    static func peakResidentMB(pid: pid_t) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return .nan }
        let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") ?? .nan
        return kilobytes / 1024
    }
}
