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
        let first = all ? 0 : max(0, history.count - count)
        return CommandHistory(
            session: session.name, total: history.count,
            commands: history.enumerated().dropFirst(first).map { number, entry in
                CommandHistory.Command(
                    number: number + 1, line: entry.line, at: entry.at, sitting: entry.sitting, failed: entry.failed == true)
            })
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
        if dryRun {
            return ReplayPlan(source: source, commands: toRun, leftOut: left)
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
        return ReplayDone(source: source, ran: ran, failed: failures, leftOut: left)
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

/// `history`: the session's commands, numbered for `!N`.
struct CommandHistory: CommandResult {
    struct Command: Encodable, Sendable {
        var number: Int
        var line: String
        var at: Date
        var sitting: Int
        var failed: Bool

        enum CodingKeys: String, CodingKey {
            case number, line, at, sitting, failed
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(number, forKey: .number)
            try container.encode(line, forKey: .line)
            try container.encode(SessionDates.iso(at), forKey: .at)
            try container.encode(sitting, forKey: .sitting)
            try container.encode(failed, forKey: .failed)
        }
    }

    var session: String
    /// How many commands the history holds (more than `commands` when only the last are shown).
    var total: Int
    var commands: [Command]

    enum CodingKeys: String, CodingKey {
        case session
        case commands = "history"
    }

    func text(in style: TextStyle) -> String {
        guard total > 0 else { return Message("Session '\(session)' has no commands yet.").text(in: style) }
        let rows = commands.map { [String($0.number), SessionDates.display($0.at), $0.line + ($0.failed ? "   (failed)" : "")] }
        let heading = commands.count < total ? "The last \(commands.count) of \(total) commands in '\(session)':" : nil
        return Table(heading: heading, columns: ["#", "When", "Command"], rows: rows).text(in: style)
    }
}

/// Why some of a source's commands are not replayed, for the sentences of `replay`.
private func leftOutNote(_ count: Int) -> String {
    count == 0 ? "" : " (\(count) left out: failed, or managing sessions and history)"
}

/// `replay --dry-run`: the commands that would run.
struct ReplayPlan: CommandResult {
    var source: String
    var commands: [String]
    var leftOut: Int

    enum CodingKeys: String, CodingKey {
        case source, commands
        case leftOut = "left_out"
    }

    func text(in style: TextStyle) -> String {
        Table(
            heading: "\(commands.count.counted("command")) of \(source) would run\(leftOutNote(leftOut)):",
            columns: ["#", "Command"], rows: commands.enumerated().map { [String($0.offset + 1), $0.element] }
        ).text(in: style)
    }
}

/// `replay`: how many commands ran, and how many failed this time.
struct ReplayDone: SentenceResult {
    var source: String
    var ran: Int
    var failed: Int
    var leftOut: Int

    enum CodingKeys: String, CodingKey {
        case source, ran, failed
        case leftOut = "left_out"
    }

    var sentence: String {
        let failures = failed == 0 ? "" : "; \(failed) failed this time"
        return "Replayed \(ran.counted("command")) of \(source)\(leftOutNote(leftOut))\(failures)."
    }
}
