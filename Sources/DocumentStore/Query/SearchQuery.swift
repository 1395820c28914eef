import Foundation
import TextAnalysis

/// A parsed search query, compiled to an FTS5 expression in which every term is quoted, so
/// that no user input can produce an SQLite or FTS5 syntax error.
///
/// The language: words (all must match), `"exact phrases"`, `OR`, `-word` or `NOT word` to
/// exclude, `prefix*`, `NEAR(a b, 5)`, parentheses, the fields `title:`, `summary:`, `text:`,
/// `person:`, `place:`, `collection:` and `archive:`, and the date filters `after:1956-09`,
/// `before:1957`, `date:1956-09..1956-10` and `year:1956`.
/// Words are matched without regard to case or diacritics; a word with an apostrophe
/// (`Ch’oe`) matches it written with or without one.
///
/// Date bounds are inclusive and compare spans: a document dated September 1956 is
/// `after:1956-09-15` (its month reaches past that day) and `before:1956-09-15` too. Undated
/// documents never pass a date filter.
public struct SearchQuery: Sendable, Equatable {
    /// The query as the user typed it.
    public let text: String
    /// The FTS5 MATCH expression; empty when the query is date filters alone, which
    /// select every document of the period. It looks for every spelling of the names in
    /// the query (see `expansions`).
    public let match: String
    /// Narrower expressions whose hits rank first, when the query looks for names in other
    /// spellings: the words as typed, then with variants (without spellings a letter off).
    public let tiers: [String]
    /// What the hits of each tier matched, and (one more) of the rest: nil for the words as
    /// typed.
    public let tierKinds: [Expansion.Kind?]
    /// The other spellings of names the query looks for.
    public let expansions: [Expansion]

    /// The words of `match` a hit can have, as the index holds them, each once: those not
    /// under NOT, with whether each is a prefix; and whether every phrase is one word and
    /// none is in NEAR (then marking each such word wherever it stands marks what FTS5's
    /// `snippet()` would).
    var markedWords: (words: [(term: String, prefix: Bool)], wordByWord: Bool) {
        var seen = Set<String>()
        var words: [(String, Bool)] = []
        var wordByWord = true
        // The expression is the parser's: every term quoted (`""` for a quote inside),
        // `NOT (…)` after what it excludes from, `NEAR(…)` and parentheses.
        let characters = Array(match)
        var index = 0
        var depth = 0
        // The depths at which a NOT's group opened.
        var negated: [Int] = []
        var afterNot = false
        while index < characters.count {
            let character = characters[index]
            if character == "\"" {
                var phrase = ""
                index += 1
                while index < characters.count {
                    if characters[index] == "\"" {
                        if index + 1 < characters.count && characters[index + 1] == "\"" {
                            phrase.append("\"")
                            index += 2
                            continue
                        }
                        break
                    }
                    phrase.append(characters[index])
                    index += 1
                }
                index += 1
                let star = index < characters.count && characters[index] == "*"
                let parts = phrase.split(separator: " ")
                if parts.count > 1 { wordByWord = false }
                if negated.isEmpty && !afterNot {
                    for word in parts {
                        let term = Folding.fold(String(word))
                        if seen.insert(term + (star ? "*" : "")).inserted { words.append((term, star)) }
                    }
                }
                afterNot = false
                continue
            }
            switch character {
            case "(":
                depth += 1
                if afterNot { negated.append(depth) }
                afterNot = false
            case ")":
                if negated.last == depth { negated.removeLast() }
                depth -= 1
            case "N" where characters[index...].starts(with: "NOT "):
                afterNot = true
                index += 3
            case "N" where characters[index...].starts(with: "NEAR("):
                wordByWord = false
            default:
                break
            }
            index += 1
        }
        return (words, wordByWord)
    }

    /// Whether the query has no words, only date filters (`year:1956`).
    public var isDatesOnly: Bool { match.isEmpty }
    /// The first day a document's date span must reach (`YYYY-MM-DD`), if filtered.
    public let earliest: String?
    /// The last day a document's date span may start on (`YYYY-MM-DD`), if filtered.
    public let latest: String?

    /// The fields a word can be confined to, and the indexed columns each looks in.
    /// People and places are also looked for in titles and summaries, since most archive
    /// records name them there and nowhere else.
    public static let fields: [String: String] = [
        "title": "{title}", "summary": "{summary}", "text": "{text}",
        "person": "{people title summary}", "place": "{places title summary}",
        "collection": "{collections}", "archive": "{archive}",
    ]
    static let dateFilters = ["after", "before", "date", "year"]

    /// Parses a query that looks for words as typed only. `DocumentStore.query` also
    /// looks for the other spellings of names the store holds.
    public static func parse(_ text: String) throws(QueryError) -> SearchQuery {
        try parse(text, names: nil)
    }

    static func parse(_ text: String, names: NameExpansion?) throws(QueryError) -> SearchQuery {
        var parser = QueryParser(text, names: names)
        let compiled = try parser.parseQuery()
        if let earliest = parser.earliest, let latest = parser.latest, latest < earliest {
            throw QueryError(
                query: text, position: 0, problem: "the date filters leave no days between \(earliest) and \(latest)",
                fix: "Check the order of after: and before:.")
        }
        // The narrower expressions, widest last, each kept only if it narrows the next.
        var tiers: [String] = []
        var kinds: [Expansion.Kind?] = []
        for (expression, kind) in [
            (compiled.whole, nil), (compiled.name, Expansion.Kind.variant), (compiled.exact, nil), (compiled.variant, .variant),
        ]
        where expression != compiled.near && !tiers.contains(expression) {
            tiers.append(expression)
            kinds.append(kind)
        }
        if !tiers.isEmpty {
            kinds.append(compiled.variant == compiled.near ? .variant : .nearSpelling)
        } else {
            kinds = [nil]
        }
        return SearchQuery(
            text: text, match: compiled.near, tiers: tiers, tierKinds: kinds, expansions: parser.expansions,
            earliest: parser.earliest, latest: parser.latest)
    }

    private init(
        text: String, match: String, tiers: [String], tierKinds: [Expansion.Kind?], expansions: [Expansion],
        earliest: String?, latest: String?
    ) {
        self.text = text
        self.match = match
        self.tiers = tiers
        self.tierKinds = tierKinds
        self.expansions = expansions
        self.earliest = earliest
        self.latest = latest
    }

    /// The inclusive day bounds of a date filter.
    static func dateBounds(
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
                throw QueryError(
                    query: query, position: position + offset, problem: "'\(text)' is not a date: \(reason)", fix: fix)
            } catch {
                throw QueryError(query: query, position: position + offset, problem: "'\(text)' is not a date", fix: fix)
            }
        }
        switch name {
        case "after": return (try parse(value, offset: 0).lowerBound, nil)
        case "before": return (nil, try parse(value, offset: 0).upperBound)
        case "year":
            guard value.count == 4, Int(value) != nil else {
                throw QueryError(
                    query: query, position: position, problem: "'\(value)' is not a year",
                    fix: "Write four digits, e.g. year:1956.")
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
                throw QueryError(
                    query: query, position: position, problem: "'\(value)' is not a date range",
                    fix: "Write date:FROM..TO, e.g. date:1956-09..1956-10.")
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
        Terms.indexWords(in: text)
    }

    static func quote(_ tokens: [String]) -> String {
        "\"" + tokens.joined(separator: " ").replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
