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
        let noColor =
            forceNoColor || environment["NO_COLOR"].map { !$0.isEmpty } == true
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
/// `@unchecked Sendable`: only the interpreter writes to it, one line's output at a time.
final class StandardSink: OutputSink, @unchecked Sendable {
    /// The pager to use now (the `pager` setting can change it); nil for none.
    private let pager: @Sendable () -> String?
    /// Whether output may be paged at all (an interactive terminal).
    private let paging: Bool
    private let rows: Int
    private var hasWritten = false

    private let interactive: Bool

    init(pager: @escaping @Sendable () -> String?, paging: Bool, rows: Int, interactive: Bool) {
        self.pager = pager
        self.paging = paging
        self.rows = rows
        self.interactive = interactive
    }

    func writeOutput(_ text: String) {
        // In a pipe, a blank line between one command's output and the next; at the
        // prompt, the prompt line separates them.
        if hasWritten && !paging && !interactive { Terminal.writeOutput("\n") }
        hasWritten = true
        let lineCount = text.utf8.reduce(into: 1) { count, byte in if byte == 0x0A { count += 1 } }
        if paging, lineCount >= rows - 1, let pager = pager(), page(text + "\n", through: pager) { return }
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
    /// Where the text of an edit whose editor failed is kept (the workspace's
    /// `.dossier/drafts/`).
    let drafts: URL

    func confirm(_ question: String) -> Bool {
        Terminal.writeMessage(question + " [y/N] ")
        guard let answer = Swift.readLine() else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// Opens the editor on `text` in a file only the user can read (mode 0600, in a folder
    /// of mode 0700 made for it), removed afterwards.
    func edit(_ text: String) -> EditOutcome {
        let editor: String
        switch EditorChoice.resolve(environment: environment) {
        case .chosen(let command): editor = command
        case .systemDefault(let path, let notice):
            Terminal.writeError(notice)
            editor = path
        case .none(let message): return .noEditor(message)
        }
        let original = text + "\n"
        guard let scratch = PrivateScratch(), let file = scratch.file(named: "note-", containing: original) else {
            return .failed(reason: "no private temporary file could be made in \(NSTemporaryDirectory())", draft: nil)
        }
        defer { scratch.remove() }
        guard let run = AttachedProcess(shellCommand: editor + " \"$1\"", arguments: [file.path], pipeInput: false) else {
            return .failed(reason: "'\(editor)' could not be started", draft: nil)
        }
        let status = run.wait()
        let written = (try? Data(contentsOf: file)).map { String(decoding: $0, as: UTF8.self) }
        if status == 0, let written { return .saved(written) }
        let reason = status.map { "'\(editor)' exited with status \($0)" } ?? "'\(editor)' was stopped by a signal"
        guard let written, written != original else { return .failed(reason: reason, draft: nil) }
        return .failed(reason: reason, draft: keepDraft(written))
    }

    /// Keeps the text of a failed edit in the drafts folder, readable by the user only.
    private func keepDraft(_ text: String) -> URL? {
        guard
            (try? FileManager.default.createDirectory(
                at: drafts, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])) != nil
        else { return nil }
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
        return PrivateScratch.newFile(in: drafts, prefix: "note-\(stamp)-", containing: text)
    }
}

/// A folder of its own under the temporary folder (mkdtemp, mode 0700) for files another
/// user must not read or replace; `remove` deletes it and what is in it.
struct PrivateScratch {
    let folder: URL

    init?() {
        var template = Array((NSTemporaryDirectory() + "/dossier-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else { return nil }
        folder = URL(fileURLWithPath: String(cString: made), isDirectory: true)
    }

    /// A new file in the folder holding `text`.
    func file(named prefix: String, containing text: String) -> URL? {
        Self.newFile(in: folder, prefix: prefix, containing: text)
    }

    /// A new file of a unique name in `folder` (mkstemps: created exclusively, mode 0600),
    /// ending in `.txt` so that editors know it for text, holding `text`.
    static func newFile(in folder: URL, prefix: String, containing text: String) -> URL? {
        var template = Array(folder.appendingPathComponent(prefix + "XXXXXX.txt").path.utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let url = URL(fileURLWithPath: String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        guard Terminal.write(Data(text.utf8), to: fd) else {
            unlink(url.path)
            return nil
        }
        return url
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
