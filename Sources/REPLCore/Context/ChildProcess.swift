import Foundation

/// What every program dossier starts (the pager, the editor, plugins) shares.
public enum ChildProcess {
    /// Spawn attributes that give the child an empty signal mask and default handlers for
    /// the signals dossier handles or ignores: the spawning thread blocks every signal
    /// (Swift's concurrency threads do) and dossier ignores SIGPIPE. `flags` adds more
    /// (`POSIX_SPAWN_SETPGROUP`). Destroy the result with `posix_spawnattr_destroy`.
    public static func attributes(flags: Int32 = 0) -> posix_spawnattr_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        var empty = sigset_t()
        var defaults = sigset_t()
        sigemptyset(&empty)
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGPIPE, SIGQUIT, SIGTERM, SIGHUP] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | flags))
        return attributes
    }
}
