import DossierProtocol
import Foundation
import REPLCore
import Synchronization

/// A running plugin executable: its own process group, pipes to its standard input,
/// output and error, whole lines read with a deadline, and an end that takes the whole
/// group with it.
///
/// Dispatch sources on a queue of the process's own serve the pipes: what the plugin writes
/// is read as it comes, what dossier sends is written as the pipe takes it, and the end of
/// the process is seen through a pidfd. Callers `await` a line, a write or the end without
/// holding a thread, and a cancelled task (Ctrl-C) stops waiting at once.
final class PluginProcess: Sendable {
    let pid: pid_t
    private let queue: DispatchQueue
    private let io: PipeIO
    private let outputSource: SharedSource
    private let errorSource: SharedSource
    private let inputSource: SharedSource
    private let exitSource: SharedSource?

    /// Why reading or writing failed.
    enum Failure: Error, Equatable {
        case timedOut
        case interrupted
        case exited(String)
        case lineTooLong
        /// A line that is not UTF-8 text; the start of it, decoded with replacements.
        case notUTF8(String)
    }

    /// Held from making a plugin's pipes until it is started, so that a plugin started at
    /// the same time by another task cannot inherit them (and keep them open after the
    /// plugin they belong to has ended).
    private static let spawning = Mutex<Void>(())

    /// Starts `executable` with no arguments in its own process group.
    static func start(_ executable: URL) async throws(PluginProblem) -> PluginProcess {
        // "Text file busy": something (a build, an editor) still has the file open for
        // writing; give it a moment.
        var attempt = 0
        while true {
            attempt += 1
            let started = spawning.withLock { _ in Result { () throws(SpawnFailure) in try spawn(executable) } }
            switch started {
            case .success(let (pid, input, output, errors)):
                return PluginProcess(pid: pid, input: input, output: output, errors: errors)
            case .failure(let failure) where failure.status == ETXTBSY && attempt <= 10:
                try? await Task.sleep(for: .milliseconds(50))
            case .failure(let failure):
                throw PluginProblem("could not be started: \(String(cString: strerror(failure.status)))")
            }
        }
    }

    private struct SpawnFailure: Error {
        var status: Int32
    }

