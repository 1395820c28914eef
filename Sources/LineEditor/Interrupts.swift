import Glibc
import Synchronization

/// Ctrl-C handling: a SIGINT handler that only sets a flag. Installed without SA_RESTART,
/// so a `readline` waiting for input returns at once with the flag set, and the REPL can
/// discard the line or stop the running command; the process never dies of Ctrl-C.
///
/// The kernel delivers SIGINT to any thread of the process, and Swift's concurrency runs
/// the prompt on a thread of its own: the handler passes the signal on to the thread that
/// is reading, so that its `read` is the one interrupted.
public enum Interrupts {
    private static let flag = Atomic<Bool>(false)
    /// The thread blocked in `readline`, or 0 when none is.
    private static let reader = Atomic<UInt>(0)

    /// Installs the handler. Call once, before the first prompt.
    public static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            Interrupts.flag.store(true, ordering: .relaxed)
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

    /// Whether Ctrl-C was pressed since the last call; clears the flag.
    public static func take() -> Bool {
        flag.exchange(false, ordering: .relaxed)
    }

    /// Whether Ctrl-C was pressed since the flag was last cleared, leaving it set.
    public static var isPending: Bool {
        flag.load(ordering: .relaxed)
    }
}
