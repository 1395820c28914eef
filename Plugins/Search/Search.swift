import ArgumentParser
import DocumentStore
import REPLCore

/// `search QUERY`: the documents that match, best first.
struct Search: DossierCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find documents by words in their title, summary and text.",
        discussion: """
            All words must match, in any order and any case; accents do not matter. \
            "Quoted words" must stand together as a phrase; OR between words accepts either, \
            and parentheses group: (Mikoyan OR Peng) plenum. -word or NOT word leaves out \
            documents with that word; a word ending in * matches any word it starts \
            (rehabilit*); NEAR(Mikoyan Peng, 5) wants the words within 5 words of each other. \
            title:, summary:, text:, person:, place:, collection: and archive: confine a \
            word, phrase or group to that part of the documents (person: and place: also look \
            in titles and summaries, where most archive records name people and places). \
            after:DATE, before:DATE, year:YYYY and date:FROM..TO keep documents whose date \
            falls in the range, bounds included; a partial date covers its whole span (a \
            document dated September 1956 is after:1956-09-15), and undated documents are \
            left out. Results are ranked by relevance (BM25), a match in the title counting \
            most, then the summary, then the text; 'show N' prints result N in full.
            """)

    static let examples = [
        "search Mikoyan",
        "search \"August Plenum\"",
        "search Puzanov journal --limit 2",
        "search rehabilit* -Peng",
        "search title:telegram Stalin",
        "search (Mikoyan OR Shtykov) -Peng",
        "search NEAR(Mikoyan Peng, 3)",
        "search person:Shtykov",
        "search plenum after:1956-09-21 before:1957",
    ]

    static let takesFreeText = true

    @Argument(help: "What to look for.")
    var query: String

    @Option(name: .long, help: "How many results to show.")
    var limit: Int = 20

    func validate() throws {
        guard limit >= 1 else {
            throw ValidationError("--limit must be at least 1, not \(limit).")
        }
    }

    func run(in context: CommandContext) async throws -> any CommandOutput {
        let parsed = try SearchQuery.parse(query)
        let page = try context.store.search(parsed, limit: limit)
        let heading: String
        switch page.total {
        case 0: heading = "No documents match '\(query)'."
        case 1: heading = "1 document matches '\(query)'."
        default:
            heading = page.hits.count < page.total
                ? "\(page.total.grouped) documents match '\(query)'; the best \(page.hits.count == 1 ? "is" : "\(page.hits.count) are") shown."
                : "\(page.total.grouped) documents match '\(query)'."
        }
        let footer = page.hits.count < page.total
            ? "Use --limit \(min(page.total, max(limit * 2, 50))) to see more; 'show N' prints result N in full."
            : nil
        return DocumentList(
            heading: heading,
            items: page.hits.map { DocumentList.Item(record: $0.record, snippet: $0.snippet, extra: ["score": .number($0.score)]) },
            footer: footer,
            data: ["query": .string(query), "total": .number(Double(page.total))])
    }
}
