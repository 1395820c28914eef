import DossierProtocol
import Foundation
import REPLCore
import Synchronization

/// A running plugin executable: its own process group, pipes to its standard input,
/// output and error, reads of whole lines with a deadline, and an end that takes the
/// whole group with it.
final class PluginProcess: @unchecked Sendable {
    let pid: pid_t
    private let input: Int32
    private let output: Int32
    private let errors: Int32
    /// What the plugin wrote and was not yet returned as lines: `buffer[lineStart...]`.
    private var buffer: [UInt8] = []
    private var lineStart = 0
    /// How far past `lineStart` is known to hold no newline.
    private var scanned = 0
    private var outputClosed = false
    /// The last of what the plugin wrote to standard error.
    private(set) var stderrTail = StderrTail()
    /// Whether the process has been waited for.
    private var reaped = false
    /// Whether `end()` has run.
    private(set) var ended = false

    /// Why reading or writing failed.
    enum Failure: Error, Equatable {
        case timedOut
        case interrupted
        case exited(String)
        case lineTooLong
        /// A line that is not UTF-8 text; the start of it, decoded with replacements.
        case notUTF8(String)
    }

    /// Starts `executable` with no arguments in its own process group.
    /// Held from making a plugin's pipes until it is started, so that a plugin started at
    /// the same time on another thread cannot inherit them (and keep them open after the
    /// plugin they belong to has ended).
    private static let spawning = Mutex<Void>(())

    init(executable: URL) throws(PluginProblem) {
        let started = Self.spawning.withLock { _ in Result { () throws(PluginProblem) in try Self.spawn(executable) } }
        (pid, input, output, errors) = try started.get()
        // A plugin that ends while dossier writes to it must not end dossier.
        signal(SIGPIPE, SIG_IGN)
        for fd in [input, output, errors] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
    }

