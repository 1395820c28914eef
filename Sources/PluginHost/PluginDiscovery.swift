import DocumentStore
import DossierProtocol
import Foundation
import SessionStore

/// A folder where plugin executables are looked for, and why.
public struct PluginFolder: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// The workspace's own `Plugins/` folder.
        case workspace
        /// The folder the `dossier` executable is in (so `swift build` output works).
        case dossier
        /// A folder on `PATH`.
        case path
    }

    public var url: URL
    public var kind: Kind

    public init(url: URL, kind: Kind) {
        self.url = url.standardizedFileURL
        self.kind = kind
    }

    /// The folders searched, in order: the workspace's `Plugins/`, the `dossier`
    /// executable's own folder, then `PATH`. The first executable of a name wins.
    public static func standard(workspace: Workspace, executableFolder: URL?, environment: [String: String]) -> [PluginFolder] {
        var folders = [PluginFolder(url: workspace.pluginsFolder, kind: .workspace)]
        if let executableFolder { folders.append(PluginFolder(url: executableFolder, kind: .dossier)) }
        for entry in (environment["PATH"] ?? "").split(separator: ":") where entry.hasPrefix("/") {
            folders.append(PluginFolder(url: URL(fileURLWithPath: String(entry), isDirectory: true), kind: .path))
        }
        var seen = Set<String>()
        return folders.filter { seen.insert($0.url.path).inserted }
    }
}

/// An executable named `dossier-plugin-NAME` in one of the plugin folders.
struct PluginCandidate: Sendable, Equatable {
    var name: String
    var url: URL
    var folder: PluginFolder
    var stamp: FileStamp?
    /// Why it cannot be run, when it cannot (not executable).
    var problem: String?

    /// Every candidate in `folders`, in search order. Folders (such as the example
    /// plugins' source folders) and names that are not lower-case letters, digits and
    /// dashes are passed over.
    static func find(in folders: [PluginFolder]) -> [PluginCandidate] {
        var found: [PluginCandidate] = []
        for folder in folders {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.url.path) else { continue }
            for file in names.sorted() where file.hasPrefix(PluginProtocol.executablePrefix) {
                let name = String(file.dropFirst(PluginProtocol.executablePrefix.count))
                guard CommandSignature.isValidName(name) else { continue }
                let url = folder.url.appendingPathComponent(file)
                var info = stat()
                guard stat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
                let problem = access(url.path, X_OK) == 0 ? nil : "it is not executable (chmod +x \(url.path))"
                found.append(
                    PluginCandidate(
                        name: name, url: url, folder: folder, stamp: AtomicFile.stamp(of: url), problem: problem))
            }
        }
        return found
    }
}

/// What the last start of each plugin executable said, kept in `.dossier/plugins.json` so
/// that start-up reads signatures instead of launching plugins. An entry counts only while
/// the executable's inode, size and time are the ones recorded.
struct PluginCache {
    struct Entry: Equatable {
        var stamp: String
        var version: String?
        var commands: [JSONValue]
        /// Why the plugin failed its handshake, when it did.
        var failure: String?
        var stderr: String
    }

    let file: URL
    var entries: [String: Entry]

    init(file: URL) {
        self.file = file
        var entries: [String: Entry] = [:]
        if let data = try? Data(contentsOf: file), let value = try? JSONValue.parse(data),
            value["format"]?.string == "dossier-plugin-cache", let plugins = value["plugins"]?.object
        {
            for (path, entry) in plugins {
                guard let stamp = entry["stamp"]?.string else { continue }
                entries[path] = Entry(
                    stamp: stamp, version: entry["version"]?.string, commands: entry["commands"]?.array ?? [],
                    failure: entry["failure"]?.string, stderr: entry["stderr"]?.string ?? "")
            }
        }
        self.entries = entries
    }

    /// The entry for this version of the executable, if there is one.
    func entry(for candidate: PluginCandidate) -> Entry? {
        guard let stamp = candidate.stamp?.text, let entry = entries[candidate.url.path], entry.stamp == stamp else {
            return nil
        }
        return entry
    }

    /// Writes the cache; a failure only means the next start-up asks the plugins again.
    func save() {
        var plugins: [String: JSONValue] = [:]
        for (path, entry) in entries {
            var object: [String: JSONValue] = [
                "stamp": .string(entry.stamp), "commands": .array(entry.commands), "stderr": .string(entry.stderr),
            ]
            if let version = entry.version { object["version"] = .string(version) }
            if let failure = entry.failure { object["failure"] = .string(failure) }
            plugins[path] = .object(object)
        }
        let value: JSONValue = ["format": "dossier-plugin-cache", "version": 1, "plugins": .object(plugins)]
        try? AtomicFile.write(Data((value.serialized(pretty: true) + "\n").utf8), to: file)
    }
}
