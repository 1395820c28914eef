import SessionStore

extension CommandContext {
    /// Opens the session a run of dossier starts in and returns a line to tell the user,
    /// if any.
    ///
    /// `name` (from `--session`) is opened, or created when there is none by that name; a
    /// file that cannot be read is an error. Without a name, the session used last in the
    /// workspace continues, else one named `default`; if that file cannot be read, the run
    /// goes on without a session and the line says why.
    public func startSession(named name: String?) throws(SessionError) -> String? {
        if let name {
            let (session, created) = try sessions.openOrCreate(name)
            use(session)
            return created ? "Started a new session '\(session.name)' (\(session.url.lastPathComponent) in Sessions/)." : nil
        }
        let continued = sessions.lastUsedName() ?? SessionLibrary.defaultName
        do {
            let (session, _) = try sessions.openOrCreate(continued)
            use(session)
            return nil
        } catch {
            useNoSession(because: "session '\(continued)' could not be read")
            return error.description + " Dossier runs without a session: open or create one to keep notes."
        }
    }
}
