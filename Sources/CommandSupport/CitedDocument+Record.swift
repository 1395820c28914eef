import Citation
import DocumentStore
import Foundation

extension CitedDocument {
    /// What a citation needs of a store record.
    public init(_ record: Record, accessed: Date? = nil) {
        self.init(
            id: record.id, title: record.title,
            date: record.date.map(CitationDate.init),
            archive: record.archive, archiveRef: record.archiveRef, collections: record.collections,
            translator: record.translator, language: record.language, originalLanguage: record.originalLanguage,
            url: record.url, accessed: accessed.map(CitationDate.init(day:)))
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
