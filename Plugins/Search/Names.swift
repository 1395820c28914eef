import ArgumentParser
import DocumentStore
import DossierProtocol
import REPLCore

/// `names QUERY`: the people the hits name, each under all their spellings.
struct Names: FreeTextCommand, ListingCommand {
    static let configuration = CommandConfiguration(
        commandName: "names",
        abstract: "List the people the documents a search finds name, each with all their spellings.",
        discussion: """
            QUERY is written as for 'search' (see 'help search'). People come from the \
            documents' people fields and, where a document has none, from the names recognised \
            in its title and summary. Spellings of one person are counted together: the same \
            name in another romanization, transliteration or script (Pak Hon Yong, Pak \
            Heon-yeong), an alias ('help alias'), or a long name one letter off (Shytkov, \
            Shtykov). Counts are documents.
            """)

    static let examples = ["names plenum", "names Puzanov --limit 5", "names Kim --places"]

    static var freeText: WritableKeyPath<Self, String> { \.query }

    @Argument(help: "What to look for, as for 'search'.")
    var query: String

    @OptionGroup var limit: ResultLimit
    static let defaultLimit = 20

    @Flag(help: "List places instead of people.")
    var places = false

    func validate() throws {
    }

    func run(in context: CommandContext) async throws -> any CommandOutput {
        let limit = self.limit.value(default: Self.defaultLimit)
        let parsed = try context.store.query(query)
        let (total, groups) = try context.store.names(parsed, kind: places ? .place : .person)
        let what = places ? "places" : "people"
        var heading = Search.countSentence(total, query: query)
        if total > 0 {
            heading.removeLast()
            heading +=
                groups.isEmpty
                ? "; they name no \(what) that could be recognised."
                : groups.count > limit
                    ? "; they name \(groups.count.grouped) \(what), the \(limit) named most are shown."
                    : "; they name \(groups.count.grouped) \(groups.count == 1 ? (places ? "place" : "person") : what)."
        }
        let shown = groups.prefix(limit)
        return NameList(
            heading: heading, groups: Array(shown), query: query, total: total, distinct: groups.count, places: places)
    }
}

/// Names with their counts and, after each, its other spellings.
struct NameList: CommandResult {
    var heading: String
    var groups: [NameGroup]
    var query: String
    /// How many documents the query finds.
    var total: Int
    /// How many names they name in all (more than `groups` past the limit).
    var distinct: Int
    /// Whether the names are places, not people.
    var places: Bool

    enum CodingKeys: String, CodingKey {
        case query, total, distinct, people, places
    }

    enum GroupKeys: String, CodingKey {
        case name, documents, spellings
    }

    enum SpellingKeys: String, CodingKey {
        case spelling, documents
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(query, forKey: .query)
        try container.encode(total, forKey: .total)
        try container.encode(distinct, forKey: .distinct)
        var list = container.nestedUnkeyedContainer(forKey: places ? .places : .people)
        for group in groups {
            var entry = list.nestedContainer(keyedBy: GroupKeys.self)
            try entry.encode(group.name, forKey: .name)
            try entry.encode(group.documents, forKey: .documents)
            var spellings = entry.nestedUnkeyedContainer(forKey: .spellings)
            for spelling in group.spellings {
                var item = spellings.nestedContainer(keyedBy: SpellingKeys.self)
                try item.encode(spelling.spelling, forKey: .spelling)
                try item.encode(spelling.documents, forKey: .documents)
            }
        }
    }

    func text(in style: TextStyle) -> String {
        var lines = Wrapping.wrap(heading, width: style.width)
        guard !groups.isEmpty else { return lines.joined(separator: "\n") }
        lines.append("")
        let countWidth = (groups.map(\.documents).max() ?? 0).grouped.count
        for group in groups {
            let count = group.documents.grouped
            let line = String(repeating: " ", count: countWidth - count.count) + count + "  " + style.bold(group.name)
            lines.append("  " + line)
            if group.spellings.count > 1 {
                let spellings = group.spellings.map { "\($0.spelling) (\($0.documents.grouped))" }.joined(separator: ", ")
                let indent = String(repeating: " ", count: countWidth + 4)
                lines += Wrapping.wrap("spelt " + spellings, width: style.width, indent: indent).map { style.dim($0) }
            }
        }
        return lines.joined(separator: "\n")
    }
}
