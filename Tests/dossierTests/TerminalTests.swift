import Foundation
import ProcessDriver
import TestSupport
import Testing

/// The built `dossier` at a real (pseudo-)terminal: line editing, completion, history,
/// Ctrl-C and Ctrl-D, as a person at the keyboard meets them.
@Suite(.serialized) struct TerminalTests {
    private func start(_ folder: String, environment: [String: String] = [:]) throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(
            executable: DossierProcess.executable.path, arguments: ["--workspace", folder],
            environment: DossierProcess.environment(["TERM": "xterm", "PAGER": "cat"].merging(environment) { $1 }),
            folder: Fixtures.temporaryFolder())
        try prompt(terminal)
        return terminal
    }

    /// Waits for the prompt, then for raw mode: libedit may print the prompt before it
    /// switches the terminal to raw mode, and a control key typed in between is taken by
    /// the terminal's line discipline instead. (A person never types that fast.)
    private func prompt(_ terminal: PseudoTerminal) throws {
        try terminal.waitFor("dossier> ")
        #expect(terminal.waitForRawMode(), "dossier never put the terminal in raw mode")
    }

    private func workspace() -> String {
        Fixtures.temporaryFolder("dossier-pty").appendingPathComponent("ws").path
    }

    @Test func tabCompletesTheCommandName() async throws {
        let terminal = try start(workspace())
        terminal.type("sea\t")
        try terminal.waitFor("search")
        terminal.type("Mikoyan\r")
        try terminal.waitFor("3 documents match 'Mikoyan'.")
        try prompt(terminal)
        // Result numbers of the last listing, then an option's values.
        terminal.type("show \t\t")
        let numbers = try terminal.waitFor("3")
        #expect(PseudoTerminal.plain(numbers).contains(/1\s+2\s+3/))
        try prompt(terminal)
        terminal.type("\u{15}")
        terminal.type("import x.csv --form\t")
        try terminal.waitFor("--format ")
        terminal.type("\t\t")
        let values = try terminal.waitFor("tei")
        #expect(PseudoTerminal.plain(values).contains(/csv\s+json\s+jsonl\s+markdown\s+results\s+ris\s+tei/))
    }

    @Test func nonASCIIInputArrivesIntact() async throws {
        let terminal = try start(workspace())
        terminal.type("search Ch’oe\r")
        try terminal.waitFor("1 document matches 'Ch’oe'.")
        terminal.type("search 김일성 Хрущёв Il-sŏng\r")
        try terminal.waitFor("No documents match '김일성 Хрущёв Il-sŏng'.")
    }

    @Test func ctrlCDiscardsTheLineAndTheREPLKeepsRunning() async throws {
        let terminal = try start(workspace())
        terminal.type("search something I changed my mind about")
        try terminal.waitFor("mind about")
        terminal.type("\u{3}")
        try prompt(terminal)
        #expect(terminal.isRunning)
        terminal.type("search Puzanov\r")
        let output = try terminal.waitFor("3 documents match 'Puzanov'.")
        #expect(!output.contains("changed my mind"))
        try prompt(terminal)
        terminal.type("\u{4}")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func historySurvivesARestart() async throws {
        let folder = workspace()
        do {
            let first = try start(folder)
            first.type("search Peng Dehuai\r")
            try first.waitFor("documents match 'Peng Dehuai'.")
            try prompt(first)
            first.type("\u{4}")
            #expect(first.waitForExit() == 0)
        }
        let history = try String(contentsOfFile: folder + "/.dossier/history", encoding: .utf8)
        #expect(history.contains("Peng"))
        let second = try start(folder)
        second.type("\u{1B}[A")  // Up
        try second.waitFor("search Peng Dehuai")
        second.type("\r")
        try second.waitFor("documents match 'Peng Dehuai'.")
    }

    @Test func colourOnATerminalButNotWithNoColor() async throws {
        let coloured = try start(workspace())
        coloured.type("search Mikoyan\r")
        let withColour = try coloured.waitFor("Choe Yong-geon")
        #expect(withColour.contains("\u{1B}[1;33mMikoyan\u{1B}[0m"))

        let plain = try start(workspace(), environment: ["NO_COLOR": "1"])
        plain.type("search Mikoyan\r")
        let withoutColour = try plain.waitFor("Choe Yong-geon")
        #expect(!withoutColour.contains("\u{1B}[1;33m"))
    }

    @Test func linesPipedInGetNoEscapeCodesEvenOnATerminal() async throws {
        let command = "printf 'search Mikoyan\\n' | '\(DossierProcess.executable.path)' --workspace '\(workspace())'"
        let terminal = try PseudoTerminal(
            executable: "/bin/sh", arguments: ["-c", command],
            environment: DossierProcess.environment(["TERM": "xterm"]), folder: Fixtures.temporaryFolder())
        #expect(terminal.waitForExit() == 0)
        #expect(terminal.transcript.contains("3 documents match 'Mikoyan'."))
        #expect(!terminal.transcript.contains("\u{1B}"))
        #expect(!terminal.transcript.contains("dossier>"))
    }

    @Test func ctrlCStopsARunningImportAndLeavesTheArchiveAsItWas() async throws {
        // A file large enough that the import is still running when Ctrl-C arrives.
        let big = Fixtures.temporaryFolder().appendingPathComponent("big.jsonl")
        var lines = ""
        for index in 0..<200_000 {
            lines +=
                "{\"id\": \"big-\(index)\", \"title\": \"Generated record \(index)\", \"summary\": \"Filler text for record \(index) about grain procurement.\"}\n"
        }
        try lines.write(to: big, atomically: true, encoding: .utf8)
        let terminal = try start(workspace())
        terminal.type("import \(big.path)\r")
        try terminal.waitFor("Importing")
        terminal.type("\u{3}")
        let message = try terminal.waitFor("dossier> ", timeout: 60)
        #expect(message.contains("cancelled") || message.contains("Interrupted"))
        terminal.type("stats --json\r")
        try terminal.waitFor("\"documents\": 9,")
    }

    @Test func ctrlCCancelsAPluginsCommandAndThePluginStaysUsable() async throws {
        let folder = workspace()
        let plugins = URL(fileURLWithPath: folder).appendingPathComponent("Plugins")
        try FileManager.default.createDirectory(at: plugins, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: folder).appendingPathComponent("Sessions"), withIntermediateDirectories: true)
        // `slow` sleeps through the cancel, so dossier ends it (its own process group,
        // which Ctrl-C at the terminal does not reach) and starts it again when next needed.
        let script = plugins.appendingPathComponent("dossier-plugin-slow")
        try Fixtures.writeExecutable(
            #"""
            #!/bin/sh
            while IFS= read -r line; do
              case "$line" in
                *'"type":"hello"'*) echo '{"type":"hello","protocol":1,"name":"slow","version":"1"}' ;;
                *'"type":"signature"'*) echo '{"type":"signature","id":0,"commands":[{"name":"slow","abstract":"Takes its time."}]}' ;;
                *'"type":"call"'*) id=$(printf '%s' "$line" | sed 's/.*"id":\([0-9]*\),"options".*/\1/'); echo '{"type":"progress","message":"thinking"}'; sleep 30 ;;
                *'"type":"cancel"'*) printf '{"type":"response","id":%s,"error":{"message":"Cancelled."}}\n' "$id" ;;
              esac
            done

            """#, to: script)
        let terminal = try start(folder)
        terminal.type("slow\r")
        try terminal.waitFor("thinking")
        terminal.type("\u{3}")
        let message = try terminal.waitFor("dossier> ", timeout: 30)
        #expect(message.contains("Interrupted"))
        terminal.type("plugins --json\r")
        try terminal.waitFor("\"state\": \"")
        let listing = try terminal.waitFor("dossier> ")
        #expect(!listing.contains("disabled"))
    }

    @Test func noteEditOpensTheEditorAndSessionRmAsksFirst() async throws {
        let folder = workspace()
        // An "editor" that rewrites the note as a person would, then saves and quits.
        let editor = Fixtures.temporaryFolder().appendingPathComponent("editor.sh")
        try Fixtures.writeExecutable("#!/bin/sh\nsed -i 's/draft/final wording/' \"$1\"\n", to: editor)
        let terminal = try start(folder, environment: ["EDITOR": editor.path])
        terminal.type("note A draft thought #idea\r")
        try terminal.waitFor("Note 1 added to 'default'; tags: #idea.")
        try prompt(terminal)
        terminal.type("note edit 1\r")
        try terminal.waitFor("Note 1 changed.")
        try prompt(terminal)
        terminal.type("notes\r")
        try terminal.waitFor("A final wording thought #idea")
        try prompt(terminal)
        terminal.type("session new other\r")
        try terminal.waitFor("Started session 'other'")
        try prompt(terminal)
        terminal.type("session rm default\r")
        try terminal.waitFor("Remove session 'default' (it goes to .dossier/trash/)? [y/N] ")
        terminal.type("n\r")
        try terminal.waitFor("Kept session 'default'.")
        try prompt(terminal)
        terminal.type("session rm default\r")
        try terminal.waitFor("[y/N] ")
        terminal.type("y\r")
        try terminal.waitFor("Removed session 'default'")
        try prompt(terminal)
        terminal.type("\u{4}")
        #expect(terminal.waitForExit() == 0)
    }

    /// With no VISUAL or EDITOR, `note edit` opens the system's `editor` and says how to
    /// choose one, or, with none, says how to set one; the file being edited is private
    /// (0600 in a 0700 folder) and gone afterwards; a failed editor keeps what was written.
    @Test func noteEditChoosesTheEditorOpenlyAndNeverLosesADraft() async throws {
        let folder = workspace()
        let tools = Fixtures.temporaryFolder("dossier-editors")
        let log = tools.appendingPathComponent("editor.log")
        let system = tools.appendingPathComponent("system", isDirectory: true)
        try FileManager.default.createDirectory(at: system, withIntermediateDirectories: true)
        try Fixtures.writeExecutable(
            """
            #!/bin/sh
            /usr/bin/stat -c '%a %n' "$1" "$(/usr/bin/dirname "$1")" >> '\(log.path)'
            /usr/bin/sed -i 's/draft/final wording/' "$1"
            """, to: system.appendingPathComponent("editor"))
        let failing = tools.appendingPathComponent("failing-editor")
        try Fixtures.writeExecutable("#!/bin/sh\necho 'and a second thought' >> \"$1\"\nexit 3\n", to: failing)
        let nothing = tools.appendingPathComponent("empty", isDirectory: true)
        try FileManager.default.createDirectory(at: nothing, withIntermediateDirectories: true)

        _ = try await DossierProcess.run(["--workspace", folder, "-c", "note A draft thought"])
        let unset = ["VISUAL": "", "EDITOR": ""]
        let withSystemEditor = try start(folder, environment: unset.merging(["PATH": system.path]) { $1 })
        withSystemEditor.type("note edit 1\r")
        let opened = PseudoTerminal.plain(try withSystemEditor.waitFor("Note 1 changed."))
        #expect(opened.contains("No editor is set, so the note opens in the system's editor"))
        #expect(opened.contains("set VISUAL or EDITOR"))
        try prompt(withSystemEditor)
        withSystemEditor.type("\u{4}")
        #expect(withSystemEditor.waitForExit() == 0)
        let logged = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        #expect(logged.count == 2)
        #expect(logged.first?.hasPrefix("600 ") == true && logged.last?.hasPrefix("700 ") == true)
        for line in logged {
            let path = String(line.dropFirst(4))
            #expect(!FileManager.default.fileExists(atPath: path), "\(path) is left behind")
        }

        let withNone = try start(folder, environment: unset.merging(["PATH": nothing.path]) { $1 })
        withNone.type("note edit 1\r")
        let refused = PseudoTerminal.plain(try withNone.waitFor("NEW TEXT."))
        #expect(refused.contains("No editor is set and this system has no 'editor': set VISUAL or EDITOR"))
        try prompt(withNone)
        withNone.type("\u{4}")
        #expect(withNone.waitForExit() == 0)

        let withFailing = try start(folder, environment: ["VISUAL": "", "EDITOR": failing.path])
        withFailing.type("note edit 1\r")
        let failed = PseudoTerminal.plain(try withFailing.waitFor("TEXT'."))
        #expect(failed.contains("exited with status 3); note 1 is unchanged. What you wrote is kept in"))
        try prompt(withFailing)
        withFailing.type("\u{4}")
        #expect(withFailing.waitForExit() == 0)
        let drafts = URL(fileURLWithPath: folder).appendingPathComponent(".dossier/drafts")
        let kept = try FileManager.default.contentsOfDirectory(at: drafts, includingPropertiesForKeys: nil)
        #expect(kept.count == 1)
        if let draft = kept.first {
            #expect(try String(contentsOf: draft, encoding: .utf8) == "A final wording thought\nand a second thought\n")
            let mode = try FileManager.default.attributesOfItem(atPath: draft.path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
        }
        let notes = try await DossierProcess.run(["--workspace", folder, "-c", "notes"])
        #expect(notes.stdout.contains("A final wording thought"))
    }

    @Test func aHistoryReferenceIsRememberedAsTheCommandItRan() async throws {
        let terminal = try start(workspace())
        terminal.type("search Puzanov --limit 1\r")
        try terminal.waitFor("3 documents match 'Puzanov'")
        try prompt(terminal)
        terminal.type("stats\r")
        try terminal.waitFor("Documents:")
        try prompt(terminal)
        terminal.type("!1\r")
        try terminal.waitFor("the best is shown.")
        try prompt(terminal)
        // Up brings back what !1 ran, not "!1".
        terminal.type("\u{1B}[A")
        let recalled = try terminal.waitFor("search Puzanov --limit 1")
        #expect(!PseudoTerminal.plain(recalled).contains("!1"))
        terminal.type("\u{15}\u{4}")
        #expect(terminal.waitForExit() == 0)
    }
}
