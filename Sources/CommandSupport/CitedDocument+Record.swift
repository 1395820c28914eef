import Citation
import DocumentStore
import DossierProtocol
import Foundation

extension CitedDocument {
    /// What a citation needs of a store record.
    /// - Parameter accessed: when the session first cited it, the access date for a record
    ///   that has none of its own.
    public init(_ record: Record, accessed: Date? = nil) {
        func names(_ list: [PersonName]) -> [CitedName] {
            list.map { CitedName(family: $0.family, given: $0.given, literal: $0.literal) }
        }
        let variables: [String: String?] = [
            "container-title": record.containerTitle, "collection-title": record.collectionTitle,
            "volume": record.volume, "number": record.number, "page": record.page,
            "archive-place": record.archivePlace, "publisher": record.publisher,
            "publisher-place": record.publisherPlace, "original-title": record.originalTitle,
            "title-short": record.titleShort,
        ]
        self.init(
            id: record.id, title: record.title,
            date: record.date.map(CitationDate.init),
            archive: record.archive, archiveRef: record.archiveRef, collections: record.collections,
            type: record.type,
            names: [
                ("author", names(record.author)), ("recipient", names(record.recipient)),
                ("translator", names(record.translator)), ("editor", names(record.editor)),
                ("interviewer", names(record.interviewer)),
            ],
            variables: variables.compactMapValues { $0 }, originalDate: record.originalDate.map(CitationDate.init),
            language: record.language, originalLanguage: record.originalLanguage,
            url: record.url, accessed: record.accessed.map(CitationDate.init) ?? accessed.map(CitationDate.init(day:)))
        dateEnd = record.dateEnd.map(CitationDate.init)
        summary = record.summary.isEmpty ? nil : record.summary
        subjects = record.subjects
        // What CSL has no variable for travels in the item's `custom` object.
        var custom: [String: JSONValue] = [:]
        if !record.collections.isEmpty { custom["collections"] = .array(record.collections.map(JSONValue.string)) }
        if !record.people.isEmpty { custom["people"] = .array(record.people.map(JSONValue.string)) }
        if !record.places.isEmpty { custom["places"] = .array(record.places.map(JSONValue.string)) }
        if let dateText = record.dateText { custom["date_text"] = .string(dateText) }
        if !record.text.isEmpty { custom["text"] = .string(record.text) }
        if !record.extra.isEmpty { custom["extra"] = .object(record.extra) }
        // The day the session first cited it stands in for an access date the record lacks.
        if record.accessed == nil && accessed != nil { custom["derived"] = ["accessed"] }
        self.custom = custom.isEmpty ? nil : JSONValue.object(custom).serialized()
    }
}

extension CitationDate {
    /// The date of a record.
    public init(_ date: PartialDate) {
        self.init(year: date.year, month: date.month, day: date.day, isUncertain: date.isUncertain)
    }
}

extension CitationDate {
    /// The day a moment falls on, in UTC (an access date).
    public init(day moment: Date) {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: moment)
        self.init(year: parts.year ?? 1970, month: parts.month, day: parts.day)
    }
}