    /// Starts the executable with pipes for its standard input, output and error; the
    /// process id and dossier's ends of the pipes.
    private static func spawn(_ executable: URL) throws(SpawnFailure) -> (pid_t, Int32, Int32, Int32) {
        var stdinPipe: [Int32] = [-1, -1]
        var stdoutPipe: [Int32] = [-1, -1]
        var stderrPipe: [Int32] = [-1, -1]
        guard pipe(&stdinPipe) == 0, pipe(&stdoutPipe) == 0, pipe(&stderrPipe) == 0 else {
            throw SpawnFailure(status: errno)
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
        let status = posix_spawn(&pid, executable.path, &actions, &attributes, arguments, environmentStrings)
        for fd in [stdinPipe[0], stdoutPipe[1], stderrPipe[1]] { close(fd) }
        guard status == 0 else {
            for fd in [stdinPipe[1], stdoutPipe[0], stderrPipe[0]] { close(fd) }
            throw SpawnFailure(status: status)
        }
        return (pid, stdinPipe[1], stdoutPipe[0], stderrPipe[0])
    }

    private init(pid: pid_t, input: Int32, output: Int32, errors: Int32) {
        self.pid = pid
        // A plugin that ends while dossier writes to it must not end dossier.
        signal(SIGPIPE, SIG_IGN)
        for fd in [input, output, errors] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        let queue = DispatchQueue(label: "dossier.plugin.\(pid)")
        self.queue = queue
        let io = PipeIO(input: input, output: output, errors: errors)
        self.io = io
        outputSource = SharedSource(DispatchSource.makeReadSource(fileDescriptor: output, queue: queue))
        errorSource = SharedSource(DispatchSource.makeReadSource(fileDescriptor: errors, queue: queue))
        inputSource = SharedSource(DispatchSource.makeWriteSource(fileDescriptor: input, queue: queue))
        exitSource = ProcessExit.descriptor(of: pid).map {
            SharedSource(DispatchSource.makeReadSource(fileDescriptor: $0, queue: queue))
        }

        // The handlers hold the pipes, never the process, so that it can go when its owner
        // lets go of it; each source closes its descriptor when it is cancelled.
        let (outputSource, errorSource, inputSource) = (outputSource, errorSource, inputSource)
        outputSource.source.setEventHandler {
            if io.readOutput() { outputSource.cancel() }
        }
        outputSource.source.setCancelHandler { close(output) }
        errorSource.source.setEventHandler { if io.readErrors() { errorSource.cancel() } }
        errorSource.source.setCancelHandler { close(errors) }
        inputSource.source.setEventHandler { io.writePending() }
        inputSource.source.setCancelHandler { close(input) }
        io.input = inputSource
        io.output = outputSource
        if let exitSource {
            let descriptor = Int32(exitSource.source.handle)
            exitSource.source.setEventHandler {
                io.reap(pid: pid)
                exitSource.cancel()
            }
            exitSource.source.setCancelHandler { close(descriptor) }
            exitSource.activate()
        }
        outputSource.activate()
        errorSource.activate()
        // Nothing to write yet: writing starts suspended, and each write resumes it.
        inputSource.activate()
        inputSource.suspend()
    }

    deinit {
        endNow(goodbye: nil)
    }

    /// The last of what the plugin wrote to standard error.
    var stderrTail: StderrTail { io.state.withLock { $0.stderrTail } }

    /// The next line the plugin writes, without its newline, waiting until `deadline`;
    /// what the plugin writes to standard error meanwhile is kept.
    func readLine(until deadline: ContinuousClock.Instant) async throws(Failure) -> Substring {
        let line = try await io.wait(until: deadline) { state throws(Failure) -> PipeIO.LineRead? in
            if let line = state.takeLine() { return line }
            if state.buffer.count - state.lineStart > PluginProtocol.maximumLineLength { throw .lineTooLong }
            return state.outputClosed ? .closed : nil
        }
        io.resumeReadingIfRoom()
        switch line {
        case .line(let text): return text
        case .notUTF8(let excerpt): throw .notUTF8(excerpt)
        case .closed: throw .exited(await exitDescription())
        }
    }

    /// Writes one line to the plugin, waiting until `deadline` for the pipe to take it.
    func write(_ line: String, until deadline: ContinuousClock.Instant) async throws(Failure) {
        io.send(Array(line.utf8))
        let failed = try await io.wait(until: deadline) { state throws(Failure) -> Bool? in
            state.writeFailed ? true : state.pending.isEmpty ? false : nil
        }
        if failed { throw .exited(await exitDescription()) }
    }

    /// Whether the process has ended (without waiting).
    func hasEnded() -> Bool {
        io.reap(pid: pid)
        return io.hasExited
    }

    /// How the process ended, once it has (waiting up to a second for it).
    private func exitDescription() async -> String {
        await exitStatus(within: .seconds(1)).map(Self.describe) ?? "closed its output"
    }

    /// The exit status, once the process has ended, waiting up to `duration`.
    private func exitStatus(within duration: Duration) async -> Int32? {
        let deadline = ContinuousClock.now + duration
        guard exitSource == nil else {
            return try? await io.wait(until: deadline) { state -> Int32? in state.exitStatus }
        }
        // Without a pidfd nothing says when the process ends: look every 10 ms.
        while true {
            io.reap(pid: pid)
            if let status = io.state.withLock({ $0.exitStatus }) { return status }
            if ContinuousClock.now >= deadline || Task.isCancelled { return nil }
            try? await Task.sleep(for: .milliseconds(10))
        }
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
    func end(goodbye: String? = nil) async {
        guard beginEnding(goodbye: goodbye) else { return }
        if goodbye != nil { _ = await exitStatus(within: .milliseconds(300)) }
        // Whatever it started goes too, even when it has left already.
        kill(-pid, SIGTERM)
        if !io.hasExited { _ = await exitStatus(within: .milliseconds(300)) }
        finishEnding()
    }

    /// Ends the process group at once, waiting only for the plugin itself to go (which
    /// SIGKILL makes quick): when nothing may wait, such as when the process is let go of.
    func endNow(goodbye: String?) {
        guard beginEnding(goodbye: goodbye) else { return }
        kill(-pid, SIGTERM)
        finishEnding()
    }

    /// Marks the process ended (false if it was already) and closes its input, after a
    /// goodbye if one is given.
    private func beginEnding(goodbye: String?) -> Bool {
        let first = io.state.withLock { state in
            defer { state.ended = true }
            return !state.ended
        }
        guard first else { return false }
        if let goodbye {
            // One short line into an empty pipe: written whole or not at all, never waited on.
            _ = Array(goodbye.utf8).withUnsafeBytes { Glibc.write(io.inputDescriptor, $0.baseAddress, $0.count) }
        }
        io.stopWriting()
        return true
    }

    private func finishEnding() {
        kill(-pid, SIGKILL)
        io.reap(pid: pid, waiting: true)
        exitSource?.cancel()
        // What it wrote to standard error before it went is kept (read on the queue, where
        // the descriptor is closed); then the pipes close.
        queue.sync {
            if !errorSource.isCancelled { _ = io.readErrors() }
        }
        io.resumeReadingIfRoom(force: true)
        outputSource.cancel()
        errorSource.cancel()
    }
}

/// The pipes of a plugin and what moves through them, shared by the dispatch sources'
/// handlers and the tasks waiting on them.
private final class PipeIO: Sendable {
    let inputDescriptor: Int32
    let outputDescriptor: Int32
    let errors: Int32
    let state = Mutex(State())
    /// The sources that write the input and read the output: suspended and resumed under
    /// the lock, with the state that says whether they are, so that the two never cross.
    /// Set once, before the sources are activated, and only read after: that is why they
    /// need no lock of their own.
    nonisolated(unsafe) var input: SharedSource?
    nonisolated(unsafe) var output: SharedSource?

    init(input: Int32, output: Int32, errors: Int32) {
        self.inputDescriptor = input
        self.outputDescriptor = output
        self.errors = errors
    }

    /// What a line read gives.
    enum LineRead: Sendable {
        case line(Substring)
        case notUTF8(String)
        case closed
    }

    struct State {
        /// What the plugin wrote and was not yet returned as lines: `buffer[lineStart...]`.
        var buffer: [UInt8] = []
        var lineStart = 0
        /// How far past `lineStart` is known to hold no newline.
        var scanned = 0
        var outputClosed = false
        /// Whether reading waits for lines to be taken (the buffer is full).
        var readingPaused = false
        var stderrTail = StderrTail()
        /// What dossier sent and the pipe has not taken yet.
        var pending: ArraySlice<UInt8> = []
        var writing = false
        var writeFailed = false
        var exitStatus: Int32?
        var ended = false
        /// The task waiting for the state to change, with the number of its wait.
        var waiter: (number: Int, continuation: CheckedContinuation<Wake, Never>)?
        var waits = 0
        /// One more at every change a waiter could be waiting for.
        var changes = 0

        /// The next whole line, if the buffer holds one.
        mutating func takeLine() -> LineRead? {
            guard let newline = buffer[scanned...].firstIndex(of: 0x0A) else {
                scanned = buffer.count
                return nil
            }
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
            return valid ? .line(Substring(line)) : .notUTF8(PluginProtocol.excerpt(Substring(line)))
        }

        /// Wakes the waiting task, if any, to look at the state again.
        mutating func wake(_ reason: Wake = .changed) {
            if reason == .changed { changes += 1 }
            guard let waiter else { return }
            self.waiter = nil
            waiter.continuation.resume(returning: reason)
        }
    }

    enum Wake: Sendable {
        case changed
        case timedOut
        case cancelled
    }

    var hasExited: Bool { state.withLock { $0.exitStatus != nil } }

    /// Waits until `check` gives a value, `deadline` passes (`.timedOut`) or the task is
    /// cancelled (`.interrupted`). `check` runs under the lock each time the pipes change.
    func wait<T: Sendable>(
        until deadline: ContinuousClock.Instant, _ check: (inout State) throws(PluginProcess.Failure) -> T?
    ) async throws(PluginProcess.Failure) -> T {
        while true {
            if Task.isCancelled { throw .interrupted }
            let (value, seen) = try state.withLock { state throws(PluginProcess.Failure) in (try check(&state), state.changes) }
            if let value { return value }
            let remaining = deadline - .now
            if remaining <= .zero { throw .timedOut }
            let wake = await withTaskCancellationHandler {
                await withCheckedContinuation { (continuation: CheckedContinuation<Wake, Never>) in
                    let number = state.withLock { state -> Int? in
                        // A change since the check, or a cancel before the handler below
                        // was in place, wakes it at once.
                        if state.changes != seen {
                            continuation.resume(returning: .changed)
                            return nil
                        }
                        if Task.isCancelled {
                            continuation.resume(returning: .cancelled)
                            return nil
                        }
                        state.waits += 1
                        state.waiter = (state.waits, continuation)
                        return state.waits
                    }
                    guard let number else { return }
                    // The deadline, as a wake-up that only this wait answers to.
                    DispatchQueue.global().asyncAfter(deadline: .now() + remaining.dispatchInterval) { [self] in
                        state.withLock { state in
                            if state.waiter?.number == number { state.wake(.timedOut) }
                        }
                    }
                }
            } onCancel: {
                state.withLock { $0.wake(.cancelled) }
            }
            switch wake {
            case .changed: continue
            case .cancelled: throw .interrupted
            case .timedOut:
                if let value = try state.withLock({ state throws(PluginProcess.Failure) in try check(&state) }) { return value }
                throw .timedOut
            }
        }
    }

    /// Reads what the plugin wrote, until the pipe is empty (a source may report the pipe
    /// once for all it holds, its end included); true at the end of the output. Unread
    /// lines that fill more than a line may be long pause reading until they are taken.
    func readOutput() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(outputDescriptor, &chunk, chunk.count)
            let failure = errno
            let next = state.withLock { state -> Bool? in
                if count > 0 {
                    state.buffer.append(contentsOf: chunk[..<count])
                } else if count == 0 || (failure != EAGAIN && failure != EINTR) {
                    state.outputClosed = true
                } else if failure == EINTR {
                    return nil
                } else {
                    return false
                }
                state.wake()
                if state.outputClosed { return true }
                if state.buffer.count - state.lineStart > PluginProtocol.maximumLineLength + 65_536 {
                    state.readingPaused = true
                    output?.suspend()
                    return false
                }
                return nil
            }
            if let next { return next }
        }
    }

