import Foundation

/// A folder of research: its `Sessions/` folder, optionally a `Plugins/` folder, and a hidden
/// `.dossier/` folder holding the document store and the line-editing history.
///
/// `dossier` finds the workspace the way git finds a repository: the nearest folder, from
/// the current one upwards, that has a `Sessions/` folder; failing that, a per-user default.
public struct Workspace: Sendable, Equatable {
    /// The workspace folder.
    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    public var sessionsFolder: URL { root.appendingPathComponent("Sessions", isDirectory: true) }
    public var pluginsFolder: URL { root.appendingPathComponent("Plugins", isDirectory: true) }
    /// The hidden folder for what dossier keeps for itself.
    public var dataFolder: URL { root.appendingPathComponent(".dossier", isDirectory: true) }
    public var storeFile: URL { dataFolder.appendingPathComponent("store.sqlite") }
    public var historyFile: URL { dataFolder.appendingPathComponent("history") }

    /// Whether the document store has been created yet; a workspace without one is new.
    public var hasStore: Bool { FileManager.default.fileExists(atPath: storeFile.path) }

    /// The nearest folder at or above `start` that holds a `Sessions/` folder.
    public static func find(from start: URL) -> Workspace? {
        var folder = start.standardizedFileURL
        while true {
            var isFolder: ObjCBool = false
            let sessions = folder.appendingPathComponent("Sessions").path
            if FileManager.default.fileExists(atPath: sessions, isDirectory: &isFolder), isFolder.boolValue {
                return Workspace(root: folder)
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// The per-user default: `$XDG_DATA_HOME/dossier`, else `~/.local/share/dossier`.
    public static func userDefault(environment: [String: String]) -> Workspace {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return Workspace(root: URL(fileURLWithPath: xdg).appendingPathComponent("dossier"))
        }
        let home =
            environment["HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return Workspace(root: home.appendingPathComponent(".local/share/dossier"))
    }

    /// The workspace to use: `explicit` when given (`--workspace DIR`), else the nearest one
    /// above `current`, else the per-user default.
    public static func resolve(explicit: String?, current: URL, environment: [String: String]) -> Workspace {
        if let explicit {
            let expanded = (explicit as NSString).expandingTildeInPath
            let root =
                expanded.hasPrefix("/")
                ? URL(fileURLWithPath: expanded, isDirectory: true)
                : current.appendingPathComponent(expanded, isDirectory: true)
            return Workspace(root: root)
        }
        return find(from: current) ?? userDefault(environment: environment)
    }

    /// Creates the workspace's folders when missing.
    public func create() throws(WorkspaceError) {
        for folder in [root, sessionsFolder, dataFolder] {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw .cannotCreate(path: folder.path, reason: error.localizedDescription)
            }
        }
    }
}

/// Why a workspace could not be used.
public enum WorkspaceError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotCreate(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotCreate(let path, let reason):
            return "Cannot create the workspace folder '\(path)': \(reason). Choose another with --workspace DIR."
        }
    }
}
