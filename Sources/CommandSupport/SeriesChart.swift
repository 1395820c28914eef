import Foundation
import REPLCore

/// Counts of several sets over one time axis (`timeline A vs B`, `compare "A" vs "B"`): a
/// line a set for every period, each set drawn with its own mark.
public struct SeriesChart: Sendable {
    public struct Series: Sendable {
        public var name: String
        /// Counts by period label (`1956`, `1956-09`).
        public var counts: [String: Int]

        public init(name: String, counts: [String: Int]) {
            self.name = name
            self.counts = counts
        }
    }

    public var series: [Series]
    /// Every period from the first to the last, in order.
    public var periods: [String]

    static let marks: [Character] = ["█", "▓", "▒", "░"]

    public init(series: [Series], periods: [String]) {
        self.series = series
        self.periods = periods
    }

    public func lines(in style: TextStyle) -> [String] {
        guard !periods.isEmpty else { return [] }
        let nameWidth = series.map { Wrapping.visibleWidth($0.name) }.max() ?? 0
        let maximum = series.flatMap { $0.counts.values }.max() ?? 1
        let countWidth = maximum.grouped.count
        let labelWidth = periods.map(\.count).max() ?? 4
        let barWidth = max(8, min(50, style.width - labelWidth - nameWidth - countWidth - 8))
        var lines = [
            series.enumerated().map { index, set in
                String(Self.marks[index % Self.marks.count]) + " " + set.name
            }.joined(separator: "   "), "",
        ]
        var index = 0
        while index < periods.count {
            var end = index
            while end < periods.count, series.allSatisfy({ ($0.counts[periods[end]] ?? 0) == 0 }) { end += 1 }
            if end - index >= 4 {
                lines.append(
                    style.dim(Wrapping.pad("  ⋮", to: labelWidth) + "  none from \(periods[index]) to \(periods[end - 1])"))
                index = end
                continue
            }
            let period = periods[index]
            for (number, set) in series.enumerated() {
                let count = set.counts[period] ?? 0
                let label = number == 0 ? Wrapping.pad(period, to: labelWidth) : String(repeating: " ", count: labelWidth)
                let mark = Self.marks[number % Self.marks.count]
                let units =
                    count == 0
                    ? ""
                    : String(repeating: mark, count: max(1, Int((Double(count) / Double(maximum) * Double(barWidth)).rounded())))
                let line =
                    label + "  " + Wrapping.pad(set.name, to: nameWidth) + "  "
                    + String(repeating: " ", count: countWidth - count.grouped.count) + count.grouped
                lines.append(units.isEmpty ? line : line + "  " + (number == 0 ? style.heading(units) : units))
            }
            index += 1
        }
        return lines
    }

    /// Every year from the first to the last among `labels` (`1956`), or every month
    /// (`1956-09`) when they are months.
    public static func periods(covering labels: some Collection<String>) -> [String] {
        guard let first = labels.min(), let last = labels.max() else { return [] }
        if first.count == 4, let from = Int(first), let to = Int(last.prefix(4)) {
            return (from...to).map { String(format: "%04d", $0) }
        }
        guard let fromYear = Int(first.prefix(4)), let fromMonth = Int(first.suffix(2)),
            let toYear = Int(last.prefix(4)), let toMonth = Int(last.suffix(2))
        else { return labels.sorted() }
        var result: [String] = []
        var (year, month) = (fromYear, fromMonth)
        while (year, month) <= (toYear, toMonth) {
            result.append(String(format: "%04d-%02d", year, month))
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        return result
    }
}
