/// A recursive-descent parser for the search language, compiling straight to an FTS5
/// expression in which every term is quoted.
///
///     query   := or
///     or      := and ("OR" and)*
///     and     := unary ("AND"? unary)*
///     unary   := ("-" | "NOT") primary | primary
///     primary := "(" or ")" | "NEAR(" item+ ("," N)? ")" | field ":" primary
///              | datefilter ":" value | "\"phrase\"" | word["*"]
struct QueryParser {
    private let text: String
    private let characters: [Character]
    private var index = 0
    /// Inside OR, NOT or a field, where a date filter would be ambiguous.
    private var nested = 0
    private(set) var earliest: String?
    private(set) var latest: String?

    /// Words beyond this many are refused: FTS5 slows down badly on huge expressions.
    static let maximumTerms = 200
    private var terms = 0

    init(_ text: String) {
        self.text = text
        self.characters = Array(text)
    }

    private func error(_ at: Int, _ problem: String, _ fix: String) -> QueryError {
        QueryError(query: text, position: at, problem: problem, fix: fix)
    }

    /// One part of an AND group: a term to match, or one to exclude.
    private enum Part {
        case match(String)
        case exclude(String)
    }

    mutating func parseQuery() throws(QueryError) -> String {
        skipSpace()
        guard index < characters.count else {
            throw error(0, "there is nothing to search for", "Type one or more words, e.g. 'search Mikoyan plenum'.")
        }
        let expression = try parseOr()
        skipSpace()
        if index < characters.count {
            // Only an unmatched ')' stops the top level early.
            throw error(index, "there is no '(' for this ')'", "Remove it, or add the '(' it closes.")
        }
        guard let expression else {
            // Date filters alone ask for every document of the period.
            if earliest != nil || latest != nil { return "" }
            throw error(0, "there is nothing to search for", "Type one or more words, e.g. 'search Mikoyan plenum'.")
        }
        return expression
    }

    // MARK: Grammar

    private mutating func parseOr() throws(QueryError) -> String? {
        let start = index
        var alternatives: [String?] = [try parseAnd()]
        while keyword("OR") {
            let at = index
            index += 2
            nested += 1
            defer { nested -= 1 }
            let next = try parseAnd()
            guard next != nil, alternatives.last! != nil else {
                throw error(at, "'OR' needs a word on each side", "Write for example 'Mikoyan OR Peng'.")
            }
            alternatives.append(next)
        }
        if alternatives.count == 1 { return alternatives[0] }
        _ = start
        return "(" + alternatives.compactMap { $0 }.joined(separator: " OR ") + ")"
    }

    private mutating func parseAnd() throws(QueryError) -> String? {
        var parts: [Part] = []
        var firstExclusion: Int?
        while true {
            skipSpace()
            guard index < characters.count, characters[index] != ")", !keyword("OR") else { break }
            if keyword("AND") {
                index += 3
                continue
            }
            let at = index
            if let part = try parseUnary() {
                if case .exclude = part, firstExclusion == nil { firstExclusion = at }
                parts.append(part)
            }
        }
        let matches = parts.compactMap { if case .match(let m) = $0 { return m } else { return nil } }
        let exclusions = parts.compactMap { if case .exclude(let e) = $0 { return e } else { return nil } }
        if matches.isEmpty {
            if let firstExclusion {
                throw error(
                    firstExclusion, "excluding a word leaves nothing to look for",
                    "Add a word to find beside it, e.g. 'plenum -Mikoyan'.")
            }
            return nil
        }
        var expression = matches.count == 1 ? matches[0] : "(" + matches.joined(separator: " AND ") + ")"
        if !exclusions.isEmpty {
            expression = "(\(expression) NOT (\(exclusions.joined(separator: " OR "))))"
        }
        return expression
    }

