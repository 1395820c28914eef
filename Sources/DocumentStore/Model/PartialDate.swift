import Foundation

/// A date as archives give them: a year, a month or a day, possibly uncertain.
///
/// Stored and exchanged as partial ISO 8601 (`1956`, `1956-09`, `1956-09-20`), with a `~`
/// suffix for an uncertain date (`1950~`, printed `c. 1950`). A partial date covers a span:
/// `1956-09` runs from `1956-09-01` to `1956-09-30`, and date filters compare against that
/// span, so a record dated September 1956 overlaps any day of that month.
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int?
    public let day: Int?
    public let isUncertain: Bool

    /// A date from its parts; throws when they do not make a calendar date.
    public init(year: Int, month: Int? = nil, day: Int? = nil, uncertain: Bool = false) throws {
        guard (1...9999).contains(year) else {
            throw DateError.invalid(reason: "year \(year) is out of range")
        }
        if let month {
            guard (1...12).contains(month) else {
                throw DateError.invalid(reason: "there is no month \(month)")
            }
            if let day {
                let last = PartialDate.daysIn(month: month, year: year)
                guard (1...last).contains(day) else {
                    throw DateError.invalid(
                        reason: "\(PartialDate.monthNames[month - 1]) \(year) has \(last) days")
                }
            }
        } else if day != nil {
            throw DateError.invalid(reason: "a day needs a month")
        }
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
        self.isUncertain = uncertain
    }

    /// The partial ISO form: `1956`, `1956-09`, `1956-09-20`, with `~` when uncertain.
    public var iso: String {
        var result = Self.digits(year, 4)
        if let month { result += "-" + Self.digits(month, 2) }
        if let day { result += "-" + Self.digits(day, 2) }
        return isUncertain ? result + "~" : result
    }

    public var description: String { iso }

    /// `value` zero-padded to `width` digits; `String(format:)` is slow on every imported date.
    private static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// The first day the date covers, as `YYYY-MM-DD`.
    public var lowerBound: String {
        Self.digits(year, 4) + "-" + Self.digits(month ?? 1, 2) + "-" + Self.digits(day ?? 1, 2)
    }

    /// The last day the date covers, as `YYYY-MM-DD`.
    public var upperBound: String {
        let lastMonth = month ?? 12
        let lastDay = day ?? PartialDate.daysIn(month: lastMonth, year: year)
        return Self.digits(year, 4) + "-" + Self.digits(lastMonth, 2) + "-" + Self.digits(lastDay, 2)
    }

    /// The days from this date to `other` (negative when `other` is earlier), when both
    /// name a day; nil for months and years, whose gap is not a number of days.
    public func days(to other: PartialDate) -> Int? {
        guard let month, let day, let otherMonth = other.month, let otherDay = other.day else { return nil }
        return Self.dayNumber(year, month, day).distance(to: Self.dayNumber(other.year, otherMonth, otherDay))
    }

    /// Days since a fixed origin in the proleptic Gregorian calendar.
    private static func dayNumber(_ year: Int, _ month: Int, _ day: Int) -> Int {
        // Counting March as the first month puts the leap day at the end of the year.
        let y = month <= 2 ? year - 1 : year
        let m = month <= 2 ? month + 9 : month - 3
        return 365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + day
    }

    /// The date as a reader expects it: `September 20, 1956`, `September 1956`, `1956`,
    /// `c. 1950`.
    public var display: String {
        var result: String
        switch (month, day) {
        case (let month?, let day?): result = "\(PartialDate.monthNames[month - 1]) \(day), \(year)"
        case (let month?, nil): result = "\(PartialDate.monthNames[month - 1]) \(year)"
        default: result = String(year)
        }
        return isUncertain ? "c. " + result : result
    }

    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.lowerBound, lhs.upperBound) < (rhs.lowerBound, rhs.upperBound)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]
}

/// Why a date could not be read.
public enum DateError: Error, Sendable, Equatable {
    case invalid(reason: String)
    case unreadable
}

