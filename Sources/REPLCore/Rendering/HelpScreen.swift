import DossierProtocol

/// The help of a command, built-in or a plugin's, laid out from its signature alone: one
/// renderer, so that every command's help looks the same.
enum HelpScreen {
    /// The column where an option's or argument's help starts.
    private static let labelWidth = 26

    /// `search <query> [--limit <limit>] [--why]`; `session <subcommand>` for a command
    /// that only groups subcommands.
    static func usage(_ leaf: CommandSignature, command: String) -> String {
        var parts = [command]
        if !leaf.subcommands.isEmpty && leaf.arguments.isEmpty && leaf.options.isEmpty {
            return command + " <subcommand>"
        }
        for argument in leaf.arguments {
            var part = "<\(argument.name)>"
            if argument.repeating { part += " ..." }
            parts.append(argument.optional ? "[\(part)]" : part)
        }
        for option in leaf.options {
            parts.append(option.flag ? "[--\(option.name)]" : "[--\(option.name) <\(option.valueName)>]")
        }
        return parts.joined(separator: " ")
    }

    /// The help screen of `signature`'s subcommand at `path`: overview, discussion, usage,
    /// arguments, options, subcommands, the options every command shares, examples, and
    /// where the command comes from when it is not built in (`origin`).
    static func screen(for signature: CommandSignature, path: [String], origin: String?, width: Int) -> String {
        let leaf = signature.subcommand(at: path) ?? signature
        let command = ([signature.name] + path).joined(separator: " ")
        var lines = Wrapping.wrap("OVERVIEW: " + leaf.abstract, width: width)
        if !leaf.discussion.isEmpty {
            lines.append("")
            for paragraph in leaf.discussion.split(separator: "\n", omittingEmptySubsequences: false) {
                lines += Wrapping.wrap(String(paragraph), width: width)
            }
        }
        lines += [""] + Wrapping.wrap("USAGE: " + usage(leaf, command: command), width: width, indent: "  ", firstIndent: "")

        let arguments = leaf.arguments.map { ("<\($0.name)>" + ($0.repeating ? " ..." : ""), $0.help) }
        let options =
            leaf.options.map { option in
                var label = leaf.freeText ? "" : option.short.map { "-\($0), " } ?? ""
                label += "--" + option.name + (option.flag ? "" : " <\(option.valueName)>")
                var notes: [String] = []
                if !option.choices.isEmpty { notes.append("values: " + option.choices.joined(separator: ", ")) }
                if let value = option.defaultValue, !value.isEmpty { notes.append("default: " + value) }
                let help = notes.isEmpty ? option.help : option.help + " (\(notes.joined(separator: "; ")))"
                return (label, help)
            } + [("-h, --help", "Show help information.")]
        let subcommands = leaf.subcommands.map { subcommand in
            (subcommand.name + (subcommand.name == leaf.defaultSubcommand ? " (default)" : ""), subcommand.abstract)
        }
        lines += section("ARGUMENTS:", arguments, width: width)
        lines += section("OPTIONS:", options, width: width)
        lines += section("SUBCOMMANDS:", subcommands, width: width)
        if !subcommands.isEmpty {
            lines +=
                [""]
                + Wrapping.wrap(
                    "Type 'help \(command) SUBCOMMAND' for a subcommand's options and examples.", width: width, indent: "  ",
                    firstIndent: "  ")
        }

        var notes = ["Every command also takes --json, to print machine-readable JSON instead of text."]
        if leaf.freeText {
            notes.append(
                "The text after the command is taken as typed: quotes, -word and #tag included; only the options above are taken out of it."
            )
        }
        lines += [""] + notes.flatMap { Wrapping.wrap($0, width: width) }
        if !leaf.examples.isEmpty {
            lines += ["", "EXAMPLES:"] + leaf.examples.map { "  " + $0 }
        }
        if let origin {
            lines += [""] + Wrapping.wrap("From the plugin " + origin + ".", width: width)
        }
        return lines.joined(separator: "\n")
    }

    /// A titled list of labels and their help, the help in a column of its own.
    private static func section(_ title: String, _ rows: [(String, String)], width: Int) -> [String] {
        guard !rows.isEmpty else { return [] }
        var lines = ["", title]
        let indent = String(repeating: " ", count: labelWidth)
        for (label, help) in rows {
            let wrapped = Wrapping.wrap(help, width: width, indent: indent, firstIndent: indent)
            if label.count + 4 > labelWidth {
                lines.append("  " + label)
                lines += wrapped.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            } else {
                lines.append(Wrapping.pad("  " + label, to: labelWidth) + wrapped[0].dropFirst(labelWidth))
                lines += wrapped.dropFirst()
            }
        }
        return lines
    }
}
