/// The people and places a text names.
public struct RecognizedNames: Sendable, Equatable {
    public var people: [String]
    public var places: [String]

    public init(people: [String] = [], places: [String] = []) {
        self.people = people
        self.places = places
    }
}

/// Finds the names of people and places in archival titles and summaries, which most
/// archive records have instead of people and places fields: "Telegram from A. Mikoyan to
/// the CPSU Central Committee", "Shtykov gives a report of a meeting with Kim Il Sung and
/// Pak Heon-yeong".
///
/// The rule: a run of capitalized words (with initials and particles such as `von`) is a
/// name, once the words around names are taken off — offices and honorifics ("Deputy
/// Foreign Minister Andrei Gromyko"), nationalities ("Soviet"), the function words that
/// start sentences and fill title-case titles, months. A run with a word of an
/// organisation, a document or an event in it ("Korean Workers' Party Presidium", "August
/// Plenum Incident") names none. Countries, capitals and regions of a built-in gazetteer, and
/// country acronyms (DPRK, USSR), are places; other acronyms are organisations. Text in
/// quotation marks (titles of works) is skipped. Within one text a surname alone is taken
/// to be the person named in full elsewhere in it ("Kim" after "Kim Il Sung"), and leading
/// initials before a surname are dropped ("A.M. Puzanov" is "Puzanov").
public enum NameRecognizer {
    /// The people and places named in `texts` (a title and a summary), each once, in order
    /// of first mention.
    public static func recognize(_ texts: String...) -> RecognizedNames {
        recognize(texts)
    }

    public static func recognize(_ texts: [String]) -> RecognizedNames {
        var people: [String] = []
        var places: [String] = []
        for text in texts where !text.isEmpty {
            let tokens = tokenize(text)
            var start = 0
            while start < tokens.count {
                var end = start
                while end < tokens.count && continuesRun(tokens, at: end, from: start) { end += 1 }
                if end > start {
                    names(in: tokens[start..<end], people: &people, places: &places)
                    start = end
                } else {
                    start += 1
                }
            }
        }
        return RecognizedNames(people: merged(people), places: unique(places))
    }

    // MARK: Tokens

