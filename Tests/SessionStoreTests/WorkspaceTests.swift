import Foundation
import SessionStore
import TestSupport
import Testing

@Suite struct WorkspaceTests {
    private func temporaryFolder() -> URL {
        Fixtures.temporaryFolder("ws")
    }

    @Test func isFoundFromAFolderBelowIt() throws {
        let root = temporaryFolder()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Sessions"), withIntermediateDirectories: true)
        let nested = root.appendingPathComponent("notes/1956/september")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        #expect(Workspace.find(from: nested)?.root.path == root.standardizedFileURL.path)
    }

    @Test func fallsBackToTheUserDefault() {
        let lonely = temporaryFolder()
        let workspace = Workspace.resolve(
            explicit: nil, current: lonely, environment: ["XDG_DATA_HOME": "/tmp/xdg-data", "HOME": "/home/h"])
        #expect(workspace.root.path == "/tmp/xdg-data/dossier")
        let withoutXDG = Workspace.userDefault(environment: ["HOME": "/home/h"])
        #expect(withoutXDG.root.path == "/home/h/.local/share/dossier")
    }

    @Test func anExplicitFolderWinsAndIsCreated() throws {
        let current = temporaryFolder()
        let workspace = Workspace.resolve(explicit: "research/plenum", current: current, environment: [:])
        #expect(workspace.root.path == current.appendingPathComponent("research/plenum").standardizedFileURL.path)
        #expect(!workspace.hasStore)
        try workspace.create()
        var isFolder: ObjCBool = false
        #expect(
            FileManager.default.fileExists(atPath: workspace.sessionsFolder.path, isDirectory: &isFolder) && isFolder.boolValue)
        #expect(workspace.storeFile.path.hasSuffix("research/plenum/.dossier/store.sqlite"))
        #expect(workspace.historyFile.path.hasSuffix("research/plenum/.dossier/history"))
    }

    @Test func aFolderThatCannotBeCreatedIsReported() throws {
        let file = temporaryFolder().appendingPathComponent("a-file")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let workspace = Workspace(root: file.appendingPathComponent("inside"))
        #expect(throws: WorkspaceError.self) { try workspace.create() }
        do {
            try workspace.create()
        } catch {
            #expect(error.description.hasPrefix("Cannot create the workspace folder '\(file.path)/inside'"))
            #expect(error.description.hasSuffix("Choose another with --workspace DIR."))
        }
    }
}
