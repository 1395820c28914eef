import DossierProtocol
import Foundation

/// CSL-JSON items (what Zotero, pandoc and Dossier's own `export --format csl-json` write)
/// in Dossier's field vocabulary, for the record reader: `issued` is the date (a range its
/// end), `archive_location` the archive reference, `URL` the url, `abstract` the summary,
/// `keyword` the subjects; names and the other CSL variables keep their meaning under the
/// vocabulary's spelling. What Dossier keeps beyond CSL (collections, people, places, the
/// full text) travels in the item's `custom` object, as the CSL-JSON schema provides.
enum CSLItemFields {
    /// Whether an object of a JSON array is a CSL item rather than a record in Dossier's
    /// vocabulary: it has a CSL item type and none of the vocabulary's own field names.
    static func isItem(_ fields: [String: JSONValue]) -> Bool {
        guard let type = fields["type"]?.string, Record.itemTypes.contains(type) else { return false }
        return !fields.keys.contains { vocabularyOnly.contains($0) }
    }

    /// Names only Dossier's vocabulary uses.
    static let vocabularyOnly: Set<String> = [
        "date", "date_end", "date_text", "archive_ref", "collections", "people", "places", "subjects", "summary",
        "original_language", "container_title", "publisher_place",
    ]

    /// The item's fields under the vocabulary's names; `fail` makes the error for a date
    /// that is no date.
    static func vocabulary(
        from item: [String: JSONValue], fail: (String) -> ImportError
    ) throws(ImportError) -> [String: JSONValue] {
        var fields: [String: JSONValue] = [:]
        var custom: [String: JSONValue] = [:]
        for (key, value) in item {
            switch key {
            case "id": fields["id"] = value.string.map(JSONValue.string) ?? .string(value.text)
            case "issued":
                let (start, end) = try dates(value, field: key, fail: fail)
                fields["date"] = start
                fields["date_end"] = end
            case "original-date", "accessed":
                fields[key == "accessed" ? "accessed" : "original_date"] = try dates(value, field: key, fail: fail).start
            case "archive_location", "archive-location": fields["archive_ref"] = value
            case "URL": fields["url"] = value
            case "abstract": fields["summary"] = value
            case "keyword":
                let words = (value.string ?? "").split(whereSeparator: { $0 == "," || $0 == ";" })
                fields["subjects"] = .array(words.map { .string($0.trimmingCharacters(in: .whitespaces)) })
            case "original-language": fields["original_language"] = value
            case "custom":
                if case .object(let members) = value { custom = members }
            default: fields[key] = value
            }
        }
        // What Dossier's own export added for styles and other tools to read (the collections
        // as a collection title, a title's language from its script, the original language
        // as a note) is not the record's: it says so in `custom.derived`.
        for key in custom["derived"]?.array?.compactMap(\.string) ?? [] { fields[key] = nil }
        for (key, value) in custom where key != "extra" && key != "derived" { fields[key] = value }
        if case .object(let extra)? = custom["extra"] { fields["extra"] = .object(extra) }
        return fields
    }

    /// A CSL date: `{"date-parts": [[1956, 9, 20], [1956, 9, 23]]}` (a range), with
    /// `"circa": true` for an uncertain one, or `{"raw": "…"}` / `{"literal": "…"}`, or a
    /// string; as the vocabulary's ISO dates.
    static func dates(
        _ value: JSONValue, field: String, fail: (String) -> ImportError
    ) throws(ImportError) -> (start: JSONValue?, end: JSONValue?) {
        switch value {
        case .null: return (nil, nil)
        case .string: return (value, nil)
        case .object(let object):
            let circa = object["circa"].map { $0 == .bool(true) || $0.string == "1" || $0.string == "true" } ?? false
            if case .array(let ranges)? = object["date-parts"] {
                let parts = try ranges.map { (range: JSONValue) throws(ImportError) -> String? in
                    guard case .array(let numbers) = range else {
                        throw fail("'\(field)' must give its date-parts as lists of numbers ([[1956, 9, 20]]).")
                    }
                    let values = numbers.compactMap { Int($0.text) }
                    guard values.count == numbers.count, let year = values.first else {
                        if numbers.isEmpty { return nil }
                        throw fail("'\(field)' must give its date-parts as lists of numbers ([[1956, 9, 20]]).")
                    }
                    var iso = String(format: "%04d", year)
                    if values.count > 1 { iso += String(format: "-%02d", values[1]) }
                    if values.count > 2 { iso += String(format: "-%02d", values[2]) }
                    return iso + (circa ? "~" : "")
                }
                let start = parts.first.flatMap { $0 }.map(JSONValue.string)
                let end = parts.count > 1 ? parts[1].map(JSONValue.string) : nil
                return (start, end)
            }
            if let raw = object["raw"]?.string ?? object["literal"]?.string { return (.string(raw), nil) }
            return (nil, nil)
        default:
            throw fail("'\(field)' must be a CSL date ({\"date-parts\": [[1956, 9, 20]]}) or a date as text.")
        }
    }
}
