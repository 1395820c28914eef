/// Errors of the REPL itself: the line, the command or a reference could not be used.
/// Each message names the input and says what to do.
public enum REPLError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownCommand(String, suggestions: [String])
    case unknownSubcommand(command: String, given: String, suggestions: [String])
    case missingSubcommand(command: String)
    case unknownOption(command: String, given: String, suggestions: [String])
    /// `values`: the values the option accepts, when it names them (`--by year|month`).
    case missingOptionValue(command: String, option: String, values: [String])
    case unclosedQuote(position: Int)
    case usage(command: String, message: String, usage: String)
    case noResults
    case noSuchResult(number: Int, first: Int, count: Int)
    case unknownReference(String)
    case interrupted
    case failed(String)

    public var description: String {
        switch self {
        case .unknownCommand(let name, let suggestions):
            return "Unknown command '\(name)'." + Self.didYouMean(suggestions)
                + (suggestions.isEmpty ? " Type 'help' to see the commands." : "")
        case .unknownSubcommand(let command, let given, let suggestions):
            return "Unknown subcommand '\(given)' of '\(command)'." + Self.didYouMean(suggestions)
                + (suggestions.isEmpty ? " Type 'help \(command)' to see its subcommands." : "")
        case .missingSubcommand(let command):
            return "'\(command)' needs a subcommand. Type 'help \(command)' to see them."
        case .unknownOption(let command, let given, let suggestions):
            return "Unknown option '\(given)' for '\(command)'." + Self.didYouMean(suggestions)
                + (suggestions.isEmpty ? " Type 'help \(command)' to see its options." : "")
        case .missingOptionValue(let command, let option, let values) where !values.isEmpty:
            let choices = values.count == 1 ? values[0] : values.dropLast().joined(separator: ", ") + " or " + values.last!
            return "Option '\(option)' of '\(command)' needs a value: \(choices), e.g. '\(option) \(values[0])'."
        case .missingOptionValue(let command, let option, _):
            return "Option '\(option)' of '\(command)' needs a value, e.g. '\(option) 10'. Type 'help \(command)' for details."
        case .unclosedQuote(let position):
            return "The quote at position \(position + 1) is never closed. Add the closing quote, or escape it with '\\'."
        case .usage(let command, let message, let usage):
            let trimmed = message.hasSuffix(".") ? message : message + "."
            return "\(trimmed)\nUsage: \(usage)\nType 'help \(command)' for details and examples."
        case .noResults:
            return "There are no results to refer to yet. Run 'search' first, or give a document id."
        case .noSuchResult(_, _, let count) where count == 0:
            return "The last listing had no results. Run another search, or give a document id."
        case .noSuchResult(let number, let first, let count):
            let last = first + count - 1
            let had = first == 1 ? "had \(count)" : "showed \(first)–\(last)"
            return
                "There is no result \(number); the last listing \(had). Use a number from \(first) to \(last), or a document id."
        case .unknownReference(let ref):
            return "No document has the id '\(ref)'. Use a result number from the last listing, or an id as 'show' prints it."
        case .interrupted:
            return "Interrupted; nothing was changed."
        case .failed(let message):
            return message
        }
    }

    static func didYouMean(_ suggestions: [String]) -> String {
        guard let first = suggestions.first else { return "" }
        if suggestions.count == 1 { return " Did you mean '\(first)'?" }
        let quoted = suggestions.prefix(3).map { "'\($0)'" }
        return " Did you mean " + quoted.dropLast().joined(separator: ", ") + " or " + quoted.last! + "?"
    }
}
