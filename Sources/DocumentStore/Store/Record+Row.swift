import Foundation
import GRDB

extension Record {
    /// The columns of `document`, in the order `Record.init(row:)` and the importer use.
    static let columns = [
        "id", "date", "date_end", "date_text", "date_min", "date_max", "title", "summary", "text",
        "archive", "archive_ref", "collections", "people", "places", "subjects", "language",
        "original_language", "translator", "url", "provenance_file", "provenance_format", "extra",
        "imported_at",
    ]

    init(row: Row) {
        func json(_ column: String) -> JSONValue? {
            guard var text: String = row[column] else { return nil }
            return text.withUTF8 { try? JSONLineParser.value(in: UnsafeRawBufferPointer($0)) }
        }
        func list(_ column: String) -> [String] {
            guard case .array(let values)? = json(column) else { return [] }
            return values.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
        }
        func date(_ column: String) -> PartialDate? {
            guard let text: String = row[column] else { return nil }
            return try? PartialDate.parse(text)
        }
        var extra: [String: JSONValue] = [:]
        if case .object(let object)? = json("extra") { extra = object }
        var provenance: Provenance?
        if let file: String = row["provenance_file"], let format: String = row["provenance_format"] {
            provenance = Provenance(file: file, format: format)
        }
        self.init(
            id: row["id"], date: date("date"), dateEnd: date("date_end"), dateText: row["date_text"],
            title: row["title"], summary: row["summary"], text: row["text"], archive: row["archive"],
            archiveRef: row["archive_ref"], collections: list("collections"), people: list("people"),
            places: list("places"), subjects: list("subjects"), language: row["language"],
            originalLanguage: row["original_language"], translator: row["translator"], url: row["url"],
            provenance: provenance, extra: extra)
    }

    /// Values for `Record.columns`, in order.
    func databaseValues(importedAt: String) -> [(any DatabaseValueConvertible)?] {
        let lower = date?.lowerBound
        let upper = (dateEnd ?? date)?.upperBound
        var extraText: String?
        if !extra.isEmpty { extraText = JSONValue.object(extra).serialized() }
        return [
            id, date?.iso, dateEnd?.iso, dateText, lower, upper, title, summary, text, archive,
            archiveRef, Self.jsonArray(collections), Self.jsonArray(people), Self.jsonArray(places),
            Self.jsonArray(subjects), language, originalLanguage, translator, url, provenance?.file,
            provenance?.format, extraText, importedAt,
        ]
    }

    /// A list column's JSON text.
    static func jsonArray(_ values: [String]) -> String {
        values.isEmpty ? "[]" : JSONValue.array(values.map(JSONValue.string)).serialized()
    }
}
