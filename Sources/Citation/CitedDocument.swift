import Foundation

/// What a citation needs of a document, in the terms citation styles use. Built from a
/// store record by the commands; this target knows nothing of the store.
public struct CitedDocument: Sendable, Equatable {
    /// The Dossier document id: the key of BibTeX and RIS entries, the `id` of CSL-JSON.
    public var id: String
    /// As the record has it; `title` is what styles print.
    public var rawTitle: String
    public var date: CitationDate?
    public var archive: String?
    /// The reference inside the archive (`AVPRF F. 0102, Op. 12, P. 68, Delo 5`).
    public var archiveRef: String?
    public var collections: [String]
    /// The CSL item type; nil is an archival manuscript.
    public var type: String?
    /// The name lists by CSL role: `author`, `recipient`, `translator`, `editor`, `interviewer`.
    public var names: [(role: String, names: [CitedName])]
    /// CSL's other variables the record has, by CSL name: `container-title`, `volume`,
    /// `number`, `page`, `archive-place`, `publisher`, `publisher-place`, `original-title`…
    public var variables: [String: String]
    public var originalDate: CitationDate?
    /// The language of the record as imported (`en`, `ru`), if known.
    public var language: String?
    public var originalLanguage: String?
    public var url: String?
    /// When the document was consulted, for styles and exports that ask.
    public var accessed: CitationDate?
    /// The end of a span the document covers (a conference, a journey).
    public var dateEnd: CitationDate?
    public var summary: String?
    public var subjects: [String] = []
    /// What the record holds beyond CSL's variables, as the text of a JSON object, for the
    /// CSL-JSON item's `custom` object (so that an export imports back whole).
    public var custom: String?

    public init(
        id: String, title: String, date: CitationDate? = nil, archive: String? = nil, archiveRef: String? = nil,
        collections: [String] = [], type: String? = nil, names: [(role: String, names: [CitedName])] = [],
        variables: [String: String] = [:], originalDate: CitationDate? = nil, language: String? = nil,
        originalLanguage: String? = nil, url: String? = nil, accessed: CitationDate? = nil
    ) {
        self.id = id
        self.rawTitle = title
        self.date = date
        self.archive = archive.nonEmpty
        self.archiveRef = archiveRef.nonEmpty
        self.collections = collections.compactMap(\.nonEmpty)
        self.type = type.nonEmpty
        self.names = names.filter { !$0.names.isEmpty }
        self.variables = variables.compactMapValues(\.nonEmpty)
        self.originalDate = originalDate
        self.language = language.nonEmpty
        self.originalLanguage = originalLanguage.nonEmpty
        self.url = url.nonEmpty
        self.accessed = accessed
    }

    public static func == (lhs: CitedDocument, rhs: CitedDocument) -> Bool {
        lhs.id == rhs.id && lhs.rawTitle == rhs.rawTitle && lhs.date == rhs.date && lhs.archive == rhs.archive
            && lhs.archiveRef == rhs.archiveRef && lhs.collections == rhs.collections && lhs.type == rhs.type
            && lhs.names.map(\.role) == rhs.names.map(\.role) && lhs.names.map(\.names) == rhs.names.map(\.names)
            && lhs.variables == rhs.variables && lhs.originalDate == rhs.originalDate && lhs.language == rhs.language
            && lhs.originalLanguage == rhs.originalLanguage && lhs.url == rhs.url && lhs.accessed == rhs.accessed
            && lhs.dateEnd == rhs.dateEnd && lhs.summary == rhs.summary && lhs.subjects == rhs.subjects
            && lhs.custom == rhs.custom
    }

    /// The names in one role.
    public func names(_ role: String) -> [CitedName] {
        names.first { $0.role == role }?.names ?? []
    }

    /// The collections as one element (`A; B`), as CSL's `collection-title` holds them.
    public var collection: String? {
        collections.isEmpty ? nil : collections.joined(separator: "; ")
    }

    /// The title as every style and export gives it: an ALL-CAPS title of an old record
    /// set in title case (acronyms such as DPRK and CPSU kept), white space tidied.
    public var title: String {
        TitleText.fromAllCaps(TitleText.tidy(rawTitle))
    }
}

/// A name as citations take it: a person's family and given names, or a literal name.
public struct CitedName: Sendable, Equatable {
    public var family: String?
    public var given: String?
    public var literal: String?

    public init(family: String? = nil, given: String? = nil, literal: String? = nil) {
        self.family = family.nonEmpty
        self.given = given.nonEmpty
        self.literal = literal.nonEmpty
    }

    /// Given name first, or the literal name ("Gary Goldberg").
    public var display: String {
        literal ?? [given, family].compactMap { $0 }.joined(separator: " ")
    }

    /// Family name first ("Goldberg, Gary"), as BibTeX and RIS write names.
    public var inverted: String {
        literal ?? [family, given].compactMap { $0 }.joined(separator: ", ")
    }

    var json: [String: Any] {
        if let literal { return ["literal": literal] }
        var object: [String: Any] = [:]
        if let family { object["family"] = family }
        if let given { object["given"] = given }
        return object
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
    private var validMonth: Int? {
        month.flatMap { (1...12).contains($0) ? $0 : nil }
    }

    /// `September 20, 1956`, `September 1956`, `1956`, `c. 1950`.
    public var monthDayYear: String {
        var text: String
        if let month = validMonth {
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

extension Optional where Wrapped == String {
    /// The string trimmed, when it has something besides white space.
    var nonEmpty: String? {
        guard let self else { return nil }
        let trimmed = self.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}

extension String {
    var nonEmpty: String? { Optional(self).nonEmpty }
}
