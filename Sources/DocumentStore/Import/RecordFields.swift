import DossierProtocol
import Foundation
import TextAnalysis

/// Maps an imported object's fields (JSON Lines, CSV) onto a `Record`, accepting the
/// vocabulary's alternative names and keeping unknown fields as extra metadata.
enum RecordFields {
    /// Accepted field names and the vocabulary name each stands for.
    static let aliases: [String: String] = [
        "id": "id",
        "date": "date", "date_iso": "date",
        "date_end": "date_end", "date_end_iso": "date_end",
        "date_text": "date_text",
        "title": "title", "summary": "summary", "text": "text",
        "archive": "archive",
        "archive_ref": "archive_ref", "source": "archive_ref",
        "collections": "collections", "collection": "collections",
        "people": "people", "person": "people",
        "places": "places", "place": "places", "country": "places", "locale": "places",
        "subjects": "subjects", "subject": "subjects",
        "language": "language", "original_language": "original_language",
        "url": "url",
        "type": "type",
        "author": "author", "recipient": "recipient", "translator": "translator", "editor": "editor",
        "interviewer": "interviewer",
        "container_title": "container_title", "container-title": "container_title",
        "collection_title": "collection_title", "collection-title": "collection_title",
        "volume": "volume", "number": "number", "page": "page",
        "archive_place": "archive_place", "archive-place": "archive_place",
        "publisher": "publisher", "publisher_place": "publisher_place", "publisher-place": "publisher_place",
        "original_date": "original_date", "original-date": "original_date",
        "original_title": "original_title", "original-title": "original_title",
        "title_short": "title_short", "title-short": "title_short", "short_title": "title_short",
        "shorttitle": "title_short",
        "accessed": "accessed",
    ]

    /// The name lists: each name `{"family", "given"}` or `{"literal"}`, or text ("Rhee,
    /// Syngman"; several separated by `;`).
    static let nameFields: Set<String> = ["author", "recipient", "translator", "editor", "interviewer"]

    static let knownNames = Set(aliases.keys)

    /// The longest title a record may have. A longer one is a text in the wrong place (a
    /// shifted CSV column, a results page whose blank lines were lost), and would fill every
    /// listing.
    static let maximumTitleLength = 2_000

    /// Why `title` cannot be a title, if it cannot.
    static func titleProblem(_ title: String) -> String? {
        guard title.utf8.count > maximumTitleLength, title.count > maximumTitleLength else { return nil }
        return "the title is \(title.count) characters long; a title has at most 2,000. "
            + "Put long text in 'summary' or 'text'."
    }
    static let listFields: Set<String> = ["collections", "people", "places", "subjects"]

