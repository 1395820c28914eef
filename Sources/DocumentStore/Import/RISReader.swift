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

    /// RIS tags and the vocabulary field each fills.
    static let tags: [String: String] = [
        "ID": "id", "TI": "title", "T1": "title", "AB": "summary", "N2": "summary",
        "DA": "date", "PY": "date", "Y1": "date", "UR": "url", "DB": "archive", "PB": "archive",
        "AN": "archive_ref", "AV": "archive_ref", "CN": "archive_ref", "T2": "collections",
        "T3": "collections", "AU": "people", "A1": "people", "KW": "subjects", "CY": "places",
        "LA": "language", "OP": "original_language", "TT": "translator", "A4": "translator",
    ]

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
                fields = [:]
                start = number
                lastTag = nil
            case "ER":
                guard let record = fields else {
                    throw ImportError.malformed(
                        file: file, line: number, reason: "'ER  - ' ends a record that no 'TY  - ' line started.")
                }
                var mapped = record
                if case .string(let date)? = record["date"] { mapped["date"] = .string(Self.isoDate(date)) }
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
        let lists: Set<String> = ["people", "subjects", "collections", "places"]
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
