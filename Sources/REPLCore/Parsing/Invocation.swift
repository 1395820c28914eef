import DossierProtocol
import Foundation
import TextAnalysis

/// A command line parsed by its command's signature: the one parser of command lines.
/// Built-in commands get it back as arguments for swift-argument-parser (`arguments`);
/// plugins' commands get it as the `arguments` and `options` of a call (`call(for:)`).
public struct Invocation: Sendable, Equatable {
    /// Subcommand names after the command name (`["new"]` for `session new plenum`).
    public var path: [String]
    /// The options given, by canonical name (`limit` for `--limit` and `-n`), with their
    /// values in the order given; a flag's list is empty.
    public var options: [String: [String]]
    /// The positional words, for a command that does not take free text.
    public var positionals: [String]
    /// A free-text command's text, verbatim, less its options; nil when there is none.
    public var text: String?
    public var json: Bool
    public var help: Bool

    public init(
        path: [String] = [], options: [String: [String]] = [:], positionals: [String] = [], text: String? = nil,
        json: Bool = false, help: Bool = false
    ) {
        self.path = path
        self.options = options
        self.positionals = positionals
        self.text = text
        self.json = json
        self.help = help
    }

    /// Options every command accepts, handled by REPLCore itself.
    public static let sharedOptions = [
        CommandSignature.Option("json", flag: true, help: "Print machine-readable JSON instead of text."),
        CommandSignature.Option("help", short: "h", flag: true, help: "Show help for this command."),
    ]

    /// The line as swift-argument-parser reads it: the subcommand names, the options (a
    /// value joined with '=', so that one starting with a dash is no option), then the
    /// positionals after `--` when one looks like an option, or `--` and the free text.
    public var arguments: [String] {
        var words = path
        for name in options.keys.sorted() {
            let values = options[name]!
            if values.isEmpty { words.append("--" + name) }
            words += values.map { "--\(name)=\($0)" }
        }
        if let text {
            words += ["--", text]
        } else {
            if positionals.contains(where: { $0.hasPrefix("-") }) { words.append("--") }
            words += positionals
        }
        return words
    }

    /// Takes apart `rest`, the line after the command name, for `signature`.
    public static func parse(_ rest: String, for signature: CommandSignature) throws(REPLError) -> Invocation {
        var words = try LineTokenizer.words(rest, allowUnclosed: true)
        var leaf = signature
        var path: [String] = []
        while !leaf.subcommands.isEmpty {
            let first = words.first
            if let first, first.text == "--help" || first.text == "-h" { break }
            if let defaultName = leaf.defaultSubcommand,
                first == nil || first!.text.hasPrefix("-") || leaf.subcommand(named: first!.text) == nil,
                let fallback = leaf.subcommand(named: defaultName)
            {
                // The default subcommand takes the line as it is (`note 3 TEXT`, `notes --tag x`).
                path.append(fallback.name)
                leaf = fallback
                break
            }
            guard let first, !first.text.hasPrefix("-") else { break }
            guard let next = leaf.subcommand(named: first.text) else {
                throw .unknownSubcommand(
                    command: ([signature.name] + path).joined(separator: " "), given: first.text,
                    suggestions: EditDistance.suggestions(for: first.text, among: leaf.subcommands.map(\.name)))
            }
            path.append(next.name)
            leaf = next
            words.removeFirst()
        }
        var parser = Parser(command: ([signature.name] + path).joined(separator: " "), leaf: leaf)
        parser.invocation.path = path
        if leaf.freeText {
            try parser.takeFreeText(rest, words: words)
        } else {
            try parser.takeWords(rest, words: words)
        }
        return parser.invocation
    }

