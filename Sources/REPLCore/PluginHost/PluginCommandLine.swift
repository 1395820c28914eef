import DocumentStore
import PluginKit

extension CommandSignature {
    /// What the REPL knows of a plugin's command: the same shape as a built-in's, so that
    /// `help`, completion and the line parser treat both alike.
    init(plugin spec: PluginCommandSpec) {
        self.init(
            name: spec.name, abstract: spec.abstract, discussion: spec.discussion,
            arguments: spec.arguments.map {
                Argument(name: $0.name, help: $0.help, isOptional: $0.optional, isRepeating: $0.repeating)
            },
            options: spec.options.map { option in
                Option(
                    names: ["--" + option.name] + (option.short.map { ["-" + $0] } ?? []).filter { _ in !spec.freeText },
                    takesValue: !option.flag,
                    valueName: option.flag ? nil : (option.value ?? option.name), values: option.choices, help: option.help)
            },
            examples: spec.examples, takesFreeText: spec.freeText)
    }
}

/// A plugin command's line, parsed by its signature into the `arguments` and `options` of
/// a call; and its usage and help, laid out as the built-in commands' are.
enum PluginCommandLine {
    /// Parses what `Invocation` made of the line: options (`--name=value`, `--flag`,
    /// `-n VALUE`), then positional words, or for a free-text command `--` and the text.
    static func parse(
        _ words: [String], spec: PluginCommandSpec
    ) throws(REPLError) -> (arguments: [String: JSONValue], options: [String: JSONValue]) {
        func fail(_ message: String) -> REPLError {
            .usage(command: spec.name, message: message, usage: usage(spec))
        }
        var options: [String: JSONValue] = [:]
        var positionals: [String] = []
        var verbatim: String?
        var index = 0
        var afterTerminator = false
        while index < words.count {
            let word = words[index]
            index += 1
            if afterTerminator {
                if spec.freeText { verbatim = (verbatim.map { $0 + " " } ?? "") + word } else { positionals.append(word) }
                continue
            }
            if word == "--" {
                afterTerminator = true
                continue
            }
            let option: PluginCommandSpec.Option
            var inline: String?
            if word.hasPrefix("--"), word.count > 2 {
                let body = word.dropFirst(2)
                let name = body.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
                if let equals = body.firstIndex(of: "=") { inline = String(body[body.index(after: equals)...]) }
                guard let named = spec.options.first(where: { $0.name == name }) else { throw fail("Unknown option '--\(name)'") }
                option = named
            } else if word.count == 2, word.hasPrefix("-"), word.last!.isLetter, !spec.freeText {
                guard let named = spec.options.first(where: { $0.short == String(word.last!) }) else {
                    throw fail("Unknown option '\(word)'")
                }
                option = named
            } else {
                positionals.append(word)
                continue
            }
            if option.flag {
                guard inline == nil else { throw fail("'--\(option.name)' takes no value") }
                options[option.name] = .bool(true)
                continue
            }
            guard let value = inline ?? (index < words.count ? words[index] : nil) else {
                throw .missingOptionValue(command: spec.name, option: "--" + option.name, values: option.choices)
            }
            if inline == nil { index += 1 }
            if !option.choices.isEmpty, !option.choices.contains(value) {
                throw fail("'\(value)' is not a value of '--\(option.name)'; use one of: " + option.choices.joined(separator: ", "))
            }
            options[option.name] = .string(value)
        }
        for option in spec.options where options[option.name] == nil {
            if let value = option.defaultValue { options[option.name] = .string(value) }
        }

        // A free-text command's text fills its arguments: a word each, the rest to the last.
        if let verbatim {
            var rest = Substring(verbatim)
            for _ in spec.arguments.dropLast() {
                rest = rest.drop(while: \.isWhitespace)
                let word = rest.prefix { !$0.isWhitespace }
                guard !word.isEmpty else { break }
                positionals.append(String(word))
                rest = rest.dropFirst(word.count)
            }
            let last = rest.trimmingCharacters(in: .whitespaces)
            if !last.isEmpty { positionals.append(last) }
        }
        var arguments: [String: JSONValue] = [:]
        // Only the last argument may repeat (the signature is checked for it).
        for (position, argument) in spec.arguments.enumerated() {
            if position >= positionals.count {
                guard argument.optional else {
                    throw fail("Missing <\(argument.name)>" + (argument.help.isEmpty ? "" : ": \(argument.help.lowercasedFirst)"))
                }
                continue
            }
            if argument.repeating {
                arguments[argument.name] = .array(positionals[position...].map(JSONValue.string))
            } else {
                arguments[argument.name] = .string(positionals[position])
            }
        }
        let taken = spec.arguments.last?.repeating == true ? positionals.count : spec.arguments.count
        if positionals.count > taken {
            let extra = positionals[taken]
            throw fail(spec.arguments.isEmpty
                ? "'\(spec.name)' takes no arguments, but was given '\(extra)'"
                : "Unexpected argument '\(extra)'")
        }
        return (arguments, options)
    }

