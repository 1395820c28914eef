import DocumentStore
import Foundation
import ProcessDriver
import SessionStore
import TestSupport
import Testing

/// One input of the malformed corpus (`Fixtures/malformed/manifest.json`).
struct MalformedInput: Decodable, Sendable, CustomTestStringConvertible {
    enum Feed: String, Decodable, Sendable { case `import`, query, session, plugin }
    enum Outcome: String, Decodable, Sendable { case refused, warning, imported }

    var file: String
    var generate: String?
    var feed: Feed
    var expect: Outcome
    var says: [String]
    var format: String?
    var command: String?
    var stage: String?

    var testDescription: String { file }
}

/// The malformed corpus and the inputs its generators make at test time (large ones are
/// not committed).
enum MalformedCorpus {
    static let folder = Fixtures.file("malformed")

    struct Manifest: Decodable {
        var inputs: [MalformedInput]
    }

    static func load() throws -> [MalformedInput] {
        try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: folder.appendingPathComponent("manifest.json"))).inputs
    }

    /// Every input; empty when the manifest cannot be read (a test says so).
    static let inputs: [MalformedInput] = (try? load()) ?? []

    /// The bytes of an input, read or generated.
    static func bytes(of input: MalformedInput) throws -> Data {
        guard let generator = input.generate else { return try Data(contentsOf: folder.appendingPathComponent(input.file)) }
        return Data(try generated(generator).utf8)
    }

    static func generated(_ generator: String) throws -> String {
        let deep = 100_000
        let opened = String(repeating: "[", count: deep)
        let closed = String(repeating: "]", count: deep)
        switch generator {
        case "jsonl-nested":
            return #"{"id": "deep-1", "title": "Deep", "extra": "# + opened + closed + "}\n"
        case "json-nested":
            return "[" + opened + closed + "]\n"
        case "jsonl-huge-title":
            return #"{"id": "huge-1", "title": ""# + String(repeating: "Plenum ", count: 500_000) + "\"}\n"
        case "jsonl-huge-text":
            return #"{"id": "huge-2", "title": "A long transcription", "text": ""#
                + String(repeating: "The plenum met again in September. ", count: 300_000) + "\"}\n"
        case "jsonl-many-broken-lines":
            let good = (1...5_000).map { #"{"id": "many-\#($0)", "title": "Report \#($0)"}"# }
            return (good + [#"{"id": "many-5001", "title": "Report"#] + [#"{"title": "after"}"#]).joined(separator: "\n") + "\n"
        case "tei-nested":
            return "<TEI><text><body>" + String(repeating: "<div>", count: deep) + String(repeating: "</div>", count: deep)
                + "</body></text></TEI>\n"
        case "results-huge-title":
            return "September 20, 1956\n\n" + String(repeating: "Record of a Meeting ", count: 200_000) + "\n\nA summary.\n"
        case "results-huge-summary":
            return "September 20, 1956\n\nRecord of a Meeting\n\n"
                + String(repeating: "Mikoyan and Peng press the Presidium. ", count: 400_000) + "\n"
        case "query-terms":
            return (1...10_000).map { "word\($0)" }.joined(separator: " ") + "\n"
        case "query-nested":
            return String(repeating: "(", count: deep) + "plenum" + String(repeating: ")", count: deep) + "\n"
        case "query-fields":
            return String(repeating: "title:", count: 20_000) + "plenum\n"
        case "session-nested":
            return #"{"format": "dossier-session", "version": 1, "name": "deep", "notes": "# + opened + closed + "}\n"
        case "plugin-nested":
            return #"{"type":"response","id":$ID,"output":{"data":"# + opened + closed + "}}\n"
        case "plugin-huge-line":
            return #"{"type":"response","id":$ID,"output":{"text":""# + String(repeating: "x", count: 40 << 20) + "\"}}\n"
        default:
            throw REPLFailure("no generator '\(generator)'")
        }
    }

    struct REPLFailure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

/// Every malformed input of the corpus, fed to dossier the way a user would feed it: each
/// is refused with a message that names it and says what to do, or imported with a warning
/// that names what was repaired; a refused input leaves the store's rows as they were, and
/// the session gains only the line of the command in its history.
@Suite struct MalformedInputTests {
    @Test func theCorpusHoldsFiftyInputsOrMoreOfEveryKind() async throws {
        let inputs = try MalformedCorpus.load()
        #expect(inputs.count >= 50)
        for feed in [MalformedInput.Feed.import, .query, .session, .plugin] {
            #expect(inputs.contains { $0.feed == feed }, "no \(feed) input")
        }
        #expect(Set(inputs.map(\.file)).count == inputs.count, "two inputs share a file name")
        for input in inputs {
            #expect(!input.says.isEmpty, "\(input.file) says nothing")
            if input.generate == nil {
                #expect(
                    FileManager.default.fileExists(atPath: MalformedCorpus.folder.appendingPathComponent(input.file).path),
                    "\(input.file) is missing")
            }
        }
    }

    @Test(arguments: MalformedCorpus.inputs)
    func eachMalformedInputIsRefusedOrRepairedAndSaysSo(_ input: MalformedInput) async throws {
        let (workspace, _) = try Fixtures.sampleWorkspace()
        let folder = Fixtures.temporaryFolder("dossier-malformed")
        let data = try MalformedCorpus.bytes(of: input)
        switch input.feed {
        case .import: try await feedImport(input, data: data, workspace: workspace, folder: folder)
        case .query: try await feedQuery(input, data: data, workspace: workspace)
        case .session: try await feedSession(input, data: data, workspace: workspace)
        case .plugin: try await feedPlugin(input, data: data, workspace: workspace, folder: folder)
        }
    }

    /// The process itself, as a script feeds it: every malformed file and query in one run
    /// through a pipe, each answered with a message, and the process ends by itself (no
    /// SIGSEGV from a stack overflow, no "Fatal error").
    @Test func theBinaryAnswersEveryMalformedFileAndQueryWithoutCrashing() async throws {
        let folder = Fixtures.temporaryFolder("dossier-malformed")
        var lines: [String] = []
        var names: [String] = []
        for input in MalformedCorpus.inputs where input.feed == .import || input.feed == .query {
            let data = try MalformedCorpus.bytes(of: input)
            if input.feed == .import {
                let url = folder.appendingPathComponent(input.file)
                try data.write(to: url)
                lines.append("import \(url.path)" + (input.format.map { " --format \($0)" } ?? ""))
                names.append(input.file)
            } else {
                lines.append(
                    "\(input.command ?? "search") " + String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines))
            }
        }
        let result = try await DossierProcess.run(
            ["--workspace", folder.appendingPathComponent("ws").path], input: lines.joined(separator: "\n") + "\nstats\n")
        #expect(result.status == 1, "exit status \(result.status)")
        #expect(!result.stderr.contains("Fatal error"))
        // It got to the end: the last line's answer is there.
        #expect(result.stdout.contains("Documents:"))
        let said = Self.unwrapped(result.stderr + result.stdout)
        for name in names { #expect(said.contains(name), "nothing names \(name)") }
        #expect(
            said.components(separatedBy: "Cannot read the query").count - 1
                >= MalformedCorpus.inputs.filter { $0.feed == .query && $0.command != "kwic" }.count)
    }

    // MARK: Feeds

    private func feedImport(_ input: MalformedInput, data: Data, workspace: Workspace, folder: URL) async throws {
        let url = folder.appendingPathComponent(input.file)
        try data.write(to: url)
        let line = "import \(url.path)" + (input.format.map { " --format \($0)" } ?? "")
        try await expectOutcome(of: line, for: input, in: ScriptedREPL(workspace: workspace), naming: input.file)
    }

    private func feedQuery(_ input: MalformedInput, data: Data, workspace: Workspace) async throws {
        let query = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
        let line = "\(input.command ?? "search") \(query)"
        // A query is named by its text; a long one by the excerpt around the problem.
        let name = query.count <= 60 ? query : "Cannot read the query"
        try await expectOutcome(of: line, for: input, in: ScriptedREPL(workspace: workspace), naming: name)
    }

    private func feedSession(_ input: MalformedInput, data: Data, workspace: Workspace) async throws {
        let name = URL(fileURLWithPath: input.file).deletingPathExtension().lastPathComponent
        let file = workspace.sessionsFolder.appendingPathComponent(input.file)
        try data.write(to: file)
        let repl = try await ScriptedREPL(workspace: workspace)
        try await expectOutcome(of: "session open \(name)", for: input, in: repl, naming: "Sessions/\(input.file)")
        // A file dossier cannot read is left exactly as it was.
        #expect(try Data(contentsOf: file) == data, "\(input.file) was changed")
        #expect(repl.context.session?.name != name)
    }

    private func feedPlugin(_ input: MalformedInput, data: Data, workspace: Workspace, folder: URL) async throws {
        let stage = input.stage ?? "call"
        try HostilePlugin.write(reply: data, stage: stage, in: workspace, folder: folder)
        let repl = try await ScriptedREPL(
            workspace: workspace, pluginSettings: .init(handshakeTimeout: .seconds(20), callTimeout: .seconds(30)))
        let loading = repl.pluginMessages.joined(separator: "\n")
        if stage == "call" {
            #expect(loading.isEmpty, "\(input.file): \(loading)")
            // What the host answered the plugin's requests counts as what it said.
            try await expectOutcome(
                of: "probe", for: input, in: repl, naming: "plugin 'hostile'", alsoSaid: { HostilePlugin.answers(in: folder) })
        } else {
            let before = try StoreContent(repl.store)
            #expect(loading.contains("Plugin 'hostile'"), "\(input.file): \(loading)")
            #expect(loading.contains("'plugins reload' tries it again"))
            for text in input.says { #expect(loading.contains(text), "\(input.file): '\(text)' is not in: \(loading)") }
            let outcome = await repl.run("probe")
            #expect(!outcome.succeeded)
            #expect(try StoreContent(repl.store).hash == before.hash)
        }
    }

    // MARK: Checks

    /// Runs `line` and checks what it said and what it left: the store as it was and the
    /// session one history line longer when the input is refused; a warning when repaired.
    private func expectOutcome(
        of line: String, for input: MalformedInput, in repl: ScriptedREPL, naming name: String,
        alsoSaid: () -> String = { "" }
    ) async throws {
        let before = try StoreContent(repl.store)
        let session = try #require(repl.context.session)
        let sessionBefore = try savedSession(session.url)
        let outcome = await repl.run(line)
        // Messages are wrapped at the terminal's width: compared as one line.
        let said = Self.unwrapped(outcome.messages + "\n" + outcome.output + "\n" + alsoSaid())
        let label = "\(input.file): \(said.prefix(600))"
        for text in input.says { #expect(said.contains(text), "'\(text)' is not in \(label)") }
        switch input.expect {
        case .refused:
            #expect(!outcome.succeeded || input.feed == .plugin, "accepted: \(label)")
            // A plugin whose request was refused still answers its call: the refusal is in the answer.
            if !outcome.succeeded || input.feed != .plugin {
                #expect(said.contains(name), "the message does not name '\(name)': \(label)")
            }
            #expect(!said.lowercased().contains("sqlite") && !said.contains("Fatal"), "\(label)")
            let after = try StoreContent(repl.store)
            #expect(after.hash == before.hash, "the store changed: \(label)")
            #expect(after == before)
        case .warning:
            #expect(outcome.succeeded, "\(label)")
            #expect(said.contains("warning: "), "no warning: \(label)")
            #expect(said.contains(input.file), "the warning does not name the file: \(label)")
        case .imported:
            #expect(outcome.succeeded, "\(label)")
            #expect(!said.contains("warning"), "\(label)")
        }
        // The session in use gains the command's line in its history, and nothing else.
        var sessionAfter = try savedSession(session.url)
        let added = sessionAfter.history.dropFirst(sessionBefore.history.count)
        #expect(added.map(\.line) == [line], "history: \(added.map(\.line))")
        #expect(added.first?.failed == (outcome.succeeded ? nil : true))
        sessionAfter.history = sessionBefore.history
        sessionAfter.modified = sessionBefore.modified
        if input.feed == .plugin || input.expect != .refused {
            // A listing (a plugin's documents, none here) may set the results; imports never do.
            sessionAfter.results = sessionBefore.results
            sessionAfter.resultsFirst = sessionBefore.resultsFirst
        }
        #expect(sessionAfter == sessionBefore, "the session changed beyond its history: \(input.file)")
    }

    static func unwrapped(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    private func savedSession(_ url: URL) throws -> Session {
        guard FileManager.default.fileExists(atPath: url.path) else {
            return Session(name: url.deletingPathExtension().lastPathComponent)
        }
        return try SessionFormat.decode(Data(contentsOf: url), path: url.path)
    }
}

/// `dossier-plugin-hostile`: a plugin that answers one stage of the protocol (its hello,
/// its signature or a call) with the bytes of a corpus input, as they are.
enum HostilePlugin {
    /// The input is split after each request line, so that the plugin reads the host's
    /// answer (kept in `answers`) before it goes on.
    static func write(reply: Data, stage: String, in workspace: Workspace, folder: URL) throws {
        var parts: [Data] = []
        var current = Data()
        for line in reply.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let isLast = line.offset == reply.split(separator: 0x0A, omittingEmptySubsequences: false).count - 1
            current.append(contentsOf: line.element)
            if !isLast { current.append(0x0A) }
            if String(decoding: line.element, as: UTF8.self).contains(#""type":"request""#) {
                parts.append(current)
                current = Data()
            }
        }
        if !current.isEmpty || parts.isEmpty { parts.append(current) }
        for (index, part) in parts.enumerated() {
            try part.write(to: folder.appendingPathComponent("reply.\(index + 1)"))
        }
        try FileManager.default.createDirectory(at: workspace.pluginsFolder, withIntermediateDirectories: true)
        let hello = #"{"type":"hello","protocol":1,"name":"hostile","version":"0.1"}"#
        let signature = #"{"type":"signature","id":0,"commands":[{"name":"probe","abstract":"Answers with what it is given."}]}"#
        let play = #"""
            i=1
            while [ -f "$dir/reply.$i" ]; do
              LC_ALL=C sed "s/\\\$ID/$id/g" "$dir/reply.$i"
              next=$((i + 1))
              if [ -f "$dir/reply.$next" ]; then IFS= read -r answer; printf '%s\n' "$answer" >> "$dir/answers"; fi
              i=$next
            done
            exit 0
            """#
        let script = """
            #!/bin/sh
            dir='\(folder.path)'
            id=0
            while IFS= read -r line; do
              case "$line" in
                *'"type":"hello"'*) \(stage == "hello" ? play : "printf '%s\\n' '\(hello)'") ;;
                *'"type":"signature"'*) \(stage == "signature" ? play : "printf '%s\\n' '\(signature)'") ;;
                *'"type":"call"'*)
                  id=$(printf '%s' "$line" | sed 's/.*"id":\\([0-9]*\\),"options".*/\\1/')
                  \(play)
                  ;;
                *'"type":"goodbye"'*) exit 0 ;;
              esac
            done

            """
        try Fixtures.writeExecutable(script, to: workspace.pluginsFolder.appendingPathComponent("dossier-plugin-hostile"))
    }

    /// What the host answered the plugin's requests, one line each.
    static func answers(in folder: URL) -> String {
        (try? String(contentsOf: folder.appendingPathComponent("answers"), encoding: .utf8)) ?? ""
    }
}
