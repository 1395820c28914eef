import ArgumentParser
import CommandSupport
import DocumentStore
import DossierProtocol
import REPLCore

/// `timeline QUERY`: when the documents a search finds were written, as a bar chart.
struct Timeline: FreeTextCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Chart how many documents a search finds in each year or month.",
        discussion: """
            QUERY is written as for 'search' (see 'help search'), date filters included. Each \
            document counts once, in the year or month its date starts in. Without --by, the \
            chart is by month when every dated hit falls within three years, else by year. By \
            month, documents dated only to a year are counted apart, as are undated ones. \
            Long stretches with no documents are drawn as one line. Several queries separated \
            by 'vs' are drawn on one time axis, each with its own mark.
            """)

    static let examples = [
        "timeline Kim", "timeline plenum --by month", "timeline Puzanov after:1957 --json", "timeline Puzanov vs plenum",
    ]

    static var freeText: WritableKeyPath<Self, String> { \.query }

    enum Period: String, ExpressibleByArgument, CaseIterable {
        case year, month
    }

    @Argument(help: "What to look for, as for 'search'.")
    var query: String

    @Option(help: "Count by year or by month.")
    var by: Period?

    func run(in context: CommandContext) async throws -> any CommandOutput {
        let sides = Sides.split(query)
        if sides.count > 1 {
            guard sides.allSatisfy({ !$0.isEmpty }) else {
                throw ValidationError("Each side of 'vs' needs a query: timeline Puzanov vs plenum.")
            }
            let counts = try sides.map { try context.store.dateCounts(context.store.query($0)) }
            let years = counts.flatMap { $0.byYear.keys }.compactMap { Int($0) }
            let period = by ?? ((years.max() ?? 0) - (years.min() ?? 0) < 3 ? .month : .year)
            return TimelineSeries(queries: sides, counts: counts, period: period)
        }
        let parsed = try context.store.query(query)
        let counts = try context.store.dateCounts(parsed)
        let years = counts.byYear.keys.sorted()
        let period =
            by
            ?? {
                guard let first = years.first.flatMap({ Int($0) }), let last = years.last.flatMap({ Int($0) }) else {
                    return .year
                }
                return last - first < 3 ? .month : .year
            }()
        return TimelineChart(query: query, period: period, counts: counts)
    }
}

/// Counts over consecutive years or months, as bars or as JSON.
struct TimelineChart: CommandResult {
    var query: String
    var period: Timeline.Period
    var counts: DateCounts

    /// Every period from the first hit's to the last's, empty ones included.
    var periods: [(label: String, count: Int)] {
        let dated = period == .year ? counts.byYear : counts.byMonth
        guard let first = dated.keys.min(), let last = dated.keys.max() else { return [] }
        var labels: [String] = []
        switch period {
        case .year:
            guard let from = Int(first), let to = Int(last) else {
                return dated.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            }
            labels = (from...to).map { String(format: "%04d", $0) }
        case .month:
            guard let fromYear = Int(first.prefix(4)), let fromMonth = Int(first.suffix(2)),
                let toYear = Int(last.prefix(4)), let toMonth = Int(last.suffix(2))
            else { return dated.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
            var (year, month) = (fromYear, fromMonth)
            while (year, month) <= (toYear, toMonth) {
                labels.append(String(format: "%04d-%02d", year, month))
                (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
            }
        }
        return labels.map { ($0, dated[$0] ?? 0) }
    }

    var total: Int {
        counts.byMonth.values.reduce(0, +) + counts.yearOnly.values.reduce(0, +) + counts.undated
    }

    func text(in style: TextStyle) -> String {
        let periods = periods
        var heading = Search.countSentence(total, query: query)
        if let first = periods.first, let last = periods.last {
            heading.removeLast()
            heading += first.label == last.label ? ", \(first.label)" : ", \(first.label) to \(last.label)"
            heading += ", by \(period.rawValue):"
        }
        var lines = Wrapping.wrap(heading, width: style.width)
        guard !periods.isEmpty else {
            if counts.undated > 0 { lines.append("None of them is dated.") }
            return lines.joined(separator: "\n")
        }
        lines.append("")
        let maximum = periods.map(\.count).max() ?? 1
        let countWidth = maximum.grouped.count
        let labelWidth = periods[0].label.count
        let barWidth = max(10, min(60, style.width - labelWidth - countWidth - 4))
        var index = 0
        while index < periods.count {
            // Four or more empty periods in a row: one line says so.
            var end = index
            while end < periods.count && periods[end].count == 0 { end += 1 }
            if end - index >= 4 {
                lines.append(
                    style.dim(
                        Wrapping.pad("  ⋮", to: labelWidth) + "  none from \(periods[index].label) to \(periods[end - 1].label)"))
                index = end
                continue
            }
            let (label, count) = periods[index]
            let number = count.grouped
            lines.append(
                label + "  " + String(repeating: " ", count: countWidth - number.count) + number + "  "
                    + style.heading(BarChart.bar(count, of: maximum, width: barWidth)))
            index += 1
        }
        var notes: [String] = []
        let yearOnly = counts.yearOnly.values.reduce(0, +)
        if period == .month && yearOnly > 0 {
            let years = counts.yearOnly.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.grouped)" }.joined(
                separator: ", ")
            notes.append(
                "\(yearOnly.grouped) \(yearOnly == 1 ? "document is" : "documents are") dated only to the year and not shown by month (\(years))."
            )
        }
        if counts.undated > 0 {
            notes.append("\(counts.undated.grouped) undated \(counts.undated == 1 ? "document is" : "documents are") not shown.")
        }
        if !notes.isEmpty {
            lines.append("")
            lines += notes.flatMap { Wrapping.wrap($0, width: style.width) }
        }
        return lines.joined(separator: "\n")
    }

