import Foundation
import PluginKit

/// A plugin as `plugins` lists it.
public struct PluginStatus: Sendable, Equatable {
    public enum State: Sendable, Equatable {
        /// Its commands are ready; `running` when its process is up.
        case ready(running: Bool)
        /// Disabled, with the reason (the end of a sentence that starts with its name).
        case disabled(reason: String)
        /// It cannot be run (not executable).
        case unusable(reason: String)

        /// `ready`, `running`, `disabled` or `unusable`.
        public var name: String {
            switch self {
            case .ready(let running): return running ? "running" : "ready"
            case .disabled: return "disabled"
            case .unusable: return "unusable"
            }
        }

        /// Why it is disabled or unusable.
        public var reason: String? {
            switch self {
            case .ready: return nil
            case .disabled(let reason), .unusable(let reason): return reason
            }
        }
    }

    public var name: String
    public var version: String?
    public var path: String
    /// Where it was found: `workspace`, `dossier` (beside the executable) or `path`.
    public var origin: String
    public var state: State
    public var commands: [String]
    /// Commands left out because a built-in command or another plugin has the name.
    public var refused: [String]
    /// Executables of the same name passed over for this one.
    public var shadowed: [String]
    /// The last of what it wrote to standard error.
    public var stderr: String
}

extension PluginHost {
    /// Every plugin found, in search order, with executables that cannot be run last.
    public var statuses: [PluginStatus] {
        plugins.map { plugin in
            let state: PluginStatus.State = plugin.failure.map { .disabled(reason: $0) } ?? .ready(running: plugin.isRunning)
            return PluginStatus(
                name: plugin.name, version: plugin.version, path: plugin.candidate.url.path,
                origin: plugin.candidate.folder.kind.rawValue, state: state, commands: plugin.commands.map(\.name),
                refused: plugin.refused, shadowed: plugin.shadowed.map(\.path), stderr: plugin.currentStderr)
        } + unusableCandidates.map { candidate in
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
