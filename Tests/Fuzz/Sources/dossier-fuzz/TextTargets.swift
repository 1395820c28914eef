import DocumentStore
import Foundation
import TextAnalysis

@testable import REPLCore

extension FuzzTarget {
    /// The query language: parsing alone, then with the sample store's name variants and
    /// run against it. A query that parses must run: every term is quoted, so FTS5 must
    /// accept whatever the parser made.
    static let query = FuzzTarget(name: "query", about: "the query parser, name expansion and the search it compiles to") {
        bytes in
        let text = bytes.text
        _ = try? SearchQuery.parse(text)
        let store = Sample.store
        let query: SearchQuery
        do {
            query = try store.query(text)
        } catch {
            let message = String(describing: error)
            if message.lowercased().contains("sqlite") || message.contains("fts5") {
                finding("the query error leaks SQL: \(message)")
            }
            return
        }
        do {
            _ = try store.search(query, limit: 5)
        } catch {
            finding("a query that parsed cannot run: \(text.debugDescription): \(error)")
        }
    }

    /// The REPL's line splitting: quotes, escapes, the command name.
    static let line = FuzzTarget(name: "line", about: "the REPL's line tokenizer") { bytes in
        let text = bytes.text
        _ = try? LineTokenizer.words(text)
        _ = try? LineTokenizer.words(text, allowUnclosed: true)
        _ = try? LineTokenizer.commandName(of: text)
        _ = try? LineTokenizer.split(text)
    }

    /// Words, folding and the text tools built on them; folding twice must give what folding
    /// once gave, or a word indexed one way would be searched for another.
    static let tokenizer = FuzzTarget(name: "tokenizer", about: "words, index terms, folding, diff, passages, names in text") {
        bytes in
        let text = bytes.text
        let folded = Folding.fold(text)
        if Folding.fold(folded) != folded {
            finding("folding is not idempotent: \(text.debugDescription) → \(folded.debugDescription)")
        }
        _ = Folding.nfc(text)
        _ = Folding.trimmed(text)
        _ = Terms.indexWords(in: text)
        _ = Terms.indexTerms(in: text)
        _ = Terms.wordRanges(in: text)
        Terms.forEachWord(inUTF8: bytes.assumingMemoryBound(to: UInt8.self)) { _, _ in true }
        let half = text.index(text.startIndex, offsetBy: text.count / 2)
        let (before, after) = (String(text[..<half]), String(text[half...]))
        _ = WordDiff.script(from: before, to: after)
        _ = EditDistance.distance(before, after, limit: 3)
        _ = PassageFinder.find(String(before.suffix(40)), in: after)
        _ = NameRecognizer.recognize(text)
    }

    /// Name variants: romanization keys, syllables, Slavic transliteration, the rule that
    /// relates two spellings.
    static let variants = FuzzTarget(name: "variants", about: "name variant keys, romanization and spelling rules") { bytes in
        let words = bytes.text.split(whereSeparator: \.isWhitespace).prefix(24).map(String.init)
        for word in words {
            _ = NameVariants.keys(of: word)
            _ = NameVariants.romanizationKey(word)
            _ = NameVariants.slavicKeys(word)
            _ = NameVariants.syllables(of: word)
            _ = NameVariants.romanized(word)
            _ = NameVariants.isNameLike(word)
            _ = NameVariants.isSurname(word)
        }
        for (a, b) in zip(words, words.dropFirst()) { _ = NameVariants.rule(between: a, and: b) }
        if !words.isEmpty { _ = NameVariants.joinedName(words) }
    }
}
