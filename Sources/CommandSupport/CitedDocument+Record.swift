import Citation
import DocumentStore
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
