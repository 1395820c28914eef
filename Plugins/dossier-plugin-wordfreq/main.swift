// dossier-plugin-wordfreq: an example external plugin. It adds `wordfreq QUERY`, the
// words used most in the documents a query finds, and gets those documents by asking
// Dossier (the `search` request): a plugin never opens the store itself.
import DossierProtocol
import PluginKit
import TextAnalysis

let wordfreq = CommandSignature(
    name: "wordfreq",
    abstract: "Count the words used most in the documents a query finds.",
    discussion: """
        QUERY is any search (the language of 'help search'). The best-ranked hits are read \
        (--docs, 500 by default) and their titles, summaries and texts counted as the index \
        splits words, lower-cased; common words (the, of, which…) and numbers are left \
        out unless --all. Each word shows how often it occurs, in how many of the documents \
        read, and its share per 1,000 words.
        """,
    arguments: [.init("query", help: "The search whose hits are counted.")],
    options: [
        .init("top", value: "N", help: "How many words to show.", defaultValue: "20"),
        .init("docs", value: "N", help: "How many of the best hits to read (at most 10,000).", defaultValue: "500"),
        .init(
            "field", value: "FIELD", help: "Which part of the documents to count.", defaultValue: "all",
            choices: ["all", "title", "summary", "text"]),
        .init("all", flag: true, help: "Count common words and numbers too."),
    ],
    examples: ["wordfreq plenum", "wordfreq Mikoyan --top 5", "wordfreq \"August Plenum\" --field summary --top 10"],
    freeText: true)

/// How often each word occurs in a set of documents, and in how many.
struct WordCounts {
    var occurrences: [String: Int] = [:]
    var documents: [String: Int] = [:]
    var total = 0

    mutating func add(_ text: String, keepingCommon: Bool) {
        var seen = Set<String>()
        for word in Terms.indexWords(in: text) {
            if !keepingCommon {
                guard word.count > 1, !word.allSatisfy(\.isNumber), !Terms.stopwords.contains(Folding.fold(word)) else {
                    continue
                }
            }
            total += 1
            occurrences[word, default: 0] += 1
            if seen.insert(word).inserted { documents[word, default: 0] += 1 }
        }
    }

    /// The `count` most frequent words, ties in alphabetical order.
    func top(_ count: Int) -> [(word: String, occurrences: Int, documents: Int)] {
        occurrences.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(count)
            .map { ($0.key, $0.value, documents[$0.key] ?? 0) }
    }
}

PluginRuntime.run(name: "wordfreq", version: "1.0.0", commands: [wordfreq]) { call, host in
    guard let query = call.argument("query") else { throw PluginFailure("Give a query, e.g. wordfreq plenum.") }
    let top = try call.integer("top") ?? 20
    let docs = min(try call.integer("docs") ?? 500, 10_000)
    let field = call.option("field") ?? "all"
    let fields = field == "all" ? ["title", "summary", "text"] : [field]
    let (total, documents) = try host.search(query, limit: docs, fields: fields)
    guard !documents.isEmpty else {
        return try PluginOutput(
            text: "No documents match '\(query)'.",
            value: Frequencies(query: query, total: 0, read: nil, field: nil, wordsCounted: nil, words: []))
    }
    var counts = WordCounts()
    for document in documents {
        let text = fields.compactMap { document[$0]?.string }.joined(separator: "\n")
        counts.add(text, keepingCommon: call.flag("all"))
    }
    let words = counts.top(top)
    let read = documents.count == total ? "the \(total) documents" : "the best \(documents.count) of \(total) documents"
    let part = field == "all" ? "" : " (\(field)s only)"
    let heading = "Words used most in \(read) matching '\(query)'\(part): \(counts.total) words counted."
    let perThousand = { (count: Int) in String(format: "%.1f", Double(count) * 1000 / Double(max(counts.total, 1))) }
    return try PluginOutput(
        text: heading,
        table: (
            columns: ["Word", "Occurrences", "Documents", "Per 1,000 words"],
            rows: words.map {
                [
                    .string($0.word), .number(Double($0.occurrences)), .number(Double($0.documents)),
                    .string(perThousand($0.occurrences)),
                ]
            }
        ),
        value: Frequencies(
            query: query, total: total, read: documents.count, field: field, wordsCounted: counts.total,
            words: words.map { Frequencies.Word(word: $0.word, occurrences: $0.occurrences, documents: $0.documents) }))
}

/// What `wordfreq --json` prints.
struct Frequencies: Encodable {
    struct Word: Encodable {
        var word: String
        var occurrences: Int
        var documents: Int
    }

    var query: String
    var total: Int
    /// How many of the matching documents were read (at most `--docs`).
    var read: Int?
    var field: String?
    var wordsCounted: Int?
    var words: [Word]

    enum CodingKeys: String, CodingKey {
        case query, total, read, field, words
        case wordsCounted = "words_counted"
    }
}
