import ArgumentParser
import CommandSupport
import DocumentStore
import DossierProtocol
import Foundation
import REPLCore
import SessionStore

/// `history [N]`: the session's commands, numbered for `!N`.
struct History: DossierCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show the session's commands, numbered: '!N' runs command N again, '!!' the last.",
        discussion:
            "The history holds every command of every sitting in the session, from the prompt, -c, scripts and pipes alike.")
    static let examples = ["history", "history 5"]

    @Argument(help: "How many of the last commands to show (20 by default).")
    var count: Int = 20
    @Flag(help: "Show every command.")
    var all = false

    func validate() throws {
        guard count > 0 else { throw ValidationError("The number of commands must be 1 or more, e.g. 'history 10'.") }
    }

    func run(in context: CommandContext) async throws -> any CommandOutput {
        let session = try context.requireSession()
        let history = session.session.history
        guard !history.isEmpty else {
            return Message("Session '\(session.name)' has no commands yet.", data: ["history": .array([])])
        }
        let first = all ? 0 : max(0, history.count - count)
        let shown = Array(history.enumerated())[first...]
        let rows = shown.map { number, entry in
            [String(number + 1), SessionDates.display(entry.at), entry.line + (entry.failed == true ? "   (failed)" : "")]
        }
        let heading = first > 0 ? "The last \(shown.count) of \(history.count) commands in '\(session.name)':" : nil
        return Table(
            heading: heading, columns: ["#", "When", "Command"], rows: rows,
            data: [
                "session": .string(session.name),
                "history": .array(
                    shown.map { number, entry in
                        [
                            "number": .number(Double(number + 1)), "line": .string(entry.line),
                            "at": .string(SessionDates.iso(entry.at)),
                            "sitting": .number(Double(entry.sitting)), "failed": .bool(entry.failed == true),
                        ]
                    }),
            ])
    }
}

/// `replay FILE`: a session's commands run again against the current store.
struct Replay: DossierCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Run a session's commands again, in order, against the current store.",
        discussion: """
            FILE is a session's name or file, or a text file of commands, one a line. Commands \
            that failed the first time, and those that manage sessions or history (session, \
            replay, history, !N, quit), are left out. Notes and pins the commands make go to \
            the session in use.
            """)
    static let examples = ["replay august-plenum --dry-run"]

    @Argument(help: ArgumentHelp("A session name or file, or a file of commands.", valueName: "file"))
    var file: String
    @Flag(help: "List the commands that would run, without running them.")
    var dryRun = false

    static let skipped: Set<String> = ["session", "replay", "history", "quit", "exit"]

    func run(in context: CommandContext) async throws -> any CommandOutput {
        let (source, lines) = try commands(context)
        var toRun: [String] = []
        var left = 0
        for (line, failed) in lines {
            let name = line.split(separator: " ").first.map(String.init) ?? ""
            if failed || name.hasPrefix("!") || Self.skipped.contains(name) { left += 1 } else { toRun.append(line) }
        }
        let leftOut = left == 0 ? "" : " (\(left) left out: failed, or managing sessions and history)"
        if dryRun {
            return Table(
                heading: "\(toRun.count.counted("command")) of \(source) would run\(leftOut):", columns: ["#", "Command"],
                rows: toRun.enumerated().map { [String($0.offset + 1), $0.element] },
                data: [
                    "source": .string(source), "commands": .array(toRun.map(JSONValue.string)), "left_out": .number(Double(left)),
                ])
        }
        guard let runLine = context.runLine else { throw REPLError.failed("Commands cannot be replayed here.") }
        var failures = 0
        var ran = 0
        for line in toRun {
            if context.isInterrupted { break }
            ran += 1
            if await !runLine(line) { failures += 1 }
        }
        if context.isInterrupted { throw REPLError.interrupted }
        let failed = failures == 0 ? "" : "; \(failures) failed this time"
        return Message(
            "Replayed \(ran.counted("command")) of \(source)\(leftOut)\(failed).",
            data: [
                "source": .string(source), "ran": .number(Double(ran)), "failed": .number(Double(failures)),
                "left_out": .number(Double(left)),
            ])
    }

    /// The lines to replay, each with whether it failed when first run.
    private func commands(_ context: CommandContext) throws -> (String, [(String, Bool)]) {
        if let url = try? context.sessions.existingURL(file) {
            let data = (try? Data(contentsOf: url)) ?? Data()
            if data.first(where: { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }) == UInt8(ascii: "{") {
                let session = try OpenSession.open(url).session
                return ("session '\(session.name)'", session.history.map { ($0.line, $0.failed == true) })
            }
        }
        let url = URL(fileURLWithPath: (file as NSString).expandingTildeInPath)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ValidationError("Cannot read '\(file)': give a session name, a session file, or a text file of commands.")
        }
        let lines = text.split(whereSeparator: \.isNewline).map { String($0).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        return ("'\(file)'", lines.map { ($0, false) })
    }
}
