import ArgumentParser
import DocumentStore
import Foundation
import SessionStore

/// Runs command lines: splits a line, finds the command, parses its arguments, runs it and
/// renders what it returns as text or JSON. Errors become messages; nothing here ends the
/// process.
/// `@unchecked Sendable`: it runs one line at a time (the REPL awaits each before reading
/// the next), so its context and sink are never used by two lines at once.
public final class Interpreter: @unchecked Sendable {
    public let context: CommandContext
    let sink: any OutputSink

    public init(context: CommandContext, sink: any OutputSink) {
        self.context = context
        self.sink = sink
        context.runLine = { [unowned self] line in
            self.sink.writeMessage("dossier> " + line)
            return await self.execute(line, record: false)
        }
    }

    /// Runs one line and reports whether it succeeded. Blank lines and `#` comments succeed
    /// and do nothing. `location` (`script.txt:3`) starts any error message, so that a
    /// script's author can find the line.
    ///
    /// The line is recorded in the session's history (unless `record` is false, as for the
    /// lines `replay` runs) and the session saved before the output is shown: what the
    /// screen confirms is on disk.
    /// With `quiet`, what the line prints is not shown, only its errors (an rc file's lines).
    @discardableResult
    public func execute(_ line: String, location: String? = nil, record: Bool = true, quiet: Bool = false) async -> Bool {
        context.resetInterruption()
        var line = line
        if let expanded = expandHistoryReference(line, location: location) {
            guard let expanded else { return false }
            sink.writeMessage(expanded)
            line = expanded
        }
        let session = context.session
        refresh(session)
        var output: (any CommandOutput)?
        var json = false
        var failure: (any Error)?
        do {
            guard let (name, rest) = try LineTokenizer.commandName(of: line), !name.hasPrefix("#") else {
                return true
            }
            guard let entry = context.registry.entry(named: name) else {
                throw REPLError.unknownCommand(name, suggestions: context.registry.suggestions(for: name))
            }
            let invocation = try Invocation.parse(rest, for: entry.signature)
            json = invocation.json
            if invocation.help {
                output = PreformattedText(entry.help(invocation.path, width: context.style.width))
            } else {
                let result = try await entry.invoke(invocation, context)
                context.clearProgress()
                if context.isInterrupted { throw REPLError.interrupted }
                output = result
                if let ids = result.listedDocumentIDs {
                    context.lastResults = ids
                    context.lastResultsStart = result.listedFirstNumber
                    context.session?.update {
                        $0.results = ids
                        $0.resultsFirst = result.listedFirstNumber == 1 ? nil : result.listedFirstNumber
                    }
                }
            }
        } catch {
            context.clearProgress()
            failure = error
            // A line that could not be parsed still asked for JSON if it says --json.
            if !json { json = Self.asksForJSON(line) }
        }
        if record { session?.record(line, failed: failure != nil) }
        save(session)
        if let current = context.session, current !== session { save(current) }
        if let failure {
            report(failure, json: json, location: location)
            return false
        }
        guard let output, !quiet else { return true }
        do {
            try render(output, json: json)
        } catch {
            report(error, json: json, location: location)
            return false
        }
        return true
    }