    private mutating func parseUnary() throws(QueryError) -> Part? {
        let at = index
        var negated = false
        if characters[index] == "-" {
            guard index + 1 < characters.count, !characters[index + 1].isWhitespace else {
                throw error(at, "a lone '-' excludes nothing", "Write the word to leave out right after it, e.g. '-Mikoyan'.")
            }
            negated = true
            index += 1
        } else if keyword("NOT") {
            negated = true
            index += 3
            skipSpace()
            guard index < characters.count, characters[index] != ")" else {
                throw error(at, "'NOT' needs a word after it", "Write for example 'plenum NOT Mikoyan'.")
            }
        }
        if negated { nested += 1 }
        defer { if negated { nested -= 1 } }
        guard let expression = try parsePrimary() else { return nil }
        return negated ? .exclude(expression) : .match(expression)
    }

    private mutating func parsePrimary() throws(QueryError) -> String? {
        let at = index
        let character = characters[index]
        if character == "(" {
            index += 1
            nested += 1
            defer { nested -= 1 }
            let inner = try parseOr()
            skipSpace()
            guard index < characters.count, characters[index] == ")" else {
                throw error(at, "the parenthesis opened here is never closed", "Add the closing ')'.")
            }
            index += 1
            guard let inner else {
                throw error(at, "the parentheses hold no words", "Put words between them, or remove them.")
            }
            return inner
        }
        if keyword("NEAR", followedBy: "(") {
            return try parseNear()
        }
        if character == "\"" || character == "“" {
            return try parsePhrase()
        }
        if let (name, valueStart) = fieldPrefix() {
            return try parseField(name, at: at, valueStart: valueStart)
        }
        if let name = bareFieldName() {
            if SearchQuery.dateFilters.contains(name) {
                let example = name == "date" ? "date:1956-09..1956-10" : (name == "year" ? "year:1956" : "\(name):1956-09")
                throw error(at, "'\(name):' needs a date right after it", "Write for example '\(example)', with no space.")
            }
            throw error(at, "'\(name):' needs a word or phrase right after it", "Write for example '\(name):Mikoyan', with no space.")
        }
        return try parseWord()
    }

    private mutating func parseField(_ name: String, at: Int, valueStart: Int) throws(QueryError) -> String? {
        if SearchQuery.dateFilters.contains(name) {
            guard nested == 0 else {
                throw error(at, "a date filter applies to the whole query", "Put '\(name):' outside parentheses, OR and NOT.")
            }
            var end = valueStart
            while end < characters.count, !characters[end].isWhitespace, characters[end] != ")" { end += 1 }
            let value = String(characters[valueStart..<end])
            let (lower, upper) = try SearchQuery.dateBounds(name, value, at: valueStart, in: text)
            if let lower { earliest = max(earliest ?? lower, lower) }
            if let upper { latest = min(latest ?? upper, upper) }
            index = end
            return nil
        }
        guard let columns = SearchQuery.fields[name] else {
            let known = SearchQuery.fields.keys.sorted().map { $0 + ":" }.joined(separator: ", ")
            throw error(at, "'\(name):' is not a field that can be searched", "Use \(known), or a date filter: after:, before:, date:, year:.")
        }
        index = valueStart
        nested += 1
        defer { nested -= 1 }
        guard index < characters.count, !characters[index].isWhitespace,
            let value = try parsePrimary()
        else {
            throw error(at, "'\(name):' needs a word or phrase after it", "Write for example '\(name):Mikoyan'.")
        }
        return "\(columns) : \(value)"
    }

    private mutating func parsePhrase() throws(QueryError) -> String? {
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
        guard let expression = SearchQuery.compile(word: phrase, prefix: prefix) else {
            throw error(open, "the phrase has no words in it", "Put words between the quotes, or remove them.")
        }
        try count(at: open)
        return expression
    }

    private mutating func parseWord() throws(QueryError) -> String? {
        let start = index
        var word = ""
        while index < characters.count, !characters[index].isWhitespace,
            !["\"", "(", ")"].contains(characters[index])
        {
            word.append(characters[index])
            index += 1
        }
        if word.isEmpty {
            // A stray character the grammar has no use for here.
            index += 1
            return nil
        }
        var prefix = false
        if word.hasSuffix("*") {
            prefix = true
            while word.hasSuffix("*") { word.removeLast() }
            if SearchQuery.indexTokens(word).isEmpty {
                throw error(start, "'*' must follow the start of a word", "Write for example 'rehabilit*'.")
            }
        }
        guard let expression = SearchQuery.compile(word: word, prefix: prefix) else { return nil }
        try count(at: start)
        return expression
    }

