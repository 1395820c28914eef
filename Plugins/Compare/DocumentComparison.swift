import CommandSupport
import DocumentStore
import DossierProtocol
import Foundation
import REPLCore
import TextAnalysis

/// Documents side by side: what they share and what sets each apart.
struct DocumentComparison: CommandResult {
    struct Side {
        var record: Record
        var people: [String]
        var places: [String]
        var words: Int
        /// Distinctive against the other documents, and against the whole archive (with
        /// the archive's count of the word).
        var againstOthers: [KeyLines.Entry]
        var againstArchive: [KeyLines.Entry]
    }

    var sides: [Side]
    var gaps: [String]
    var sharedPeople: [String]
    var sharedPlaces: [String]
    var similarities: [(first: Int, second: Int, score: Double)]
    var notes: [String]

    /// Below this many words a document's distinctive words say little.
    static let shortDocument = 25

    static func make(_ records: [Record], terms: Int, store: DocumentStore) throws -> DocumentComparison {
        let counts = records.map { record -> Keyness.Counts in
            var counts = Keyness.Counts()
            counts.add(record.countedText)
            return counts
        }
        let allTerms = Set(counts.flatMap { $0.counts.keys })
        let storeTotals = try store.termTotals(of: allTerms)
        let totals = try store.indexTotals()
        let storeWords = totals.words
        let documents = Double(max(totals.documents, 1))
        let frequencies = try store.documentFrequencies(of: allTerms)

        var sides: [Side] = []
        for (index, record) in records.enumerated() {
            var others = Keyness.Counts()
            for (other, count) in counts.enumerated() where other != index { others.add(count) }
            let here = counts[index]
            let text = record.countedText
            let againstOthers = Keyness.keys(here, against: others.total, thereCount: { others.counts[$0] ?? 0 }, limit: terms)
            let againstArchive = Keyness.keys(
                here, against: max(storeWords - here.total, 1),
                thereCount: { max((storeTotals[$0] ?? 0) - (here.counts[$0] ?? 0), 0) }, minimum: 1, limit: terms)
            sides.append(
                Side(
                    record: record, people: record.namedPeople, places: record.namedPlaces, words: here.total,
                    againstOthers: againstOthers.map { ($0, example(of: $0.term, in: text)) },
                    againstArchive: againstArchive.map { ($0, example(of: $0.term, in: text)) }))
        }

        // One person under two spellings counts as shared.
        let groups = (try? store.nameGroups(Array(Set(sides.flatMap(\.people))))) ?? []
        func sameGroup(_ name: String, in names: [String]) -> Bool {
            names.contains(name) || groups.contains { $0.contains(name) && $0.contains(where: names.contains) }
        }
        let sharedPeople = sides[0].people.filter { person in sides.dropFirst().allSatisfy { sameGroup(person, in: $0.people) } }
        let sharedPlaces = sides[0].places.filter { place in sides.dropFirst().allSatisfy { $0.places.contains(place) } }

        var gaps: [String] = []
        var similarities: [(Int, Int, Double)] = []
        for first in records.indices {
            for second in records.indices where second > first {
                if let gap = DateGap.describe(records[first].date, records[second].date) {
                    gaps.append(records.count == 2 ? gap : "\(first + 1)–\(second + 1): \(gap)")
                }
                similarities.append(
                    (first, second, cosine(counts[first], counts[second], frequencies: frequencies, documents: documents)))
            }
        }
        var notes: [String] = []
        for side in sides where side.words < shortDocument {
            notes.append(
                "\(side.record.id) has only \(side.words.counted("word"))\(side.record.text.isEmpty ? " (a title and a summary)" : ""): its distinctive words say little."
            )
        }
        if Set(records.map(\.id)).count < records.count { notes.append("The same document is given more than once.") }
        return DocumentComparison(
            sides: sides, gaps: gaps, sharedPeople: sharedPeople, sharedPlaces: sharedPlaces,
            similarities: similarities.map { (first: $0.0, second: $0.1, score: $0.2) }, notes: notes)
    }

    /// Cosine similarity of two documents' words weighed by tf-idf.
    static func cosine(_ a: Keyness.Counts, _ b: Keyness.Counts, frequencies: [String: Int], documents: Double) -> Double {
        func weight(_ term: String, _ count: Int) -> Double {
            Double(count) * log(documents / Double(max(frequencies[term] ?? 1, 1)) + 1)
        }
        var dot = 0.0
        var normA = 0.0
        var normB = 0.0
        for (term, count) in a.counts {
            let wa = weight(term, count)
            normA += wa * wa
            if let other = b.counts[term] { dot += wa * weight(term, other) }
        }
        for (term, count) in b.counts { normB += pow(weight(term, count), 2) }
        guard normA > 0, normB > 0 else { return 0 }
        return dot / (normA.squareRoot() * normB.squareRoot())
    }

    /// What a similarity score means, in a few words.
    static func reading(_ score: Double) -> String {
        switch score {
        case 0.99...: return "the same words"
        case 0.6...: return "very alike: much the same words"
        case 0.3...: return "related: many words in common"
        case 0.1...: return "loosely related: some words in common"
        default: return "little in common"
        }
    }

    // MARK: Text