    /// Runs a start-up file (`~/.dossierrc`, the workspace's `.dossierrc`): ordinary command
    /// lines, quietly, none recorded in the session's history; an error names the file and
    /// the line. Returns how many lines failed.
    @discardableResult
    public func runStartupFile(_ url: URL, shownAs name: String) async -> Int {
        guard FileManager.default.fileExists(atPath: url.path) else { return 0 }
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            sink.writeMessage(
                "\(name): cannot be read as UTF-8 text; its settings were not applied. Fix the file, or start with --no-rc.")
            return 1
        }
        var failures = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let succeeded = await execute(String(line), location: "\(name):\(index + 1)", record: false, quiet: true)
            if !succeeded { failures += 1 }
        }
        return failures
    }

    /// Tells the user a command failed: the message (naming the input and the fix) on the
    /// message stream, or under `--json` one error object on standard output.
    private func report(_ error: any Error, json: Bool, location: String?) {
        let interrupted = context.isInterrupted
        let message = Self.message(for: error, interrupted: interrupted)
        guard json else {
            sink.writeMessage(location.map { "\($0): " + message } ?? message)
            return
        }
        let reported: any Error = interrupted && !(error is ImportError) ? REPLError.interrupted : error
        let object = ErrorReport.json(for: reported, message: message, location: location)
        sink.writeOutput(object.serialized(pretty: true))
    }

    /// Whether `line` has a `--json` word, for a line whose arguments could not be parsed.
    static func asksForJSON(_ line: String) -> Bool {
        guard let words = try? LineTokenizer.split(line) else {
            return line.split(separator: " ").contains("--json")
        }
        return words.contains("--json")
    }

    /// The command a `!N`, `!-N` or `!!` line stands for, if it is one that can be run.
    public func expandedHistoryReference(_ line: String) -> String? {
        let history = context.session?.session.history ?? []
        guard let (_, number) = Self.historyReference(line, count: history.count), number >= 1, number <= history.count
        else { return nil }
        return history[number - 1].line
    }

    /// The line trimmed and the history number it names, when it is `!N`, `!-N` or `!!`.
    private static func historyReference(_ line: String, count: Int) -> (String, Int)? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("!"), trimmed.count > 1 else { return nil }
        let reference = trimmed.dropFirst()
        if reference == "!" { return (trimmed, count) }
        guard let value = Int(reference) else { return nil }
        return (trimmed, value < 0 ? count + 1 + value : value)
    }

    /// `!N` (command N of the session's history), `!-N` (N commands back) and `!!` (the
    /// last): the line they stand for; nil when the line is no such reference, and
    /// `.some(nil)` when it is one that cannot be resolved (the message is written).
    private func expandHistoryReference(_ line: String, location: String?) -> String?? {
        let history = context.session?.session.history ?? []
        guard let (trimmed, number) = Self.historyReference(line, count: history.count) else { return nil }
        let fail = { (message: String) -> String?? in
            self.sink.writeMessage(location.map { "\($0): " + message } ?? message)
            return .some(nil)
        }
        guard context.session != nil else { return fail(SessionError.noSession(reason: context.sessionProblem).description) }
        guard !history.isEmpty else { return fail("The session's history is empty, so there is no command '\(trimmed)'.") }
        guard number >= 1, number <= history.count else {
            return fail(
                "There is no command \(trimmed) in the history; it holds commands 1 to \(history.count). 'history' lists them.")
        }
        return .some(history[number - 1].line)
    }

    /// Takes in what another process wrote to the session, and says so. A file that cannot
    /// be read is reported by the save after the command, which tries it again.
    private func refresh(_ session: OpenSession?) {
        guard let session, let report = try? session.refresh() else { return }
        announce(report, session: session)
    }

    /// Saves the session; a failure is reported and the changes stay in memory.
    private func save(_ session: OpenSession?) {
        guard let session else { return }
        do {
            if let report = try session.save() { announce(report, session: session) }
        } catch {
            sink.writeMessage(
                Self.message(for: error)
                    + " Until then your changes are kept in this dossier only; 'session save NEW-NAME' writes them to a new session."
            )
        }
    }

    private func announce(_ report: Session.MergeReport, session: OpenSession) {
        if report.theirChanges > 0 {
            let notes = report.theirChanges == 1 ? "1 note" : "\(report.theirChanges) notes"
            sink.writeMessage("Session '\(session.name)' is open in another dossier too: took in \(notes) written there.")
        }
        for (from, to) in report.renumbered {
            sink.writeMessage(
                "Your note \(from) is now note \(to): another dossier had added a note \(from) to '\(session.name)'.")
        }
    }

    private func render(_ output: any CommandOutput, json: Bool) throws {
        if json {
            let data = try output.json.encoded(pretty: true)
            sink.writeOutput(String(decoding: data, as: UTF8.self))
        } else {
            let text = output.text(in: context.style)
            if !text.isEmpty { sink.writeOutput(text) }
        }
    }

    /// The user-facing sentence for any error a command can throw.
    public static func message(for error: any Error, interrupted: Bool = false) -> String {
        if interrupted, !(error is ImportError) { return REPLError.interrupted.description }
        switch error {
        case let error as REPLError: return error.description
        case let error as StoreError: return error.description
        case let error as ImportError:
            if case .cancelled = error { return error.description + " The store is unchanged." }
            return error.description + " Nothing was imported; the store is unchanged."
        case let error as QueryError: return error.description
        case let error as WorkspaceError: return error.description
        case let error as SessionError: return error.description
        case let error as ValidationError: return error.message
        case is CancellationError: return REPLError.interrupted.description
        case let error as CustomStringConvertible: return error.description
        default: return error.localizedDescription
        }
    }
}
