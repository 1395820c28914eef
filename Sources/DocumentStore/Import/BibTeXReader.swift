import DossierProtocol
import Foundation

/// BibTeX and BibLaTeX, as Zotero, JabRef and Dossier's own export write them: each
/// `@type{key, field = {value}, …}` entry a record whose id is its key. The entry type
/// gives the item type; names (`Rhee, Syngman and {Soviet Embassy}`), dates (`date =
/// {1956-09-20}`, or `year` and `month`), the container (`booktitle`, `journaltitle`) and
/// the archive's fields (`library`/`archive`, `howpublished`/`archive_location`, `addendum`)
/// map onto the vocabulary; fields it does not know are kept under `bib_NAME`.
struct BibTeXReader: RecordReader {
    let data: Data
    let file: String
    let provenance: Provenance

    /// The CSL type of each entry type.
    static let types: [String: String] = [
        "unpublished": "manuscript", "letter": "letter", "incollection": "chapter", "inbook": "chapter",
        "book": "book", "report": "report", "techreport": "report", "article": "article-journal", "online": "webpage",
        "thesis": "thesis", "phdthesis": "thesis", "mastersthesis": "thesis", "misc": "document", "manual": "report",
        "inproceedings": "paper-conference",
    ]

    /// Fields and the vocabulary field each fills.
    static let fields: [String: String] = [
        "title": "title", "author": "author", "editor": "editor", "translator": "translator",
        "booktitle": "container_title", "journaltitle": "container_title", "journal": "container_title",
        "series": "collection_title", "volume": "volume", "number": "number", "pages": "page",
        "publisher": "publisher", "location": "publisher_place", "address": "publisher_place", "abstract": "summary",
        "url": "url", "urldate": "accessed", "language": "language", "origlanguage": "original_language",
        "origtitle": "original_title", "shorttitle": "title_short", "library": "archive", "archive": "archive",
        "howpublished": "archive_ref",
        "archive_location": "archive_ref", "date": "date",
    ]

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    func read(_ consume: (Record) throws -> Void, warn: (ImportWarning) -> Void) throws {
        guard let text = String(data: data, encoding: .utf8) else {
            throw ImportError.unreadableFile(file: file, reason: "it is not UTF-8 text")
        }
        var scanner = Scanner(characters: Array(text), file: file)
        var count = 0
        while let (type, key, entry, line) = try scanner.nextEntry() {
            try consume(
                RecordFields.record(
                    from: Self.vocabulary(type: type, key: key, entry), file: file, line: line, provenance: provenance))
            count += 1
        }
        if count == 0 { throw ImportError.noRecords(file: file, format: .bibtex) }
    }

    /// An entry's fields in the vocabulary.
    static func vocabulary(type: String, key: String, _ entry: [(String, String)]) -> [String: JSONValue] {
        var record: [String: JSONValue] = ["id": .string(key)]
        // An unpublished item is what a record without a type is cited as: an archival manuscript.
        if type != "unpublished" { record["type"] = .string(types[type] ?? "document") }
        var year: String?
        var month: String?
        for (name, raw) in entry {
            switch name {
            case "author", "editor", "translator":
                record[fields[name]!] = .array(names(raw).map(\.json))
            case "year": year = text(raw)
            case "month": month = text(raw).lowercased()
            case "date", "urldate":
                // EDTF dates keep their `~` (uncertain), which TeX would read as a space.
                record[fields[name]!] = .string(raw.filter { $0 != "{" && $0 != "}" }.trimmingCharacters(in: .whitespaces))
            case "howpublished" where raw.hasPrefix("\\url"):
                if record["url"] == nil { record["url"] = .string(text(raw)) }
            case "keywords":
                record["subjects"] = .array(
                    text(raw).split(separator: ",").map { .string($0.trimmingCharacters(in: .whitespaces)) })
            case "addendum":
                record["collections"] = .array(
                    text(raw).components(separatedBy: "; ").map { .string($0.trimmingCharacters(in: .whitespaces)) })
            case let known where fields[known] != nil:
                record[fields[known]!] = .string(text(raw))
            default:
                record["bib_" + name] = .string(text(raw))
            }
        }
        if record["date"] == nil, let year {
            var date = year
            if let month, let number = months.firstIndex(of: String(month.prefix(3))) ?? Int(month).map({ $0 - 1 }),
                (0..<12).contains(number)
            {
                date += String(format: "-%02d", number + 1)
            }
            record["date"] = .string(date)
        }
        return record
    }

    /// The names of a name field: split on `and` outside braces; `{Soviet Embassy}` is a
    /// literal name, `Rhee, Syngman` family first, `Syngman Rhee` given first.
    static func names(_ raw: String) -> [PersonName] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        let words = raw.split(separator: " ", omittingEmptySubsequences: true)
        for word in words {
            let opens = word.count(where: { $0 == "{" })
            let closes = word.count(where: { $0 == "}" })
            if depth == 0 && word == "and" {
                parts.append(current)
                current = ""
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
            depth += opens - closes
        }
        parts.append(current)
        return parts.compactMap { part in
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("{") && trimmed.hasSuffix("}") && balanced(trimmed.dropFirst().dropLast()) {
                let literal = text(String(trimmed.dropFirst().dropLast()))
                return literal.isEmpty ? nil : PersonName(literal: literal)
            }
            let plain = text(trimmed)
            return plain.contains(",") ? PersonName.reading(plain) : PersonName.givenFirst(plain)
        }
    }

    private static func balanced(_ text: Substring) -> Bool {
        var depth = 0
        for character in text {
            if character == "{" { depth += 1 }
            if character == "}" { depth -= 1 }
            if depth < 0 { return false }
        }
        return depth == 0
    }

