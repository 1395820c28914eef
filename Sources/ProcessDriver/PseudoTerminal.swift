import Foundation
import Glibc

/// Runs a program on a pseudo-terminal, as if a person typed at it: the program sees a
/// real terminal (line editing, Ctrl-C as SIGINT), and the test reads the screen's bytes.
public final class PseudoTerminal {
    public struct Timeout: Error, CustomStringConvertible {
        public var expected: String
        public var screen: String
        public var description: String { "Timed out waiting for '\(expected)'. The terminal showed:\n\(screen)" }
    }

    private let master: Int32
    public let pid: pid_t
    /// Everything the program wrote so far.
    public private(set) var transcript = ""
    private var consumed = 0

    public init(
        executable: String, arguments: [String], environment: [String: String], folder: URL,
        columns: UInt16 = 100, rows: UInt16 = 40
    ) throws {
        // Everything the child needs is prepared before fork: after it, only exec.
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let directory = strdup(folder.path)
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        var master: Int32 = -1
        let pid = forkpty(&master, nil, nil, &size)
        if pid == 0 {
            chdir(directory!)
            execve(argv[0]!, argv, envp)
            _exit(127)
        }
        argv.forEach { free($0) }
        envp.forEach { free($0) }
        free(directory)
        guard pid > 0 else { throw POSIXError(.EAGAIN) }
        self.master = master
        self.pid = pid
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(master)
    }

    /// Types `text` (use "\t" for Tab, "\u{3}" for Ctrl-C, "\u{4}" for Ctrl-D, "\r" for Enter).
    public func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Waits until the output written since the last wait contains `text` (as written, or
    /// as it shows once escape sequences are applied, since line editing redraws in pieces),
    /// and returns that output.
    @discardableResult
    public func waitFor(_ text: String, timeout: TimeInterval = 20) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let fresh = String(transcript.dropFirst(consumed))
            if let range = fresh.range(of: text) {
                consumed += fresh.distance(from: fresh.startIndex, to: range.upperBound)
                return fresh
            }
            if Self.plain(fresh).contains(text) {
                consumed = transcript.count
                return fresh
            }
            if Date() > deadline { throw Timeout(expected: text, screen: Self.plain(transcript)) }
            pump(milliseconds: 100)
        }
    }

    /// Waits for the program to exit and returns its exit status (nil on time-out).
    public func waitForExit(timeout: TimeInterval = 20) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            pump(milliseconds: 50)
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                pump(milliseconds: 50)
                return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            }
        }
        return nil
    }

    /// Waits until the program has put the terminal in raw mode (libedit does once it reads
    /// a line), so that a control key typed next reaches the program, not the terminal's
    /// line discipline. False when it has not within `timeout`.
    @discardableResult
    public func waitForRawMode(timeout: TimeInterval = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var settings = termios()
        while Date() < deadline {
            if tcgetattr(master, &settings) == 0 && settings.c_lflag & tcflag_t(ICANON) == 0 { return true }
            pump(milliseconds: 10)
        }
        return false
    }

    /// Whether the program is still running.
    public var isRunning: Bool {
        kill(pid, 0) == 0 && waitpid(pid, nil, WNOHANG) == 0
    }

    private func pump(milliseconds: Int32) {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        if count > 0 { transcript += String(decoding: buffer[0..<count], as: UTF8.self) }
    }

    /// `text` without terminal escape sequences and carriage returns.
    public static func plain(_ text: String) -> String {
        var result = ""
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if (0x40...0x7E).contains(scalar.value) && scalar != "[" { inEscape = false }
                continue
            }
            if scalar == "\u{1B}" {
                inEscape = true
                continue
            }
            if scalar == "\r" || scalar == "\u{7}" { continue }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
