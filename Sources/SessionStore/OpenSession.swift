import Foundation

/// A session in use: what this process holds, what the file held when last read or
/// written, and how to save the one into the other without losing anything another
/// process wrote meanwhile.
///
/// Commands change `session` through `update`; the REPL saves after every command.
/// `@unchecked Sendable`: the REPL runs one command at a time, and only that command and
/// the save after it touch the session.
public final class OpenSession: @unchecked Sendable {
    /// The session file.
    public private(set) var url: URL
    /// The session as this process has it.
    public private(set) var session: Session
    /// The sitting this process's commands are recorded under.
    public let sitting: Int
    /// What the file held when this process last read or wrote it.
    private var base: Session
    private var stamp: FileStamp?
    private var dirty = false

    private init(url: URL, session: Session, stamp: FileStamp?) {
        self.url = url
        self.session = session
        self.base = session
        self.stamp = stamp
        self.sitting = session.nextSitting
    }

    public var name: String { session.name }

    /// Whether this session is kept in the file at `url`.
    public func isStored(at url: URL) -> Bool {
        self.url.standardizedFileURL.path == url.standardizedFileURL.path
    }

    /// Whether there are changes not yet written.
    public var hasUnsavedChanges: Bool { dirty }

    /// Opens the session file at `url`.
    public static func open(_ url: URL) throws(SessionError) -> OpenSession {
        let (session, stamp) = try read(url)
        return OpenSession(url: url, session: session, stamp: stamp)
    }

    /// Creates a session file at `url`, which must not exist yet.
    static func create(_ url: URL, session: Session) throws(SessionError) -> OpenSession {
        let lock = FileLock(for: url)
        defer { withExtendedLifetime(lock) {} }
        guard !FileManager.default.fileExists(atPath: url.path) else { throw .alreadyExists(session.name) }
        try AtomicFile.write(SessionFormat.encode(session), to: url)
        return OpenSession(url: url, session: session, stamp: AtomicFile.stamp(of: url))
    }

    /// Reads the file and the stamp of the very version read: another process may replace
    /// the file at any moment, and a stamp taken by name after reading could be that of a
    /// newer version than the one read, whose changes would then look already known.
    static func read(_ url: URL) throws(SessionError) -> (Session, FileStamp?) {
        guard let (data, stamp) = AtomicFile.read(url) else {
            let reason =
                FileManager.default.fileExists(atPath: url.path)
                ? "it cannot be read (check its permissions)" : "there is no such file"
            throw .cannotRead(path: url.path, reason: reason)
        }
        return (try SessionFormat.decode(data, path: url.path), stamp)
    }

    /// The version of the file at `url` on disk now, nil when there is none.
    public static func stamp(of url: URL) -> FileStamp? {
        AtomicFile.stamp(of: url)
    }

    /// Changes the session; the change is written by the next `save`.
    public func update(_ change: (inout Session) throws -> Void) rethrows {
        var copy = session
        try change(&copy)
        guard copy != session else { return }
        copy.modified = Session.now()
        session = copy
        dirty = true
    }

    /// Records a command line in the history of this sitting.
    public func record(_ line: String, failed: Bool) {
        update { $0.history.append(HistoryEntry(line: line, sitting: sitting, failed: failed)) }
    }

    /// Takes in what another process wrote since this one last read or wrote the file.
    /// Returns what the merge did, or nil when the file had not changed.
    @discardableResult
    public func refresh() throws(SessionError) -> Session.MergeReport? {
        guard let current = AtomicFile.stamp(of: url), current != stamp else { return nil }
        let (theirs, newStamp) = try Self.read(url)
        let (merged, report) = session.merged(base: base, theirs: theirs)
        base = theirs
        stamp = newStamp
        if merged != theirs { dirty = true }
        session = merged
        return report
    }

    /// Writes the session if it changed, merging first what another process wrote, under
    /// a lock so that two saves never interleave. A file that has become unreadable is left
    /// as it is and the error thrown; the changes stay in memory.
    @discardableResult
    public func save(force: Bool = false) throws(SessionError) -> Session.MergeReport? {
        guard dirty || force || !FileManager.default.fileExists(atPath: url.path) else { return takeReport() }
        let lock = FileLock(for: url)
        defer { withExtendedLifetime(lock) {} }
        try mergeWhatOthersWrote()
        try write()
        return takeReport()
    }

    /// Changes the session and writes it at once, under the lock, after taking in what
    /// another process wrote: a change that numbers something (a new note) sees every
    /// number taken so far, so the number it confirms is the one in the file. What the merge
    /// did is reported by the next `save`. When the file cannot be read or written, the
    /// change is kept in memory and the next `save` reports the problem, as for `update`.
    public func updateAndSave<T>(_ change: (inout Session) throws -> T) rethrows -> T {
        let lock = FileLock(for: url)
        defer { withExtendedLifetime(lock) {} }
        let merged = (try? mergeWhatOthersWrote()) != nil
        var copy = session
        let result = try change(&copy)
        if copy != session {
            copy.modified = Session.now()
            session = copy
            dirty = true
            if merged { try? write() }
        }
        return result
    }

    /// What merges since the last `save` did, reported once.
    private var unreported: Session.MergeReport?

    private func takeReport() -> Session.MergeReport? {
        defer { unreported = nil }
        return unreported
    }

    /// Merges in the file's version when another process replaced it. Called under the lock.
    private func mergeWhatOthersWrote() throws(SessionError) {
        guard let current = AtomicFile.stamp(of: url), current != stamp else { return }
        let (theirs, newStamp) = try Self.read(url)
        let (merged, report) = session.merged(base: base, theirs: theirs)
        session = merged
        base = theirs
        stamp = newStamp
        if merged != theirs { dirty = true }
        if var pending = unreported {
            pending.theirChanges += report.theirChanges
            pending.renumbered += report.renumbered
            unreported = pending
        } else {
            unreported = report
        }
    }

    /// Writes the session as this process has it. Called under the lock.
    private func write() throws(SessionError) {
        AtomicFile.removeLeftovers(of: url)
        try AtomicFile.write(SessionFormat.encode(session), to: url)
        base = session
        stamp = AtomicFile.stamp(of: url)
        dirty = false
    }

    /// Writes this session under another file (save as, rename), and uses that file from
    /// now on.
    func move(to newURL: URL, name: String) throws(SessionError) {
        var renamed = session
        renamed.name = name
        renamed.modified = Session.now()
        let lock = FileLock(for: newURL)
        defer { withExtendedLifetime(lock) {} }
        guard !FileManager.default.fileExists(atPath: newURL.path) else { throw .alreadyExists(name) }
        try AtomicFile.write(SessionFormat.encode(renamed), to: newURL)
        url = newURL
        session = renamed
        base = renamed
        stamp = AtomicFile.stamp(of: newURL)
        dirty = false
    }
}