    /// The line as a plugin's call: arguments by name (a repeating one as an array), options
    /// by name (a flag as `true`, an option's last value, else its default), checked against
    /// the signature's choices and argument counts.
    public func call(for leaf: CommandSignature, command: String) throws(REPLError)
        -> (arguments: [String: JSONValue], options: [String: JSONValue])
    {
        func fail(_ message: String) -> REPLError {
            .usage(command: command, message: message, usage: HelpScreen.usage(leaf, command: command))
        }
        var options: [String: JSONValue] = [:]
        for option in leaf.options {
            if let values = self.options[option.name] {
                if option.flag {
                    options[option.name] = .bool(true)
                    continue
                }
                let value = values.last ?? ""
                if !option.choices.isEmpty, !option.choices.contains(value) {
                    throw fail(
                        "'\(value)' is not a value of '--\(option.name)'; use one of: " + option.choices.joined(separator: ", "))
                }
                options[option.name] = .string(value)
            } else if let value = option.defaultValue {
                options[option.name] = .string(value)
            }
        }
        var positionals = self.positionals
        // A free-text command's text fills its arguments: a word each, the rest to the last.
        if let text {
            var rest = Substring(text)
            for _ in leaf.arguments.dropLast() {
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
        for (position, argument) in leaf.arguments.enumerated() {
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
        let taken = leaf.arguments.last?.repeating == true ? positionals.count : leaf.arguments.count
        if positionals.count > taken {
            let extra = positionals[taken]
            throw fail(
                leaf.arguments.isEmpty
                    ? "'\(command)' takes no arguments, but was given '\(extra)'" : "Unexpected argument '\(extra)'")
        }
        return (arguments, options)
    }
}

/// The state of parsing one line's words for one (sub)command.
private struct Parser {
    let command: String
    let leaf: CommandSignature
    var invocation = Invocation()

    init(command: String, leaf: CommandSignature) {
        self.command = command
        self.leaf = leaf
    }

    /// A free-text command: only `--name` words (unquoted) are options; the rest of the line
    /// is the text as typed, with the white space after each removed option taken with it.
    mutating func takeFreeText(_ rest: String, words: [LineTokenizer.Word]) throws(REPLError) {
        let characters = Array(rest)
        let textStart = words.first?.range.lowerBound ?? characters.count
        var removed: [Range<Int>] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            guard !word.wasQuoted, word.text.hasPrefix("--"), word.text.count > 2,
                word.text.dropFirst(2).first?.isLetter == true
            else { continue }
            removed.append(word.range)
            let (name, inlineValue) = splitInline(word.text)
            guard let option = try option(name) else { continue }
            if option.flag || inlineValue != nil {
                try take(option, inlineValue, as: name)
            } else if index < words.count {
                try take(option, words[index].text, as: name)
                removed.append(words[index].range)
                index += 1
            } else {
                throw .missingOptionValue(command: command, option: name, values: option.choices)
            }
        }
        var text = ""
        var position = textStart
        for range in removed.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            text += String(characters[position..<range.lowerBound])
            position = range.upperBound
            while position < characters.count, characters[position].isWhitespace { position += 1 }
        }
        text += String(characters[min(position, characters.count)...])
        let verbatim = text.trimmingCharacters(in: .whitespaces)
        if !verbatim.isEmpty { invocation.text = verbatim }
    }

    /// Any other command: shell-like words; `--name`, `--name=value`, `--name VALUE`,
    /// `-n VALUE` are options until a `--`, and a quoted word is never one.
    mutating func takeWords(_ rest: String, words: [LineTokenizer.Word]) throws(REPLError) {
        if let unclosed = words.last, unclosed.range.upperBound == rest.count,
            rest.filter({ $0 == "\"" }).count % 2 == 1 || rest.filter({ $0 == "'" }).count % 2 == 1
        {
            // Let the shell rules report the position of the unclosed quote.
            _ = try LineTokenizer.words(rest)
        }
        var afterTerminator = false
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            if afterTerminator || word.wasQuoted || !looksLikeOption(word.text) {
                if word.text == "--" && !word.wasQuoted && !afterTerminator {
                    afterTerminator = true
                } else {
                    invocation.positionals.append(word.text)
                }
                continue
            }
            let (name, inlineValue) = splitInline(word.text)
            guard let option = try option(name) else { continue }
            if option.flag || inlineValue != nil {
                try take(option, inlineValue, as: name)
            } else if index < words.count {
                // The value, even one that starts with a dash.
                try take(option, words[index].text, as: name)
                index += 1
            } else {
                throw .missingOptionValue(command: command, option: name, values: option.choices)
            }
        }
    }

    /// The command's option called `name` as typed; nil for `--json` and `--help`, which
    /// are noted on the invocation.
    private mutating func option(_ name: String) throws(REPLError) -> CommandSignature.Option? {
        switch name {
        case "--json":
            invocation.json = true
            return nil
        case "--help", "-h":
            invocation.help = true
            return nil
        default:
            guard let option = leaf.option(named: name) else { throw unknownOption(name) }
            return option
        }
    }

    private mutating func take(_ option: CommandSignature.Option, _ value: String?, as typed: String) throws(REPLError) {
        if option.flag {
            guard value == nil else {
                throw .usage(
                    command: command, message: "'\(typed)' takes no value", usage: HelpScreen.usage(leaf, command: command))
            }
            invocation.options[option.name, default: []] = invocation.options[option.name] ?? []
        } else {
            invocation.options[option.name, default: []].append(value ?? "")
        }
    }

    private func looksLikeOption(_ text: String) -> Bool {
        if text.hasPrefix("--") { return text.count > 2 }
        if text.hasPrefix("-"), let next = text.dropFirst().first { return next.isLetter }
        return false
    }

    private func splitInline(_ text: String) -> (String, String?) {
        guard text.hasPrefix("--"), let equals = text.firstIndex(of: "=") else { return (text, nil) }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }

    private func unknownOption(_ name: String) -> REPLError {
        let known = (leaf.options + Invocation.sharedOptions).map(\.name)
        let suggestions = EditDistance.suggestions(for: String(name.drop(while: { $0 == "-" })), among: known).map { "--" + $0 }
        return .unknownOption(command: command, given: name, suggestions: Array(suggestions.prefix(3)))
    }
}

extension String {
    fileprivate var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