    /// A field's TeX as text: protective braces taken out, `\&`-style escapes and common
    /// accents (`\'e`, `\"o`, `\v{s}`) read, `\url{…}` its address, white space collapsed.
    static func text(_ tex: String) -> String {
        var result = ""
        var characters = Array(tex)[...]
        let accents: [Character: Character] = [
            "'": "\u{301}", "`": "\u{300}", "^": "\u{302}", "\"": "\u{308}", "~": "\u{303}", "=": "\u{304}", "v": "\u{30C}",
            "c": "\u{327}", "u": "\u{306}", ".": "\u{307}",
        ]
        while let character = characters.popFirst() {
            switch character {
            case "{", "}": continue
            case "\\":
                guard let next = characters.first else { continue }
                if "&%$#_{}".contains(next) {
                    result.append(characters.removeFirst())
                } else if let mark = accents[next],
                    !next.isLetter || characters.dropFirst().first.map({ !$0.isLetter }) ?? true
                {
                    characters.removeFirst()
                    while characters.first == "{" { characters.removeFirst() }
                    if let base = characters.popFirst() {
                        result += String(base) + String(mark)
                    }
                } else {
                    // A command: its name is dropped, its argument kept (\url{…}, \textit{…}).
                    while let letter = characters.first, letter.isLetter { characters.removeFirst() }
                    while characters.first == " " { characters.removeFirst() }
                }
            case "~": result.append(" ")
            default: result.append(character)
            }
        }
        return result.split(whereSeparator: \.isWhitespace).joined(separator: " ").precomposedStringWithCanonicalMapping
    }

    /// Reads entries from the characters, naming the line of anything malformed.
    struct Scanner {
        var characters: [Character]
        let file: String
        var index = 0
        var line = 1

        init(characters: [Character], file: String) {
            self.characters = characters
            self.file = file
        }

        mutating func advance() {
            if characters[index] == "\n" { line += 1 }
            index += 1
        }

        mutating func skipSpace() {
            while index < characters.count, characters[index].isWhitespace { advance() }
        }

        func fail(_ reason: String) -> ImportError {
            .malformed(file: file, line: line, reason: reason)
        }

        /// The next entry's type, key, fields in order and line; nil at the end. `@comment`,
        /// `@preamble` and `@string` are passed over.
        mutating func nextEntry() throws(ImportError) -> (String, String, [(String, String)], Int)? {
            while true {
                while index < characters.count, characters[index] != "@" { advance() }
                guard index < characters.count else { return nil }
                let start = line
                advance()
                var type = ""
                while index < characters.count, characters[index].isLetter {
                    type.append(characters[index])
                    advance()
                }
                type = type.lowercased()
                skipSpace()
                guard index < characters.count, characters[index] == "{" || characters[index] == "(" else {
                    throw fail("'@\(type)' is not followed by '{': expected an entry such as @book{key, title = {…}}.")
                }
                let close: Character = characters[index] == "{" ? "}" : ")"
                advance()
                if ["comment", "preamble", "string"].contains(type) {
                    var depth = 0
                    while index < characters.count, depth > 0 || characters[index] != close {
                        if characters[index] == "{" { depth += 1 }
                        if characters[index] == "}" { depth -= 1 }
                        advance()
                    }
                    if index < characters.count { advance() }
                    continue
                }
                skipSpace()
                var key = ""
                while index < characters.count, characters[index] != ",", characters[index] != close {
                    if !characters[index].isWhitespace { key.append(characters[index]) }
                    advance()
                }
                guard !key.isEmpty else { throw fail("the @\(type) entry that starts on line \(start) has no key.") }
                var fields: [(String, String)] = []
                while true {
                    skipSpace()
                    guard index < characters.count else {
                        throw .malformed(
                            file: file, line: start,
                            reason: "the @\(type){\(key), …} entry that starts here is never closed: the file ends first.")
                    }
                    if characters[index] == close {
                        advance()
                        break
                    }
                    if characters[index] == "," {
                        advance()
                        continue
                    }
                    var name = ""
                    while index < characters.count,
                        characters[index].isLetter || characters[index].isNumber
                            || "_-:".contains(characters[index])
                    {
                        name.append(characters[index])
                        advance()
                    }
                    skipSpace()
                    guard !name.isEmpty, index < characters.count, characters[index] == "=" else {
                        throw fail("in @\(type){\(key), …} a field is not written 'name = {value}'.")
                    }
                    advance()
                    fields.append((name.lowercased(), try value(until: close)))
                }
                return (type, key, fields, start)
            }
        }

        /// A field's value: `{…}` (braces balanced), `"…"`, a number or a month's name,
        /// joined with `#`; stops before the `,` or the closing bracket.
        mutating func value(until close: Character) throws(ImportError) -> String {
            var result = ""
            while true {
                skipSpace()
                guard index < characters.count else { throw fail("a value is never closed: the file ends first.") }
                let first = characters[index]
                if first == "{" || first == "\"" {
                    let opening = line
                    var depth = 0
                    let quoted = first == "\""
                    advance()
                    while true {
                        guard index < characters.count else {
                            throw .malformed(
                                file: file, line: opening, reason: "a value that opens here is never closed: the file ends first."
                            )
                        }
                        let character = characters[index]
                        if character == "{" { depth += 1 }
                        if character == "}" {
                            if depth == 0 && !quoted { break }
                            depth -= 1
                        }
                        if quoted && character == "\"" && depth == 0 { break }
                        result.append(character)
                        advance()
                    }
                    advance()
                } else {
                    while index < characters.count, characters[index] != ",", characters[index] != close,
                        characters[index] != "#", !characters[index].isWhitespace
                    {
                        result.append(characters[index])
                        advance()
                    }
                }
                skipSpace()
                guard index < characters.count, characters[index] == "#" else { return result }
                advance()
            }
        }
    }
}
