import Foundation

/// The sessions of a workspace: the files in its `Sessions/` folder, which one was used
/// last, and creating, renaming and removing them. A removed session goes to the
/// workspace's trash (`.dossier/trash/`), not away.
public struct SessionLibrary: Sendable {
    public let workspace: Workspace

    /// The session a workspace starts in when none was used before.
    public static let defaultName = "default"

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    public var folder: URL { workspace.sessionsFolder }
    public var trash: URL { workspace.dataFolder.appendingPathComponent("trash", isDirectory: true) }
    private var currentMarker: URL { workspace.dataFolder.appendingPathComponent("session") }

    /// The file of the session named `name`, whether or not it exists. A name that differs
    /// only in case from an existing session's is that session.
    public func url(for name: String) throws(SessionError) -> URL {
        let normalized = try SessionName.normalized(name)
        let exact = folder.appendingPathComponent(SessionName.fileName(for: normalized))
        if FileManager.default.fileExists(atPath: exact.path) { return exact }
        let matches = names().filter { $0.caseInsensitiveCompare(normalized) == .orderedSame }
        if matches.count == 1 { return folder.appendingPathComponent(SessionName.fileName(for: matches[0])) }
        return exact
    }

    /// The names of the session files in `Sessions/`, sorted.
    public func names() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.compactMap(SessionName.name(fromFileName:)).sorted {
            $0.localizedStandardCompare($1) == .orderedAscending
        }
    }

    /// The file `nameOrPath` means: a session of that name in `Sessions/`, else a session
    /// file at that path.
    public func existingURL(_ nameOrPath: String) throws(SessionError) -> URL {
        if let url = try? url(for: nameOrPath), FileManager.default.fileExists(atPath: url.path) { return url }
        let expanded = (nameOrPath as NSString).expandingTildeInPath
        let path =
            expanded.hasPrefix("/")
            ? URL(fileURLWithPath: expanded)
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(expanded)
        var isFolder: ObjCBool = false
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".json"),
            FileManager.default.fileExists(atPath: path.path, isDirectory: &isFolder), !isFolder.boolValue
        {
            return path.standardizedFileURL
        }
        _ = try SessionName.normalized(nameOrPath)
        throw .notFound(nameOrPath, known: names())
    }

    /// Opens a session by name or path.
    public func open(_ nameOrPath: String) throws(SessionError) -> OpenSession {
        try OpenSession.open(existingURL(nameOrPath))
    }

    /// Creates a new session file.
    public func create(_ name: String, description: String = "") throws(SessionError) -> OpenSession {
        let normalized = try SessionName.normalized(name)
        let url = try url(for: normalized)
        guard !FileManager.default.fileExists(atPath: url.path) else { throw .alreadyExists(normalized) }
        try makeFolder()
        return try OpenSession.create(url, session: Session(name: normalized, description: description))
    }

    /// Opens the session named `name`, creating it when there is none; `created` says
    /// which happened.
    public func openOrCreate(_ name: String) throws(SessionError) -> (session: OpenSession, created: Bool) {
        if let url = try? existingURL(name) { return (try OpenSession.open(url), false) }
        do {
            return (try create(name), true)
        } catch .alreadyExists {
            // Another process created it a moment ago: use the same session.
            return (try open(name), false)
        }
    }

    /// Saves `session` under `newName` and uses that file from now on; the old file stays
    /// (save as) unless `removingOld` (rename).
    public func saveAs(_ session: OpenSession, newName: String, removingOld: Bool) throws(SessionError) {
        let normalized = try SessionName.normalized(newName)
        let newURL = try url(for: normalized)
        let oldURL = session.url
        if newURL.standardizedFileURL.path == oldURL.standardizedFileURL.path {
            if normalized == session.name { throw .alreadyExists(normalized) }
        } else if FileManager.default.fileExists(atPath: newURL.path) {
            throw .alreadyExists(normalized)
        }
        try makeFolder()
        if removingOld {
            try session.save()
        } else {
            // Save as works even when the old file can no longer be written or read:
            // that is when a copy is most wanted.
            _ = try? session.save()
        }
        let sameFile = newURL.standardizedFileURL.path == oldURL.standardizedFileURL.path
        if sameFile {
            // Only the case of the name changes: the file name must change with it.
            let step = folder.appendingPathComponent(".renaming-\(getpid()).json")
            try session.move(to: step, name: normalized)
            try? FileManager.default.removeItem(at: oldURL)
            try session.move(to: newURL, name: normalized)
            try? FileManager.default.removeItem(at: step)
        } else {
            try session.move(to: newURL, name: normalized)
            if removingOld {
                try? FileManager.default.removeItem(at: oldURL)
                try? FileManager.default.removeItem(at: FileLock.lockFile(for: oldURL))
            }
        }
    }

    /// Moves the session file to the trash; returns where it went.
    public func remove(_ name: String) throws(SessionError) -> URL {
        let url = try existingURL(name)
        try makeFolder(trash)
        let stampText = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
        let destination = trash.appendingPathComponent(
            url.deletingPathExtension().lastPathComponent + "-" + stampText + "." + SessionFormat.fileExtension)
        do {
            try FileManager.default.moveItem(at: url, to: destination)
        } catch {
            throw .cannotWrite(path: url.path, reason: error.localizedDescription)
        }
        try? FileManager.default.removeItem(at: FileLock.lockFile(for: url))
        return destination
    }

    /// What `session list` shows of each session file.
    public struct Summary: Sendable {
        public var name: String
        public var url: URL
        /// The session, or why it could not be read.
        public var session: Result<Session, SessionError>
    }

    public func summaries() -> [Summary] {
        names().map { name in
            let url = folder.appendingPathComponent(SessionName.fileName(for: name))
            do throws(SessionError) {
                return Summary(name: name, url: url, session: .success(try OpenSession.read(url).0))
            } catch {
                return Summary(name: name, url: url, session: .failure(error))
            }
        }
    }

    // MARK: The session used last

    /// Remembers the session in use, so that the next `dossier` continues it: by name when
    /// it is in `Sessions/`, else by the path of its file.
    public func rememberCurrent(_ session: OpenSession) {
        let inFolder = session.url.deletingLastPathComponent().standardizedFileURL.path == folder.standardizedFileURL.path
        let reference = inFolder ? session.name : session.url.standardizedFileURL.path
        try? FileManager.default.createDirectory(at: workspace.dataFolder, withIntermediateDirectories: true)
        try? Data((reference + "\n").utf8).write(to: currentMarker, options: .atomic)
    }

    /// The session used last in this workspace (a name, or the path of a file outside
    /// `Sessions/`), if any and if a path, still there.
    public func lastUsedName() -> String? {
        guard let data = try? Data(contentsOf: currentMarker) else { return nil }
        let name = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if name.hasPrefix("/") && !FileManager.default.fileExists(atPath: name) { return nil }
        return name.isEmpty ? nil : name
    }

    private func makeFolder(_ url: URL? = nil) throws(SessionError) {
        let target = url ?? folder
        do {
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: target.path, reason: error.localizedDescription)
        }
    }
}