    struct Token {
        var text: String
        var key: String
        var capitalized: Bool
        var allCaps: Bool
        var initials: Bool
        /// Punctuation or a line break stands between this token and the one before.
        var breakBefore: Bool
        var sentenceStart: Bool
        var quoted: Bool
    }

    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "jr", "sr", "amb", "prof", "rev", "capt", "no", "vol", "vs",
    ]

    static func tokenize(_ text: String) -> [Token] {
        // Decoding is skipped for ASCII text, which is most of it.
        let scalars = text.utf8.allSatisfy { $0 < 0x80 } ? text.utf8.map { Unicode.Scalar($0) } : Array(text.unicodeScalars)
        var tokens: [Token] = []
        var pendingBreak = true
        var sentenceStart = true
        var quoted = false
        var i = 0
        // Most text is ASCII: its classes come from comparisons, not Unicode tables.
        func isWord(_ k: Int) -> Bool {
            guard k < scalars.count else { return false }
            let v = scalars[k].value
            if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) }
            return scalars[k].properties.isAlphabetic || scalars[k].properties.numericType != nil
        }
        func isUpper(_ k: Int) -> Bool {
            let v = scalars[k].value
            if v < 0x80 { return v >= 0x41 && v <= 0x5A }
            return scalars[k].properties.isUppercase || scalars[k].properties.generalCategory == .titlecaseLetter
        }
        func isInitial(_ k: Int) -> Bool {
            k + 1 < scalars.count && isUpper(k) && scalars[k + 1] == "."
                && (!isWord(k + 2) || isInitial(k + 2))
        }
        func isApostrophe(_ s: Unicode.Scalar) -> Bool {
            s == "'" || s == "’" || s == "ʼ" || s == "‘"
        }
        while i < scalars.count {
            let s = scalars[i]
            if isWord(i) {
                var j = i
                var initials = false
                // An initial, or a run of them: "A." "A.M." "U.S."
                if isInitial(i) {
                    initials = true
                    j = i + 2
                    while isInitial(j) { j += 2 }
                } else {
                    while j < scalars.count {
                        if isWord(j) {
                            j += 1
                            continue
                        }
                        if (scalars[j] == "-" || isApostrophe(scalars[j]) || scalars[j] == "\u{2010}") && isWord(j + 1) && j > i {
                            // A possessive's is not part of the word.
                            if isApostrophe(scalars[j]) && (scalars[j + 1] == "s" || scalars[j + 1] == "S") && !isWord(j + 2) {
                                break
                            }
                            j += 2
                            continue
                        }
                        break
                    }
                }
                let capitalized = isUpper(i)
                let mayBeParticle = j - i <= 4 && !pendingBreak && tokens.last?.capitalized == true
                let mayBeAbbreviation = j - i <= 3 && j < scalars.count && scalars[j] == "."
                if !capitalized && !mayBeParticle && !mayBeAbbreviation {
                    // A lower-case word (or a number) is never part of a name; only a short one
                    // after a name may be a particle (von, de), or before a period an
                    // abbreviation (no.). Any other ends a run.
                    pendingBreak = true
                    sentenceStart = false
                    i = j
                    if i < scalars.count && scalars[i] == "." {
                        pendingBreak = true
                        sentenceStart = true
                        i += 1
                    }
                    continue
                }
                let word = String(String.UnicodeScalarView(scalars[i..<j]))
                var next = j
                if next < scalars.count && isApostrophe(scalars[next]) {
                    // Workers' and KWP's: the possessive goes.
                    next += 1
                    if next < scalars.count && (scalars[next] == "s" || scalars[next] == "S") && !isWord(next + 1) { next += 1 }
                }
                var allCaps = false
                if capitalized && !initials && j - i >= 2 {
                    var letters = 0
                    allCaps = true
                    for k in i..<j where isWord(k) && !(scalars[k].value >= 0x30 && scalars[k].value <= 0x39) {
                        letters += 1
                        if !isUpper(k) {
                            allCaps = false
                            break
                        }
                    }
                    allCaps = allCaps && letters >= 2
                }
                var key = Folding.fold(word)
                if initials { key.removeAll { $0 == "." } }
                tokens.append(
                    Token(
                        text: word, key: key, capitalized: capitalized, allCaps: allCaps, initials: initials,
                        breakBefore: pendingBreak, sentenceStart: sentenceStart, quoted: quoted))
                pendingBreak = false
                sentenceStart = false
                i = next
                // A period after a word ends the sentence, unless the word is an abbreviation.
                if !initials && i < scalars.count && scalars[i] == "." {
                    if !abbreviations.contains(key) {
                        pendingBreak = true
                        sentenceStart = true
                    }
                    i += 1
                }
                continue
            }
            switch s {
            case " ", "\t", "\u{A0}":
                break
            case "\n", "\r", ".", "!", "?", ":":
                pendingBreak = true
                sentenceStart = true
            case "“", "«", "„":
                quoted = true
                pendingBreak = true
            case "”", "»":
                quoted = false
                pendingBreak = true
            case "\"":
                quoted.toggle()
                pendingBreak = true
            default:
                pendingBreak = true
            }
            i += 1
        }
        return tokens
    }

    /// Whether the token at `index` belongs to the run of capitalized words that began at
    /// `start`.
    private static func continuesRun(_ tokens: [Token], at index: Int, from start: Int) -> Bool {
        let token = tokens[index]
        if token.quoted { return false }
        if index > start && token.breakBefore { return false }
        if token.capitalized || token.initials { return true }
        // A particle inside a name: a capitalized word on either side.
        if index > start && NameLexicon.particles.contains(token.key) && index + 1 < tokens.count {
            let next = tokens[index + 1]
            return next.capitalized && !next.breakBefore && !next.quoted
        }
        return false
    }

    // MARK: Names in a run

    private static let gazetteer: [String: String] = {
        var places: [String: String] = [:]
        for place in NameLexicon.places {
            let key = tokenize(place).map(\.key).joined(separator: " ")
            if places[key] == nil { places[key] = place }
        }
        return places
    }()

    private static let longestPlace = NameLexicon.places.map { tokenize($0).count }.max() ?? 1

    /// The first word of every place name, so that most words need no longer lookups.
    private static let placeFirstWords = Set(gazetteer.keys.map { String($0.split(separator: " ")[0]) })

    /// Which list a word is on: one lookup instead of one per list.
    private enum Role { case title, demonym, common, nonName }

    private static let roles: [String: Role] = {
        var roles: [String: Role] = [:]
        for word in NameLexicon.nonNames { roles[word] = .nonName }
        for word in NameLexicon.commonWords { roles[word] = .common }
        for word in NameLexicon.demonyms { roles[word] = .demonym }
        for word in NameLexicon.titles { roles[word] = .title }
        return roles
    }()

    private static func names(in run: ArraySlice<Token>, people: inout [String], places: inout [String]) {
        var segment: [Token] = []
        func flush() {
            if let name = personName(segment) { people.append(name) }
            segment = []
        }
        var index = run.startIndex
        tokens: while index < run.endIndex {
            // The longest place name starting here.
            let maximum = placeFirstWords.contains(run[index].key) ? min(longestPlace, run.endIndex - index) : 0
            for length in stride(from: maximum, through: 1, by: -1) {
                let key = run[index..<index + length].map(\.key).joined(separator: " ")
                if let place = gazetteer[key] {
                    flush()
                    places.append(place)
                    index += length
                    continue tokens
                }
            }
            let token = run[index]
            index += 1
            let key = token.key
            if NameLexicon.regnalNumbers.contains(key) && token.allCaps && !segment.isEmpty {
                segment.append(token)
            } else if token.allCaps || (token.initials && token.text.count > 2 && NameLexicon.placeAcronyms[token.text] != nil) {
                flush()
                if let place = NameLexicon.placeAcronyms[token.text] { places.append(place) }
            } else {
                switch roles[key] {
                case .title?, .demonym?, .common?:
                    flush()
                case .nonName?:
                    // "Kim Il Sung University", "Mikoyan Commission": a name that qualifies an
                    // organisation is not a mention of the person.
                    segment = []
                case nil:
                    if isNonName(key) { segment = [] } else { segment.append(token) }
                }
            }
        }
        flush()
    }

    private static func isNonName(_ key: String) -> Bool {
        guard key.utf8.contains(UInt8(ascii: "-")) else { return false }
        return key.split(separator: "-").contains {
            NameLexicon.nonNames.contains(String($0)) || NameLexicon.demonyms.contains(String($0))
        }
    }

    private static func personName(_ segment: [Token]) -> String? {
        var words = segment[...]
        while let first = words.first, NameLexicon.particles.contains(first.key) { words.removeFirst() }
        while let last = words.last, NameLexicon.particles.contains(last.key) { words.removeLast() }
        guard words.contains(where: { !$0.initials }) else { return nil }
        // "A.M. Puzanov" is Puzanov: initials before a surname alone say little.
        if words.count >= 2 && words.dropLast().allSatisfy(\.initials) { words = words.suffix(1) }
        if words.count == 1, let word = words.first {
            if word.key.unicodeScalars.count < 3 { return nil }
            // A sentence's first word that reads as a verb or an adverb.
            if word.sentenceStart && ["ed", "ing", "ly"].contains(where: { word.key.hasSuffix($0) }) { return nil }
        }
        return words.map(\.text).joined(separator: " ")
    }

    // MARK: One mention per name

    /// People once each; a surname alone goes when the text names the person in full.
    private static func merged(_ people: [String]) -> [String] {
        if people.count < 2 { return people }
        let full = people.filter { $0.contains(" ") }
        let partsOfFull = Set(full.flatMap { name in name.split(separator: " ").map { Folding.fold(String($0)) } })
        return unique(people.filter { $0.contains(" ") || !partsOfFull.contains(Folding.fold($0)) })
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert(Folding.fold($0)).inserted }
    }
}
