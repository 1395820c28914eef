import ArgumentParser
import CommandSupport
import DocumentStore
import DossierProtocol
import Foundation
import REPLCore
import Synchronization
import TextAnalysis

/// Two sets of documents: the words that set each apart from the other, the people in
/// one and not the other, and both over time.
struct SetComparison: CommandResult {
    struct Side {
        var name: String
        var records: [Record]
        /// How many documents the side has in all (a query may find more than it counts).
        var total: Int
        var counts: Keyness.Counts
        var keys: [KeyLines.Entry]
        var people: [String: Int]
    }

    var sides: [Side]
    var overlap: Int
    var onlyPeople: [[(String, Int)]]
    var sharedPeople: [(String, Int, Int)]
    var chart: SeriesChart

    static func make(_ first: String, _ second: String, terms: Int, context: CommandContext) throws -> any CommandOutput {
        // Both sides at once, one a core: each reads its documents and counts their words.
        let names = [first, second]
        let gathered = Mutex<[Int: Result<([Record], Int, Keyness.Counts, [String: Int]), any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let result = Result { () throws -> ([Record], Int, Keyness.Counts, [String: Int]) in
                let (records, total) = try documents(names[index], context: context)
                let (counts, people) = tally(records)
                return (records, total, counts, people)
            }
            gathered.withLock { $0[index] = result }
        }
        var sides: [Side] = []
        for (index, name) in names.enumerated() {
            guard let result = gathered.withLock({ $0[index] }) else { continue }
            let (records, total, counts, people) = try result.get()
            guard !records.isEmpty else {
                return EmptySide(emptySide: name)
            }
            sides.append(Side(name: name, records: records, total: total, counts: counts, keys: [], people: people))
        }
        for index in 0..<2 {
            let other = sides[1 - index].counts
            let keys = Keyness.keys(
                sides[index].counts, against: other.total, thereCount: { other.counts[$0] ?? 0 }, minimum: 2, limit: terms)
            sides[index].keys = keys.map { key in
                (key, sides[index].records.lazy.compactMap { example(of: key.term, in: $0.countedText) }.first)
            }
        }
        // People by person: spellings of one person count together. Only the names most
        // often met are grouped (the lists show a few), which keeps a set of thousands quick.
        var totals: [String: Int] = [:]
        for side in sides { for (name, count) in side.people { totals[name, default: 0] += count } }
        let common = totals.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(150).map(\.key)
        let groups = (try? context.store.nameGroups(common)) ?? common.map { [$0] }
        func count(_ group: [String], in side: Side) -> Int { group.reduce(0) { $0 + (side.people[$1] ?? 0) } }
        var only: [[(String, Int)]] = [[], []]
        var shared: [(String, Int, Int)] = []
        for group in groups {
            let (a, b) = (count(group, in: sides[0]), count(group, in: sides[1]))
            let name = group.max { (totals[$0] ?? 0, $1) < (totals[$1] ?? 0, $0) } ?? group[0]
            if a > 0 && b > 0 {
                shared.append((name, a, b))
            } else if a > 0 {
                only[0].append((name, a))
            } else if b > 0 {
                only[1].append((name, b))
            }
        }
        only = only.map { $0.sorted { ($0.1, $1.0) > ($1.1, $0.0) } }
        shared.sort { ($0.1 + $0.2, $1.0) > ($1.1 + $1.2, $0.0) }
        let overlap = Set(sides[0].records.map(\.id)).intersection(sides[1].records.map(\.id)).count
        return SetComparison(sides: sides, overlap: overlap, onlyPeople: only, sharedPeople: shared, chart: chart(sides))
    }

    /// The words and the people of a set of documents.
    static func tally(_ records: [Record]) -> (Keyness.Counts, [String: Int]) {
        var counts = Keyness.Counts()
        var people: [String: Int] = [:]
        for record in records {
            counts.add(record.countedText)
            for person in Set(record.namedPeople) { people[person, default: 0] += 1 }
        }
        return (counts, people)
    }

    /// The documents of a side: a query, `pinned` or `results`.
    static func documents(_ side: String, context: CommandContext) throws -> ([Record], Int) {
        switch side {
        case "pinned":
            let ids = try context.requireSession().session.pinned
            let records = try context.store.records(ids: ids)
            return (records, records.count)
        case "results":
            let records = try context.store.records(ids: context.lastResults ?? [])
            return (records, records.count)
        default:
            let query = try context.store.query(side)
            let (records, total) = try context.store.documents(matching: query, limit: Compare.setLimit)
            return (records, total)
        }
    }

