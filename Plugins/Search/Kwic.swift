import ArgumentParser
import DocumentStore
import DossierProtocol
import REPLCore
import TextAnalysis

/// `kwic TERM [QUERY]`: every occurrence of a word with its context, aligned.
struct Kwic: FreeTextCommand, ListingCommand {
    static let configuration = CommandConfiguration(
        commandName: "kwic",
        abstract: "Show a word in context: each occurrence on a line, aligned, across the documents that use it.",
        discussion: """
            TERM is a word, a prefix ending in * or a "quoted phrase"; case and accents do not \
            matter. QUERY, written as for 'search', narrows the documents (date filters \
            included). Documents come oldest first, each with its number from this listing, so \
            'show N' opens one; occurrences in the title, the summary and the text are all shown.
            """)

    static let examples = ["kwic plenum", "kwic rehabilit* Mikoyan", "kwic \"Kim Il Sung\" year:1957 --limit 3"]

    static var freeText: WritableKeyPath<Self, String> { \.text }

    @Argument(help: ArgumentHelp("The word, prefix* or \"phrase\", then optionally a query.", valueName: "term-and-query"))
    var text: String

    @OptionGroup var limit: ResultLimit
    static let defaultLimit = 40

    /// Documents read for lines at most; the total count covers every match.
    static let documentLimit = 500

    func validate() throws {
    }

    func run(in context: CommandContext) async throws -> any CommandOutput {
        let limit = self.limit.value(default: Self.defaultLimit)
        let (term, rest) = try Self.split(text)
        guard let concordance = Concordance(term: term.replacingOccurrences(of: "\"", with: "")) else {
            throw REPLError.failed(
                "kwic needs a word to look for, not '\(term)'. Give a word, a prefix* or a \"quoted phrase\", e.g. kwic plenum.")
        }
        let parsed = try SearchQuery.parse(rest.isEmpty ? term : term + " " + rest)
        let page = try context.store.search(parsed, limit: Self.documentLimit, sort: .date)
        let style = context.style
        let numberWidth = String(min(page.total, Self.documentLimit)).count + 1
        let prefixWidth = numberWidth + 2 + 10 + 2
        let available = max(30, style.width - prefixWidth)
        let leftWidth = (available - Wrapping.visibleWidth(term)) / 2
        let rightWidth = max(10, available - leftWidth - Wrapping.visibleWidth(term) - 2)
        var lines: [KwicView.Line] = []
        var occurrences = 0
        var documents: [Record] = []
        for hit in page.hits {
            let record = hit.record
            var found = false
            for (field, value) in [("title", record.title), ("summary", record.summary), ("text", record.text)] {
                if field == "text" && value == record.summary { continue }
                let hits = concordance.hits(in: value, leftWidth: leftWidth, rightWidth: rightWidth)
                occurrences += hits.count
                if !hits.isEmpty && !found {
                    documents.append(record)
                    found = true
                }
                for hit in hits where lines.count < limit {
                    lines.append(KwicView.Line(record: record, number: documents.count, field: field, hit: hit))
                }
            }
            if context.isInterrupted { throw REPLError.interrupted }
        }
        return KwicView(
            term: term, query: rest, lines: lines, occurrences: occurrences, documentsWithLines: documents,
            matched: page.total, read: page.hits.count, leftWidth: leftWidth)
    }

    /// The term (a word, prefix or quoted phrase) and the query after it.
    static func split(_ text: String) throws -> (term: String, rest: String) {
        let trimmed = Folding.trimmed(text)
        if trimmed.hasPrefix("\"") {
            guard let close = trimmed.dropFirst().firstIndex(of: "\"") else {
                throw REPLError.failed("The phrase '\(trimmed)' is never closed. Add the closing \", e.g. kwic \"Kim Il Sung\".")
            }
            let term = String(trimmed[...close])
            return (term, Folding.trimmed(String(trimmed[trimmed.index(after: close)...])))
        }
        let end = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" }) ?? trimmed.endIndex
        let term = String(trimmed[..<end])
        if term.hasPrefix("-") || term.contains(":") || term.contains("(")
            || term.uppercased() == term && ["OR", "NOT", "AND"].contains(term)
        {
            throw REPLError.failed(
                "kwic needs a word first, not '\(term)'. Put the word (or prefix*, or \"phrase\") first and the query after it, e.g. kwic plenum year:1956."
            )
        }
        return (term, Folding.trimmed(String(trimmed[end...])))
    }
}

/// Keyword-in-context lines, the keyword in one column.
struct KwicView: CommandResult {
    struct Line {
        var record: Record
        var number: Int
        var field: String
        var hit: Concordance.Hit
    }

    var term: String
    var query: String
    var lines: [Line]
    var occurrences: Int
    var documentsWithLines: [Record]
    var matched: Int
    var read: Int
    var leftWidth: Int

    func text(in style: TextStyle) -> String {
        let matching = query.isEmpty ? "" : " matching '\(query)'"
        guard !lines.isEmpty else {
            return matched == 0
                ? "No documents\(matching) use \(term)."
                : "\(matched.grouped) \(matched == 1 ? "document" : "documents")\(matching) use \(term), but only in fields kwic does not show (people, places, collections)."
        }
        var heading =
            "\(occurrences.grouped) \(occurrences == 1 ? "occurrence" : "occurrences") of \(term) in \(documentsWithLines.count.grouped) \(documentsWithLines.count == 1 ? "document" : "documents")\(matching)"
        if read < matched { heading += " (the oldest \(read.grouped) of \(matched.grouped) read)" }
        heading += lines.count < occurrences ? "; the first \(lines.count) are shown, oldest first." : ", oldest first."
        var output = Wrapping.wrap(heading, width: style.width)
        output.append("")
        let numberWidth = String(lines.last?.number ?? 1).count + 1
        for line in lines {
            let number = Wrapping.pad("\(line.number).", to: numberWidth)
            let date = Wrapping.pad(line.record.date?.iso ?? "n.d.", to: 10)
            let left = String(repeating: " ", count: max(0, leftWidth - Wrapping.visibleWidth(line.hit.left))) + line.hit.left
            output.append(style.dim(number + "  " + date) + "  " + left + style.highlight(line.hit.keyword) + line.hit.right)
        }
        if lines.count < occurrences {
            output.append("")
            output += Wrapping.wrap(
                "--limit \(min(occurrences, lines.count * 2)) shows more; 'show N' opens document N.", width: style.width)
        }
        return output.joined(separator: "\n")
    }

    enum CodingKeys: String, CodingKey {
        case term, query, occurrences, lines
        case documents
    }

    enum LineKeys: String, CodingKey {
        case id, number, date, field, left, keyword, right
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(term, forKey: .term)
        try container.encode(query, forKey: .query)
        try container.encode(occurrences, forKey: .occurrences)
        try container.encode(matched, forKey: .documents)
        var list = container.nestedUnkeyedContainer(forKey: .lines)
        for line in lines {
            var entry = list.nestedContainer(keyedBy: LineKeys.self)
            try entry.encode(line.record.id, forKey: .id)
            try entry.encode(line.number, forKey: .number)
            try entry.encode(line.record.date?.iso, forKey: .date)
            try entry.encode(line.field, forKey: .field)
            try entry.encode(line.hit.left, forKey: .left)
            try entry.encode(line.hit.keyword, forKey: .keyword)
            try entry.encode(line.hit.right, forKey: .right)
        }
    }

    var listedDocumentIDs: [String]? { documentsWithLines.map(\.id) }
}
