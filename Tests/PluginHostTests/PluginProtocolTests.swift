import DocumentStore
import DossierProtocol
import Foundation
import PluginHost
import REPLCore
import SessionStore
import TestSupport
import Testing

/// The protocol from the host's side, with plugins written as shell scripts: requests back
/// to the host, the signature cache, and every way a plugin can fail.
@Suite struct PluginProtocolTests {
    /// Generous limits for plugins that behave, so that a busy machine does not fail them.
    static let quick = PluginHost.Settings(handshakeTimeout: .seconds(20), callTimeout: .seconds(20))

    /// A workspace with the sample archive and the given plugin, and a REPL over it.
    func repl(
        _ name: String = "probe", commands: String = PluginFixtures.probeCommands, hello: String? = nil,
        onStart: String = "", onCall: String, settings: PluginHost.Settings = quick
    ) async throws -> ScriptedREPL {
        let (workspace, _) = try Fixtures.sampleWorkspace()
        try PluginFixtures.script(name, in: workspace, commands: commands, hello: hello, onStart: onStart, onCall: onCall)
        let repl = try await ScriptedREPL(workspace: workspace, pluginSettings: settings)
        #expect(repl.pluginMessages.isEmpty, "\(repl.pluginMessages)")
        return repl
    }

    @Test func getAndNoteAddReachTheStoreAndTheSession() async throws {
        let repl = try await repl(
            onCall: #"""
                printf '%s\n' '{"type":"request","id":"g1","method":"get","params":{"refs":["wca-2a20b1851ab2","nope"],"fields":["title"]}}'
                read -r got
                printf '%s\n' '{"type":"request","id":"n1","method":"note.add","params":{"ref":"wca-2a20b1851ab2","text":"Mikoyan presses for rehabilitation #plugin","quote":"repeal the decisions"}}'
                read -r noted
                printf '%s\n' '{"type":"request","id":"x1","method":"delete.everything","params":{}}'
                read -r refused
                printf '{"type":"response","id":%s,"output":{"text":"done","data":{"got":%s,"noted":%s,"refused":%s}}}\n' "$id" "$got" "$noted" "$refused"
                """#)
        let notesBefore = try #require(repl.context.session).session.notes.count
        let json = try await repl.json("probe")
        #expect(json["got"]?["id"] == "g1")
        #expect(
            json["got"]?["result"]?["documents"] == [
                ["id": "wca-2a20b1851ab2", "title": "Telegram from A. Mikoyan to the CPSU Central Committee"]
            ])
        #expect(json["got"]?["result"]?["missing"] == ["nope"])
        #expect(json["noted"]?["result"]?["doc"] == "wca-2a20b1851ab2")
        #expect(
            json["refused"]?["error"]?["message"]
                == "Dossier has no method 'delete.everything'; it answers search, get, note.add, import.")

        // The note is in the session file, with its tag and its located quote.
        let session = try #require(repl.context.session)
        let saved = try SessionFormat.decode(Data(contentsOf: session.url), path: session.url.path)
        #expect(saved.notes.count == notesBefore + 1)
        let note = try #require(saved.notes.last)
        #expect(note.text == "Mikoyan presses for rehabilitation #plugin")
        #expect(note.tags == ["plugin"])
        #expect(note.doc == "wca-2a20b1851ab2")
        #expect(note.quote?.field == "summary")
        #expect(await repl.run("notes --tag plugin").output.contains("Mikoyan presses for rehabilitation"))
    }

    @Test func searchRequestsAnswerInTheQueryLanguageAndReportBadQueries() async throws {
        let repl = try await repl(
            onCall: #"""
                printf '%s\n' '{"type":"request","id":"s1","method":"search","params":{"query":"Mikoyan -Peng","limit":2,"fields":["title"]}}'
                read -r found
                printf '%s\n' '{"type":"request","id":"s2","method":"search","params":{"query":"NEAR(","limit":2}}'
                read -r broken
                printf '{"type":"response","id":%s,"output":{"data":{"found":%s,"broken":%s}}}\n' "$id" "$found" "$broken"
                """#)
        let json = try await repl.json("probe")
        let found = try #require(json["found"]?["result"])
        #expect(found["total"]?.int.map { $0 >= 1 } == true)
        #expect(found["documents"]?.array?.count ?? 0 <= 2)
        #expect(found["documents"]?.array?.first?["rank"] == 1)
        let message = try #require(json["broken"]?["error"]?["message"]?.string)
        #expect(message.contains("NEAR("))
        #expect(!message.lowercased().contains("fts5") && !message.lowercased().contains("sqlite"))
    }

    @Test func argumentsAndOptionsAreParsedByTheSignature() async throws {
        let repl = try await repl(
            onCall: #"""
                printf '{"type":"response","id":%s,"output":{"data":%s}}\n' "$id" "$(printf '%s' "$line" | sed 's/.*"arguments":\({[^}]*}\).*"options":\({[^}]*}\).*/[\1,\2]/')"
                """#)
        #expect(
            try await repl.json("probe wca-2a20b1851ab2 -t 3 --loud") == [
                ["ref": "wca-2a20b1851ab2"], ["times": "3", "loud": true],
            ])
        #expect(try await repl.json("probe") == [[:], ["times": "1"]])
        let unknown = await repl.run("probe --bogus")
        #expect(unknown.messages == "Unknown option '--bogus' for 'probe'. Type 'help probe' to see its options.\n")
        let extra = await repl.run("probe a b")
        #expect(extra.messages.hasPrefix("Unexpected argument 'b'.\nUsage: probe [<ref>] [--times <N>] [--loud]\n"))
        let missing = await repl.run("probe --times")
        #expect(missing.messages.hasPrefix("Option '--times' of 'probe' needs a value"))
        #expect(await repl.run("help probe").output.contains("From the plugin dossier-plugin-probe"))
    }

    @Test func whatAPluginsAuthorMightWriteIsUnderstood() async throws {
        // A number as an option's default, an underscore in a name, a blank line before
        // the answer, the call's id as text, and an exit after every answer.
        let commands =
            #"[{"name":"probe","abstract":"A test command.","options":[{"name":"max_items","value":"N","default":3,"choices":[1,2,3]}]}]"#
        let repl = try await repl(
            commands: commands,
            onCall: #"""
                echo
                printf '{"type":"response","id":"%s","output":{"data":%s}}\n' "$id" "$(printf '%s' "$line" | sed 's/.*"options":\({[^}]*}\).*/\1/')"
                exit 0
                """#)
        #expect(try await repl.json("probe") == ["max_items": "3"])
        #expect(try await repl.json("probe --max_items 2") == ["max_items": "2"])
        #expect(
            await repl.run("probe --max_items 7").messages.contains("'7' is not a value of '--max_items'; use one of: 1, 2, 3"))
        // Started once for the signature, then again for each call after it exited.
        #expect(PluginFixtures.launchCount(of: "probe", in: repl.workspace) == 2)
    }

    /// A signature is a CommandSignature as encoded: `null` is the same as absent, aliases
    /// are names of the command, and `help --json` gives the object back as Dossier read it.
    @Test func aSignatureIsTheCommandSignatureDossierUsesForEveryCommand() async throws {
        let commands = #"""
            [{"name":"probe","aliases":["pr"],"abstract":"A test command.","discussion":null,
              "arguments":[{"name":"ref","help":null,"optional":true}],
              "options":[{"name":"times","short":"t","value":"N","default":null,"help":"How often."}],
              "examples":["probe 1"],"free_text":null}]
            """#
        let repl = try await repl(
            commands: commands.replacingOccurrences(of: "\n", with: " "), onCall: PluginFixtures.respond(#"{"text":"ok"}"#))
        let outcome = await repl.run("pr 1 -t 2")
        #expect(outcome.output.trimmingCharacters(in: .newlines) == "ok", "\(outcome.messages)")
        let help = try await repl.json("help probe")
        #expect(help["name"] == "probe" && help["aliases"] == ["pr"] && help["free_text"] == false)
        #expect(help["options"]?.array?.first?["short"] == "t")
        #expect(help["options"]?.array?.first?["default"] == nil)
        let signature = try CommandSignature(json: help)
        #expect(signature.arguments == [.init("ref", optional: true)])
        #expect(signature.examples == ["probe 1"])
    }

    @Test func startUpReadsSignaturesFromTheCacheUntilTheExecutableChanges() async throws {
        let (workspace, _) = try Fixtures.sampleWorkspace()
        let onCall = PluginFixtures.respond(#"{"text":"hello"}"#)
        let executable = try PluginFixtures.script("probe", in: workspace, onCall: onCall)
        do {
            let first = try await ScriptedREPL(workspace: workspace, pluginSettings: Self.quick)
            #expect(PluginFixtures.launchCount(of: "probe", in: workspace) == 1)
            // The process that answered the handshake answers the call too.
            #expect(await first.run("probe").output == "hello\n")
            #expect(PluginFixtures.launchCount(of: "probe", in: workspace) == 1)
        }
        let second = try await ScriptedREPL(workspace: workspace, pluginSettings: Self.quick)
        #expect(PluginFixtures.launchCount(of: "probe", in: workspace) == 1)
        #expect(await second.run("help").output.contains("Plugin: probe\n  probe "))
        #expect(await second.run("plugins").output.contains(/probe +0\.1 +ready +probe/))
        #expect(await second.run("probe").output == "hello\n")
        #expect(PluginFixtures.launchCount(of: "probe", in: workspace) == 2)

        // A changed executable is asked again at start-up.
        try PluginFixtures.script(
            "probe", in: workspace, hello: #"{"type":"hello","protocol":1,"name":"probe","version":"0.2"}"#, onCall: onCall)
        #expect(FileManager.default.fileExists(atPath: executable.path))
        let third = try await ScriptedREPL(workspace: workspace, pluginSettings: Self.quick)
        #expect(PluginFixtures.launchCount(of: "probe", in: workspace) == 3)
        #expect(await third.run("plugins").output.contains(/probe +0\.2 +running +probe/))
        #expect(await third.run("plugins reload").output.hasPrefix("Reloaded: 1 plugin ready."))
        #expect(PluginFixtures.launchCount(of: "probe", in: workspace) == 4)
    }

    @Test func aCrashDuringACallIsReportedAndDisablesThePluginForTheSitting() async throws {
        let repl = try await repl(onCall: #"echo "probe: out of memory, giving up" >&2; kill -KILL $$"#)
        let outcome = await repl.run("probe")
        #expect(!outcome.succeeded)
        #expect(outcome.messages.hasPrefix("The plugin 'probe' 0.1 ("))
        #expect(
            outcome.messages.contains(
                "crashed with signal 9 (SIGKILL) during the call of 'probe'. It has been stopped and is disabled for this sitting"
            ))
        let listing = await repl.run("plugins").output
        #expect(listing.contains("disabled"))
        #expect(listing.contains("probe: out of memory, giving up"))
        // The REPL goes on; the plugin is not started again.
        #expect(await repl.run("search Mikoyan").succeeded)
        let again = await repl.run("probe")
        #expect(again.messages.contains("is disabled: it crashed with signal 9"))
        #expect(PluginFixtures.launchCount(of: "probe", in: repl.workspace) == 1)
        // The command line that failed is in the session's history.
        #expect(repl.context.session?.session.history.contains { $0.line == "probe" && $0.failed == true } == true)
    }

    @Test func aHangingCallIsEndedWithItsWholeProcessGroup() async throws {
        let pidFile = Fixtures.temporaryFolder().appendingPathComponent("child.pid")
        let settings = PluginHost.Settings(handshakeTimeout: .seconds(20), callTimeout: .milliseconds(500))
        let repl = try await repl(onCall: "sleep 60 & echo $! > '\(pidFile.path)'; wait", settings: settings)
        let outcome = await repl.run("probe")
        #expect(outcome.messages.contains("did not answer the call of 'probe' in 0.5 s"))
        let child = try #require(
            pid_t(String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(await Waiting.until { !PluginFixtures.isAlive(child) }, "the plugin's child \(child) outlived it")
    }

    @Test func aHangingHandshakeCostsTheWaitOnce() async throws {
        let (workspace, _) = try Fixtures.sampleWorkspace()
        try PluginFixtures.script("sleepy", in: workspace, onStart: "echo 'loading models' >&2; sleep 60", onCall: "")
        let settings = PluginHost.Settings(handshakeTimeout: .milliseconds(500), callTimeout: .seconds(20))
        let first = try await ScriptedREPL(workspace: workspace, pluginSettings: settings)
        #expect(first.pluginMessages.count == 1)
        #expect(first.pluginMessages[0].hasPrefix("Plugin 'sleepy' ("))
        #expect(
            first.pluginMessages[0].contains(
                "did not answer the hello in 0.5 s (a plugin must answer the hello and flush its output after every line); it is disabled."
            ))
        #expect(await first.run("plugins").output.contains("loading models"))
        #expect(await first.run("plugins").output.contains(/sleepy +– +disabled/))
        // The next start remembers the failure instead of waiting again.
        let second = try await ScriptedREPL(workspace: workspace, pluginSettings: settings)
        #expect(PluginFixtures.launchCount(of: "sleepy", in: workspace) == 1)
        #expect(
            second.pluginMessages == [
                "The plugin 'sleepy' is disabled since a failure at an earlier start: 'plugins' says why; 'plugins reload' tries again."
            ])
    }

    @Test func garbageAnotherVersionAWrongNameAndABadSignatureAreNamed() async throws {
        let (workspace, _) = try Fixtures.sampleWorkspace()
        try PluginFixtures.script("chatty", in: workspace, hello: "Starting chatty v1.0...", onCall: "")
        try PluginFixtures.script(
            "future", in: workspace, hello: #"{"type":"hello","protocol":7,"name":"future","version":"9.0"}"#, onCall: "")
        try PluginFixtures.script(
            "misnamed", in: workspace, hello: #"{"type":"hello","protocol":1,"name":"other","version":"1"}"#, onCall: "")
        try PluginFixtures.script("vague", in: workspace, commands: #"[{"name":"vague"}]"#, onCall: "")
        try PluginFixtures.script(
            "nested", in: workspace,
            commands: #"[{"name":"nested","abstract":"Groups.","subcommands":[{"name":"one","abstract":"One."}]}]"#, onCall: "")
        let unexecutable = try PluginFixtures.script("readonly", in: workspace, onCall: "")
        chmod(unexecutable.path, 0o644)
        // A folder named like a plugin (an example plugin's sources) is passed over.
        try FileManager.default.createDirectory(
            at: workspace.pluginsFolder.appendingPathComponent("dossier-plugin-sources"), withIntermediateDirectories: true)
        let repl = try await ScriptedREPL(workspace: workspace, pluginSettings: Self.quick)
        let listing = try await repl.json("plugins")
        let readonly = try #require(listing["plugins"]?.array?.first { $0["name"] == "readonly" })
        #expect(readonly["state"] == "unusable")
        #expect(readonly["reason"] == .string("it is not executable (chmod +x \(unexecutable.path))"))
        #expect(listing["plugins"]?.array?.contains { $0["name"] == "sources" } == false)
        #expect(PluginFixtures.launchCount(of: "readonly", in: workspace) == 0)
        let messages = repl.pluginMessages.joined(separator: "\n")
        #expect(
            messages.contains(
                "Plugin 'chatty' (\(workspace.pluginsFolder.path)/dossier-plugin-chatty) printed a line that is not JSON: 'Starting chatty v1.0...'; it is disabled."
            ))
        #expect(messages.contains("'future' (") && messages.contains("speaks protocol version 7; this dossier speaks version 1"))
        #expect(messages.contains("said hello with 'other', but its file is named dossier-plugin-misnamed"))
        #expect(messages.contains("sent a signature Dossier cannot use: command 'vague' has no \"abstract\""))
        #expect(messages.contains("command 'nested' has subcommands, which protocol version 1 cannot call"))
        #expect(await repl.run("search Mikoyan").succeeded)
    }

    @Test func garbageAndOutOfOrderAnswersToACallDisableThePlugin() async throws {
        let garbage = try await repl(onCall: "echo 'Traceback (most recent call last):'")
        #expect(
            await garbage.run("probe").messages.contains("printed a line that is not JSON: 'Traceback (most recent call last):'"))
        let disorder = try await repl(onCall: #"printf '{"type":"response","id":%s,"output":{}}\n' "$((id + 5))""#)
        let outcome = await disorder.run("probe")
        #expect(outcome.messages.contains("answered out of order: a response to call 7 while call 2 was waiting"))
        let lying = try await repl(onCall: PluginFixtures.respond(#"{"table":{"rows":[[1]]}}"#))
        #expect(await lying.run("probe").messages.contains("sent an output whose \"table\" is not"))
    }

    @Test func aCommandNamedLikeABuiltInIsLeftOut() async throws {
        let commands = #"[{"name":"search","abstract":"A better search."},{"name":"probe","abstract":"A test command."}]"#
        let repl = try await repl(commands: commands, onCall: PluginFixtures.respond(#"{"text":"plugin"}"#))
        #expect(await repl.run("search Mikoyan").output.contains("Telegram from A. Mikoyan"))
        #expect(await repl.run("probe").output == "plugin\n")
        #expect(await repl.run("plugins").output.contains("probe: left out 'search', a name another command has."))
    }

    @Test func floodedStandardErrorIsKeptShortAndDoesNotBlock() async throws {
        let repl = try await repl(
            onCall: """
                i=0; while [ $i -lt 2000 ]; do echo "line $i of a flood of diagnostics, long enough to fill the pipe" >&2; i=$((i+1)); done
                \(PluginFixtures.respond(#"{"text":"survived"}"#))
                """)
        #expect(await repl.run("probe").output == "survived\n")
        let status = try #require(repl.context.plugins?.statuses.first)
        #expect(status.stderr.utf8.count <= 16_400)
        #expect(status.stderr.hasSuffix("line 1999 of a flood of diagnostics, long enough to fill the pipe\n"))
    }

    @Test func floodedStandardOutputIsCutOffAtTheLineLimit() async throws {
        let repl = try await repl(onCall: "yes 'the same words again and again ' | tr -d '\\n'")
        let outcome = await repl.run("probe")
        #expect(outcome.messages.contains("sent a line longer than 32 MB. It has been stopped and is disabled for this sitting"))
        #expect(await repl.run("search Mikoyan").succeeded)
    }

    @Test func ctrlCCancelsARunningCommandWithoutDisablingThePlugin() async throws {
        let flag = Fixtures.temporaryFolder().appendingPathComponent("second-call")
        let repl = try await repl(
            onCall: """
                if [ -e '\(flag.path)' ]; then \(PluginFixtures.respond(#"{"text":"quick this time"}"#)); else touch '\(flag.path)'; sleep 60; fi
                """, settings: PluginHost.Settings(handshakeTimeout: .seconds(20), callTimeout: .seconds(30)))
        let context = repl.context
        // Ctrl-C once the plugin is in the call (it has left its mark).
        let interrupter = Task {
            _ = await Waiting.until { FileManager.default.fileExists(atPath: flag.path) }
            context.interrupt()
        }
        let outcome = await repl.run("probe")
        await interrupter.value
        #expect(outcome.messages == "Interrupted; nothing was changed.\n")
        #expect(await repl.run("plugins").output.contains("ready"))
        #expect(await repl.run("probe").output == "quick this time\n")
    }

    @Test func onlyTheWorkspaceTheDossierFolderAndPathAreSearched() throws {
        let workspace = Workspace(root: URL(fileURLWithPath: "/tmp/research"))
        let folders = PluginFolder.standard(
            workspace: workspace, executableFolder: URL(fileURLWithPath: "/opt/dossier/bin"),
            environment: ["PATH": "/usr/local/bin:relative/bin:/usr/bin:/usr/local/bin"])
        #expect(folders.map(\.url.path) == ["/tmp/research/Plugins", "/opt/dossier/bin", "/usr/local/bin", "/usr/bin"])
        #expect(folders.map(\.kind) == [.workspace, .dossier, .path, .path])
    }
}