    func text(in style: TextStyle) -> String {
        let labelWidth = 12
        let gap = 3
        let columnWidth = max(16, (style.width - labelWidth - gap * (sides.count - 1)) / sides.count)
        var lines = ["Comparing \(sides.count) documents:", ""]
        func row(_ label: String, _ values: [String], dim: Bool = false) {
            let wrapped = values.map { Wrapping.wrap($0.isEmpty ? "—" : $0, width: columnWidth) }
            let height = wrapped.map(\.count).max() ?? 1
            for line in 0..<height {
                var text = Wrapping.pad(line == 0 ? label : "", to: labelWidth)
                for (column, cell) in wrapped.enumerated() {
                    let value = line < cell.count ? cell[line] : ""
                    text += column == wrapped.count - 1 ? value : Wrapping.pad(value, to: columnWidth + gap)
                }
                let trimmed = String(text.reversed().drop(while: { $0 == " " }).reversed())
                lines.append(line == 0 && dim ? style.bold(trimmed) : trimmed)
            }
        }
        row("", sides.enumerated().map { "\($0.offset + 1). \($0.element.record.id)" }, dim: true)
        row("Title", sides.map(\.record.title))
        row("Date", sides.map { $0.record.date.map { $0.display } ?? "undated" })
        row("Archive", sides.map { [$0.record.archive, $0.record.archiveRef].compactMap { $0 }.joined(separator: ", ") })
        row("Collection", sides.map { $0.record.collections.joined(separator: "; ") })
        row("People", sides.map { side in side.people.filter { !sharedPeople.contains($0) }.joined(separator: ", ") })
        row("Places", sides.map { side in side.places.filter { !sharedPlaces.contains($0) }.joined(separator: ", ") })
        row("Words", sides.map { $0.words.grouped })
        lines.append("")
        var summary: [String] = []
        if !gaps.isEmpty { summary.append("Between them: " + gaps.joined(separator: "; ") + ".") }
        summary.append(
            "In common: "
                + (sharedPeople.isEmpty && sharedPlaces.isEmpty
                    ? "no people or places." : (sharedPeople + sharedPlaces).joined(separator: ", ") + "."))
        for (first, second, score) in similarities {
            let pair = sides.count == 2 ? "" : " (\(first + 1)–\(second + 1))"
            summary.append("Similarity\(pair): \(String(format: "%.2f", score)), \(Self.reading(score)).")
        }
        lines += summary.flatMap { Wrapping.wrap($0, width: style.width) }
        for (index, side) in sides.enumerated() {
            lines.append("")
            lines.append(style.bold("Distinctive of \(index + 1) (\(side.record.id))") + style.dim(" — G², count here / there:"))
            let termWidth = KeyLines.termWidth(side.againstOthers + side.againstArchive)
            lines += keyLines(
                side.againstOthers, against: sides.count == 2 ? "against \(index == 0 ? 2 : 1)" : "against the others",
                termWidth: termWidth,
                style: style)
            lines += keyLines(side.againstArchive, against: "against the archive", termWidth: termWidth, style: style)
        }
        if !notes.isEmpty {
            lines.append("")
            lines += notes.flatMap { Wrapping.wrap($0, width: style.width) }
        }
        return lines.joined(separator: "\n")
    }

    private func keyLines(_ keys: [KeyLines.Entry], against: String, termWidth: Int, style: TextStyle) -> [String] {
        guard !keys.isEmpty else { return ["  " + against + ": none"] }
        return ["  " + style.dim(against + ":")]
            + KeyLines.lines(keys, indent: "    ", termWidth: termWidth, g2Width: 6, countsWidth: 12, style: style)
    }

    // MARK: JSON

    enum CodingKeys: String, CodingKey {
        case documents, gaps, similarity, notes
        case sharedPeople = "shared_people"
        case sharedPlaces = "shared_places"
    }

    /// What a comparison adds to each document's record.
    struct SideFields: Encodable, Sendable {
        var words: Int
        var namedPeople: [String]
        var namedPlaces: [String]
        var distinctiveAgainstOthers: [KeyLines.Word]
        var distinctiveAgainstArchive: [KeyLines.Word]

        enum CodingKeys: String, CodingKey {
            case words
            case namedPeople = "named_people"
            case namedPlaces = "named_places"
            case distinctiveAgainstOthers = "distinctive_against_others"
            case distinctiveAgainstArchive = "distinctive_against_archive"
        }
    }

    /// Two documents' similarity: their numbers (from 1), the score to three places and
    /// what it means.
    struct Similarity: Encodable, Sendable {
        var first: Int
        var second: Int
        var score: Double
        var reading: String
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(
            sides.map { side in
                Annotated(
                    side.record,
                    SideFields(
                        words: side.words, namedPeople: side.people, namedPlaces: side.places,
                        distinctiveAgainstOthers: KeyLines.words(side.againstOthers),
                        distinctiveAgainstArchive: KeyLines.words(side.againstArchive)))
            }, forKey: .documents)
        try container.encode(gaps, forKey: .gaps)
        try container.encode(sharedPeople, forKey: .sharedPeople)
        try container.encode(sharedPlaces, forKey: .sharedPlaces)
        try container.encode(
            similarities.map {
                Similarity(
                    first: $0.first + 1, second: $0.second + 1, score: ($0.score * 1000).rounded() / 1000,
                    reading: Self.reading($0.score))
            }, forKey: .similarity)
        try container.encode(notes, forKey: .notes)
    }
}
