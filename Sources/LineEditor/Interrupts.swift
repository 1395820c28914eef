import Dispatch
import Glibc
import Synchronization

/// Ctrl-C handling: a SIGINT handler that only sets a flag. Installed without SA_RESTART,
/// so a `readline` waiting for input returns at once with the flag set, and the REPL can
/// discard the line or stop the running command; the process never dies of Ctrl-C.
///
/// The kernel delivers SIGINT to any thread of the process, and Swift's concurrency runs
/// the prompt on a thread of its own: the handler passes the signal on to the thread that
/// is reading, so that its `read` is the one interrupted.
///
/// The handler also writes a byte to a pipe of its own (write is safe in a signal handler):
/// `watch` waits on that pipe, so a running command hears of Ctrl-C at once, with nothing
/// polling the flag.
public enum Interrupts {
    private static let flag = Atomic<Bool>(false)
    /// The thread blocked in `readline`, or 0 when none is.
    private static let reader = Atomic<UInt>(0)
    /// The pipe the handler writes a byte to at each Ctrl-C: read end, write end.
    private static let wakeRead = Atomic<Int32>(-1)
    private static let wakeWrite = Atomic<Int32>(-1)

    /// Installs the handler. Call once, before the first prompt.
    public static func install() {
        if wakeWrite.load(ordering: .relaxed) < 0 {
            var ends: [Int32] = [-1, -1]
            if pipe(&ends) == 0 {
                for end in ends {
                    _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
                    _ = fcntl(end, F_SETFD, FD_CLOEXEC)
                }
                wakeRead.store(ends[0], ordering: .relaxed)
                wakeWrite.store(ends[1], ordering: .relaxed)
            }
        }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            Interrupts.flag.store(true, ordering: .relaxed)
            let wake = Interrupts.wakeWrite.load(ordering: .relaxed)
            if wake >= 0 {
                var byte: UInt8 = 1
                _ = write(wake, &byte, 1)
            }
            let reading = Interrupts.reader.load(ordering: .relaxed)
            if reading != 0, reading != pthread_self() {
                pthread_kill(reading, SIGINT)
            }
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }

    /// Marks the calling thread as the one reading input while `body` runs. Swift's
    /// concurrency threads block every signal: SIGINT is unblocked here for the wait.
    static func whileReading<T>(_ body: () -> T) -> T {
        var interrupt = sigset_t()
        var previous = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, &previous)
        reader.store(pthread_self(), ordering: .relaxed)
        defer {
            reader.store(0, ordering: .relaxed)
            pthread_sigmask(SIG_SETMASK, &previous, nil)
        }
        return body()
    }

    /// Whether Ctrl-C was pressed since the last call; clears the flag (and what the
    /// handler wrote to the pipe, so that an old Ctrl-C wakes no later watch).
    public static func take() -> Bool {
        drain()
        return flag.exchange(false, ordering: .relaxed)
    }

    /// Calls `handler` on a dispatch queue each time Ctrl-C is pressed (and at once if it
    /// was pressed and not yet taken), until the returned watch is cancelled.
    public static func watch(_ handler: @escaping @Sendable () -> Void) -> InterruptWatch {
        let source = DispatchSource.makeReadSource(fileDescriptor: wakeRead.load(ordering: .relaxed), queue: .global())
        source.setEventHandler {
            drain()
            if isPending { handler() }
        }
        source.resume()
        if isPending { handler() }
        return InterruptWatch(source: source)
    }

    private static func drain() {
        let wake = wakeRead.load(ordering: .relaxed)
        guard wake >= 0 else { return }
        var bytes = [UInt8](repeating: 0, count: 64)
        while read(wake, &bytes, bytes.count) > 0 {}
    }

    /// Whether Ctrl-C was pressed since the flag was last cleared, leaving it set.
    public static var isPending: Bool {
        flag.load(ordering: .relaxed)
    }
}

/// A running `Interrupts.watch`; `cancel()` ends it. `@unchecked Sendable`: a dispatch
/// source may be cancelled from any thread, and nothing else of it is touched.
public final class InterruptWatch: @unchecked Sendable {
    private let source: any DispatchSourceRead

    init(source: any DispatchSourceRead) {
        self.source = source
    }

    public func cancel() {
        source.cancel()
    }
}