    /// Reading goes on once lines have been taken (or, `force`d, so that the source can be
    /// cancelled).
    func resumeReadingIfRoom(force: Bool = false) {
        state.withLock { state in
            guard state.readingPaused, force || state.buffer.count - state.lineStart <= PluginProtocol.maximumLineLength
            else { return }
            state.readingPaused = false
            output?.resume()
        }
    }

    /// Reads what the plugin wrote to standard error; true at its end.
    func readErrors() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = read(errors, &chunk, chunk.count)
            let failure = errno
            if count > 0 {
                state.withLock { $0.stderrTail.append(chunk[..<count]) }
                continue
            }
            return count == 0 || (failure != EAGAIN && failure != EINTR)
        }
    }

    /// Queues bytes for the plugin's input and starts writing them.
    func send(_ bytes: [UInt8]) {
        state.withLock { state in
            state.pending += bytes
            guard !state.writing, !state.ended else { return }
            state.writing = true
            input?.resume()
        }
    }

    /// Writes what is queued as far as the pipe takes it; with nothing left to write, the
    /// input source suspends.
    func writePending() {
        state.withLock { state in
            // As far as the pipe takes it: a source may report room once for all there is.
            while !state.pending.isEmpty {
                let written = state.pending.withUnsafeBytes { Glibc.write(inputDescriptor, $0.baseAddress, $0.count) }
                let failure = errno
                if written > 0 {
                    state.pending = state.pending.dropFirst(written)
                } else if written < 0, failure == EINTR {
                    continue
                } else if written < 0, failure != EAGAIN {
                    state.writeFailed = true
                    state.pending = []
                } else {
                    break
                }
            }
            guard state.pending.isEmpty, state.writing else { return }
            state.writing = false
            input?.suspend()
            state.wake()
        }
    }

    /// Closes the plugin's input: the source is cancelled, resumed first if it waits
    /// suspended (a suspended source is never cancelled).
    func stopWriting() {
        state.withLock { state in
            input?.cancel()
            if !state.writing { input?.resume() }
            state.pending = []
            state.writing = true
        }
    }

    /// Collects the exit status if the process has ended (waiting for it if `waiting`).
    func reap(pid: pid_t, waiting: Bool = false) {
        guard state.withLock({ $0.exitStatus == nil }) else { return }
        var status: Int32 = 0
        var result: pid_t
        repeat { result = waitpid(pid, &status, waiting ? 0 : WNOHANG) } while result == -1 && errno == EINTR
        guard result == pid else { return }
        state.withLock { state in
            state.exitStatus = status
            state.wake()
        }
    }
}

