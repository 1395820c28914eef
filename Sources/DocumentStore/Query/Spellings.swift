import Foundation
import GRDB
import Synchronization
import TextAnalysis

/// The spellings a store holds, as the query parser asks for them while it reads one query:
/// the words sharing a spelling key, the words one or two letters off, and the aliases.
///
/// Without a database, it answers only what the store remembers from earlier queries
/// (whether a word is indexed, how the documents capitalize it), and notes when it was
/// asked anything else: most queries of words a researcher has typed before need no
/// reading at all, and the rest are parsed again with the database.
final class Spellings {
    private let db: Database?
    private let store: DocumentStore
    private var byKeys: [[String]: [String]] = [:]
    private var aliasGroups: [[[String]]]?
    /// Whether a question needed the database it was not given (its answer was empty).
    private(set) var neededDatabase = false

    init(_ db: Database?, store: DocumentStore) {
        self.db = db
        self.store = store
    }

    /// The database, noting when there is none.
    private func database() -> Database? {
        if db == nil { neededDatabase = true }
        return db
    }

    /// Whether the documents write `term` as a name: capitalized more often than not
    /// where it does not start a sentence, in a sample of the documents that have it.
    /// "being" is an English word, not a spelling of Beijing; "Sung" in "Kim Il Sung" is
    /// a name.
    func isName(_ term: String) -> Bool {
        let (capitalized, lower) = capitalization(of: term)
        return lower <= capitalized
    }

    /// Whether the documents write `term` as a name nearly always (more than two times in
    /// three): a word typed in lower case is taken for a name only then.
    func isClearlyName(_ term: String) -> Bool {
        let (capitalized, lower) = capitalization(of: term)
        return capitalized > 2 * lower
    }

    /// How often `term` is capitalized and how often not, where it does not start a
    /// sentence, in a sample of the documents that have it.
    private func capitalization(of term: String) -> (Int, Int) {
        if let known = store.nameWords.withLock({ $0[term] }) { return known }
        guard let db = database() else { return (0, 0) }
        let rows =
            (try? Row.fetchAll(
                db,
                sql: """
                    SELECT title, summary, substr(text, 1, 20000) FROM document
                    WHERE rowid IN (SELECT rowid FROM document_fts WHERE document_fts MATCH ? LIMIT 8)
                    """,
                arguments: [SearchQuery.quote([term])])) ?? []
        var capitalized = 0
        var lower = 0
        for row in rows {
            for column in 0..<3 {
                let text: String = row[column] ?? ""
                var sentenceStart = true
                var word = ""
                // The later syllables of a hyphenated name (Il-sŏng) go with its first.
                var hyphenatedName = false
                var previousCapitalized = false
                func finish() {
                    guard !word.isEmpty else { return }
                    let isCapitalized = word.first!.isUppercase || hyphenatedName && previousCapitalized
                    if Folding.fold(word) == term, !sentenceStart {
                        if isCapitalized { capitalized += 1 } else { lower += 1 }
                    }
                    previousCapitalized = isCapitalized
                }
                for character in text {
                    if character.isLetter || character.isNumber {
                        word.append(character)
                        continue
                    }
                    if Folding.apostrophes.contains(character) && !word.isEmpty { continue }
                    finish()
                    if !word.isEmpty { sentenceStart = false }
                    hyphenatedName = character == "-" && !word.isEmpty
                    word = ""
                    if ".!?:;\n".contains(character) { sentenceStart = true }
                }
                finish()
            }
        }
        store.nameWords.withLock { $0[term] = (capitalized, lower) }
        return (capitalized, lower)
    }