extension PartialDate {
    /// What every date error message ends with.
    public static let formatHint = "Use YYYY, YYYY-MM or YYYY-MM-DD, with ~ for an uncertain date."

    /// Reads a date written either in partial ISO form (`1956-09-20`, `1956-09`, `1956`,
    /// `1950~`) or as archives print them (`September 20, 1956`, `20 September 1956`,
    /// `Sept. 1956`, `c. 1950`). Returns nil for an empty text or one that says there is no
    /// date (`n.d.`, `undated`); throws for anything else it cannot read.
    public static func parse(_ text: String) throws -> PartialDate? {
        if let date = canonical(text) { return date }
        var s = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if s.isEmpty || noDateForms.contains(s.lowercased()) { return nil }
        var uncertain = false
        if s.hasSuffix("~") || s.hasSuffix("?") {
            uncertain = true
            s.removeLast()
        }
        let lowered = s.lowercased()
        for prefix in circaPrefixes where lowered.hasPrefix(prefix) {
            uncertain = true
            s = String(s.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        if let iso = try parseISO(s, uncertain: uncertain) { return iso }
        if let printed = try parsePrinted(s, uncertain: uncertain) { return printed }
        throw DateError.unreadable
    }

    /// The stored form (`1956`, `1956-09`, `1956-09-20`, with `~`) read without Foundation:
    /// every date of every result shown is read back this way. Nil for anything else.
    private static func canonical(_ text: String) -> PartialDate? {
        var bytes = Array(text.utf8)
        let uncertain = bytes.last == UInt8(ascii: "~")
        if uncertain { bytes.removeLast() }
        guard bytes.count == 4 || bytes.count == 7 || bytes.count == 10 else { return nil }
        var numbers: [Int] = []
        var value = 0
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                numbers.append(value)
                value = 0
            } else {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
        }
        numbers.append(value)
        return try? PartialDate(
            year: numbers[0], month: numbers.count > 1 ? numbers[1] : nil, day: numbers.count > 2 ? numbers[2] : nil,
            uncertain: uncertain)
    }

    private static let noDateForms: Set<String> = ["n.d.", "n.d", "nd", "undated", "no date", "unknown"]
    private static let circaPrefixes = ["circa ", "circa", "ca. ", "ca.", "c. ", "c.", "approx. "]

    private static func parseISO(_ s: String, uncertain: Bool) throws -> PartialDate? {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
            parts[0].count == 4,
            parts.dropFirst().allSatisfy({ $0.count == 2 }),
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return nil }
        let numbers = parts.map { Int($0)! }
        return try PartialDate(
            year: numbers[0], month: numbers.count > 1 ? numbers[1] : nil,
            day: numbers.count > 2 ? numbers[2] : nil, uncertain: uncertain)
    }

    /// `September 20, 1956`, `Sept. 20, 1956`, `20 September 1956`, `September 1956`.
    private static func parsePrinted(_ s: String, uncertain: Bool) throws -> PartialDate? {
        let words = s.replacingOccurrences(of: ",", with: " ")
            .split(whereSeparator: { $0 == " " || $0 == "\t" })
            .map(String.init)
        var year: Int?
        var month: Int?
        var day: Int?
        for word in words {
            if let number = Int(word) {
                if word.count == 4, year == nil {
                    year = number
                } else if word.count <= 2, day == nil {
                    day = number
                } else {
                    return nil
                }
            } else if let m = monthNumber(word), month == nil {
                month = m
            } else {
                return nil
            }
        }
        guard let year else { return nil }
        if day != nil && month == nil { return nil }
        return try PartialDate(year: year, month: month, day: day, uncertain: uncertain)
    }

    private static func monthNumber(_ word: String) -> Int? {
        var w = word.lowercased()
        if w.hasSuffix(".") { w.removeLast() }
        guard w.count >= 3 else { return nil }
        if w == "sept" { return 9 }
        for (index, name) in monthNames.enumerated() {
            let lower = name.lowercased()
            if lower == w || (w.count == 3 && lower.hasPrefix(w)) { return index + 1 }
        }
        return nil
    }
}
