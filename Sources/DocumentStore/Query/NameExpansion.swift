import TextAnalysis

/// One other spelling a query looks for, kept so that `search --why` can say which
/// spelling a document matched and by which rule.
public struct Expansion: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// A romanization, transliteration, script or alias of the name typed.
        case variant
        /// A spelling one letter off (two with `~`).
        case nearSpelling = "near spelling"
    }

    /// The name as typed: one word, or the words of a name typed together (`Kim Il Song`).
    public var typed: String
    /// The spelling looked for, as index words.
    public var terms: [String]
    public var kind: Kind
    /// Whether an alias (rather than a rule) gives the spelling.
    public var isAlias = false
}

/// Works out the other spellings of a name a query looks for, from the rules of
/// `NameVariants`, the aliases and the words the store holds.
struct NameExpansion {
    let spellings: Spellings
    /// At most this many spellings of one name made up from its parts' spellings: they
    /// multiply, and every phrase costs the index a pass over its words. The spellings
    /// the documents are known to use (`Spellings.knownNames`) come on top.
    static let maximumSpellings = 8
    /// Consonants that McCune–Reischauer and Wade–Giles mark as aspirated with an
    /// apostrophe, which the index splits off (`p'eng` is `p` and `eng`).
    static let aspirated = ["ch", "ts", "tz", "k", "t", "p"]

    /// The index words a name typed in a query stands for: a word in another script
    /// romanized, apostrophes dropped, hyphens splitting syllables.
    static func tokens(of word: String) -> [String] {
        if let latin = NameVariants.romanized(word) { return latin }
        return Terms.indexWords(in: Folding.fold(word))
    }

    /// The spellings of a name given as index words, each as the index words of a phrase:
    /// every way of running its syllables together or apart, each part in every spelling
    /// the store has that shares its key, and the name's aliases. Parts at `fixed`
    /// positions (common words in a phrase) are kept as they are. The name as given is
    /// left out.
    func variants(of tokens: [String], fixed: Set<Int> = []) -> [[String]] {
        guard !tokens.isEmpty, tokens.count <= 6 else { return [] }
        // The name's words, and the same with words cut into their syllables (ilsung: il
        // sung) or where an aspiration mark splits them in the index (ch'oe: ch oe).
        var sequences: [[(String, Bool)]] = [[]]
        for (i, token) in tokens.enumerated() {
            let options = fixed.contains(i) ? [[(token, true)]] : units(of: token)
            sequences = sequences.flatMap { prefix in options.map { prefix + $0 } }.filter { $0.count <= 6 }
            if sequences.count > 8 { sequences = Array(sequences.prefix(8)) }
        }
        var found: [[String]] = []
        var seen: Set<[String]> = []
        func add(_ phrase: [String]) {
            if found.count < Self.maximumSpellings, seen.insert(phrase).inserted { found.append(phrase) }
        }
        for alias in spellings.aliases(of: tokens) { add(alias) }
        for sequence in sequences {
            for grouping in Self.groupings(sequence.count) {
                var lists: [[String]] = []
                var start = 0
                for size in grouping {
                    let units = sequence[start..<start + size]
                    start += size
                    if units.count > 1 && units.contains(where: \.1) {
                        lists = []
                        break
                    }
                    if units.count == 1 && units.first!.1 {
                        lists.append([units.first!.0])
                        continue
                    }
                    let joined = units.map(\.0).joined()
                    // A romanization of the same syllables is at most a letter shorter (Seoul,
                    // Soul; not Sol); a shorter one is another word (Zhou is not "co"), unless
                    // it is a surname's (Rhee, Ri). Russian spellings vary more (Hruščov).
                    let slavic = Set(NameVariants.slavicKeys(joined))
                    let words = spellings.variants(of: joined).filter { word in
                        word.count >= joined.count - 1 || NameVariants.isSurname(word)
                            || word.count == 1 && joined.count <= 3  // a vowel syllable: woo, u
                            || joined.count >= 5 && !slavic.isDisjoint(with: NameVariants.slavicKeys(word))
                    }.prefix(12)
                    if words.isEmpty {
                        lists = []
                        break
                    }
                    lists.append(Array(words))
                }
                guard !lists.isEmpty else { continue }
                for phrase in Self.product(lists, limit: Self.maximumSpellings) { add(phrase) }
            }
        }
        return found
    }

    /// The ways one word of a name may stand in the index: whole, cut into syllables, and
    /// with an aspirated consonant split off as the index splits `p'ing` (`p` and `ing`);
    /// split-off consonants are kept as they are (true).
    func units(of token: String) -> [[(String, Bool)]] {
        var options: [[(String, Bool)]] =
            [[(token, false)]] + NameVariants.syllables(of: token).prefix(2).map { $0.map { ($0, false) } }
        for option in options {
            var alternatives: [[(String, Bool)]] = [[]]
            for (unit, _) in option {
                var choices: [[(String, Bool)]] = [[(unit, false)]]
                if let initial = Self.aspirated.first(where: { unit.hasPrefix($0) }), unit.count > initial.count,
                    "aeiouy".contains(unit[unit.index(unit.startIndex, offsetBy: initial.count)]),
                    spellings.contains(initial)
                {
                    choices.append([(initial, true), (String(unit.dropFirst(initial.count)), false)])
                }
                alternatives = alternatives.flatMap { prefix in choices.map { prefix + $0 } }
            }
            options += alternatives.dropFirst()
        }
        return Array(options.prefix(6))
    }

    /// Index words within one edit of a name of six letters or more (two with `~`),
    /// leaving out the spellings already looked for.
    func nearSpellings(of token: String, widened: Bool, excluding: Set<String>) -> [String] {
        guard token.count >= 6 || (widened && token.count >= 4) else { return [] }
        return spellings.neighbours(of: token, distance: widened ? 2 : 1)
            .filter { !excluding.contains($0) && !Terms.stopwords.contains($0) }
            .prefix(8).filter(spellings.isName)
    }

    /// Every way of cutting `count` things into consecutive groups of one to three.
    static func groupings(_ count: Int) -> [[Int]] {
        if count == 0 { return [[]] }
        var result: [[Int]] = []
        for first in 1...min(3, count) {
            for rest in groupings(count - first) { result.append([first] + rest) }
        }
        return result
    }

    /// Choices of one word from each list, in order, up to `limit` of them: those made of
    /// the lists' first words (the spelling typed, then the commonest) come first.
    static func product(_ lists: [[String]], limit: Int) -> [[String]] {
        var lists = lists
        // Shorten the longest list until there are few enough choices to rank them all.
        while lists.reduce(1, { $0 * $1.count }) > 4_096,
            let longest = lists.indices.max(by: { lists[$0].count < lists[$1].count })
        {
            lists[longest].removeLast()
        }
        var choices: [([Int], Int)] = [([], 0)]
        for list in lists {
            choices = choices.flatMap { prefix, cost in list.indices.map { (prefix + [$0], cost + $0) } }
        }
        return choices.sorted { $0.1 < $1.1 }.prefix(limit).map { choice in
            choice.0.enumerated().map { lists[$0.offset][$0.element] }
        }
    }
}
