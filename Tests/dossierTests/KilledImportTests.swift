import DocumentStore
import Foundation
import ProcessDriver
import TestSupport
import Testing

/// An import stopped part way, by Ctrl-C or by SIGKILL, leaves the store as it was and
/// opening cleanly, and the same import run again completes.
@Suite struct KilledImportTests {
    /// Enough records that the import runs for several seconds in a debug build.
    private static let recordCount = 30_000

    /// A workspace with its sample archive and a large JSON Lines file of new records.
    private func prepare() async throws -> (workspace: URL, file: URL) {
        let folder = Fixtures.temporaryFolder("dossier-killed-import")
        let workspace = folder.appendingPathComponent("ws")
        _ = try await DossierProcess.run(["--workspace", workspace.path, "-c", "import \(Fixtures.file("records.jsonl").path)"])
        let file = folder.appendingPathComponent("large.jsonl")
        var lines = ""
        for number in 1...Self.recordCount {
            let day = number % 28 + 1
            lines +=
                "{\"id\": \"kill-\(number)\", \"date\": \"1957-02-\(day < 10 ? "0" : "")\(day)\", "
                + "\"title\": \"Telegram \(number) on the plenum's aftermath\", "
                + "\"text\": \"Report \(number) from the embassy in Pyongyang on the rehabilitation of the August group.\"}\n"
        }
        try Data(lines.utf8).write(to: file)
        return (workspace, file)
    }

    /// What the store holds, as a user would look at it: how many documents, their ids,
    /// what a search finds, and one record whole.
    private func contents(of workspace: URL) async throws -> [String] {
        let store = try DocumentStore.open(at: workspace.appendingPathComponent(".dossier/store.sqlite"))
        let ids = try store.ids(withPrefix: "", limit: 1_000_000)
        let found = try await DossierProcess.run(["--workspace", workspace.path, "-c", "search plenum --limit 100 --json"])
        return [String(try store.count()), found.stdout, String(describing: try store.record(id: "jl-001"))] + ids.sorted()
    }

    /// Starts `import FILE` in a dossier process and sends it `signal` while it runs.
    private func stop(_ workspace: URL, importing file: URL, with signal: Int32) throws -> (status: Int32, stderr: String) {
        let seed = SeededGenerator.testSeed()
        var generator = SeededGenerator(seed: seed)
        let process = Process()
        process.executableURL = DossierProcess.executable
        process.arguments = ["--workspace", workspace.path, "-c", "import \(file.path)"]
        process.environment = DossierProcess.environment()
        let errors = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        nonisolated(unsafe) var stderr = Data()
        let reading = DispatchGroup()
        DispatchQueue.global().async(group: reading) { stderr = errors.fileHandleForReading.readDataToEndOfFile() }
        // Once the import writes to the store (its write-ahead log has grown by 64 KB: more
        // than opening the store and starting the run write), the signal lands at a random
        // moment of the next second; the seed replays it (DOSSIER_TEST_SEED).
        let log = workspace.appendingPathComponent(".dossier/store.sqlite-wal")
        let before = (try? FileManager.default.attributesOfItem(atPath: log.path)[.size] as? Int) ?? 0
        let writing = Waiting.blockingUntil(timeout: 60) {
            ((try? FileManager.default.attributesOfItem(atPath: log.path)[.size] as? Int) ?? 0) > before + 65_536
        }
        #expect(writing, "the import never wrote to the store (seed \(seed))")
        usleep(UInt32(generator.int(0...1_000_000)))
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        reading.wait()
        #expect(process.terminationReason == (signal == SIGKILL ? .uncaughtSignal : .exit), "DOSSIER_TEST_SEED=\(seed)")
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }

    @Test func ctrlCDuringALargeImportRollsItBackAndSaysSo() async throws {
        let (workspace, file) = try await prepare()
        let before = try await contents(of: workspace)
        let stopped = try stop(workspace, importing: file, with: SIGINT)
        #expect(stopped.status == 130)
        #expect(stopped.stderr.contains("Import of '\(file.path)' cancelled. The store is unchanged."))
        #expect(try await contents(of: workspace) == before)
        let again = try await DossierProcess.run(["--workspace", workspace.path, "-c", "import \(file.path)"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("30,000 new, 0 changed, 0 unchanged"))
    }

    @Test func sigkillDuringALargeImportLeavesTheStoreAsItWas() async throws {
        let (workspace, file) = try await prepare()
        let before = try await contents(of: workspace)
        for _ in 1...2 {
            _ = try stop(workspace, importing: file, with: SIGKILL)
            #expect(try await contents(of: workspace) == before)
            let opened = try await DossierProcess.run(["--workspace", workspace.path, "-c", "stats"])
            #expect(opened.status == 0 && opened.stderr.isEmpty, "the store opens cleanly: \(opened.stderr)")
        }
        let again = try await DossierProcess.run([
            "--workspace", workspace.path, "-c", "import \(file.path)", "-c", "search rehabilitation --json --limit 1",
        ])
        #expect(again.status == 0)
        #expect(again.stdout.contains("30,000 new, 0 changed, 0 unchanged"))
        #expect(again.stdout.contains("\"kill-"))
    }
}
