import ArgumentParser
import CommandSupport
import DocumentStore
import DossierProtocol
import Foundation
import REPLCore
import TextAnalysis

/// `related REF`: the documents most like one document.
struct Related: DossierCommand, ListingCommand {
    static let configuration = CommandConfiguration(
        commandName: "related",
        abstract: "List the documents most like one document, each with the reason.",
        discussion: """
            REF is a result number from the last listing or a document id. Likeness is \
            measured by the words that are distinctive of the document — frequent in it and \
            rare in the archive (tf-idf) — and the people it names (in its fields, or \
            recognised in its title and summary); the documents that share the most of them, \
            weighed by BM25, come first. Each result says what it shares and how far apart \
            the dates are.
            """)

    static let examples = ["related wca-2a20b1851ab2", "search Mikoyan", "related 1 --limit 3"]

    @Argument(help: ArgumentHelp("A result number or a document id.", valueName: "ref"))
    var ref: String

    @OptionGroup var limit: ResultLimit
    static let defaultLimit = 10

    /// Distinctive words the likeness is measured by.
    static let termCount = 12

    func validate() throws {
    }

    func run(in context: CommandContext) async throws -> any CommandOutput {
        let limit = self.limit.value(default: Self.defaultLimit, in: context)
        let record = try context.resolve(ref)
        let people = Self.people(of: record)
        let terms = try Self.distinctiveTerms(of: record, in: context.store)
        let peopleTerms = Set(people.flatMap { Terms.indexTerms(in: $0) })
        var clauses = terms.filter { !peopleTerms.contains($0) }
        // People as phrases written as the record writes them, so that the search looks
        // for them in every spelling and under their aliases.
        clauses += people.map { "\"" + $0.replacingOccurrences(of: "\"", with: "") + "\"" }
        let heading = "Documents most like \(record.id), “\(record.title)”"
        guard !clauses.isEmpty else {
            return DocumentList(
                heading: heading + ": none — it has no words or names that other documents share.", items: [])
        }
        let query = try context.store.query(clauses.joined(separator: " OR "))
        let page = try context.store.search(query, limit: limit + 1)
        let hits = page.hits.filter { $0.record.id != record.id }.prefix(limit)
        let items = hits.map { hit -> DocumentList.Item in
            let why = Self.reason(hit.record, like: record, terms: terms, people: people, store: context.store)
            return DocumentList.Item(record: hit.record, snippet: why, extra: RelatedHit(why: why, score: hit.score))
        }
        return DocumentList(
            heading: items.isEmpty ? heading + ": none share its distinctive words or people." : heading + ":",
            items: Array(items), about: RelatedListing(id: record.id, terms: terms))
    }

    /// The people a record names: its people field, else the names in its title and summary.
    static func people(of record: Record) -> [String] {
        record.people.isEmpty ? NameRecognizer.recognize(record.title, record.summary).people : record.people
    }

    /// The words most distinctive of `record` against the whole store: tf-idf, title words
    /// counting double, words no other document uses left out.
    static func distinctiveTerms(of record: Record, in store: DocumentStore) throws -> [String] {
        var frequency: [String: Double] = [:]
        func count(_ text: String, weight: Double) {
            for term in Terms.indexTerms(in: text).prefix(20_000)
            where term.count >= 3 && !Terms.stopwords.contains(term) && !term.allSatisfy(\.isNumber) {
                frequency[term, default: 0] += weight
            }
        }
        count(record.title, weight: 2)
        count(record.summary, weight: 1)
        if record.text != record.summary { count(record.text, weight: 1) }
        let documents = Double(max(try store.indexTotals().documents, 1))
        let df = try store.documentFrequencies(of: frequency.keys)
        let scored = frequency.compactMap { term, tf -> (String, Double)? in
            guard let n = df[term], n > 1 else { return nil }
            return (term, tf * log(documents / Double(n)))
        }
        return scored.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(termCount).map(\.0)
    }

    /// "shares Mikoyan, Peng Dehuai; plenum, presidium; 2 days later".
    static func reason(_ other: Record, like record: Record, terms: [String], people: [String], store: DocumentStore) -> String {
        let otherPeople = Self.people(of: other)
        // One person under two spellings is shared (Kim Il Sung, Kim Il-sŏng).
        let groups = (try? store.nameGroups(people + otherPeople)) ?? (people + otherPeople).map { [$0] }
        let sharedPeople = people.compactMap { person -> String? in
            guard let group = groups.first(where: { $0.contains(person) }),
                let spelling = group.first(where: otherPeople.contains)
            else { return nil }
            return spelling == person ? person : "\(person) (as \(spelling))"
        }
        let words = Set(Terms.indexTerms(in: other.title + " " + other.summary + " " + other.text))
        let nameWords = Set((people + otherPeople).flatMap { Terms.indexTerms(in: $0) })
        let sharedTerms = terms.filter { words.contains($0) && !nameWords.contains($0) }
        var parts: [String] = []
        if !sharedPeople.isEmpty { parts.append("names " + sharedPeople.prefix(4).joined(separator: ", ")) }
        if !sharedTerms.isEmpty { parts.append("shares " + sharedTerms.prefix(5).joined(separator: ", ")) }
        if let gap = Self.gap(from: record.date, to: other.date) { parts.append(gap) }
        return parts.joined(separator: "; ")
    }

    /// "the same day", "3 days later", "about 2 years earlier".
    static func gap(from date: PartialDate?, to other: PartialDate?) -> String? {
        guard let date, let other else { return nil }
        if let days = date.days(to: other) {
            let size = abs(days)
            let direction = days > 0 ? "later" : "earlier"
            switch size {
            case 0: return "the same day"
            case 1: return "1 day \(direction)"
            case ..<60: return "\(size) days \(direction)"
            case ..<730: return "about \(size / 30) months \(direction)"
            default: return "about \(size / 365) years \(direction)"
            }
        }
        if date.year == other.year { return date.month != nil && date.month == other.month ? "the same month" : "the same year" }
        let years = other.year - date.year
        return "\(abs(years)) \(abs(years) == 1 ? "year" : "years") \(years > 0 ? "later" : "earlier")"
    }
}

/// What `related --json` says besides the documents: the document and its distinctive words.
struct RelatedListing: Encodable, Sendable {
    var id: String
    var terms: [String]
}

/// Why a document is like the one asked about, and its score.
struct RelatedHit: Encodable, Sendable {
    var why: String
    var score: Double
}
