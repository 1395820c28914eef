import Citation
import DocumentStore

extension CitedDocument {
    /// What a citation needs of a store record.
    init(_ record: Record) {
        self.init(
            id: record.id, title: record.title,
            date: record.date.map(CitationDate.init),
            archive: record.archive, archiveRef: record.archiveRef, collections: record.collections,
            translator: record.translator, language: record.language, originalLanguage: record.originalLanguage,
            url: record.url)
    }
}

extension CitationDate {
    init(_ date: PartialDate) {
        self.init(year: date.year, month: date.month, day: date.day, isUncertain: date.isUncertain)
    }
}