    /// Builds a record; `location` names the file and line for error messages.
    static func record(
        from fields: [String: JSONValue], file: String, line: Int, provenance: Provenance
    ) throws(ImportError) -> Record {
        func fail(_ reason: String) -> ImportError {
            .malformed(file: file, line: line, reason: reason)
        }
        var scalars: [String: String] = [:]
        var lists: [String: [String]] = [:]
        var names: [String: [PersonName]] = [:]
        var extra: [String: JSONValue] = [:]
        // Sorted so that when two aliases of one field are both present, the outcome does
        // not depend on dictionary order.
        for key in fields.keys.sorted() {
            let value = fields[key]!
            guard let name = aliases[key] else {
                switch (key, value) {
                case ("extra", .object(let members)):
                    // Dossier's own --json output keeps extra fields under "extra": importing
                    // it again must not nest them.
                    for (member, memberValue) in members where memberValue != .null && extra[member] == nil {
                        extra[member] = memberValue
                    }
                case ("provenance", .object):
                    // Where a record came from is set by this import, not carried over.
                    break
                default:
                    if value != .null { extra[key] = value }
                }
                continue
            }
            if nameFields.contains(name) {
                let read: [PersonName]
                switch value {
                case .null: read = []
                case .string(let text): read = text.split(separator: ";").compactMap { PersonName.reading(String($0)) }
                case .object: read = PersonName.from(json: value).map { [$0] } ?? []
                case .array(let values):
                    read = try values.map { (element: JSONValue) throws(ImportError) -> PersonName? in
                        if element == .null { return nil }
                        guard let person = PersonName.from(json: element) else {
                            throw fail(
                                "field '\(key)' must list names as {\"family\": …, \"given\": …}, {\"literal\": …} or text.")
                        }
                        return person
                    }.compactMap { $0 }
                case .number, .bool: throw fail("field '\(key)' must be a name or a list of names, not \(value.text).")
                }
                for person in read where !(names[name, default: []].contains(person)) { names[name, default: []].append(person) }
            } else if listFields.contains(name) {
                let items: [String]
                switch value {
                case .null: items = []
                case .string(let s): items = [s]
                case .array(let values):
                    items = try values.map { (element: JSONValue) throws(ImportError) -> String in
                        switch element {
                        case .string(let s): return s
                        case .number, .bool: return element.text
                        default: throw fail("field '\(key)' must be a list of text values.")
                        }
                    }
                case .number, .bool: items = [value.text]
                case .object: throw fail("field '\(key)' must be text or a list of text, not an object.")
                }
                let cleaned = items.map { Folding.trimmed(Folding.nfc($0)) }
                    .filter { !$0.isEmpty }
                for item in cleaned where !(lists[name, default: []].contains(item)) {
                    lists[name, default: []].append(item)
                }
            } else {
                switch value {
                case .null: continue
                case .string(let s):
                    let cleaned = Folding.trimmed(Folding.nfc(s))
                    if !cleaned.isEmpty, scalars[name] == nil { scalars[name] = cleaned }
                case .number, .bool:
                    if scalars[name] == nil { scalars[name] = value.text }
                case .array, .object:
                    throw fail("field '\(key)' must be text, not a list or an object.")
                }
            }
        }

        // A record with an id may add fields to a stored one and leave its title out; the
        // import refuses it if no stored record has the id.
        guard let title = scalars["title"] ?? (scalars["id"] != nil ? "" : nil) else {
            throw fail(
                "the record has no title. Every record needs a 'title' field (or an 'id' of a stored record it adds fields to).")
        }
        if let problem = titleProblem(title) { throw fail(problem) }
        let date = try parseDate(scalars["date"], field: "date", fail: fail)
        let dateEnd = try parseDate(scalars["date_end"], field: "date_end", fail: fail)
        if let date, let dateEnd, dateEnd.upperBound < date.lowerBound {
            throw fail("date_end '\(dateEnd.iso)' is before date '\(date.iso)'. Swap them or correct one.")
        }
        let originalDate = try parseDate(scalars["original_date"], field: "original_date", fail: fail)
        let accessed = try parseDate(scalars["accessed"], field: "accessed", fail: fail)
        let type = try scalars["type"].map { (text: String) throws(ImportError) -> String in
            let (type, problem) = itemType(text)
            if let problem { throw fail("type " + problem) }
            return type
        }
        let id =
            scalars["id"]
            ?? Record.derivedID(prefix: "doc", url: scalars["url"], title: title, date: date?.iso)
        var record = Record(
            id: id, date: date, dateEnd: dateEnd, dateText: scalars["date_text"], title: title,
            summary: scalars["summary"] ?? "", text: scalars["text"] ?? "",
            archive: scalars["archive"], archiveRef: scalars["archive_ref"],
            collections: lists["collections"] ?? [], people: lists["people"] ?? [],
            places: lists["places"] ?? [], subjects: lists["subjects"] ?? [],
            language: scalars["language"], originalLanguage: scalars["original_language"], type: type,
            author: names["author"] ?? [], recipient: names["recipient"] ?? [], translator: names["translator"] ?? [],
            editor: names["editor"] ?? [], interviewer: names["interviewer"] ?? [],
            containerTitle: scalars["container_title"], collectionTitle: scalars["collection_title"],
            volume: scalars["volume"], number: scalars["number"], page: scalars["page"],
            archivePlace: scalars["archive_place"], publisher: scalars["publisher"],
            publisherPlace: scalars["publisher_place"], originalDate: originalDate,
            originalTitle: scalars["original_title"], accessed: accessed, url: scalars["url"], provenance: provenance,
            extra: extra)
        record.titleShort = scalars["title_short"]
        return record
    }

    private static func parseDate(
        _ text: String?, field: String, fail: (String) -> ImportError
    ) throws(ImportError) -> PartialDate? {
        guard let text else { return nil }
        let (date, problem) = date(text)
        if let problem { throw fail("\(field) " + problem) }
        return date
    }

    /// A date as a field gives it, or why it is none: "'1956-13-01' is not a date: there is
    /// no month 13. Use YYYY, …" (an import and `edit` say it after the field's name).
    static func date(_ text: String) -> (date: PartialDate?, problem: String?) {
        do {
            return (try PartialDate.parse(text), nil)
        } catch DateError.invalid(let reason) {
            return (nil, "'\(text)' is not a date: \(reason). \(PartialDate.formatHint)")
        } catch {
            return (nil, "'\(text)' is not a date. \(PartialDate.formatHint)")
        }
    }

    /// A CSL item type as a field gives it (any case; "personal communication" spelt with a
    /// space), or why it is none.
    static func itemType(_ text: String) -> (type: String, problem: String?) {
        let type = text.lowercased() == "personal communication" ? "personal_communication" : text.lowercased()
        guard !Record.itemTypes.contains(type) else { return (type, nil) }
        return (
            type,
            "'\(text)' is not a CSL item type; use one of manuscript, letter, document, report, interview, book, "
                + "chapter, article-journal, article-newspaper, webpage, personal_communication, …"
        )
    }
}
