import DossierProtocol
import Foundation
import TextAnalysis

extension Record {
    /// The record with one field set by hand (`edit ID FIELD VALUE`), the value read as the
    /// field's kind wants it: a date as a date, a name list as names ("Rhee, Syngman";
    /// several separated by `;`), a list as items separated by `;`, a type as a CSL item
    /// type. A nil or empty value clears the field (a title cannot be cleared).
    public func setting(_ field: String, to value: String?) throws(StoreError) -> Record {
        let text = value.map { Folding.trimmed(Folding.nfc($0)) }.flatMap { $0.isEmpty ? nil : $0 }
        func fail(_ reason: String) -> StoreError { .invalidEdit(field: field, reason: reason) }
        func date() throws(StoreError) -> PartialDate? {
            guard let text else { return nil }
            let (date, problem) = RecordFields.date(text)
            if let problem { throw fail(problem) }
            return date
        }
        func items() -> [String] {
            (text ?? "").split(separator: ";").map { Folding.trimmed(String($0)) }.filter { !$0.isEmpty }
        }
        func names() -> [PersonName] { items().compactMap(PersonName.reading) }
        var record = self
        switch field {
        case "title":
            guard let text else { throw fail("a document keeps a title; give the new one") }
            if let problem = RecordFields.titleProblem(text) { throw fail(problem) }
            record.title = text
        case "summary": record.summary = text ?? ""
        case "text": record.text = text ?? ""
        case "date": record.date = try date()
        case "date_end": record.dateEnd = try date()
        case "original_date": record.originalDate = try date()
        case "accessed": record.accessed = try date()
        case "date_text": record.dateText = text
        case "archive": record.archive = text
        case "archive_ref": record.archiveRef = text
        case "language": record.language = text
        case "original_language": record.originalLanguage = text
        case "url": record.url = text
        case "type":
            if let text {
                let (type, problem) = RecordFields.itemType(text)
                if let problem { throw fail(problem) }
                record.type = type
            } else {
                record.type = nil
            }
        case "collections": record.collections = items()
        case "people": record.people = items()
        case "places": record.places = items()
        case "subjects": record.subjects = items()
        case "author": record.author = names()
        case "recipient": record.recipient = names()
        case "translator": record.translator = names()
        case "editor": record.editor = names()
        case "interviewer": record.interviewer = names()
        case "container_title": record.containerTitle = text
        case "collection_title": record.collectionTitle = text
        case "volume": record.volume = text
        case "number": record.number = text
        case "page": record.page = text
        case "archive_place": record.archivePlace = text
        case "publisher": record.publisher = text
        case "publisher_place": record.publisherPlace = text
        case "original_title": record.originalTitle = text
        case "title_short": record.titleShort = text
        case let name where name.hasPrefix(RecordField.extraPrefix) && name.count > RecordField.extraPrefix.count:
            record.extra[String(name.dropFirst(RecordField.extraPrefix.count))] = text.map(JSONValue.string)
        default:
            let names = RecordField.all.map(\.name)
            let suggestions = EditDistance.suggestions(for: field, among: names)
            throw .invalidEdit(
                field: field,
                reason: "there is no such field"
                    + (suggestions.isEmpty ? "" : " (did you mean \(suggestions.map { "'\($0)'" }.joined(separator: " or "))?)")
                    + "; the fields are \(names.joined(separator: ", ")), and extra.NAME for your own")
        }
        if let start = record.date, let end = record.dateEnd, end.upperBound < start.lowerBound {
            throw fail("date_end '\(end.iso)' would be before date '\(start.iso)'; change the other first")
        }
        return record
    }
}
