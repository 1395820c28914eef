import DossierProtocol
import Foundation
import GRDB
import TextAnalysis

extension Record {
    /// The columns of `document`, in the order `Record.init(row:)` and the importer use.
    static let columns = [
        "id", "date", "date_end", "date_text", "date_min", "date_max", "title", "summary", "text",
        "archive", "archive_ref", "collections", "people", "places", "subjects", "language",
        "original_language", "bibliographic", "url", "provenance_file", "provenance_format", "extra",
        "imported_at",
    ]

    /// The columns an import writes: the record's, then the names recognised in its title
    /// and summary (see `databaseValues(importedAt:)`).
    static let storedColumns = columns + Schema.recognisedNameColumns

    /// The column list that `init(row:)` reads by position (names are looked up slowly).
    static let selection = columns.joined(separator: ", ")

    /// `selection` with each column taken from the table named `alias`.
    static func selection(alias: String) -> String {
        columns.map { "\(alias).\($0)" }.joined(separator: ", ")
    }

    /// Positions in `columns`, for reading rows by position: this runs for every result
    /// shown, and looking a column up by name costs more than reading it.
    private enum Column: Int {
        case id, date, dateEnd, dateText, dateMin, dateMax, title, summary, text, archive, archiveRef
        case collections, people, places, subjects, language, originalLanguage, bibliographic, url
        case provenanceFile, provenanceFormat, extra, importedAt
    }

    /// A record from a row selected with `Record.selection`.
    init(row: Row) {
        func text(_ column: Column) -> String? {
            row[column.rawValue]
        }
        func json(_ column: Column) -> JSONValue? {
            guard var text = text(column) else { return nil }
            return text.withUTF8 { try? JSONLineParser.value(in: UnsafeRawBufferPointer($0)) }
        }
        func list(_ column: Column) -> [String] {
            // Most lists are empty.
            guard let raw = text(column), raw != "[]", case .array(let values)? = json(column) else { return [] }
            return values.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
        }
        func date(_ column: Column) -> PartialDate? {
            guard let text = text(column) else { return nil }
            return try? PartialDate.parse(text)
        }
        var extra: [String: JSONValue] = [:]
        if case .object(let object)? = json(.extra) { extra = object }
        var provenance: Provenance?
        if let file = text(.provenanceFile), let format = text(.provenanceFormat) {
            provenance = Provenance(file: file, format: format)
        }
        self.init(
            id: text(.id) ?? "", date: date(.date), dateEnd: date(.dateEnd), dateText: text(.dateText),
            title: text(.title) ?? "", summary: text(.summary) ?? "", text: text(.text) ?? "",
            archive: text(.archive), archiveRef: text(.archiveRef), collections: list(.collections),
            people: list(.people), places: list(.places), subjects: list(.subjects),
            language: text(.language), originalLanguage: text(.originalLanguage), url: text(.url),
            provenance: provenance, extra: extra)
        if case .object(let fields)? = json(.bibliographic) { setBibliographic(fields) }
    }

    /// Sets the bibliographic fields from their stored JSON (the vocabulary's names; a
    /// field left out is empty).
    mutating func setBibliographic(_ fields: [String: JSONValue]) {
        func text(_ key: String) -> String? { fields[key]?.string }
        func names(_ key: String) -> [PersonName] {
            guard case .array(let values)? = fields[key] else { return [] }
            return values.compactMap(PersonName.from(json:))
        }
        func date(_ key: String) -> PartialDate? {
            guard let text = text(key) else { return nil }
            return try? PartialDate.parse(text)
        }
        type = text("type")
        author = names("author")
        recipient = names("recipient")
        translator = names("translator")
        editor = names("editor")
        interviewer = names("interviewer")
        containerTitle = text("container_title")
        collectionTitle = text("collection_title")
        volume = text("volume")
        number = text("number")
        page = text("page")
        archivePlace = text("archive_place")
        publisher = text("publisher")
        publisherPlace = text("publisher_place")
        originalDate = date("original_date")
        originalTitle = text("original_title")
        titleShort = text("title_short")
        accessed = date("accessed")
    }

    /// The bibliographic fields that have a value, as the JSON the `bibliographic` column
    /// keeps; nil when none has.
    var bibliographicText: String? {
        let present = bibliographicJSON.filter { $0.value != .null && $0.value != .array([]) }
        return present.isEmpty ? nil : JSONValue.object(present).serialized()
    }

    /// Values for `Record.storedColumns`, in order.
    func databaseValues(importedAt: String) -> [(any DatabaseValueConvertible)?] {
        let lower = date?.lowerBound
        let upper = (dateEnd ?? date)?.upperBound
        var extraText: String?
        if !extra.isEmpty { extraText = JSONValue.object(extra).serialized() }
        return [
            id, date?.iso, dateEnd?.iso, dateText, lower, upper, title, summary, text, archive,
            archiveRef, Self.jsonArray(collections), Self.jsonArray(people), Self.jsonArray(places),
            Self.jsonArray(subjects), language, originalLanguage, bibliographicText, url, provenance?.file,
            provenance?.format, extraText, importedAt,
        ] + recognisedNameValues()
    }

    /// The people and places named in the title and summary, for a record that lacks
    /// either field (most archive records); facets and name lists fall back on them.
    func recognisedNameValues() -> [String] {
        guard people.isEmpty || places.isEmpty else { return ["[]", "[]"] }
        let names = NameRecognizer.recognize(title, summary)
        return [Self.jsonArray(names.people), Self.jsonArray(names.places)]
    }

    /// A list column's JSON text.
    static func jsonArray(_ values: [String]) -> String {
        values.isEmpty ? "[]" : JSONValue.array(values.map(JSONValue.string)).serialized()
    }
}
