import ArgumentParser
import CommandSupport
import DocumentStore
import DossierProtocol
import REPLCore

/// `search QUERY`: the documents that match, best first.
struct Search: FreeTextCommand, ListingCommand {
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
            left out; date filters alone (year:1956) list every document of the period, \
            oldest first. Results are ranked by relevance (BM25), a match in the title counting \
            most, then the summary, then the text; 'show N' prints result N in full.

            A name (a word with a capital, an accent or an apostrophe, or in Hangul, Han \
            characters or Cyrillic) is also looked for in its other spellings: \
            McCune–Reischauer, Revised and North Korean romanizations of Korean (Ch'oe \
            Yong-gŏn, Choe Yong-geon, Choe Yong Gon; Ri, Yi, Lee), Wade–Giles and Pinyin \
            (Mao Tse-tung, Mao Zedong), Russian through English, German, Polish and Czech \
            (Khrushchev, Chruschtschow, Chruszczow, Hruščov, Хрущёв), with or without hyphens \
            and spaces (Il-sung, Ilsung), and under the aliases of 'alias'. A name of six \
            letters or more also matches names one letter off (Shytkov for Shtykov), marked \
            as near spellings; Shytkov~ allows two. Documents with the name as typed come \
            first, then those with it in other spellings, then those with its words apart, \
            then near spellings. "Quotes" keep a phrase's words together but still vary its \
            names; =word, ="phrase" or --exact look for the spelling typed only. Common \
            words (the, party, plenum) are never varied. --why says for each result which \
            spelling it has and by which rule; a search that finds nothing suggests a \
            spelling the archive has.
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
        "search Kim Il-sŏng --why",
        "search \"Pak Hon Yong\" --why",
        "search Shytkov~",
        "search =Shtykov",
        "search Peng Dehuai --exact",
    ]

    static var freeText: WritableKeyPath<Self, String> { \.query }

    @Argument(help: "What to look for.")
    var query: String

    @OptionGroup var limit: ResultLimit
    static let defaultLimit = 20

    @Option(help: "The order: relevance (best first), date (oldest first) or -date (newest first).")
    var sort: SearchSort = .relevance

    @Option(help: ArgumentHelp("Skip this many results (next and prev do it for you).", visibility: .hidden))
    var offset: Int = 0

    @Flag(help: "Look for names only as typed, in no other spelling (=word does it for one word).")
    var exact = false

    @Flag(help: "Say for each result which spelling of a name it matched, and by which rule.")
    var why = false

    func validate() throws {
        guard offset >= 0 else {
            throw ValidationError("--offset must be 0 or more, not \(offset).")
        }
    }

    func run(in context: CommandContext) async throws -> any CommandOutput {
        let limit = self.limit.value(default: Self.defaultLimit, in: context)
        return try Self.page(query: query, sort: sort, limit: limit, offset: offset, exact: exact, why: why, in: context)
    }

