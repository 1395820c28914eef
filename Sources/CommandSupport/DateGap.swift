import DocumentStore
import REPLCore

/// The time between two documents, as `compare` says it: `1 day`, `27 days`, and for long
/// gaps the months or years too (`400 days, about 1 year 1 month`).
public enum DateGap {
    public static func describe(_ first: PartialDate?, _ second: PartialDate?) -> String? {
        guard let first, let second else { return nil }
        if let signed = first.days(to: second) {
            let days = abs(signed)
            switch days {
            case 0: return "the same day"
            case 1: return "1 day"
            case ..<60: return "\(days) days"
            default: return "\(days.grouped) days, about " + yearsAndMonths(days)
            }
        }
        // Dates known only to the month or year.
        if first.year == second.year {
            if let a = first.month, let b = second.month {
                return a == b ? "the same month" : "about \(abs(a - b).counted("month"))"
            }
            return "the same year"
        }
        let years = abs(second.year - first.year)
        return "about \(years.counted("year"))"
    }

    /// `1 year 1 month`, `3 months`, `10 years`.
    static func yearsAndMonths(_ days: Int) -> String {
        let months = Int((Double(days) / 30.4375).rounded())
        let (years, rest) = (months / 12, months % 12)
        if years == 0 { return months.counted("month") }
        if rest == 0 || years >= 10 { return years.counted("year") }
        return years.counted("year") + " " + rest.counted("month")
    }
}