    /// `NEAR(a b "c d", 5)`: the words within that many words of each other (10 if unsaid).
    private mutating func parseNear() throws(QueryError) -> String? {
        let open = index
        index += 5
        var items: [String] = []
        var distance: Int?
        while true {
            skipSpace()
            guard index < characters.count else {
                throw error(open, "'NEAR(' is never closed", "Write for example 'NEAR(Mikoyan Peng, 5)'.")
            }
            if characters[index] == ")" {
                index += 1
                break
            }
            if characters[index] == "," {
                index += 1
                skipSpace()
                let numberStart = index
                while index < characters.count, characters[index].isNumber { index += 1 }
                guard let value = Int(String(characters[numberStart..<index])), value >= 0, value <= 1000 else {
                    throw error(numberStart, "the distance after ',' must be a number of words", "Write for example 'NEAR(Mikoyan Peng, 5)'.")
                }
                distance = value
                continue
            }
            let item: String?
            if characters[index] == "\"" || characters[index] == "“" {
                item = try parsePhrase()
            } else {
                var word = ""
                let start = index
                while index < characters.count, !characters[index].isWhitespace,
                    ![",", ")", "\""].contains(characters[index])
                {
                    word.append(characters[index])
                    index += 1
                }
                let tokens = SearchQuery.indexTokens(word)
                item = tokens.isEmpty ? nil : SearchQuery.quote(tokens)
                if item != nil { try count(at: start) }
            }
            if let item { items.append(item) }
        }
        guard items.count >= 2 else {
            throw error(open, "'NEAR' needs two or more words", "Write for example 'NEAR(Mikoyan Peng, 5)'.")
        }
        return "NEAR(\(items.joined(separator: " ")), \(distance ?? 10))"
    }

    // MARK: Lexing

    private mutating func skipSpace() {
        while index < characters.count, characters[index].isWhitespace { index += 1 }
    }

    /// Whether the upper-case keyword stands at the current position as a word of its own.
    private func keyword(_ word: String, followedBy next: Character? = nil) -> Bool {
        let letters = Array(word)
        guard index + letters.count <= characters.count,
            Array(characters[index..<index + letters.count]) == letters
        else { return false }
        let after = index + letters.count
        if let next { return after < characters.count && characters[after] == next }
        return after == characters.count || characters[after].isWhitespace || characters[after] == "(" || characters[after] == ")"
    }

    /// `name:` followed by something, at the current position: the name and where its value
    /// starts. A colon at the end of a word (`Note:`) is not a field.
    private func fieldPrefix() -> (String, Int)? {
        var end = index
        while end < characters.count, characters[end].isLetter { end += 1 }
        guard end > index, end + 1 < characters.count, characters[end] == ":",
            !characters[end + 1].isWhitespace
        else { return nil }
        return (String(characters[index..<end]).lowercased(), end + 1)
    }

    /// A known field or date filter name with a colon and nothing after it (`title: x`).
    private func bareFieldName() -> String? {
        var end = index
        while end < characters.count, characters[end].isLetter { end += 1 }
        guard end > index, end < characters.count, characters[end] == ":",
            end + 1 == characters.count || characters[end + 1].isWhitespace
        else { return nil }
        let name = String(characters[index..<end]).lowercased()
        return SearchQuery.fields[name] != nil || SearchQuery.dateFilters.contains(name) ? name : nil
    }

    private mutating func count(at position: Int) throws(QueryError) {
        terms += 1
        if terms > Self.maximumTerms {
            throw error(position, "the query has more than \(Self.maximumTerms) words", "Search for the most telling words only.")
        }
    }
}
