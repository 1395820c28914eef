import TextAnalysis

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

    /// Parentheses and fields inside each other at most this deep: the parser descends once
    /// for each, and a query no one would write must not exhaust its stack.
    static let maximumDepth = 32
    private var depth = 0

    /// Where other spellings of names are looked up; nil looks for words as typed only.
    private let names: NameExpansion?
    /// The other spellings looked for, for `--why`.
    private(set) var expansions: [Expansion] = []

    init(_ text: String, names: NameExpansion? = nil) {
        self.text = text
        self.characters = Array(text)
        self.names = names
    }

    private func error(_ at: Int, _ problem: String, _ fix: String) -> QueryError {
        QueryError(query: text, position: at, problem: problem, fix: fix)
    }

    /// One part of an AND group: a term to match (with the name it is, if it is a word
    /// that names someone), or one to exclude.
    private enum Part {
        case match(Tiers, name: NameWord?)
        case exclude(Tiers)
    }

    /// A name typed as one word, which may run on into the next (`Kim Il Sung`).
    private struct NameWord {
        var typed: String
        var tokens: [String]
        /// Every index word of the spellings looked for.
        var spellings: Set<String>
    }

    mutating func parseQuery() throws(QueryError) -> Tiers {
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
            if earliest != nil || latest != nil { return Tiers("") }
            throw error(0, "there is nothing to search for", "Type one or more words, e.g. 'search Mikoyan plenum'.")
        }
        return expression
    }

    // MARK: Grammar

    private mutating func parseOr() throws(QueryError) -> Tiers? {
        var alternatives: [Tiers?] = [try parseAnd()]
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
        return Tiers.combine(alternatives.compactMap { $0 }) { "(" + $0.joined(separator: " OR ") + ")" }
    }

    private mutating func parseAnd() throws(QueryError) -> Tiers? {
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
        let matches = joinNames(
            parts.compactMap { if case .match(let m, let name) = $0 { return (m, name) } else { return nil } })
        let exclusions = parts.compactMap { if case .exclude(let e) = $0 { return e } else { return nil } }
        if matches.isEmpty {
            if let firstExclusion {
                throw error(
                    firstExclusion, "excluding a word leaves nothing to look for",
                    "Add a word to find beside it, e.g. 'plenum -Mikoyan'.")
            }
            return nil
        }
        var expression = matches.count == 1 ? matches[0] : Tiers.combine(matches) { "(" + $0.joined(separator: " AND ") + ")" }
        if !exclusions.isEmpty {
            expression = Tiers.combine([expression] + exclusions) { all in
                "(\(all[0]) NOT (\(all.dropFirst().joined(separator: " OR "))))"
            }
        }
        return expression
    }

    /// Names typed as several words (`Kim Il Sung`, `Chiang Kai-shek`) are also looked for
    /// as one: run together (`Kim Ilsung`), in another script (`김일성`) or by an alias.
    /// Each run of such words becomes: every word in some spelling, or the whole name in one.
    private mutating func joinNames(_ parts: [(Tiers, NameWord?)]) -> [Tiers] {
        guard let names else { return parts.map(\.0) }
        var result: [Tiers] = []
        var start = 0
        while start < parts.count {
            var end = start
            while end < parts.count, parts[end].1 != nil { end += 1 }
            if end - start >= 2 && end - start <= 5 {
                let run = parts[start..<end]
                let tokens = run.flatMap { $0.1!.tokens }
                let typed = run.map { $0.1!.typed }.joined(separator: " ")
                let wholes = names.variants(of: tokens)
                var joined = Tiers.combine(run.map(\.0)) { "(" + $0.joined(separator: " AND ") + ")" }
                // A spelling of the whole name made of the words' own spellings is found by
                // the words already; only the others (run together, another script, an
                // alias) need looking for. All are kept for saying why a document matched.
                let words = run.reduce(into: Set<String>()) { $0.formUnion($1.1!.spellings) }
                let known = names.spellings.knownNames(of: tokens)
                var uncovered = wholes.filter { !$0.allSatisfy(words.contains) }
                for phrase in known where !uncovered.contains(phrase) && !phrase.allSatisfy(words.contains) {
                    uncovered.append(phrase)
                }
                if !uncovered.isEmpty {
                    let alternatives = uncovered.map { SearchQuery.quote($0) }.joined(separator: " OR ")
                    joined.variant = "(\(joined.variant) OR \(alternatives))"
                    joined.near = "(\(joined.near) OR \(alternatives))"
                }
                // The whole name first: as typed, or as the documents spell it.
                let asTyped = Terms.indexTerms(in: typed)
                joined.whole = SearchQuery.quote(asTyped)
                var whole = [asTyped]
                for phrase in known + uncovered where !whole.contains(phrase) { whole.append(phrase) }
                joined.name = "(" + whole.map { SearchQuery.quote($0) }.joined(separator: " OR ") + ")"
                let aliases = names.spellings.aliases(of: tokens)
                expansions += (wholes + known.filter { !wholes.contains($0) }).map {
                    Expansion(typed: typed, terms: $0, kind: .variant, isAlias: aliases.contains($0))
                }
                result.append(joined)
                start = end
            } else if end > start {
                result += parts[start..<end].map(\.0)
                start = end
            } else {
                result.append(parts[start].0)
                start += 1
            }
        }
        return result
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
        nextName = nil
        guard let expression = try parsePrimary() else { return nil }
        let typedName = nextName
        nextName = nil
        return negated ? .exclude(expression) : .match(expression, name: nested == 0 ? typedName : nil)
    }

    private mutating func parsePrimary() throws(QueryError) -> Tiers? {
        let at = index
        let character = characters[index]
        if character == "(" {
            try descend(at: at)
            defer { depth -= 1 }
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
            return try parseNear().map(Tiers.init)
        }
        if character == "\"" || character == "“" {
            return try parsePhrase()
        }
        if character == "=", index + 1 < characters.count, characters[index + 1] == "\"" || characters[index + 1] == "“" {
            // ="…": the phrase as typed, in no other spelling.
            index += 1
            return Tiers(try readPhrase().expression)
        }
        if let (name, valueStart) = fieldPrefix() {
            return try parseField(name, at: at, valueStart: valueStart)
        }
        if let name = bareFieldName() {
            if SearchQuery.dateFilters.contains(name) {
                let example = name == "date" ? "date:1956-09..1956-10" : (name == "year" ? "year:1956" : "\(name):1956-09")
                throw error(at, "'\(name):' needs a date right after it", "Write for example '\(example)', with no space.")
            }
            throw error(
                at, "'\(name):' needs a word or phrase right after it", "Write for example '\(name):Mikoyan', with no space.")
        }
        return try parseWord()
    }

    private mutating func parseField(_ name: String, at: Int, valueStart: Int) throws(QueryError) -> Tiers? {
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
            throw error(
                at, "'\(name):' is not a field that can be searched",
                "Use \(known), or a date filter: after:, before:, date:, year:.")
        }
        try descend(at: at)
        defer { depth -= 1 }
        index = valueStart
        nested += 1
        // Whatever is written after person: or place: is a name, capitalized or not.
        let wasNames = inNameField
        inNameField = inNameField || name == "person" || name == "place"
        defer {
            nested -= 1
            inNameField = wasNames
        }
        guard index < characters.count, !characters[index].isWhitespace,
            let value = try parsePrimary()
        else {
            throw error(at, "'\(name):' needs a word or phrase after it", "Write for example '\(name):Mikoyan'.")
        }
        nextName = nil
        return value.map { "\(columns) : \($0)" }
    }

    /// A phrase, also looked for in other spellings when it has a name in it: the
    /// phrase's common words stay as they are, its names vary (`"Comrade Kim Il-sŏng"`).
    private mutating func parsePhrase() throws(QueryError) -> Tiers? {
        let (expression, phrase, prefix) = try readPhrase()
        let words = phrase.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !prefix, names != nil, words.contains(where: isName) else { return Tiers(expression) }
        var tokens: [String] = []
        var fixed: Set<Int> = []
        for word in words {
            let wordTokens = NameExpansion.tokens(of: word)
            if !isName(word) { fixed.formUnion(tokens.count..<tokens.count + wordTokens.count) }
            tokens += wordTokens
        }
        var tiers = expand(expression, typed: phrase, tokens: tokens, fixed: fixed).tiers
        // A phrase that is all name: also as the documents spell the whole of it.
        if fixed.isEmpty, tokens.count >= 2, let names {
            let asTyped = Terms.indexTerms(in: phrase)
            let known = names.spellings.knownNames(of: tokens).filter { $0 != asTyped }
            if !known.isEmpty {
                let alternatives = known.map { SearchQuery.quote($0) }.joined(separator: " OR ")
                tiers.name = "(\(tiers.variant) OR \(alternatives))"
                tiers.variant = "(\(tiers.variant) OR \(alternatives))"
                tiers.near = "(\(tiers.near) OR \(alternatives))"
                expansions += known.map { Expansion(typed: phrase, terms: $0, kind: .variant) }
            }
        }
        return tiers
    }

    /// `"…"`: the phrase's expression, its words, and whether it ends in `*`.
    private mutating func readPhrase() throws(QueryError) -> (expression: String, phrase: String, prefix: Bool) {
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
        return (expression, phrase, prefix)
    }

    private mutating func parseWord() throws(QueryError) -> Tiers? {
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
        // =word: as typed, in no other spelling; word~: also two letters off.
        var asTyped = names == nil
        if word.hasPrefix("="), word.count > 1 {
            asTyped = true
            word.removeFirst()
        }
        var widened = false
        if word.hasSuffix("~"), !asTyped {
            widened = true
            while word.hasSuffix("~") { word.removeLast() }
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
        guard !asTyped, !prefix, widened || isName(word) else { return Tiers(expression) }
        let tokens = NameExpansion.tokens(of: word)
        let (tiers, spellings) = expand(expression, typed: word, tokens: tokens, widened: widened)
        nextName = NameWord(typed: word, tokens: tokens, spellings: spellings.union(tokens))
        return tiers
    }

    /// `expression` (a name as typed) with the name's other spellings as alternatives:
    /// variants in the variant tier, spellings a letter or two off in the near tier.
    private mutating func expand(
        _ expression: String, typed: String, tokens: [String], widened: Bool = false, fixed: Set<Int> = []
    ) -> (tiers: Tiers, spellings: Set<String>) {
        var tiers = Tiers(expression)
        guard let names, !tokens.isEmpty else { return (tiers, []) }
        let asTyped = Terms.indexTerms(in: typed)
        let variants = names.variants(of: tokens, fixed: fixed).filter { $0 != asTyped }
        if !variants.isEmpty {
            tiers.variant = "(" + ([expression] + variants.map { SearchQuery.quote($0) }).joined(separator: " OR ") + ")"
            let aliases = names.spellings.aliases(of: tokens)
            expansions += variants.map { Expansion(typed: typed, terms: $0, kind: .variant, isAlias: aliases.contains($0)) }
        }
        tiers.name = tiers.variant
        tiers.near = tiers.variant
        if tokens.count == 1 {
            let near = names.nearSpellings(of: tokens[0], widened: widened, excluding: Set(variants.flatMap { $0 } + tokens))
            if !near.isEmpty {
                tiers.near = "(" + ([tiers.variant] + near.map { SearchQuery.quote([$0]) }).joined(separator: " OR ") + ")"
                expansions += near.map { Expansion(typed: typed, terms: [$0], kind: .nearSpelling) }
            }
        }
        return (tiers, Set(asTyped + variants.flatMap { $0 }))
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
                    throw error(
                        numberStart, "the distance after ',' must be a number of words",
                        "Write for example 'NEAR(Mikoyan Peng, 5)'.")
                }
                distance = value
                continue
            }
            let item: String?
            if characters[index] == "\"" || characters[index] == "“" {
                item = try readPhrase().expression
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

    /// The name the last word parsed was, if it was one; a run of them is one name.
    private var nextName: NameWord?
    /// Inside `person:` or `place:`, where every word is a name.
    private var inNameField = false

    /// Whether a word of the query is a name, to be looked for in other spellings: written
    /// as one (a capital, an accent, an apostrophe, another script), after `person:` or
    /// `place:`, or typed in lower case but written as a name wherever the documents have
    /// it (`kim il sung`; not `song`, which they write as a word).
    private func isName(_ word: String) -> Bool {
        if NameVariants.isNameLike(word) { return true }
        let folded = Folding.fold(word)
        guard !Terms.stopwords.contains(folded), !NameVariants.isCommonWord(folded) else { return false }
        if inNameField { return true }
        guard let names, word.first?.isLowercase == true else { return false }
        let tokens = Terms.indexWords(in: folded)
        return !tokens.isEmpty && tokens.allSatisfy { names.spellings.contains($0) && names.spellings.isClearlyName($0) }
    }

    private mutating func descend(at position: Int) throws(QueryError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw error(
                position, "parentheses and fields are nested more than \(Self.maximumDepth) deep here",
                "Write the query with fewer levels, e.g. '(Mikoyan OR Peng) plenum'.")
        }
    }

    private mutating func count(at position: Int) throws(QueryError) {
        terms += 1
        if terms > Self.maximumTerms {
            throw error(position, "the query has more than \(Self.maximumTerms) words", "Search for the most telling words only.")
        }
    }
}