    /// Starts the executable with pipes for its standard input, output and error; the
    /// process id and dossier's ends of the pipes.
    private static func spawn(_ executable: URL) throws(PluginProblem) -> (pid_t, Int32, Int32, Int32) {
        var stdinPipe: [Int32] = [-1, -1]
        var stdoutPipe: [Int32] = [-1, -1]
        var stderrPipe: [Int32] = [-1, -1]
        guard pipe(&stdinPipe) == 0, pipe(&stdoutPipe) == 0, pipe(&stderrPipe) == 0 else {
            throw PluginProblem("could not be started: \(String(cString: strerror(errno)))")
        }
        // No other program dossier starts may inherit these pipes (dup2 clears the flag on
        // the plugin's own ends).
        for fd in stdinPipe + stdoutPipe + stderrPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], STDERR_FILENO)

        // Its own process group, so that Ctrl-C at the terminal reaches dossier only and
        // ending the plugin ends whatever it started.
        var attributes = ChildProcess.attributes(flags: Int32(POSIX_SPAWN_SETPGROUP))
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)

        var environment = ProcessInfo.processInfo.environment
        environment["DOSSIER_PLUGIN_PROTOCOL"] = String(PluginProtocol.version)
        let environmentStrings: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let arguments: [UnsafeMutablePointer<CChar>?] = [strdup(executable.path), nil]
        defer {
            environmentStrings.forEach { free($0) }
            arguments.forEach { free($0) }
        }
        var pid: pid_t = 0
        var status = posix_spawn(&pid, executable.path, &actions, &attributes, arguments, environmentStrings)
        // "Text file busy": something (a build, an editor) still has the file open for
        // writing; give it a moment.
        for _ in 0..<10 where status == ETXTBSY {
            usleep(50_000)
            status = posix_spawn(&pid, executable.path, &actions, &attributes, arguments, environmentStrings)
        }
        for fd in [stdinPipe[0], stdoutPipe[1], stderrPipe[1]] { close(fd) }
        guard status == 0 else {
            for fd in [stdinPipe[1], stdoutPipe[0], stderrPipe[0]] { close(fd) }
            throw PluginProblem("could not be started: \(String(cString: strerror(status)))")
        }
        return (pid, stdinPipe[1], stdoutPipe[0], stderrPipe[0])
    }

    deinit {
        end()
    }

    /// The next line the plugin writes, without its newline. Waits until `deadline`,
    /// checking `isInterrupted` every 50 ms; what the plugin writes to standard error
    /// meanwhile is kept.
    func readLine(until deadline: ContinuousClock.Instant, isInterrupted: () -> Bool) throws(Failure) -> Substring {
        while true {
            if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
                let bytes = buffer[lineStart..<newline]
                let line = String(decoding: bytes, as: UTF8.self)
                // Decoding replaces bytes that are not UTF-8; a plugin's text must not be
                // shown or stored with them silently replaced.
                let valid =
                    line.utf8.count == bytes.count && !line.unicodeScalars.contains("\u{FFFD}")
                    || String(validating: bytes, as: UTF8.self) != nil
                lineStart = newline + 1
                scanned = lineStart
                // Lines taken are dropped now and then, not one by one (each would move the rest).
                if lineStart >= 65_536 && lineStart * 2 >= buffer.count {
                    buffer.removeSubrange(..<lineStart)
                    scanned -= lineStart
                    lineStart = 0
                }
                guard valid else { throw .notUTF8(PluginProtocol.excerpt(Substring(line))) }
                return Substring(line)
            }
            scanned = buffer.count
            if buffer.count - lineStart > PluginProtocol.maximumLineLength { throw .lineTooLong }
            if outputClosed { throw .exited(waitForExit()) }
            try pump(writing: nil, until: deadline, isInterrupted: isInterrupted)
        }
    }

    /// Writes one line to the plugin, reading what it writes meanwhile so that neither
    /// side waits on the other.
    func write(_ line: String, until deadline: ContinuousClock.Instant, isInterrupted: () -> Bool) throws(Failure) {
        var bytes = Array(line.utf8)[...]
        while !bytes.isEmpty {
            try pump(writing: &bytes, until: deadline, isInterrupted: isInterrupted)
        }
    }

    /// Waits (at most 50 ms) for the plugin's output, its errors or room in its input, and
    /// moves what it can.
    private func pump(
        writing pending: UnsafeMutablePointer<ArraySlice<UInt8>>?, until deadline: ContinuousClock.Instant,
        isInterrupted: () -> Bool
    ) throws(Failure) {
        if isInterrupted() { throw .interrupted }
        let remaining = deadline - .now
        if remaining <= .zero { throw .timedOut }
        let milliseconds = min(
            50, max(1, Int(remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000)))
        var fds = [
            pollfd(fd: outputClosed ? -1 : output, events: Int16(POLLIN), revents: 0),
            pollfd(fd: errors, events: Int16(POLLIN), revents: 0),
            pollfd(fd: pending == nil ? -1 : input, events: Int16(POLLOUT), revents: 0),
        ]
        let ready = poll(&fds, nfds_t(fds.count), Int32(milliseconds))
        if ready < 0 {
            if errno == EINTR { return }
            throw .exited("could not be watched: \(String(cString: strerror(errno)))")
        }
        if fds[1].revents != 0 { drainErrors() }
        if fds[0].revents != 0 {
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = read(output, &chunk, chunk.count)
            if count > 0 {
                buffer.append(contentsOf: chunk[..<count])
            } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                outputClosed = true
            }
        }
        if let pending, fds[2].revents != 0 {
            if fds[2].revents & Int16(POLLERR | POLLHUP) != 0 { throw .exited(waitForExit()) }
            let written = pending.pointee.withUnsafeBytes { Glibc.write(input, $0.baseAddress, $0.count) }
            if written > 0 {
                pending.pointee = pending.pointee.dropFirst(written)
            } else if written < 0, errno != EAGAIN, errno != EINTR {
                throw .exited(waitForExit())
            }
        }
    }

    private func drainErrors() {
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = read(errors, &chunk, chunk.count)
            guard count > 0 else { return }
            stderrTail.append(chunk[..<count])
        }
    }

    /// Whether the process has ended (without waiting).
    func hasEnded() -> Bool {
        if reaped { return true }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid { reaped = true }
        return reaped
    }

    /// How the process ended, once it has (waiting up to a second for it).
    private func waitForExit() -> String {
        let deadline = ContinuousClock.now + .seconds(1)
        var status: Int32 = 0
        while ContinuousClock.now < deadline {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                reaped = true
                drainErrors()
                return Self.describe(status)
            }
            if result < 0 { break }
            usleep(10_000)
        }
        drainErrors()
        return "closed its output"
    }

    static func describe(_ status: Int32) -> String {
        let signal = status & 0x7F
        if signal != 0 {
            let name =
                [
                    SIGSEGV: "SIGSEGV", SIGABRT: "SIGABRT", SIGKILL: "SIGKILL", SIGTERM: "SIGTERM", SIGBUS: "SIGBUS",
                    SIGILL: "SIGILL", SIGTRAP: "SIGTRAP", SIGFPE: "SIGFPE",
                ][signal].map { " (\($0))" } ?? ""
            return "crashed with signal \(signal)\(name)"
        }
        return "exited with status \((status >> 8) & 0xFF)"
    }

    /// Says goodbye, gives the plugin a moment to leave, then ends its whole process group.
    func end(goodbye: String? = nil) {
        guard !ended else { return }
        if let goodbye {
            // One short line into an empty pipe: written whole or not at all, never waited on.
            _ = Array(goodbye.utf8).withUnsafeBytes { Glibc.write(input, $0.baseAddress, $0.count) }
        }
        ended = true
        close(input)
        var status: Int32 = 0
        let polite = ContinuousClock.now + .milliseconds(goodbye == nil ? 0 : 300)
        while !reaped, ContinuousClock.now < polite {
            reaped = waitpid(pid, &status, WNOHANG) != 0
            if !reaped { usleep(5_000) }
        }
        // Whatever it started goes too, even when it has left already.
        kill(-pid, SIGTERM)
        let term = ContinuousClock.now + .milliseconds(300)
        while !reaped, ContinuousClock.now < term {
            reaped = waitpid(pid, &status, WNOHANG) != 0
            if !reaped { usleep(5_000) }
        }
        kill(-pid, SIGKILL)
        if !reaped { waitpid(pid, &status, 0) }
        drainErrors()
        close(output)
        close(errors)
    }
}

/// The last 16 KB a plugin wrote to standard error.
struct StderrTail: Sendable {
    static let limit = 16_384
    private(set) var bytes: [UInt8] = []
    private(set) var dropped = false

    mutating func append(_ chunk: ArraySlice<UInt8>) {
        bytes.append(contentsOf: chunk)
        if bytes.count > Self.limit {
            bytes.removeFirst(bytes.count - Self.limit)
            dropped = true
        }
    }

    var text: String {
        let text = String(decoding: bytes, as: UTF8.self)
        return dropped ? "…" + text : text
    }
}
