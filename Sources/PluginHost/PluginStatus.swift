import Foundation
import REPLCore

extension PluginHost: PluginService {
    public var searchedFolders: [PluginStatus.Folder] {
        folders.map { PluginStatus.Folder(path: $0.url.path, kind: $0.kind.rawValue) }
    }

    /// Every plugin found, in search order, with executables that cannot be run last.
    public var statuses: [PluginStatus] {
        plugins.map { plugin in
            let state: PluginStatus.State = plugin.failure.map { .disabled(reason: $0) } ?? .ready(running: plugin.isRunning)
            return PluginStatus(
                name: plugin.name, version: plugin.version, path: plugin.candidate.url.path,
                origin: plugin.candidate.folder.kind.rawValue, state: state, commands: plugin.commands.map(\.name),
                refused: plugin.refused, shadowed: plugin.shadowed.map(\.path), stderr: plugin.currentStderr)
        }
            + unusableCandidates.map { candidate in
                PluginStatus(
                    name: candidate.name, version: nil, path: candidate.url.path, origin: candidate.folder.kind.rawValue,
                    state: .unusable(reason: candidate.problem ?? ""), commands: [], refused: [], shadowed: [], stderr: "")
            }
    }
}

extension ExternalPlugin {
    /// What it wrote to standard error: the running process's, else the last one's.
    var currentStderr: String {
        let live = process?.stderrTail.text ?? ""
        return live.isEmpty ? stderr : live
    }
}
