import Glibc
import Synchronization

/// Ctrl-C handling: a SIGINT handler that only sets a flag. Installed without SA_RESTART,
/// so a `readline` waiting for input returns at once with the flag set, and the REPL can
/// discard the line or stop the running command; the process never dies of Ctrl-C.
public enum Interrupts {
    private static let flag = Atomic<Bool>(false)

    /// Installs the handler. Call once, before the first prompt.
    public static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            Interrupts.flag.store(true, ordering: .relaxed)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
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
