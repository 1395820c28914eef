import Foundation
import REPLCore

/// A program that shares dossier's terminal, such as the pager: started with posix_spawn in
/// dossier's own session and process group, so it can read the keyboard and Ctrl-C reaches
/// it. (Foundation's `Process` starts children in a new session, without the terminal.)
struct AttachedProcess {
    private let pid: pid_t
    private let input: Int32?

    /// Starts `/bin/sh -c shellCommand` (with `arguments` as `$1`, `$2`…); its standard
    /// input is a pipe for `finish(input:)` when `pipeInput`, else the terminal. Nil when
    /// it cannot be started.
    init?(shellCommand: String, arguments extra: [String] = [], pipeInput: Bool = true) {
        var fds: [Int32] = [-1, -1]
        if pipeInput { guard pipe(&fds) == 0 else { return nil } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if pipeInput {
            posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO)
            posix_spawn_file_actions_addclose(&actions, fds[1])
            posix_spawn_file_actions_addclose(&actions, fds[0])
        }

        var attributes = ChildProcess.attributes()
        defer { posix_spawnattr_destroy(&attributes) }

        var pid: pid_t = 0
        let words = ["/bin/sh", "-c", shellCommand] + (extra.isEmpty ? [] : ["sh"] + extra)
        let arguments: [UnsafeMutablePointer<CChar>?] = words.map { (word: String) in strdup(word) } + [nil]
        defer { arguments.forEach { free($0) } }
        let status = posix_spawn(&pid, "/bin/sh", &actions, &attributes, arguments, environ)
        if pipeInput { close(fds[0]) }
        guard status == 0 else {
            if pipeInput { close(fds[1]) }
            return nil
        }
        self.pid = pid
        self.input = pipeInput ? fds[1] : nil
    }

    /// Waits for the program to end; its exit status, or nil when a signal ended it.
    func wait() -> Int32? {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let signalled = (status & 0x7F) != 0
        return signalled ? nil : (status >> 8) & 0xFF
    }

    /// Writes `input` to the program, closes its input and waits for it to end.
    func finish(input data: Data) {
        guard let input else { return }
        // False when the pager quit before reading everything (q): nothing more to do.
        _ = Terminal.write(data, to: input)
        close(input)
        _ = wait()
    }
}
