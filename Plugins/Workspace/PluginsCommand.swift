import ArgumentParser
import DocumentStore
import DossierProtocol
import REPLCore

/// `plugins`: the external plugins found, and `plugins reload`.
struct PluginsCommand: DossierCommandGroup {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List the external plugins (version, path, state), or reload them.",
        discussion: """
            A plugin is an executable named dossier-plugin-NAME in the workspace's Plugins/ \
            folder, in the folder of the dossier executable, or on PATH (the first of a name \
            wins); its commands join 'help' like built-in ones. Their signatures are kept in \
            .dossier/plugins.json and asked again only when the executable changes, so \
            start-up does not launch plugins. A plugin that crashes, hangs, prints what is \
            not a protocol message or breaks the protocol is stopped and disabled; 'plugins' \
            shows why and what it wrote to stderr. The protocol is in Plugins/PROTOCOL.md.
            """,
        subcommands: [List.self, Reload.self],
        defaultSubcommand: List.self)

    static let examples = ["plugins", "plugins reload"]

    struct List: DossierCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the plugins found: name, version, state, commands and path.")
        static let examples = ["plugins list --json"]

        func run(in context: CommandContext) async throws -> any CommandOutput {
            guard let host = context.plugins else {
                return PluginListing(
                    plugins: [], folders: [], heading: "External plugins are not loaded in this dossier.", notes: [])
            }
            return PluginsCommand.listing(host.statuses, host: host, heading: nil)
        }
    }

    struct Reload: DossierCommand {
        static let configuration = CommandConfiguration(
            commandName: "reload",
            abstract: "Stop every plugin, forget their cached signatures and find them again (disabled ones get another try).")

        func run(in context: CommandContext) async throws -> any CommandOutput {
            guard let host = context.plugins else {
                return PluginListing(
                    plugins: [], folders: [], heading: "External plugins are not loaded in this dossier.", notes: [])
            }
            let problems = await host.reload()
            let statuses = host.statuses
            let ready = statuses.filter { if case .ready = $0.state { return true } else { return false } }.count
            var heading = "Reloaded: \(ready.counted("plugin")) ready"
            heading += problems.isEmpty ? "." : ", \(problems.count) disabled."
            return PluginsCommand.listing(statuses, host: host, heading: heading)
        }
    }

    static func listing(_ statuses: [PluginStatus], host: any PluginService, heading: String?) -> any CommandOutput {
        let folders = host.searchedFolders.map { "\($0.path) (\($0.kind))" }
        var footer = [String]()
        for status in statuses {
            var lines: [String] = []
            switch status.state {
            case .disabled(let reason): lines.append("\(status.name): disabled, it \(reason).")
            case .unusable(let reason): lines.append("\(status.name): cannot be run: \(reason).")
            case .ready: break
            }
            if !status.refused.isEmpty {
                lines.append(
                    "\(status.name): left out \(status.refused.map { "'\($0)'" }.joined(separator: ", ")), a name another command has."
                )
            }
            for path in status.shadowed { lines.append("\(status.name): \(path) is passed over for \(status.path).") }
            if case .disabled = status.state, !status.stderr.isEmpty {
                let tail = status.stderr.split(separator: "\n").suffix(5).map { "    " + $0 }
                lines.append("\(status.name) wrote to stderr (last lines):")
                lines += tail
            }
            footer += lines
        }
        footer.append(
            statuses.isEmpty
                ? "No plugins found. Put an executable named dossier-plugin-NAME in one of: "
                    + folders.prefix(2).joined(separator: ", ") + " or a folder on PATH."
                : "'help COMMAND' explains a plugin's command; 'plugins reload' finds them again.")
        return PluginListing(plugins: statuses, folders: host.searchedFolders, heading: heading, notes: footer)
    }
}

/// What `plugins` lists: a table of the plugins, then notes a line each (reasons, stderr,
/// hints); `--json` gives each plugin's status and the folders searched.
struct PluginListing: CommandResult {
    var plugins: [PluginStatus]
    var folders: [PluginStatus.Folder]
    var heading: String?
    var notes: [String]

    enum CodingKeys: String, CodingKey {
        case plugins, folders
    }

    enum PluginKeys: String, CodingKey {
        case name, version, path, state, reason, commands, stderr
        case foundIn = "found_in"
        case leftOut = "left_out"
        case passedOver = "passed_over"
    }

    enum FolderKeys: String, CodingKey {
        case path, kind
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        var list = container.nestedUnkeyedContainer(forKey: .plugins)
        for status in plugins {
            var entry = list.nestedContainer(keyedBy: PluginKeys.self)
            try entry.encode(status.name, forKey: .name)
            try entry.encode(status.version, forKey: .version)
            try entry.encode(status.path, forKey: .path)
            try entry.encode(status.origin, forKey: .foundIn)
            try entry.encode(status.state.name, forKey: .state)
            try entry.encode(status.state.reason, forKey: .reason)
            try entry.encode(status.commands, forKey: .commands)
            try entry.encode(status.refused, forKey: .leftOut)
            try entry.encode(status.shadowed, forKey: .passedOver)
            try entry.encode(status.stderr, forKey: .stderr)
        }
        var searched = container.nestedUnkeyedContainer(forKey: .folders)
        for folder in folders {
            var entry = searched.nestedContainer(keyedBy: FolderKeys.self)
            try entry.encode(folder.path, forKey: .path)
            try entry.encode(folder.kind, forKey: .kind)
        }
    }

    func text(in style: TextStyle) -> String {
        guard !plugins.isEmpty else {
            return Message(([heading].compactMap { $0 } + notes).joined(separator: "\n")).text(in: style)
        }
        let rows = plugins.map { status in
            [status.name, status.version ?? "–", status.state.name, status.commands.joined(separator: ", "), status.path]
        }
        let table = Table(heading: heading, columns: ["Plugin", "Version", "State", "Commands", "Path"], rows: rows)
        let lines = notes.flatMap { note in
            note.hasPrefix("    ") ? [style.dim(note)] : Wrapping.wrap(note, width: style.width, indent: "  ", firstIndent: "")
        }
        return ([table.text(in: style), ""] + lines).joined(separator: "\n")
    }
}
