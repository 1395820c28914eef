import DossierProtocol
import Foundation

/// An RFC 4180 CSV parser that reports the line each row starts on, which the importers
/// need for `file:line` messages and which the CSV libraries available here do not give.
struct CSVParser {
    struct Row {
        var line: Int
        var fields: [String]
    }

    enum Failure: Error {
        case unterminatedQuote(line: Int)
        case strayQuote(line: Int)
        /// Text after the closing quote of a field that ran on over line ends: the quote
        /// that opened it on `opened` was most likely never meant to be closed there.
        case runawayQuote(opened: Int, line: Int)
    }

    /// Parses `text`; a row spanning lines (a quoted field with a newline) keeps the number
    /// of the line it starts on. Blank lines are skipped.
    static func rows(of text: String) throws(Failure) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var rowStart = 1
        var inQuotes = false
        var quoteStart = 1
        var fieldWasQuoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func next() -> Unicode.Scalar? {
            if let p = pending {
                pending = nil
                return p
            }
            return iterator.next()
        }
        func endRow() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) {
                rows.append(Row(line: rowStart, fields: fields))
            }
            fields = []
            field = ""
            fieldWasQuoted = false
        }

        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    if let following = next() {
                        if following == "\"" {
                            field.unicodeScalars.append("\"")
                        } else {
                            inQuotes = false
                            pending = following
                        }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"":
                guard field.isEmpty else { throw .strayQuote(line: line) }
                inQuotes = true
                fieldWasQuoted = true
                quoteStart = line
            case ",":
                fields.append(field)
                field = ""
                fieldWasQuoted = false
            case "\r":
                break
            case "\n":
                endRow()
                line += 1
                rowStart = line
            default:
                if fieldWasQuoted {
                    if quoteStart < line { throw .runawayQuote(opened: quoteStart, line: line) }
                    throw .strayQuote(line: line)
                }
                field.unicodeScalars.append(c)
            }
        }
        if inQuotes { throw .unterminatedQuote(line: quoteStart) }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRow() }
        return rows
    }

    /// A cheap look at a first line's comma-separated names, for guessing the format.
    static func splitHeaderGuess(_ line: String) -> [String] {
        line.split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces.union(["\""])).lowercased()
        }
    }
}

/// CSV with a header row: columns named in the shared vocabulary, one record a row; list
/// fields (`people`, `places`, `collections`, `subjects`) hold items separated by `;`.
struct CSVReader: RecordReader {
    let data: Data
    let file: String
    let provenance: Provenance

    func read(_ consume: (Record) throws -> Void, warn: (ImportWarning) -> Void) throws {
        guard var text = String(data: data, encoding: .utf8) else {
            throw ImportError.unreadableFile(file: file, reason: "it is not UTF-8 text")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let rows: [CSVParser.Row]
        do {
            rows = try CSVParser.rows(of: text)
        } catch .unterminatedQuote(let line) {
            throw ImportError.malformed(
                file: file, line: line,
                reason: "a quoted field is never closed. Add the closing '\"'; if the file was cut off, restore the whole file.")
        } catch .runawayQuote(let opened, let line) {
            throw ImportError.malformed(
                file: file, line: opened,
                reason: "the quoted field that opens on this line runs on to line \(line), where text follows its closing quote: "
                    + "a closing '\"' is probably missing on line \(opened). Add it, and double any quote inside the field (\"\")."
            )
        } catch .strayQuote(let line) {
            throw ImportError.malformed(
                file: file, line: line,
                reason: "a '\"' stands inside an unquoted field. Quote the whole field and double the inner quote (\"\").")
        }
        guard let header = rows.first else { throw ImportError.noRecords(file: file, format: .csv) }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if let duplicate = Dictionary(grouping: names, by: { $0 }).first(where: { $0.value.count > 1 && !$0.key.isEmpty }) {
            throw ImportError.malformed(file: file, line: header.line, reason: "the header names '\(duplicate.key)' twice.")
        }
        guard names.contains(where: { RecordFields.aliases[$0] == "title" }) else {
            throw ImportError.malformed(
                file: file, line: header.line,
                reason: "the header has no 'title' column. \(ImportFormat.csv.shapeHint)")
        }
        if rows.count == 1 { throw ImportError.noRecords(file: file, format: .csv) }
        let endsWithNewline = text.last == "\n" || text.last == "\r\n" || text.last == "\r"
        // Spreadsheets often end rows with empty cells past the header's columns: dropped,
        // and said once.
        var padded: [Int] = []
        for (position, original) in rows.dropFirst().enumerated() {
            var row = original
            if row.fields.count > names.count,
                row.fields[names.count...].allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty })
            {
                row.fields.removeLast(row.fields.count - names.count)
                padded.append(row.line)
            }
            guard row.fields.count == names.count else {
                if position == rows.count - 2, row.fields.count < names.count, !endsWithNewline {
                    throw ImportError.malformed(
                        file: file, line: row.line,
                        reason:
                            "the last row has \(row.fields.count) of the header's \(names.count) fields and the file does not end "
                            + "with a line end: it looks cut off. Restore the whole file, or remove the incomplete row.")
                }
                throw ImportError.malformed(
                    file: file, line: row.line,
                    reason: "\(row.fields.count) fields, but the header has \(names.count). Quote fields that contain commas.")
            }
            var fields: [String: JSONValue] = [:]
            for (name, value) in zip(names, row.fields) where !name.isEmpty {
                let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
                if trimmed.isEmpty { continue }
                if let canonical = RecordFields.aliases[name], RecordFields.listFields.contains(canonical) {
                    fields[name] = .array(trimmed.split(separator: ";").map { .string(String($0)) })
                } else {
                    fields[name] = .string(trimmed)
                }
            }
            try consume(RecordFields.record(from: fields, file: file, line: row.line, provenance: provenance))
        }
        if let first = padded.first {
            let lines = padded.prefix(5).map(String.init).joined(separator: ", ") + (padded.count > 5 ? ", …" : "")
            warn(
                ImportWarning(
                    file: file, line: first,
                    message: "\(padded.count) \(padded.count == 1 ? "row ends" : "rows end") with empty fields past the header's "
                        + "\(names.count) columns (\(padded.count == 1 ? "line" : "lines") \(lines)); the empty fields were left out."
                ))
        }
    }
}
