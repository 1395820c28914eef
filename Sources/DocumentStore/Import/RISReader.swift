import DossierProtocol
import Foundation

/// RIS, the tagged format archives (the Wilson Center Digital Archive among them) and
/// reference managers export: `TY  - ` opens a record, `ER  - ` closes it, and each line
/// between is a two-character tag and its value. Tags are mapped onto the shared field
/// vocabulary; tags it does not know are kept as extra metadata under their RIS names.
struct RISReader: RecordReader {
    let data: Data
    let file: String
    let provenance: Provenance

    /// RIS tags and the vocabulary field each fills, whatever the record's type (the tags
    /// Zotero reads and writes). `A2`, `A3`, `T2`, `CY` and `PB` depend on the type (`roles`).
    static let tags: [String: String] = [
        "ID": "id", "TI": "title", "T1": "title", "AB": "summary", "N2": "summary",
        "DA": "date", "PY": "date", "Y1": "date", "UR": "url", "DB": "archive",
        "AN": "archive_ref", "AV": "archive_ref", "CN": "archive_ref", "T3": "collection_title",
        "AU": "author", "A1": "author", "KW": "subjects", "LA": "language", "TT": "translator", "A4": "translator",
        "VL": "volume", "M1": "number", "SP": "page", "Y2": "accessed", "ST": "title_short",
    ]

    /// The CSL type of each RIS type Dossier writes; any other is a `document`.
    static let types: [String: String] = [
        "MANSCPT": "manuscript", "PCOMM": "letter", "GEN": "document", "CHAP": "chapter", "BOOK": "book",
        "RPRT": "report", "JOUR": "article-journal", "MGZN": "article-magazine", "NEWS": "article-newspaper",
        "ELEC": "webpage", "THES": "thesis", "MAP": "map", "BILL": "bill", "CASE": "legal_case", "HEAR": "hearing",
        "STAT": "legislation", "PAT": "patent", "MPCT": "motion_picture", "SOUND": "song", "SLIDE": "speech",
        "INTV": "interview",
    ]

    /// What the type-dependent tags fill for a type: the second and third contributors, the
    /// secondary title (the container of a chapter or an article, else the archive's
    /// collection, as the Wilson Center's RIS has it), the place and the publisher.
    static func roles(for type: String) -> [String: String] {
        switch type {
        case "letter", "personal_communication":
            return ["A2": "recipient", "A3": "editor", "T2": "collections", "CY": "places", "PB": "archive"]
        case "interview":
            return ["A2": "interviewer", "A3": "editor", "T2": "collections", "CY": "places", "PB": "archive"]
        case "manuscript", "document":
            return ["A2": "editor", "A3": "recipient", "T2": "collections", "CY": "places", "PB": "archive"]
        default:
            return ["A2": "editor", "A3": "editor", "T2": "container_title", "CY": "publisher_place", "PB": "publisher"]
        }
    }

