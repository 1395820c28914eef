import Foundation
import TextAnalysis

/// A command line taken apart for one command: which subcommand it names, the arguments to
/// parse, and the flags every command shares (`--json`, `--help`).
public struct Invocation: Sendable, Equatable {
    /// Subcommand names after the command name (`["new"]` for `session new plenum`).
    public var path: [String]
    /// What the command parses: the subcommand names, then its arguments; for a free-text
    /// command, its flags, then `--` and the text verbatim.
    public var arguments: [String]
    public var json: Bool
    public var help: Bool

    /// Options every command accepts, handled by REPLCore itself.
    public static let sharedOptions = [
        CommandSignature.Option(names: ["--json"], takesValue: false, help: "Print machine-readable JSON instead of text."),
        CommandSignature.Option(names: ["--help", "-h"], takesValue: false, help: "Show help for this command."),
    ]

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
        let commandName = ([signature.name] + path).joined(separator: " ")
        var invocation = Invocation(path: path, arguments: path, json: false, help: false)

        if leaf.takesFreeText {
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
                let (name, inlineValue) = splitInline(word.text)
                removed.append(word.range)
                if try takeShared(name, into: &invocation) { continue }
                guard let option = leaf.option(named: name) else {
                    throw unknownOption(name, leaf: leaf, command: commandName)
                }
                if option.takesValue {
                    // Joined with '=', so that a value starting with a dash (`--sort -date`)
                    // is not read as an option.
                    if let inlineValue {
                        invocation.arguments.append("\(name)=\(inlineValue)")
                    } else if index < words.count {
                        invocation.arguments.append("\(name)=\(words[index].text)")
                        removed.append(words[index].range)
                        index += 1
                    } else {
                        throw .missingOptionValue(command: commandName, option: name, values: option.values)
                    }
                } else {
                    invocation.arguments.append(name)
                }
            }
            var text = ""
            var position = textStart
            for range in removed.sorted(by: { $0.lowerBound < $1.lowerBound }) {
                text += String(characters[position..<range.lowerBound])
                // Take the white space after a removed flag with it, so no gap is left.
                position = range.upperBound
                while position < characters.count, characters[position].isWhitespace { position += 1 }
            }
            text += String(characters[min(position, characters.count)...])
            let verbatim = text.trimmingCharacters(in: .whitespaces)
            if !verbatim.isEmpty { invocation.arguments += ["--", verbatim] }
            return invocation
        }

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
                if word.text == "--" && !word.wasQuoted { afterTerminator = true }
                invocation.arguments.append(word.text)
                continue
            }
            let (name, inlineValue) = splitInline(word.text)
            if try takeShared(name, into: &invocation) { continue }
            guard let option = leaf.option(named: name) else {
                throw unknownOption(name, leaf: leaf, command: commandName)
            }
            if option.takesValue, inlineValue == nil, index < words.count, name.hasPrefix("--") {
                // The value, even one that starts with a dash.
                invocation.arguments.append("\(name)=\(words[index].text)")
                index += 1
            } else {
                invocation.arguments.append(word.text)
            }
        }
        return invocation
    }

    private static func looksLikeOption(_ text: String) -> Bool {
        if text.hasPrefix("--") { return text.count > 2 }
        if text.hasPrefix("-"), let next = text.dropFirst().first { return next.isLetter }
        return false
    }

    private static func splitInline(_ text: String) -> (String, String?) {
        guard text.hasPrefix("--"), let equals = text.firstIndex(of: "=") else { return (text, nil) }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }

    private static func takeShared(_ name: String, into invocation: inout Invocation) throws(REPLError) -> Bool {
        switch name {
        case "--json": invocation.json = true
        case "--help", "-h": invocation.help = true
        default: return false
        }
        return true
    }

    private static func unknownOption(_ name: String, leaf: CommandSignature, command: String) -> REPLError {
        let known = (leaf.options + sharedOptions).flatMap(\.names).filter { $0.hasPrefix("--") }
        let suggestions = EditDistance.suggestions(
            for: String(name.drop(while: { $0 == "-" })), among: known.map { String($0.dropFirst(2)) }
        ).map { "--" + $0 }
        return .unknownOption(command: command, given: name, suggestions: Array(suggestions.prefix(3)))
    }
}
