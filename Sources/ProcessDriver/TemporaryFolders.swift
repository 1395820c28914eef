import Foundation
import Synchronization

/// Folders for temporary workspaces, homes and files, each removed when the process that
/// made it exits: a test run leaves nothing behind in /tmp. (They sit in /tmp itself, not
/// in a folder of their own, so that paths in messages stay short enough not to wrap.)
public enum TemporaryFolders {
    private static let made = Mutex<[URL]>([])
    private static let cleanup: Void = {
        atexit { TemporaryFolders.removeAll() }
    }()

    /// A new, empty folder named after `label`.
    public static func make(_ label: String) -> URL {
        _ = cleanup
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        made.withLock { $0.append(url) }
        return url
    }

    /// Removes every folder made so far (at exit).
    public static func removeAll() {
        for url in made.withLock({ $0 }) { try? FileManager.default.removeItem(at: url) }
    }
}
