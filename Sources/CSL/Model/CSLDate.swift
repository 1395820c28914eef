import Foundation

/// One end of a date (year may be negative for BC; month 13–16 or `season` encode seasons).
public struct CSLDateParts: Sendable, Equatable, Hashable {
    /// Year, negative for BC.
    public var year: Int?
    /// Month 1–12, or 13–16 for a season.
    public var month: Int?
    /// Day of the month.
    public var day: Int?

    /// Creates date parts.
    public init(year: Int? = nil, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    var isEmpty: Bool { year == nil && month == nil && day == nil }
}

/// A CSL-JSON date: a single date or a range, possibly approximate, or a literal.
public struct CSLDate: Sendable, Equatable, Hashable {
    /// The start date.
    public var from: CSLDateParts
    /// The end date of a range.
    public var to: CSLDateParts?
    /// Season 1–4 (or a season name) when not encoded in the month.
    public var season: String?
    /// Whether the date is approximate ("circa").
    public var circa = false
    /// A literal date printed verbatim.
    public var literal: String?

    /// Creates a date.
    public init(from: CSLDateParts, to: CSLDateParts? = nil, season: String? = nil, circa: Bool = false, literal: String? = nil) {
        self.from = from
        self.to = to
        self.season = season
        self.circa = circa
        self.literal = literal
    }

    init?(json: JSONValue) {
        if case .string(let raw) = json {
            guard let parsed = CSLDate(raw: raw) else { return nil }
            self = parsed
            return
        }
        var result = CSLDate(from: CSLDateParts())
        if let parts = json["date-parts"], case .array(let ranges) = parts {
            let decoded: [CSLDateParts] = ranges.map { r in
                guard case .array(let nums) = r else { return CSLDateParts() }
                let ints = nums.map { $0.intValue }
                return CSLDateParts(
                    year: ints.count > 0 ? ints[0] : nil,
                    month: ints.count > 1 ? ints[1] : nil, day: ints.count > 2 ? ints[2] : nil)
            }
            if let f = decoded.first { result.from = f }
            if decoded.count > 1, !decoded[1].isEmpty { result.to = decoded[1] }
        }
        if result.from.isEmpty, let raw = json["raw"]?.stringValue, let parsed = CSLDate(raw: raw) {
            result = parsed
        }
        if let s = json["season"]?.stringValue { result.season = s }
        if let c = json["circa"]?.boolValue { result.circa = c }
        if let l = json["literal"]?.stringValue { result.literal = l }
        if result.from.isEmpty && result.literal == nil && result.season == nil { return nil }
        self = result
    }

    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Parses a raw date string such as "2004-05-01", "May 2004", "2000/2001" or "1999-05-02/2000".
    init?(raw: String) {
        self.init(from: CSLDateParts())
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        let pieces = trimmed.split(separator: "/").map { String($0) }
        if pieces.count == 2, let a = Self.parseSingle(pieces[0]), let b = Self.parseSingle(pieces[1]) {
            from = a
            to = b
            return
        }
        if let single = Self.parseSingle(trimmed) {
            from = single
            return
        }
        literal = trimmed
        if trimmed.isEmpty { return nil }
    }

    private static func parseSingle(_ text: String) -> CSLDateParts? {
        let s = text.trimmingCharacters(in: .whitespaces)
        let dashed = s.split(separator: "-").map(String.init)
        if dashed.count >= 1 && dashed.count <= 3, dashed.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
            dashed[0].count >= 3
        {
            let ints = dashed.compactMap { Int($0) }
            return CSLDateParts(year: ints[0], month: ints.count > 1 ? ints[1] : nil, day: ints.count > 2 ? ints[2] : nil)
        }
        var parts = CSLDateParts()
        for word in s.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." }) {
            let w = word.lowercased()
            if let n = Int(w) {
                if n > 31 || parts.year == nil && parts.day != nil {
                    parts.year = n
                } else if parts.day == nil {
                    parts.day = n
                } else {
                    parts.year = n
                }
            } else if let m = monthNames.firstIndex(where: { w.hasPrefix($0) }) {
                parts.month = m + 1
            } else {
                return nil
            }
        }
        if parts.year == nil, let d = parts.day {
            parts.year = d
            parts.day = nil
        }
        return parts.year == nil ? nil : parts
    }
}