    /// `wordfreq <query> [--limit <n>] [--all]`
    static func usage(_ spec: PluginCommandSpec) -> String {
        var parts = [spec.name]
        for argument in spec.arguments {
            var part = "<\(argument.name)>"
            if argument.repeating { part += " ..." }
            parts.append(argument.optional ? "[\(part)]" : part)
        }
        for option in spec.options {
            parts.append(option.flag ? "[--\(option.name)]" : "[--\(option.name) <\(option.value ?? option.name)>]")
        }
        return parts.joined(separator: " ")
    }

    /// The help screen: overview, usage, arguments and options, and where the command
    /// comes from.
    static func help(_ spec: PluginCommandSpec, plugin: String, width: Int) -> String {
        var lines = Wrapping.wrap("OVERVIEW: " + spec.abstract, width: width)
        if !spec.discussion.isEmpty {
            lines.append("")
            for paragraph in spec.discussion.split(separator: "\n", omittingEmptySubsequences: false) {
                lines += Wrapping.wrap(String(paragraph), width: width)
            }
        }
        lines += ["", "USAGE: " + usage(spec)]
        let rows: [(String, String)] = spec.arguments.map { ("<\($0.name)>", $0.help) }
        var optionRows: [(String, String)] = spec.options.map { option in
            var label = spec.freeText ? "" : option.short.map { "-\($0), " } ?? ""
            label += "--" + option.name + (option.flag ? "" : " <\(option.value ?? option.name)>")
            var help = option.help
            if !option.choices.isEmpty { help += " (values: \(option.choices.joined(separator: ", ")))" }
            if let value = option.defaultValue { help += " (default: \(value))" }
            return (label, help)
        }
        optionRows.append(("-h, --help", "Show help information."))
        let labelWidth = min(26, (rows + optionRows).map { $0.0.count }.max() ?? 0) + 4
        let indent = String(repeating: " ", count: labelWidth)
        func section(_ title: String, _ rows: [(String, String)]) {
            guard !rows.isEmpty else { return }
            lines += ["", title]
            for (label, help) in rows {
                let wrapped = Wrapping.wrap(help, width: width, indent: indent, firstIndent: indent)
                if label.count + 2 >= labelWidth {
                    lines.append("  " + label)
                    lines += wrapped.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                } else {
                    lines.append(Wrapping.pad("  " + label, to: labelWidth) + wrapped[0].dropFirst(labelWidth))
                    lines += wrapped.dropFirst()
                }
            }
        }
        section("ARGUMENTS:", rows)
        section("OPTIONS:", optionRows)
        lines += [""] + Wrapping.wrap("From the plugin " + plugin + ".", width: width)
        return lines.joined(separator: "\n")
    }
}

extension String {
    fileprivate var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
