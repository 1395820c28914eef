@preconcurrency import CLibEdit
import Foundation
import Synchronization

/// What reading a line gave.
public enum LineResult: Equatable, Sendable {
    case line(String)
    /// Ctrl-C: the line being typed was discarded.
    case interrupted
    /// Ctrl-D on an empty line, or the end of the input.
    case endOfInput
}

/// A source of command lines: libedit at a terminal, plain lines from a pipe or script.
public protocol LineReader: AnyObject {
    func readLine(prompt: String) -> LineResult
    /// Records a line that was run, for Up/Down and Ctrl-R (a no-op without a terminal).
    func remember(_ line: String)
}

/// Lines from a terminal through libedit: emacs keys, history that persists in a file
/// (written after every line, so a killed terminal loses nothing), Ctrl-R search and Tab
/// completion.
public final class LineEditor: LineReader {
    /// Gives the candidates for the word at the end of the text before the cursor.
    public typealias Completion = @Sendable (_ textBeforeCursor: String) -> [String]

    private let historyFile: URL?
    private var lastRemembered: String?

    /// libedit calls completion through a C function pointer, which cannot capture state.
    private static let completion = Mutex<Completion?>(nil)

    /// - Parameters:
    ///   - historyFile: where history is read from and written to; nil keeps none.
    ///   - historySize: how many lines the file keeps.
    public init(historyFile: URL?, historySize: Int32 = 2_000, completion: @escaping Completion) {
        self.historyFile = historyFile
        Self.configureLocale()
        Self.completion.withLock { $0 = completion }
        "dossier".withCString { name in
            // libedit keeps the pointer: give it one that lives for the process.
            dossier_rl_set_readline_name(strdup(name))
        }
        dossier_rl_set_completion(Self.complete)
        dossier_rl_set_completion_append_character(0)
        // libedit's own signal handlers would hold Ctrl-C back until Enter, and its reader
        // retries the first interrupted read: read keys ourselves, so that Ctrl-C ends the
        // line at once (see `Interrupts`).
        dossier_rl_set_catch_signals(0)
        dossier_rl_set_getc(Self.readCharacter)
        using_history()
        stifle_history(historySize)
        if let historyFile {
            try? FileManager.default.createDirectory(
                at: historyFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            if FileManager.default.fileExists(atPath: historyFile.path) {
                read_history(historyFile.path)
            }
        }
    }

    /// libedit drops non-ASCII input unless LC_CTYPE names a UTF-8 locale: take the
    /// user's, and fall back to C.UTF-8 when theirs is the plain C locale.
    static func configureLocale() {
        let chosen = setlocale(LC_CTYPE, "").map { String(cString: $0) } ?? "C"
        if chosen == "C" || chosen == "POSIX" || !chosen.uppercased().contains("UTF") {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil {
                setlocale(LC_CTYPE, "en_US.UTF-8")
            }
        }
    }

    public func readLine(prompt: String) -> LineResult {
        _ = Interrupts.take()
        guard let raw = Interrupts.whileReading({ readline(prompt) }) else {
            return Interrupts.take() ? .interrupted : .endOfInput
        }
        defer { free(raw) }
        if Interrupts.take() { return .interrupted }
        return .line(String(cString: raw))
    }

    public func remember(_ line: String) {
        // Completion leaves a trailing space; it has no place in history.
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed != lastRemembered else { return }
        lastRemembered = trimmed
        add_history(trimmed)
        if let historyFile { write_history(historyFile.path) }
    }

    /// libedit's character reader: one Unicode scalar from standard input, decoded from
    /// UTF-8, or -1 (end of input) when Ctrl-C interrupts the wait or the input ends.
    private static let readCharacter: @convention(c) (UnsafeMutablePointer<FILE>?) -> Int32 = { _ in
        func byte() -> Int32 {
            var value: UInt8 = 0
            while true {
                let count = read(STDIN_FILENO, &value, 1)
                if count == 1 { return Int32(value) }
                if count == 0 { return -1 }
                if errno != EINTR || Interrupts.isPending { return -1 }
            }
        }
        let lead = byte()
        guard lead >= 0x80 else { return lead }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1 else { return 0xFFFD }  // a stray continuation byte
        var scalar = lead & (0x7F >> length)
        for _ in 1..<length {
            let next = byte()
            guard next >= 0 else { return -1 }
            guard next & 0xC0 == 0x80 else { return 0xFFFD }
            scalar = (scalar << 6) | (next & 0x3F)
        }
        return scalar
    }

    /// The C entry point for Tab: asks the Swift completion for candidates and returns
    /// libedit's array `[replacement, match1, …, NULL]`, or NULL for none.
    private static let complete:
        @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { _, _, _ in
            dossier_rl_set_completion_over(1)
            guard let buffer = dossier_rl_line_buffer() else { return nil }
            let line = String(cString: buffer)
            let cursor = Int(dossier_rl_point())
            // rl_point counts bytes; cut the line there.
            let utf8 = Array(line.utf8)
            let before = String(decoding: utf8.prefix(min(cursor, utf8.count)), as: UTF8.self)
            guard let provider = completion.withLock({ $0 }) else { return nil }
            let candidates = provider(before)
            return matchArray(candidates)
        }

    /// libedit's completion array for `candidates`: the longest common prefix first.
    static func matchArray(_ candidates: [String]) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        guard !candidates.isEmpty else { return nil }
        let prefix = commonPrefix(candidates)
        // libedit frees the array and its strings with free(): allocate them with malloc.
        let raw = malloc(MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (candidates.count + 2))!
        let entries = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: candidates.count + 2)
        // A single match is complete: end it with a space, ready for the next word (libedit's
        // own appending is switched off, as it forgets to after a listing).
        entries[0] = strdup(candidates.count == 1 ? candidates[0] + " " : prefix)
        var index = 1
        if candidates.count > 1 {
            for candidate in candidates {
                entries[index] = strdup(candidate)
                index += 1
            }
        }
        entries[index] = nil
        return entries
    }

    /// The longest prefix every candidate shares, in whole characters.
    static func commonPrefix(_ candidates: [String]) -> String {
        guard var prefix = candidates.first else { return "" }
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}

/// Lines from a pipe or a script: no prompt, no escape codes, no history. Each line is
/// handed over as soon as it is read.
public final class PlainLineReader: LineReader {
    private let handle: UnsafeMutablePointer<FILE>
    private let ownsHandle: Bool

    /// Reads standard input.
    public init() {
        self.handle = stdin
        self.ownsHandle = false
    }

    /// Reads a file; nil when it cannot be opened.
    public init?(path: String) {
        guard let file = fopen(path, "r") else { return nil }
        self.handle = file
        self.ownsHandle = true
    }

    deinit {
        if ownsHandle { fclose(handle) }
    }

    public func readLine(prompt: String) -> LineResult {
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        let count = getline(&buffer, &capacity, handle)
        guard count >= 0, let buffer else { return .endOfInput }
        // "\r\n" is one Character in Swift: strip line endings as scalars.
        var scalars = String(cString: buffer).unicodeScalars
        while let last = scalars.last, last == "\n" || last == "\r" { scalars.removeLast() }
        return .line(String(scalars))
    }

    public func remember(_ line: String) {}
}
