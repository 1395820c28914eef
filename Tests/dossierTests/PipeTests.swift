import DocumentStore
import DossierProtocol
import Foundation
import ProcessDriver
import TestSupport
import Testing

/// The built `dossier` driven through pipes, as scripts and other programs use it.
@Suite struct PipeTests {
    private func workspace() -> String {
        Fixtures.temporaryFolder("dossier-e2e").appendingPathComponent("ws").path
    }

    @Test func aNewWorkspaceImportsTheSampleAndSaysSoOnce() async throws {
        let folder = workspace()
        let first = try await DossierProcess.run(["--workspace", folder, "-c", "search Mikoyan"])
        #expect(first.status == 0)
        #expect(
            first.stderr
                == "New workspace '\(folder)': imported the sample archive (Wilson Center Digital Archive, August Plenum Incident), 9 documents.\n"
        )
        let numbered = first.stdout.split(separator: "\n").filter { $0.wholeMatch(of: /\d+\.  .*/) != nil }
        #expect(
            numbered.map { String($0.dropFirst(16)) } == [
                "Telegram from A. Mikoyan to the CPSU Central Committee",
                "Minutes of the KWP CC Plenum Held on 23 September 1956",
                "Record of a Meeting between the Sino-Soviet Delegation and the",
            ])
        let second = try await DossierProcess.run(["--workspace", folder, "-c", "stats --json"])
        #expect(second.stderr.isEmpty)
        #expect(second.stdout.contains("\"documents\": 9,"))
    }

    @Test func pipedLinesRunInOrderWithNoPromptEscapesOrHistory() async throws {
        let folder = workspace()
        let result = try await DossierProcess.run(["--workspace", folder], input: "search Puzanov\nshow 1\n")
        #expect(result.status == 0)
        #expect(!result.stdout.contains("\u{1B}") && !result.stderr.contains("\u{1B}"))
        #expect(!result.stdout.contains("dossier>"))
        let parts = result.stdout.components(separatedBy: "\n\nJournal of Soviet Ambassador")
        #expect(parts.count == 2)
        #expect(parts[0].hasPrefix("3 documents match 'Puzanov'.\n"))
        #expect(parts[0].components(separatedBy: "Journal of Soviet Ambassador to the DPRK A.M. Puzanov").count == 4)
        #expect(parts[1].hasPrefix(" to the DPRK A.M. Puzanov for 3 September 1957\nDate:          September 3, 1957\n"))
        #expect(parts[1].contains("Later, Puzanov meets with Pak Ui-wan"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/.dossier/history"))
    }

    @Test func eachLineRunsAsSoonAsItIsRead() async throws {
        let process = Process()
        process.executableURL = DossierProcess.executable
        process.arguments = ["--workspace", workspace()]
        process.environment = DossierProcess.environment()
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        input.fileHandleForWriting.write(Data("search Mikoyan\n".utf8))
        // The answer arrives while standard input is still open.
        var received = Data()
        let deadline = Date().addingTimeInterval(30)
        while !String(decoding: received, as: UTF8.self).contains("3 documents match"), Date() < deadline {
            received.append(output.fileHandleForReading.availableData)
        }
        #expect(String(decoding: received, as: UTF8.self).hasPrefix("3 documents match 'Mikoyan'."))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func aFailingCommandSetsTheExitStatus() async throws {
        let folder = workspace()
        let failed = try await DossierProcess.run(["--workspace", folder, "-c", "serch Mikoyan"])
        #expect(failed.status == 1)
        #expect(failed.stdout.isEmpty)
        #expect(failed.stderr.hasSuffix("Unknown command 'serch'. Did you mean 'search'?\n"))

        let script = "search Mikoyan\nbogus\nstats --json\n"
        let stopping = try await DossierProcess.run(["--workspace", folder, "--stop-on-error"], input: script)
        #expect(stopping.status == 1)
        #expect(stopping.stderr == "<stdin>:2: Unknown command 'bogus'. Type 'help' to see the commands.\n")
        #expect(!stopping.stdout.contains("\"documents\""))

        let going = try await DossierProcess.run(["--workspace", folder], input: script)
        #expect(going.status == 1)
        #expect(going.stdout.contains("\"documents\": 9"))
    }

    @Test func aScriptFileRunsWithLineNumbersInMessages() async throws {
        let folder = workspace()
        let script = Fixtures.write("# the plenum\nsearch \"August Plenum\"\n\nshow 5\nshow 2 --json\n", named: "plenum.txt")
        let result = try await DossierProcess.run(["--workspace", folder, "--script", script.path])
        #expect(result.status == 1)
        #expect(
            result.stderr.hasSuffix(
                "\n\(script.path):4: There is no result 5; the last listing had 2. Use a number from 1 to 2, or a document id.\n")
        )
        #expect(result.stdout.contains("2 documents match '\"August Plenum\"'."))
        #expect(
            result.stdout.contains(
                "\"title\": \"Record of a Meeting between the Sino-Soviet Delegation and the Korean Workers' Party Presidium\""))

        let missing = try await DossierProcess.run(["--workspace", folder, "--script", "/no/such/plan.txt"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "Cannot open the script '/no/such/plan.txt': there is no such file, or it cannot be read.\n")
    }

    @Test func jsonModeLeavesOnlyJSONOnStandardOutput() async throws {
        let result = try await DossierProcess.run(["--workspace", workspace(), "-c", "search Puzanov --json"])
        #expect(result.status == 0)
        let json = try JSONDecoder().decode(JSONValue.self, from: Data(result.stdout.utf8))
        #expect(json["total"] == 3)
        #expect(result.stderr.hasPrefix("New workspace"))
    }

    @Test func theIssuesCSVCheck() async throws {
        let folder = workspace()
        // What stats counts, without the size on disk (SQLite's log grows on any write).
        func counts() async throws -> JSONValue {
            let stdout = try await DossierProcess.run(["--workspace", folder, "-c", "stats --json"]).stdout
            guard case .object(var object) = try JSONDecoder().decode(JSONValue.self, from: Data(stdout.utf8)) else {
                return .null
            }
            object["store_bytes"] = nil
            return .object(object)
        }
        let before = try await counts()
        let bad = Fixtures.file("records-bad-date.csv").path
        let refused = try await DossierProcess.run(["--workspace", folder, "-c", "import \(bad)"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(bad):14: date '1956-02-31' is not a date"))
        #expect(try await counts() == before)
        let good = Fixtures.file("records.csv").path
        var counts: [String] = []
        for _ in 1...2 {
            counts.append(
                try await DossierProcess.run(["--workspace", folder, "-c", "import \(good)", "-c", "stats --json"]).stdout)
        }
        #expect(counts[0].contains("\"documents\": 24,"))
        #expect(counts[1].contains("\"documents\": 24,"))
    }

    @Test func theWorkspaceIsFoundAboveTheCurrentFolder() async throws {
        let root = Fixtures.temporaryFolder("dossier-found")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Sessions"), withIntermediateDirectories: true)
        let below = root.appendingPathComponent("chapters/three")
        try FileManager.default.createDirectory(at: below, withIntermediateDirectories: true)
        let result = try await DossierProcess.run(["-c", "stats"], in: below)
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(".dossier/store.sqlite").path))
        #expect(!FileManager.default.fileExists(atPath: below.appendingPathComponent(".dossier").path))
    }

    @Test func aDamagedStoreIsReportedAndLeftAlone() async throws {
        let folder = workspace()
        let dataFolder = URL(fileURLWithPath: folder).appendingPathComponent(".dossier")
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: folder).appendingPathComponent("Sessions"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dataFolder, withIntermediateDirectories: true)
        let store = dataFolder.appendingPathComponent("store.sqlite")
        let garbage = String(repeating: "this is not SQLite ", count: 300)
        try garbage.write(to: store, atomically: true, encoding: .utf8)
        let result = try await DossierProcess.run(["--workspace", folder, "-c", "stats"])
        #expect(result.status == 2)
        #expect(
            result.stderr.hasPrefix(
                "Cannot open the document store '\(store.path)': it is not a dossier store, or it is damaged."))
        #expect(try String(contentsOf: store, encoding: .utf8) == garbage)
    }

    /// `dossier … | head -1`: when the reader goes away, dossier ends quietly, as Unix tools
    /// do (status 0, or 141 for SIGPIPE), whatever the command and wherever its output goes.
    /// These used to end in "Fatal error" from a write to the closed pipe.
    @Test(arguments: [
        "-c 'search China --limit 300 --json'" + String(repeating: " -c 'search Mikoyan --json'", count: 40),
        String(repeating: " -c 'show 1'", count: 40),
        String(repeating: " -c 'stats'", count: 40) + " 2>&1",
        "< \"$LINES_FILE\"",
    ])
    func aReaderThatGoesAwayEndsDossierQuietly(_ arguments: String) async throws {
        let folder = workspace()
        _ = try await DossierProcess.run(["--workspace", folder, "-c", "search Mikoyan"])
        let scratch = Fixtures.temporaryFolder("dossier-pipe")
        let lines = scratch.appendingPathComponent("lines.txt")
        try Data(String(repeating: "search Mikoyan --json\nshow 1\n", count: 60).utf8).write(to: lines)
        let errors = scratch.appendingPathComponent("stderr.txt")
        let script = "\"$DOSSIER\" --workspace \"$WS\" \(arguments) 2>\"$ERRORS\" | head -1 >/dev/null; echo ${PIPESTATUS[0]}"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script.replacingOccurrences(of: "2>&1 2>\"$ERRORS\"", with: "2>&1")]
        process.environment = DossierProcess.environment([
            "DOSSIER": DossierProcess.executable.path, "WS": folder, "ERRORS": errors.path, "LINES_FILE": lines.path,
        ])
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let status = printed.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(status == "0" || status == "141", "exit status \(status)")
        let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        #expect(!stderr.contains("Fatal error") && !stderr.contains("crashed"), "\(stderr.prefix(300))")
        // The session still opens and holds what the run recorded.
        let after = try await DossierProcess.run(["--workspace", folder, "-c", "history --json"])
        #expect(after.status == 0)
    }

    /// Under --json a failure is one JSON object on stdout, with a code a script can test,
    /// and a non-zero exit status; an empty result is not a failure.
    @Test(arguments: [
        ("serch plenum --json", "command.unknown_command", "Unknown command 'serch'"),
        ("search \"unclosed phrase --json", "query.invalid", "never closed"),
        ("show wca-nothere --json", "command.unknown_reference", "wca-nothere"),
        ("import /no/such/file.jsonl --json", "import.unreadable_file", "/no/such/file.jsonl"),
        ("timeline plenum --by decade --json", "command.usage", "'decade'"),
        ("note edit 99 --json", "session.no_such_note", "no note 99"),
        ("session open nosuch --json", "session.not_found", "'nosuch'"),
    ])
    func aFailureUnderJSONIsAnErrorObject(_ line: String, _ code: String, _ named: String) async throws {
        let run = try await DossierProcess.run(["--workspace", workspace(), "-c", line])
        #expect(run.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let error = try #require(object?["error"] as? [String: Any], "stdout: \(run.stdout)")
        #expect(object?.count == 1)
        #expect(error["code"] as? String == code)
        #expect((error["message"] as? String)?.contains(named) == true)
        #expect(!run.stderr.contains(named), "the message is not also on stderr")
        // In a script, the error names the line it came from.
        let script = try await DossierProcess.run(["--workspace", workspace()], input: "stats\n" + line + "\n")
        #expect(script.status == 1)
        #expect(script.stdout.contains("\"location\": \"<stdin>:2\""))
    }

    @Test func anEmptyResultUnderJSONIsNoError() async throws {
        let run = try await DossierProcess.run(["--workspace", workspace(), "-c", "search zzzzqqq --json"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("\"total\": 0") && !run.stdout.contains("\"error\""))
    }
}