    /// Both sides by year, or by month when they fall within three years.
    static func chart(_ sides: [Side]) -> SeriesChart {
        let years = sides.flatMap { $0.records.compactMap { $0.date?.year } }
        let byMonth = (years.max() ?? 0) - (years.min() ?? 0) < 3
        let series = sides.map { side in
            var counts: [String: Int] = [:]
            for record in side.records {
                guard let date = record.date else { continue }
                let label =
                    byMonth && date.month != nil
                    ? String(format: "%04d-%02d", date.year, date.month!) : String(format: "%04d", date.year)
                if byMonth && date.month == nil { continue }
                counts[label, default: 0] += 1
            }
            return SeriesChart.Series(name: "'\(side.name)'", counts: counts)
        }
        return SeriesChart(series: series, periods: SeriesChart.periods(covering: Set(series.flatMap { $0.counts.keys })))
    }

    private func describe(_ side: Side) -> String {
        let counted =
            side.records.count < side.total
            ? "\(side.total.grouped) documents, the best \(side.records.count.grouped) counted" : side.total.counted("document")
        return "'\(side.name)' (\(counted))"
    }

    func text(in style: TextStyle) -> String {
        var lines = Wrapping.wrap("Comparing \(describe(sides[0])) with \(describe(sides[1])):", width: style.width)
        if overlap > 0 {
            lines += Wrapping.wrap("\(overlap.counted("document")) \(overlap == 1 ? "is" : "are") in both.", width: style.width)
        }
        for (index, side) in sides.enumerated() {
            lines.append("")
            lines.append(
                style.bold("Distinctive of '\(side.name)' against '\(sides[1 - index].name)'")
                    + style.dim(" — G², count here / there:"))
            if side.keys.isEmpty { lines.append("  none: no word is used there markedly more than here") }
            lines += KeyLines.lines(
                side.keys, indent: "  ", termWidth: KeyLines.termWidth(side.keys), g2Width: 7, countsWidth: 14, style: style)
        }
        lines.append("")
        for index in 0..<2 {
            let people = onlyPeople[index].prefix(8).map { "\($0.0) (\($0.1))" }
            lines += Wrapping.wrap(
                "People only in '\(sides[index].name)': " + (people.isEmpty ? "none." : people.joined(separator: ", ") + "."),
                width: style.width)
        }
        let both = sharedPeople.prefix(8).map { "\($0.0) (\($0.1) / \($0.2))" }
        lines += Wrapping.wrap(
            "People in both: " + (both.isEmpty ? "none." : both.joined(separator: ", ") + "."), width: style.width)
        let chartLines = chart.lines(in: style)
        if !chartLines.isEmpty {
            lines.append("")
            lines.append("Over time:")
            lines += chartLines
        }
        return lines.joined(separator: "\n")
    }

    enum CodingKeys: String, CodingKey {
        case sides, overlap
        case peopleInBoth = "people_in_both"
    }

    /// A side as `--json` gives it.
    struct SideSummary: Encodable, Sendable {
        var name: String
        var total: Int
        var counted: Int
        var distinctive: [KeyLines.Word]
        var peopleOnlyHere: [PersonCount]
        /// Documents per period of the chart.
        var periods: [String: Int]

        enum CodingKeys: String, CodingKey {
            case name, total, counted, distinctive, periods
            case peopleOnlyHere = "people_only_here"
        }
    }

    struct PersonCount: Encodable, Sendable {
        var name: String
        var documents: Int
    }

    /// A person named on both sides, with the documents naming them on each.
    struct SharedPerson: Encodable, Sendable {
        var name: String
        var first: Int
        var second: Int
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(
            sides.enumerated().map { index, side in
                SideSummary(
                    name: side.name, total: side.total, counted: side.records.count, distinctive: KeyLines.words(side.keys),
                    peopleOnlyHere: onlyPeople[index].map { PersonCount(name: $0.0, documents: $0.1) },
                    periods: chart.series[index].counts)
            }, forKey: .sides)
        try container.encode(overlap, forKey: .overlap)
        try container.encode(sharedPeople.map { SharedPerson(name: $0.0, first: $0.1, second: $0.2) }, forKey: .peopleInBoth)
    }
}

/// `compare A vs B` when one side has no documents.
struct EmptySide: SentenceResult {
    var emptySide: String

    enum CodingKeys: String, CodingKey {
        case emptySide = "empty_side"
    }

    var sentence: String {
        let what =
            emptySide == "pinned"
            ? "has no documents (nothing is pinned)" : emptySide == "results" ? "has no documents" : "matches no documents"
        return "'\(emptySide)' \(what), so there is nothing to compare it with. Try 'search \(emptySide)' to see what it finds."
    }
}
