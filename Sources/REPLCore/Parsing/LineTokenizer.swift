/// Splits command lines the way a shell does: words separated by white space, `"…"` and
/// `'…'` quoting, `\` escaping the next character. Unlike a shell, an apostrophe after a
/// letter is a letter of the word: romanized names are full of them (`Ch'oe Yong-gŏn`).
public enum LineTokenizer {
    /// A word of a line: its text after quote removal and where it stands in the line.
    public struct Word: Sendable, Equatable {
        public var text: String
        /// Character offsets of the word in the line, quotes included.
        public var range: Range<Int>
        /// Whether any part of the word was quoted or escaped.
        public var wasQuoted: Bool
    }

    /// The words of `line`.
    public static func split(_ line: String) throws(REPLError) -> [String] {
        try words(line).map(\.text)
    }

    /// The words of `line` with their positions. With `allowUnclosed`, an unclosed quote
    /// ends the last word instead of being an error (completion works on half-typed lines).
    public static func words(_ line: String, allowUnclosed: Bool = false) throws(REPLError) -> [Word] {
        let characters = Array(line)
        var words: [Word] = []
        var index = 0
        while index < characters.count {
            while index < characters.count, characters[index].isWhitespace { index += 1 }
            guard index < characters.count else { break }
            let start = index
            var text = ""
            var quoted = false
            while index < characters.count, !characters[index].isWhitespace {
                let character = characters[index]
                switch character {
                case "\\":
                    quoted = true
                    index += 1
                    if index < characters.count {
                        text.append(characters[index])
                        index += 1
                    }
                case "'" where index > start && (characters[index - 1].isLetter || characters[index - 1].isNumber):
                    // An apostrophe inside or after a word (Ch'oe, P'eng, Workers' Party) is
                    // part of it, not a quote.
                    text.append(character)
                    index += 1
                case "'", "\"":
                    quoted = true
                    let quoteStart = index
                    index += 1
                    while index < characters.count, characters[index] != character {
                        if character == "\"", characters[index] == "\\", index + 1 < characters.count,
                            characters[index + 1] == "\"" || characters[index + 1] == "\\"
                        {
                            index += 1
                        }
                        text.append(characters[index])
                        index += 1
                    }
                    if index >= characters.count {
                        if allowUnclosed { break }
                        throw .unclosedQuote(position: quoteStart)
                    }
                    index += 1
                default:
                    text.append(character)
                    index += 1
                }
            }
            words.append(Word(text: text, range: start..<index, wasQuoted: quoted))
        }
        return words
    }

    /// The first word of `line` (the command name) and the rest of the line after it,
    /// untouched.
    public static func commandName(of line: String) throws(REPLError) -> (name: String, rest: String)? {
        let characters = Array(line)
        var start = 0
        while start < characters.count, characters[start].isWhitespace { start += 1 }
        guard start < characters.count else { return nil }
        var end = start
        while end < characters.count, !characters[end].isWhitespace { end += 1 }
        let first = String(characters[start..<end])
        // A quoted or escaped command name is unusual; let the shell rules read it.
        if first.contains(where: { $0 == "\"" || $0 == "'" || $0 == "\\" }) {
            let all = try words(line)
            guard let word = all.first else { return nil }
            return (word.text, String(characters[word.range.upperBound...]))
        }
        return (first, String(characters[end...]))
    }
}
