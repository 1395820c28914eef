import Foundation

/// What a citation needs of a document, in the terms citation styles use. Built from a
/// store record by the commands; this target knows nothing of the store.
public struct CitedDocument: Sendable, Equatable {
    public var id: String
    public var title: String
    public var date: CitationDate?
    public var archive: String?
    /// The reference inside the archive (`AVPRF F. 0102, Op. 12, P. 68, Delo 5`).
    public var archiveRef: String?
    public var collections: [String]
    public var translator: String?
    public var originalLanguage: String?
    public var url: String?

    public init(
        id: String, title: String, date: CitationDate? = nil, archive: String? = nil, archiveRef: String? = nil,
        collections: [String] = [], translator: String? = nil, originalLanguage: String? = nil, url: String? = nil
    ) {
        self.id = id
        self.title = title
        self.date = date
        self.archive = archive
        self.archiveRef = archiveRef
        self.collections = collections
        self.translator = translator
        self.originalLanguage = originalLanguage
        self.url = url
    }
}

/// A document's date, as precise as the source gives it.
public struct CitationDate: Sendable, Equatable, Comparable {
    public var year: Int
    public var month: Int?
    public var day: Int?
    public var isUncertain: Bool

    public init(year: Int, month: Int? = nil, day: Int? = nil, isUncertain: Bool = false) {
        self.year = year
        self.month = month
        self.day = day
        self.isUncertain = isUncertain
    }

    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// `September 20, 1956`, `September 1956`, `1956`, `c. 1950`.
    public var monthDayYear: String {
        var text: String
        if let month, (1...12).contains(month) {
            text = Self.months[month - 1] + (day.map { " \($0)," } ?? "") + " \(year)"
        } else {
            text = String(year)
        }
        if isUncertain { text = "c. " + text }
        return text
    }

    public static func < (lhs: CitationDate, rhs: CitationDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }
}