/// A dispatch source that closures on other threads suspend, resume and cancel.
/// `@unchecked Sendable`: libdispatch makes those calls safe from any thread, but its Linux
/// overlay does not mark the source types `Sendable`.
private struct SharedSource: @unchecked Sendable {
    let source: any DispatchSourceProtocol

    init(_ source: any DispatchSourceProtocol) {
        self.source = source
    }

    var isCancelled: Bool { source.isCancelled }
    func activate() { source.activate() }
    func suspend() { source.suspend() }
    func resume() { source.resume() }
    func cancel() { source.cancel() }
}

/// The end of a process as something to wait on: a pidfd, readable once the process has
/// ended (Linux 5.3, glibc 2.36).
private enum ProcessExit {
    private typealias Open = @convention(c) (pid_t, UInt32) -> Int32

    /// glibc's `pidfd_open`, looked up when the process runs: the C library may predate it.
    private static let open: Open? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "pidfd_open") else { return nil }
        return unsafeBitCast(symbol, to: Open.self)
    }()

    /// A descriptor that becomes readable when `pid` ends; nil where pidfds are missing,
    /// and the end is then seen when the plugin's output closes or its answer is due.
    static func descriptor(of pid: pid_t) -> Int32? {
        guard let open else { return nil }
        let fd = open(pid, 0)
        guard fd >= 0 else { return nil }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        return fd
    }
}

extension Duration {
    /// The duration as Dispatch measures time.
    fileprivate var dispatchInterval: DispatchTimeInterval {
        let (seconds, attoseconds) = components
        return .nanoseconds(Int(min(seconds, 86_400)) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
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