    func read(_ consume: (Record) throws -> Void, warn: (ImportWarning) -> Void) throws {
        guard let content = String(data: data, encoding: .utf8) else {
            throw ImportError.unreadableFile(file: file, reason: "it is not UTF-8 text")
        }
        var fields: [String: JSONValue]?
        var start = 0
        var lastTag: String?
        var count = 0
        var number = 0
        for raw in content.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            if number == 1, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            guard let (tag, value) = Self.split(line) else {
                // A line without a tag continues the value before it.
                guard fields != nil, let lastTag else {
                    throw ImportError.malformed(
                        file: file, line: number,
                        reason: "expected a tagged line such as 'TY  - GEN'. \(ImportFormat.ris.shapeHint)")
                }
                append(line.trimmingCharacters(in: .whitespaces), to: lastTag, in: &fields!, continuation: true)
                continue
            }
            switch tag {
            case "TY":
                if fields != nil {
                    throw ImportError.malformed(
                        file: file, line: start,
                        reason:
                            "the record that starts here has no 'ER  - ' line to end it before the next record on line \(number). "
                            + "Add an 'ER  - ' line before line \(number).")
                }
                fields = value.isEmpty ? [:] : ["ris_TY": .string(value)]
                start = number
                lastTag = nil
            case "ER":
                guard let record = fields else {
                    throw ImportError.malformed(
                        file: file, line: number, reason: "'ER  - ' ends a record that no 'TY  - ' line started.")
                }
                var mapped = Self.resolvingType(record)
                for key in ["date", "accessed"] {
                    if case .string(let date)? = mapped[key] { mapped[key] = .string(Self.isoDate(date)) }
                }
                try consume(RecordFields.record(from: mapped, file: file, line: start, provenance: provenance))
                count += 1
                fields = nil
            default:
                guard fields != nil else {
                    throw ImportError.malformed(
                        file: file, line: number,
                        reason: "the tag '\(tag)' stands outside a record. Start each record with 'TY  - '.")
                }
                append(value, to: tag, in: &fields!, continuation: false)
                lastTag = tag
            }
        }
        if fields != nil {
            throw ImportError.malformed(
                file: file, line: start,
                reason: "the record that starts here has no 'ER  - ' line to end it: the file ends first. "
                    + "Add an 'ER  - ' line after its last tag; if the file was cut off, restore the whole file.")
        }
        if count == 0 { throw ImportError.noRecords(file: file, format: .ris) }
    }

    /// The record with its type read from `TY` and the tags that depend on it given their
    /// fields; a note of the original language, as Dossier's export writes one, is that
    /// language.
    static func resolvingType(_ record: [String: JSONValue]) -> [String: JSONValue] {
        var fields = record
        let ris = fields.removeValue(forKey: "ris_TY")?.string?.uppercased()
        // Dossier writes a type RIS has no name for in M3 beside GEN.
        var type = ris.flatMap { types[$0] } ?? "document"
        if ris == "GEN", let named = fields["ris_M3"]?.string, Record.itemTypes.contains(named) {
            type = named
            fields["ris_M3"] = nil
        }
        if ris != nil { fields["type"] = .string(type) }
        for (tag, name) in roles(for: type) {
            guard let value = fields.removeValue(forKey: "ris_" + tag) else { continue }
            let values = value.array ?? [value]
            switch fields[name] {
            case .array(let existing)?: fields[name] = .array(existing + values)
            case .string(let existing)?:
                fields[name] = .string(([existing] + values.compactMap(\.string)).joined(separator: "; "))
            default:
                fields[name] =
                    ["editor", "recipient", "interviewer", "collections", "places"].contains(name)
                    ? .array(values) : .string(values.compactMap(\.string).joined(separator: "; "))
            }
        }
        if let note = fields["ris_N1"]?.string, note.hasPrefix("Original language: "), fields["original_language"] == nil {
            fields["original_language"] = .string(String(note.dropFirst("Original language: ".count)))
            fields["ris_N1"] = nil
        }
        return fields
    }

    /// `TI  - Title` as ("TI", "Title"); nil for a line that is not tagged.
    static func split(_ line: String) -> (String, String)? {
        let characters = Array(line)
        guard characters.count >= 5, characters[0].isUppercase || characters[0].isNumber,
            characters[1].isUppercase || characters[1].isNumber,
            characters[2] == " ", characters[3] == " ", characters[4] == "-"
        else { return nil }
        return (String(characters[0..<2]), String(characters.dropFirst(5)).trimmingCharacters(in: .whitespaces))
    }

    private func append(_ value: String, to tag: String, in fields: inout [String: JSONValue], continuation: Bool) {
        let name = Self.tags[tag] ?? "ris_" + tag
        let lists: Set<String> = [
            "people", "subjects", "collections", "places", "author", "translator", "ris_A2", "ris_A3", "ris_T2",
        ]
        if lists.contains(name) {
            var items: [JSONValue] = []
            if case .array(let existing)? = fields[name] { items = existing }
            if continuation, case .string(let last)? = items.last {
                items[items.count - 1] = .string(last + " " + value)
            } else {
                items.append(.string(value))
            }
            fields[name] = .array(items)
        } else if case .string(let existing)? = fields[name], !existing.isEmpty {
            // A repeated tag (several notes) or a continuation line: keep every part.
            fields[name] = .string(existing + (continuation ? " " : "\n") + value)
        } else {
            fields[name] = .string(value)
        }
    }

    /// RIS dates are `YYYY/MM/DD/other` with parts possibly empty (`1956//`, `1956/09/`).
    static func isoDate(_ text: String) -> String {
        guard text.contains("/") else { return text }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var result = parts[0]
        if parts.count > 1, !parts[1].isEmpty {
            result += "-" + parts[1]
            if parts.count > 2, !parts[2].isEmpty { result += "-" + parts[2] }
        }
        return result
    }
}
