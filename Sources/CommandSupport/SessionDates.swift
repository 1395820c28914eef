import Foundation

/// How the moments a session records (notes, commands, saves) are shown: local time to the
/// minute for people, ISO 8601 in UTC for `--json`, the day for a research log.
///
/// The formatters are made once: `history` and `notes` format a date a row. Formatting
/// from several threads at once is safe with Foundation's formatters.
public enum SessionDates {
    private static let minutes: DateFormatter = formatter("yyyy-MM-dd HH:mm")
    private static let days: DateFormatter = formatter("d MMMM yyyy")
    private nonisolated(unsafe) static let isoFormatter = ISO8601DateFormatter()

    private static func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = format
        return formatter
    }

    /// `2026-11-27 15:20`.
    public static func display(_ date: Date) -> String {
        minutes.string(from: date)
    }

    /// `27 November 2026`.
    public static func day(_ date: Date) -> String {
        days.string(from: date)
    }

    public static func iso(_ date: Date) -> String {
        isoFormatter.string(from: date)
    }
}
