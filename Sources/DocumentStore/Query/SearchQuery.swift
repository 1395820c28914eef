import Foundation
import TextAnalysis

/// A parsed search query, compiled to an FTS5 expression in which every term is quoted, so
/// that no user input can produce an SQLite or FTS5 syntax error.
///
/// The language: words (all must match), `"exact phrases"`, `prefix*`, `-word` to exclude
/// a word, `title:`, `summary:` and `text:` to look in one part of the documents, and the
/// date filters `after:1956-09`, `before:1957`, `date:1956-09..1956-10` and `year:1956`.
/// Words are matched without regard to case or diacritics; a word with an apostrophe
/// (`Ch’oe`) matches it written with or without one.
///
/// Date bounds are inclusive and compare spans: a document dated September 1956 is
/// `after:1956-09-15` (its month reaches past that day) and `before:1956-09-15` too. Undated
/// documents never pass a date filter.
public struct SearchQuery: Sendable, Equatable {
    /// The query as the user typed it.
    public let text: String
    /// The FTS5 MATCH expression.
    public let match: String
    /// The first day a document's date span must reach (`YYYY-MM-DD`), if filtered.
    public let earliest: String?
    /// The last day a document's date span may start on (`YYYY-MM-DD`), if filtered.
    public let latest: String?

    /// The fields a word can be confined to.
    public static let fields = ["title", "summary", "text"]
    static let dateFilters = ["after", "before", "date", "year"]

    public static func parse(_ text: String) throws(QueryError) -> SearchQuery {
        var positives: [String] = []
        var negatives: [String] = []
        var earliest: String?
        var latest: String?
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
            // `field:` or a date filter: letters, then a colon, then something.
            var fieldName: String?
            var nameEnd = index
            while nameEnd < characters.count, characters[nameEnd].isLetter { nameEnd += 1 }
            if nameEnd > index, nameEnd + 1 < characters.count, characters[nameEnd] == ":",
                !characters[nameEnd + 1].isWhitespace
            {
                let name = String(characters[index..<nameEnd]).lowercased()
                if dateFilters.contains(name) {
                    guard !negated else {
                        throw error(start, "a date filter cannot be negated", "Use before: or after: instead of -\(name):.")
                    }
                    var value = ""
                    var end = nameEnd + 1
                    while end < characters.count, !characters[end].isWhitespace {
                        value.append(characters[end])
                        end += 1
                    }
                    let (lower, upper) = try dateBounds(name, value, at: nameEnd + 1, in: text)
                    if let lower { earliest = max(earliest ?? lower, lower) }
                    if let upper { latest = min(latest ?? upper, upper) }
                    index = end
                    continue
                }
                guard fields.contains(name) else {
                    throw error(
                        index, "'\(name):' is not a field that can be searched",
                        "Use title:, summary: or text:, or a date filter: after:, before:, date:, year:.")
                }
                fieldName = name
                index = nameEnd + 1
            }
            var expression: String?
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
            guard var expression else { continue }  // punctuation on its own: nothing to match
            if let fieldName { expression = "{\(fieldName)} : \(expression)" }
            if negated { negatives.append(expression) } else { positives.append(expression) }
        }

        if positives.isEmpty {
            if earliest != nil || latest != nil {
                throw error(0, "a date filter narrows a search but finds nothing by itself", "Add a word to look for, e.g. 'plenum year:1956'.")
            }
            if negatives.isEmpty {
                throw error(0, "there is nothing to search for", "Type one or more words, e.g. 'search Mikoyan plenum'.")
            }
            throw error(0, "'-word' only excludes documents; nothing is left to look for", "Add a word to find, e.g. 'plenum -Mikoyan'.")
        }
        var match = positives.joined(separator: " AND ")
        if !negatives.isEmpty {
            match = "(\(match)) NOT (\(negatives.joined(separator: " OR ")))"
        }
        if let earliest, let latest, latest < earliest {
            throw error(0, "the date filters leave no days between \(earliest) and \(latest)", "Check the order of after: and before:.")
        }
        return SearchQuery(text: text, match: match, earliest: earliest, latest: latest)
    }

    private init(text: String, match: String, earliest: String?, latest: String?) {
        self.text = text
        self.match = match
        self.earliest = earliest
        self.latest = latest
    }

    /// The inclusive day bounds of a date filter.
    private static func dateBounds(
        _ name: String, _ value: String, at position: Int, in query: String
    ) throws(QueryError) -> (String?, String?) {
        func parse(_ text: String, offset: Int) throws(QueryError) -> PartialDate {
            let fix = "Write the date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. \(name):1956-09."
            do {
                guard let date = try PartialDate.parse(text) else {
                    throw QueryError(query: query, position: position + offset, problem: "'\(name):' needs a date", fix: fix)
                }
                return date
            } catch let error as QueryError {
                throw error
            } catch DateError.invalid(let reason) {
                throw QueryError(query: query, position: position + offset, problem: "'\(text)' is not a date: \(reason)", fix: fix)
            } catch {
                throw QueryError(query: query, position: position + offset, problem: "'\(text)' is not a date", fix: fix)
            }
        }
        switch name {
        case "after": return (try parse(value, offset: 0).lowerBound, nil)
        case "before": return (nil, try parse(value, offset: 0).upperBound)
        case "year":
            guard value.count == 4, Int(value) != nil else {
                throw QueryError(query: query, position: position, problem: "'\(value)' is not a year", fix: "Write four digits, e.g. year:1956.")
            }
            let year = try parse(value, offset: 0)
            return (year.lowerBound, year.upperBound)
        default:  // date:FROM..TO, or date:D for the span of one date
            let parts = value.components(separatedBy: "..")
            if parts.count == 1 {
                let date = try parse(value, offset: 0)
                return (date.lowerBound, date.upperBound)
            }
            guard parts.count == 2 else {
                throw QueryError(query: query, position: position, problem: "'\(value)' is not a date range", fix: "Write date:FROM..TO, e.g. date:1956-09..1956-10.")
            }
            let from = parts[0].isEmpty ? nil : try parse(parts[0], offset: 0).lowerBound
            let to = parts[1].isEmpty ? nil : try parse(parts[1], offset: parts[0].count + 2).upperBound
            return (from, to)
        }
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
