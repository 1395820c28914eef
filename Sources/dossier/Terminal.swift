import Foundation
import REPLCore

/// What the process's terminal allows: whether input and output are terminals, the width
/// and height, colour, and the pager.
struct Terminal {
    let inputIsTerminal: Bool
    let outputIsTerminal: Bool
    let columns: Int
    let rows: Int
    let color: Bool
    /// The pager command for long output (`$PAGER`, else `less -FRX`).
    let pager: String

    init(environment: [String: String], forceNoColor: Bool) {
        inputIsTerminal = isatty(STDIN_FILENO) == 1
        outputIsTerminal = isatty(STDOUT_FILENO) == 1
        var size = winsize()
        let measured = outputIsTerminal && ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0
        columns = measured ? Int(size.ws_col) : (environment["COLUMNS"].flatMap(Int.init) ?? 80)
        rows = measured ? Int(size.ws_row) : (environment["LINES"].flatMap(Int.init) ?? 24)
        let noColor = forceNoColor || environment["NO_COLOR"].map { !$0.isEmpty } == true
            || environment["TERM"] == "dumb"
        color = outputIsTerminal && !noColor
        pager = environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less -FRX"
    }

    var style: TextStyle { TextStyle(width: columns, color: color) }
    var plainStyle: TextStyle { TextStyle(width: columns, color: false) }

    /// Writes a message line to standard error.
    static func writeError(_ text: String) {
        writeMessage(text + "\n")
    }

    /// Shows (or, with nil, clears) a progress line on standard error.
    static func writeProgress(_ text: String?) {
        writeMessage(text.map { "\r\u{1B}[K" + $0 } ?? "\r\u{1B}[K")
    }

    /// Writes to standard error. When nothing reads it any more, messages are dropped: the
    /// command under way (an import, say) goes on and finishes.
    static func writeMessage(_ text: String) {
        _ = write(Data(text.utf8), to: STDERR_FILENO)
    }

    /// Writes command output to standard output. When the reader has gone (`| head -1`),
    /// dossier ends as Unix tools do, by SIGPIPE, quietly: what the commands stored was
    /// saved before their output was shown.
    static func writeOutput(_ text: String) {
        guard !write(Data(text.utf8), to: STDOUT_FILENO) else { return }
        signal(SIGPIPE, SIG_DFL)
        kill(getpid(), SIGPIPE)
        exit(128 + SIGPIPE)
    }

    /// Writes all of `data` to `fd`; false when the reader has closed its end (EPIPE) or
    /// the write fails otherwise.
    static func write(_ data: Data, to fd: Int32) -> Bool {
        data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return true }
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(fd, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }
}

/// Writes command output to standard output, through the pager when it is longer than
/// the screen (only at an interactive terminal), and messages to standard error.
final class StandardSink: OutputSink, @unchecked Sendable {
    private let pager: String?
    private let rows: Int
    private var hasWritten = false

    private let interactive: Bool

    init(pager: String?, rows: Int, interactive: Bool) {
        self.pager = pager
        self.rows = rows
        self.interactive = interactive
    }

    func writeOutput(_ text: String) {
        // In a pipe, a blank line between one command's output and the next; at the
        // prompt, the prompt line separates them.
        if hasWritten && pager == nil && !interactive { Terminal.writeOutput("\n") }
        hasWritten = true
        let lineCount = text.utf8.reduce(into: 1) { count, byte in if byte == 0x0A { count += 1 } }
        if let pager, lineCount >= rows - 1, page(text + "\n", through: pager) { return }
        Terminal.writeOutput(text + "\n")
    }

    func writeMessage(_ text: String) {
        Terminal.writeError(text)
    }

    /// Runs the pager on `text`; false when it could not be started.
    private func page(_ text: String, through command: String) -> Bool {
        guard let run = AttachedProcess(shellCommand: command) else { return false }
        run.finish(input: Data(text.utf8))
        return true
    }
}

/// Questions and the editor at the terminal.
struct TerminalInteraction: Interaction {
    let environment: [String: String]

    func confirm(_ question: String) -> Bool {
        Terminal.writeMessage(question + " [y/N] ")
        guard let answer = Swift.readLine() else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }

    func edit(_ text: String) -> String? {
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-note-\(getpid()).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        guard (try? Data((text + "\n").utf8).write(to: file)) != nil,
            let run = AttachedProcess(shellCommand: editor + " \"$1\"", arguments: [file.path], pipeInput: false),
            run.wait() == 0,
            let data = try? Data(contentsOf: file)
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