/// `~/.dossierrc` and the workspace's `.dossierrc`: command lines run at every start, as
/// psql runs `.psqlrc`; `--no-rc` skips them.
@Suite struct StartupFileTests {
    @Test func rcFilesRunAtStartAndNameTheFileAndLineOfAnError() async throws {
        let home = Fixtures.temporaryFolder("dossier-rc-home")
        let folder = Fixtures.temporaryFolder("dossier-rc").appendingPathComponent("ws")
        defer {
            try? FileManager.default.removeItem(at: home)
            try? FileManager.default.removeItem(at: folder.deletingLastPathComponent())
        }
        try "# the result limit\nset limit 3\nsett width 60\n".write(
            to: home.appendingPathComponent(".dossierrc"), atomically: true, encoding: .utf8)
        let environment = DossierProcess.environment(["HOME": home.path])
        _ = try await DossierProcess.run(["--workspace", folder.path, "--no-rc", "-c", "stats"], environment: environment)
        try "set snippet 5\n".write(to: folder.appendingPathComponent(".dossierrc"), atomically: true, encoding: .utf8)

        let run = try await DossierProcess.run(
            ["--workspace", folder.path, "-c", "search year:1956 --json"], environment: environment)
        #expect(run.status == 0)
        let results = try JSONValue.parse(run.stdout)["results"]?.array ?? []
        #expect(results.count == 3)
        #expect(results.allSatisfy { ($0["snippet"]?.string ?? "").split(separator: " ").count <= 6 })
        #expect(run.stderr.hasPrefix("~/.dossierrc:3: Unknown command 'sett'. Did you mean 'set'"))

        let skipped = try await DossierProcess.run(
            ["--workspace", folder.path, "--no-rc", "-c", "search year:1956 --json"], environment: environment)
        #expect(try JSONValue.parse(skipped.stdout)["results"]?.array?.count ?? 0 > 3)
        #expect(skipped.stderr.isEmpty)
    }
}
