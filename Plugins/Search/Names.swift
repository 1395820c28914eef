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
            heading: heading, groups: Array(shown),
            data: [
                "query": .string(query), "total": .number(Double(total)), "distinct": .number(Double(groups.count)),
                what: .array(
                    shown.map { group in
                        [
                            "name": .string(group.name), "documents": .number(Double(group.documents)),
                            "spellings": .array(
                                group.spellings.map {
                                    ["spelling": .string($0.spelling), "documents": .number(Double($0.documents))]
                                }),
                        ]
                    }),
            ])
    }
}

/// Names with their counts and, after each, its other spellings.
struct NameList: CommandOutput {
    var heading: String
    var groups: [NameGroup]
    var data: JSONValue

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

    var json: JSONValue { data }
}
