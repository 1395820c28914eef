import DocumentStore
import Foundation
import ProcessDriver
import SessionStore

/// Files and folders for tests: the package's fixture files and fresh temporary workspaces.
public enum Fixtures {
    /// The package's root folder (tests always run from a source checkout).
    public static let packageRoot: URL = {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // TestSupport
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
    }()

    /// `Tests/dossierTests/Fixtures/NAME`.
    public static func file(_ name: String) -> URL {
        packageRoot.appendingPathComponent("Tests/dossierTests/Fixtures").appendingPathComponent(name)
    }

    /// A new, empty folder under the system's temporary folder, removed with every other
    /// when the test process exits.
    public static func temporaryFolder(_ label: String = "dossier-test") -> URL {
        TemporaryFolders.make(label)
    }

    /// The sample session in the repository's `Sessions/` folder.
    public static let sampleSession = packageRoot.appendingPathComponent("Sessions/august-plenum.json")

    /// A new workspace whose store holds the sample archive, as a first start creates it,
    /// with a copy of the sample session.
    /// The folder the build put the test binary in, and with it `dossier` and the example
    /// plugins.
    public static let buildFolder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()

    public static func sampleWorkspace() throws -> (Workspace, DocumentStore) {
        let workspace = Workspace(root: temporaryFolder("dossier-workspace"))
        try workspace.create()
        try FileManager.default.copyItem(
            at: sampleSession, to: workspace.sessionsFolder.appendingPathComponent("august-plenum.json"))
        let store = try DocumentStore.open(at: workspace.storeFile)
        try SampleArchive.importInto(store)
        return (workspace, store)
    }

    /// Writes an executable script. The file is opened close-on-exec: tests run at once,
    /// and a program another test starts meanwhile would otherwise inherit the open file
    /// and keep it busy ("Text file busy") when this one is run.
    public static func writeExecutable(_ text: String, to url: URL) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
        defer { close(fd) }
        try FileHandle(fileDescriptor: fd, closeOnDealloc: false).write(contentsOf: Data(text.utf8))
        fchmod(fd, 0o755)
    }

    /// Writes `text` to a new temporary file named `name` and returns its URL.
    public static func write(_ text: String, named name: String) -> URL {
        let url = temporaryFolder().appendingPathComponent(name)
        try! text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}

extension Fixtures {
    /// Whether the tests run in CI (`CI=true`), where `.ci/run` installs everything the
    /// tests need: there a suite never skips for want of a tool, it fails and says which.
    public static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"
}
