import Foundation
import TextAnalysis

/// A parsed search query, compiled to an FTS5 expression in which every term is quoted, so
/// that no user input can produce an SQLite or FTS5 syntax error.
///
/// The language: words (all must match), `"exact phrases"`, `prefix*`, and `-word` to
/// exclude a word. Words are matched without regard to case or diacritics; a word with an
/// apostrophe (`Ch’oe`) matches it written with or without one.
public struct SearchQuery: Sendable, Equatable {
    /// The query as the user typed it.
    public let text: String
    /// The FTS5 MATCH expression.
    public let match: String

    public static func parse(_ text: String) throws(QueryError) -> SearchQuery {
        var positives: [String] = []
        var negatives: [String] = []
        let characters = Array(text)
        var index = 0

        func error(_ at: Int, _ problem: String, _ fix: String) -> QueryError {
            QueryError(query: text, position: at, problem: problem, fix: fix)
        }

        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                index += 1
                continue
            }
            let start = index
            var negated = false
            if character == "-", index + 1 < characters.count, !characters[index + 1].isWhitespace {
                negated = true
                index += 1
            }
            let expression: String?
            if characters[index] == "\"" || characters[index] == "“" {
                let open = index
                index += 1
                var phrase = ""
                while index < characters.count, characters[index] != "\"", characters[index] != "”" {
                    phrase.append(characters[index])
                    index += 1
                }
                guard index < characters.count else {
                    throw error(open, "the phrase that starts here is never closed", "Add a closing '\"'.")
                }
                index += 1
                var prefix = false
                if index < characters.count, characters[index] == "*" {
                    prefix = true
                    index += 1
                }
                expression = Self.compile(word: phrase, prefix: prefix)
                if expression == nil {
                    throw error(open, "the phrase has no words in it", "Put words between the quotes, or remove them.")
                }
            } else {
                var word = ""
                while index < characters.count, !characters[index].isWhitespace, characters[index] != "\"" {
                    word.append(characters[index])
                    index += 1
                }
                var prefix = false
                if word.hasSuffix("*") {
                    prefix = true
                    while word.hasSuffix("*") { word.removeLast() }
                    if word.isEmpty {
                        throw error(start, "'*' must follow the start of a word", "Write for example 'rehabilit*'.")
                    }
                }
                expression = Self.compile(word: word, prefix: prefix)
            }
            guard let expression else { continue }  // punctuation on its own: nothing to match
            if negated { negatives.append(expression) } else { positives.append(expression) }
        }

        if positives.isEmpty {
            if negatives.isEmpty {
                throw error(0, "there is nothing to search for", "Type one or more words, e.g. 'search Mikoyan plenum'.")
            }
            throw error(0, "'-word' only excludes documents; nothing is left to look for", "Add a word to find, e.g. 'plenum -Mikoyan'.")
        }
        var match = positives.joined(separator: " AND ")
        if !negatives.isEmpty {
            match = "(\(match)) NOT (\(negatives.joined(separator: " OR ")))"
        }
        return SearchQuery(text: text, match: match)
    }

    private init(text: String, match: String) {
        self.text = text
        self.match = match
    }

    /// A word or phrase as FTS5 tokens. Tokens are split where the index splits them (on
    /// anything but letters and digits); a word with an apostrophe may also be written
    /// without one, so both forms are looked for.
    static func compile(word: String, prefix: Bool) -> String? {
        let tokens = indexTokens(word)
        guard !tokens.isEmpty else { return nil }
        let star = prefix ? "*" : ""
        let phrase = quote(tokens) + star
        let joined = word.split(whereSeparator: \.isWhitespace).map { part -> String in
            String(part.filter { !Folding.apostrophes.contains($0) })
        }.joined(separator: " ")
        let alternative = indexTokens(joined)
        if alternative != tokens, !alternative.isEmpty {
            return "(\(phrase) OR \(quote(alternative) + star))"
        }
        return phrase
    }

    /// Splits text into lower-cased runs of letters and digits, as the index's tokenizer does.
    static func indexTokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for character in text {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                tokens.append(current.lowercased())
                current = ""
            }
        }
        if !current.isEmpty { tokens.append(current.lowercased()) }
        return tokens
    }

    private static func quote(_ tokens: [String]) -> String {
        "\"" + tokens.joined(separator: " ").replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
