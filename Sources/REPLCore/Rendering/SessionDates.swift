import Foundation

/// How the moments a session records (notes, commands, saves) are shown: local time to the
/// minute for people, ISO 8601 in UTC for `--json`.
public enum SessionDates {
    public static func display(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    public static func iso(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}
