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
                return Message("External plugins are not loaded in this dossier.", data: ["plugins": []])
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
                return Message("External plugins are not loaded in this dossier.", data: ["plugins": []])
            }
            let problems = host.reload()
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
        let rows = statuses.map { status in
            [status.name, status.version ?? "–", status.state.name, status.commands.joined(separator: ", "), status.path]
        }
        let data: JSONValue = [
            "plugins": .array(
                statuses.map { status in
                    [
                        "name": .string(status.name), "version": status.version.map(JSONValue.string) ?? .null,
                        "path": .string(status.path), "found_in": .string(status.origin), "state": .string(status.state.name),
                        "reason": status.state.reason.map(JSONValue.string) ?? .null,
                        "commands": .array(status.commands.map(JSONValue.string)),
                        "left_out": .array(status.refused.map(JSONValue.string)),
                        "passed_over": .array(status.shadowed.map(JSONValue.string)), "stderr": .string(status.stderr),
                    ]
                }),
            "folders": .array(host.searchedFolders.map { ["path": .string($0.path), "kind": .string($0.kind)] }),
        ]
        guard !statuses.isEmpty else {
            return Message(([heading].compactMap { $0 } + footer).joined(separator: "\n"), data: data)
        }
        let table = Table(heading: heading, columns: ["Plugin", "Version", "State", "Commands", "Path"], rows: rows, data: data)
        return Listing(table: table, notes: footer)
    }

    /// The table, then notes a line each (reasons, stderr, hints).
    struct Listing: CommandOutput {
        var table: Table
        var notes: [String]

        func text(in style: TextStyle) -> String {
            let notes = notes.flatMap { note in
                note.hasPrefix("    ")
                    ? [style.dim(note)] : Wrapping.wrap(note, width: style.width, indent: "  ", firstIndent: "")
            }
            return ([table.text(in: style), ""] + notes).joined(separator: "\n")
        }

        var json: JSONValue { table.data }
    }
}
