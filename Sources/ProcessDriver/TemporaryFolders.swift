import Foundation

/// Folders for temporary workspaces, homes and files, all under one folder of this process
/// that is removed when the process exits: a test run leaves nothing behind in /tmp.
public enum TemporaryFolders {
    /// This process's folder (`/tmp/dossier-run-PID-…`).
    public static let root: URL = {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("dossier-run-\(getpid())-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { TemporaryFolders.removeAll() }
        return url
    }()

    /// A new, empty folder named after `label`.
    public static func make(_ label: String) -> URL {
        let url = root.appendingPathComponent("\(label)-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Removes every folder made so far (at exit).
    public static func removeAll() {
        try? FileManager.default.removeItem(at: root)
    }
}