/// A query compiled three ways, for ranking the spellings it matched: `exact` looks for the
/// words as typed, `variant` adds the other spellings of the names in it, `near` adds
/// spellings a letter or two off. Without names in a query the three are one.
struct Tiers: Equatable {
    /// Names typed as several words found as a whole and as typed (`Peng Dehuai`, not
    /// `Peng` here and `Dehuai` there).
    var whole: String
    /// Names found as a whole in any spelling: a single word's variants, a name's spellings
    /// the documents use.
    var name: String
    var exact: String
    var variant: String
    var near: String

    init(_ expression: String) {
        whole = expression
        name = expression
        exact = expression
        variant = expression
        near = expression
    }

    /// The expressions joined part by part.
    static func combine(_ parts: [Tiers], _ join: ([String]) -> String) -> Tiers {
        var tiers = Tiers(join(parts.map(\.exact)))
        tiers.whole = join(parts.map(\.whole))
        tiers.name = join(parts.map(\.name))
        tiers.variant = join(parts.map(\.variant))
        tiers.near = join(parts.map(\.near))
        return tiers
    }

    func map(_ transform: (String) -> String) -> Tiers {
        var tiers = Tiers(transform(exact))
        tiers.whole = transform(whole)
        tiers.name = transform(name)
        tiers.variant = transform(variant)
        tiers.near = transform(near)
        return tiers
    }
}