    /// One page of results, shown as a numbered list and remembered for `next` and `prev`.
    static func page(
        query: String, sort: SearchSort, limit: Int, offset: Int, exact: Bool, why: Bool, in context: CommandContext
    ) throws -> DocumentList {
        let parsed = try context.store.query(query, exact: exact)
        let page = try context.store.search(
            parsed, limit: limit, offset: offset, sort: sort, snippetWords: context.settings.number("snippet") ?? 32)
        context.lastQuery = parsed
        // Date filters alone have no relevance to rank by: they list in date order.
        let shownSort = parsed.isDatesOnly && sort == .relevance ? SearchSort.date : sort
        context.paging = Paging(
            command: "search",
            state: SearchPaging(query: query, sort: sort, exact: exact, why: why),
            offset: offset, limit: limit,
            total: page.total)
        let first = offset + 1
        let last = offset + page.hits.count
        var heading = countSentence(page.total, query: query)
        if page.hits.count < page.total {
            heading.removeLast()
            if offset == 0 && shownSort == .relevance {
                heading += "; the best \(page.hits.count == 1 ? "is" : "\(page.hits.count) are") shown."
            } else if page.hits.isEmpty {
                heading += "; there are no results after \(offset.grouped)."
            } else {
                let order = shownSort == .relevance ? "" : (shownSort == .date ? ", oldest first" : ", newest first")
                heading +=
                    first == last
                    ? "; result \(first.grouped) is shown\(order)."
                    : "; \(first.grouped)–\(last.grouped) are shown\(order)."
            }
        }
        if let undated = page.undatedExcluded, undated > 0 {
            heading +=
                " \(undated.grouped) undated \(undated == 1 ? "document matches" : "documents match") too but \(undated == 1 ? "is" : "are") left out by the date filter."
        }
        var footer: String?
        if page.total == 0, !exact, let suggestion = try context.store.suggestion(for: query) {
            footer = "Did you mean 'search \(suggestion)'?"
        } else if last < page.total {
            let nextLast = min(last + limit, page.total)
            let range = nextLast == last + 1 ? "result \(nextLast.grouped)" : "results \((last + 1).grouped)–\(nextLast.grouped)"
            footer = "Type 'next' for \(range); 'show N' prints result N in full."
        } else if offset > 0 {
            footer = "That is the last page; 'prev' goes back."
        }
        return DocumentList(
            heading: heading, items: page.hits.map { item(for: $0, query: parsed, why: why, ranked: sort == .relevance) },
            firstNumber: first, footer: footer,
            about: SearchListing(
                query: query, total: page.total, offset: offset, sort: sort, undatedExcluded: page.undatedExcluded))
    }

    /// One result, marked when it matched only a spelling a letter off, and with the
    /// spellings it matched under `--why`.
    static func item(for hit: SearchHit, query: SearchQuery, why: Bool, ranked: Bool) -> DocumentList.Item {
        var extra = SearchListing.Hit(score: hit.score, matched: hit.matched?.rawValue, why: nil)
        var notes: [String] = []
        if why || hit.matched == .nearSpelling {
            let reasons = query.reasons(for: hit.record)
            if why {
                extra.why = reasons.map(\.sentence)
                // Ranked by relevance, a hit of the first tiers has the spelling typed; in
                // date order the tiers are not worked out.
                let typed = reasons.isEmpty || ranked && hit.matched == nil
                notes =
                    typed
                    ? ["Matched as typed."] + reasons.map { "Also matched \($0.sentence)." }
                    : reasons.map { "Matched \($0.sentence)." }
            } else {
                notes = reasons.filter { $0.kind == .nearSpelling }.map { "Near spelling: \($0.sentence)." }
            }
        }
        return DocumentList.Item(record: hit.record, snippet: hit.snippet, extra: extra, notes: notes)
    }

    /// "12 documents match 'Kim'."
    static func countSentence(_ total: Int, query: String) -> String {
        switch total {
        case 0: return "No documents match '\(query)'."
        case 1: return "1 document matches '\(query)'."
        default: return "\(total.grouped) documents match '\(query)'."
        }
    }
}

extension SearchSort: ExpressibleByArgument {
    /// The values for help and completion, listed once: swift-argument-parser's own
    /// default lists them again (through a key path made at run time) at every search.
    public static let allValueStrings = allCases.map(\.rawValue)
}

extension Search {
    /// `set snippet N`: how many words the passage under each result shows.
    static let snippetSetting = SettingDefinition.number(
        "snippet", summary: "How many words the passage under each search result shows.", default: 32, range: 4...200)
}

/// What `next` and `prev` need to page through the last search.
struct SearchPaging: Sendable {
    var query: String
    var sort: SearchSort
    var exact: Bool
    var why: Bool
}

/// What `search --json` says of the search besides its results, and of each result.
struct SearchListing: Encodable, Sendable {
    var query: String
    var total: Int
    var offset: Int
    var sort: SearchSort
    /// Undated documents a date filter left out, when it left out any.
    var undatedExcluded: Int?

    enum CodingKeys: String, CodingKey {
        case query, total, offset, sort
        case undatedExcluded = "undated_excluded"
    }

    struct Hit: Encodable, Sendable {
        var score: Double
        /// How the hit matched, when not as typed (`variant`, `near_spelling`, …).
        var matched: String?
        /// With `--why`: which spelling matched, by which rule.
        var why: [String]?
    }
}