    enum CodingKeys: String, CodingKey {
        case query, by, total, undated, periods
        case yearOnly = "year_only"
    }

    /// One period's count, as `--json` gives it.
    struct PeriodCount: Encodable {
        var period: String
        var count: Int
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(query, forKey: .query)
        try container.encode(period.rawValue, forKey: .by)
        try container.encode(total, forKey: .total)
        try container.encode(counts.undated, forKey: .undated)
        try container.encode(periods.map { PeriodCount(period: $0.label, count: $0.count) }, forKey: .periods)
        if period == .month { try container.encode(counts.yearOnly, forKey: .yearOnly) }
    }
}

/// Several queries' counts on one time axis (`timeline A vs B`).
struct TimelineSeries: CommandResult {
    var queries: [String]
    var counts: [DateCounts]
    var period: Timeline.Period

    func counts(of index: Int) -> [String: Int] {
        period == .year ? counts[index].byYear : counts[index].byMonth
    }

    var chart: SeriesChart {
        let series = queries.indices.map { SeriesChart.Series(name: "'\(queries[$0])'", counts: counts(of: $0)) }
        return SeriesChart(series: series, periods: SeriesChart.periods(covering: Set(series.flatMap { $0.counts.keys })))
    }

    func total(_ index: Int) -> Int {
        counts[index].byMonth.values.reduce(0, +) + counts[index].yearOnly.values.reduce(0, +) + counts[index].undated
    }

    func text(in style: TextStyle) -> String {
        let chart = chart
        var heading = queries.indices.map { "'\(queries[$0])': \(total($0).counted("document"))" }.joined(separator: "; ")
        if let first = chart.periods.first, let last = chart.periods.last {
            heading += first == last ? ", \(first)" : ", \(first) to \(last)"
            heading += ", by \(period.rawValue):"
        } else {
            heading += "; none of them is dated."
        }
        var lines = Wrapping.wrap(heading, width: style.width)
        let drawn = chart.lines(in: style)
        if !drawn.isEmpty { lines += [""] + drawn }
        var notes: [String] = []
        for index in queries.indices {
            let yearOnly = counts[index].yearOnly.values.reduce(0, +)
            if period == .month && yearOnly > 0 {
                notes.append("'\(queries[index])': \(yearOnly.counted("document")) dated only to the year, not shown by month.")
            }
            if counts[index].undated > 0 {
                notes.append("'\(queries[index])': \(counts[index].undated.counted("undated document")) not shown.")
            }
        }
        if !notes.isEmpty { lines += [""] + notes.flatMap { Wrapping.wrap($0, width: style.width) } }
        return lines.joined(separator: "\n")
    }

    enum CodingKeys: String, CodingKey {
        case by, series
    }

    /// One query's counts, as `--json` gives them.
    struct Series: Encodable {
        var query: String
        var total: Int
        var undated: Int
        var periods: [TimelineChart.PeriodCount]
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(period.rawValue, forKey: .by)
        let periods = chart.periods
        try container.encode(
            queries.indices.map { index in
                Series(
                    query: queries[index], total: total(index), undated: counts[index].undated,
                    periods: periods.map { TimelineChart.PeriodCount(period: $0, count: counts(of: index)[$0] ?? 0) })
            }, forKey: .series)
    }
}