    /// The index words sharing a key with `term` (one word, or the words of a name run
    /// together), the commonest first; `term` itself first when the store has it.
    func variants(of term: String) -> [String] {
        let keys = Vocabulary.keys(of: term)
        // A letter alone (the i of Ka-i) has no other spelling.
        guard !keys.isEmpty else { return contains(term) ? [term] : [] }
        if let known = byKeys[keys] { return known }
        guard let db = database() else { return [] }
        let marks = DocumentStore.placeholders(keys.count)
        var words =
            (try? String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT v.term FROM vocabulary_key k JOIN vocabulary v ON v.term = k.term
                    WHERE k.key IN (\(marks)) ORDER BY v.documents DESC, v.term LIMIT 24
                    """,
                arguments: StatementArguments(keys))) ?? []
        words = words.filter { $0 == term || isName($0) }
        if let own = words.firstIndex(of: term) { words.insert(words.remove(at: own), at: 0) }
        byKeys[keys] = words
        return words
    }

    /// Index words within `distance` edits of `term` (letters changed, missing, added or
    /// swapped), commonest first. A word one edit away keeps either its first half or its
    /// second half as it is, so only words sharing one are compared; two edits keep a
    /// third.
    func neighbours(of term: String, distance: Int) -> [String] {
        let letters = Array(term)
        let part = distance == 1 ? letters.count / 2 : letters.count / 3
        guard part >= 2 else { return [] }
        let head = String(letters.prefix(part))
        let tail = String(letters.suffix(part).reversed())
        guard let db = database() else { return [] }
        let rows =
            (try? Row.fetchAll(
                db,
                sql: """
                    SELECT term, documents FROM vocabulary WHERE term >= ? AND term < ? || char(1114111)
                    UNION SELECT term, documents FROM vocabulary WHERE reversed >= ? AND reversed < ? || char(1114111)
                    """,
                arguments: [head, head, tail, tail])) ?? []
        return rows.compactMap { row -> (String, Int)? in
            let word: String = row[0]
            guard word != term, abs(word.count - letters.count) <= distance,
                EditDistance.distance(term, word, limit: distance) <= distance
            else { return nil }
            return (word, row[1])
        }
        .sorted { ($0.1, $1.0) > ($1.1, $0.0) }
        .map(\.0)
    }

    /// The spellings of a whole name (its words given as index words) that the documents
    /// use, each as the index words of a phrase, the commonest first: the people and
    /// places of their fields or recognised in their titles and summaries.
    func knownNames(of tokens: [String]) -> [[String]] {
        let keys = Vocabulary.nameKeys(ofWords: tokens)
        guard !keys.isEmpty, let db = database() else { return [] }
        let spellings =
            (try? String.fetchAll(
                db,
                sql: """
                    SELECT spelling FROM name_spelling WHERE key IN (\(DocumentStore.placeholders(keys.count)))
                    GROUP BY spelling ORDER BY max(documents) DESC, spelling LIMIT 16
                    """,
                arguments: StatementArguments(keys))) ?? []
        var phrases: [[String]] = []
        for spelling in spellings {
            let terms = Terms.indexTerms(in: spelling)
            if !terms.isEmpty, !phrases.contains(terms) { phrases.append(terms) }
        }
        return phrases
    }

    /// Whether the index has the word.
    func contains(_ term: String) -> Bool {
        if let known = store.indexedWords.withLock({ $0[term] }) { return known }
        guard let db = database() else { return false }
        let known = ((try? Bool.fetchOne(db, sql: "SELECT 1 FROM vocabulary WHERE term = ?", arguments: [term])) ?? nil) ?? false
        store.indexedWords.withLock { $0[term] = known }
        return known
    }

    /// The alias groups that contain `terms` (a name as index words) as one of their
    /// spellings: every spelling of each, as index words.
    func aliases(of terms: [String]) -> [[String]] {
        if aliasGroups == nil {
            guard let db = database() else { return [] }
            let rows = (try? Row.fetchAll(db, sql: "SELECT name, variant FROM alias ORDER BY name, variant")) ?? []
            var groups: [String: [[String]]] = [:]
            for row in rows {
                let name: String = row[0]
                let variant: String = row[1]
                groups[name, default: [Terms.indexTerms(in: name)]].append(Terms.indexTerms(in: variant))
            }
            aliasGroups = Array(groups.values)
        }
        let joined = terms.joined()
        return aliasGroups!.filter { group in group.contains { $0.joined() == joined } }.flatMap { $0 }
    }
}

extension DocumentStore {
    /// Parses a query, looking for the names in it in every spelling the store holds
    /// (romanizations, transliterations, scripts, aliases, a letter off), unless `exact`.
    public func query(_ text: String, exact: Bool = false) throws -> SearchQuery {
        if exact { return try SearchQuery.parse(text) }
        // First from what earlier queries found out, which is all most queries ask.
        let remembered = Spellings(nil, store: self)
        let answer = Result { () throws(QueryError) in try SearchQuery.parse(text, names: NameExpansion(spellings: remembered)) }
        if !remembered.neededDatabase { return try answer.get() }
        let parsed: Result<SearchQuery, QueryError> = try read { db in
            let names = NameExpansion(spellings: Spellings(db, store: self))
            return Result { () throws(QueryError) in try SearchQuery.parse(text, names: names) }
        }
        return try parsed.get()
    }
}

extension DocumentStore {
    /// The query with each word the store does not have replaced by the commonest word it
    /// has one or two letters off (`Shytkov` → `Shtykov`), for "Did you mean…?" after a
    /// search finds nothing; nil when no word could be corrected.
    public func suggestion(for text: String) throws -> String? {
        try read { db in
            let spellings = Spellings(db, store: self)
            var changed = false
            let words = text.split(separator: " ", omittingEmptySubsequences: false).map { raw -> String in
                let word = String(raw)
                // Operators, fields and filters are left as they are.
                guard !word.contains(":"), !["AND", "OR", "NOT"].contains(word) else { return word }
                let core = word.trimmingCharacters(in: CharacterSet(charactersIn: "\"()=-~*“”"))
                let tokens = Terms.indexTerms(in: core)
                guard tokens.count == 1, let token = tokens.first, token.count >= 3, !spellings.contains(token),
                    let best = spellings.neighbours(of: token, distance: token.count >= 6 ? 2 : 1).first
                else { return word }
                changed = true
                let cased = core.first?.isUppercase == true ? best.prefix(1).uppercased() + best.dropFirst() : best
                return word.replacingOccurrences(of: core, with: cased)
            }
            return changed ? words.joined(separator: " ") : nil
        }
    }
}
