import ArgumentParser
import CommandSupport
import DocumentStore
import Foundation
import REPLCore
import TextAnalysis

/// `compare REF REF…` or `compare "QUERY A" vs "QUERY B"`.
struct Compare: FreeTextCommand {
    static var freeText: WritableKeyPath<Self, String> { \.text }
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare documents side by side, or two sets of documents: dates, people, distinctive words.",
        discussion: """
            'compare REF REF [REF…]' sets documents side by side: dates and the days between \
            them, archive and collection, the people and places they share and do not, how \
            alike their words are, and the words most distinctive of each — by log-likelihood \
            (G²) against the other documents and against the whole archive, with both counts \
            and an example in context. 'compare A vs B' compares two sets: each side a query \
            (quoted when it has several words), 'pinned' (the session's pinned documents) or \
            'results' (the last listing); a query side counts its best \(Compare.setLimit.grouped) \
            documents.
            """)
    static let examples = [
        "compare wca-2a20b1851ab2 wca-e483cb3033ce",
        "compare Puzanov vs plenum",
        "compare \"Mikoyan OR Peng\" vs \"Puzanov after:1957\"",
    ]

    /// The most documents a query side counts.
    static let setLimit = 10_000

    @Argument(help: "Documents (result numbers or ids), or two sets: A vs B.")
    var text: String = ""
    @Option(help: "How many distinctive words to show for each.")
    var terms: Int = 6

    func validate() throws {
        guard terms >= 1 else { throw ValidationError("--terms must be at least 1, not \(terms).") }
    }

    func run(in context: CommandContext) async throws -> any CommandOutput {
        let line = text.trimmingCharacters(in: .whitespaces)
        let sides = Sides.split(line)
        if sides.count > 1 {
            guard sides.count == 2, sides.allSatisfy({ !$0.isEmpty }) else {
                throw ValidationError("Compare two sets at a time, each side non-empty: compare \"QUERY A\" vs \"QUERY B\".")
            }
            return try SetComparison.make(sides[0], sides[1], terms: terms, context: context)
        }
        let refs = line.split(whereSeparator: \.isWhitespace).map(String.init)
        guard refs.count >= 2 else {
            throw ValidationError(
                "Give two documents or more (compare 1 2, compare wca-… wca-…), or two sets: compare \"QUERY A\" vs \"QUERY B\".")
        }
        let records = try refs.map { try context.resolve($0) }
        return try DocumentComparison.make(records, terms: terms, store: context.store)
    }
}

/// An example of a word in context: the first place `term` stands in `text`, with a few
/// words either side.
func example(of term: String, in text: String, width: Int = 28) -> String? {
    let ranges = Terms.wordRanges(in: text)
    guard let range = ranges.first(where: { Folding.fold(text[$0].lowercased()) == term }) else { return nil }
    // Within the line (the title, or the paragraph) the word stands in.
    var before = String(text[..<range.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).last ?? "")
    var after = String(text[range.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
    let cutBefore = before.count > width
    let cutAfter = after.count > width
    if cutBefore { before = String(before.suffix(width)).drop(while: { !$0.isWhitespace }).trimmingCharacters(in: .whitespaces) }
    if cutAfter {
        after = String(String(after.prefix(width)).reversed().drop(while: { !$0.isWhitespace }).reversed()).trimmingCharacters(
            in: .whitespaces)
    }
    return (cutBefore ? "…" : "") + before.trimmingCharacters(in: .whitespaces) + (before.isEmpty ? "" : " ") + text[range]
        + (after.isEmpty || after.first?.isPunctuation == true ? "" : " ") + after.trimmingCharacters(in: .whitespaces)
        + (cutAfter ? "…" : "")
}
