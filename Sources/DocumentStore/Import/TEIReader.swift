import Foundation
import XMLInput

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// TEI XML as the U.S. Office of the Historian publishes FRUS and its other documents:
/// each `<div type="document">` is a record, with its `<head>` as title, its `<dateline>`
/// (and the `<date when="…">` in it) as date, `<placeName>`s as places, `<note
/// type="source">` as archive reference, and its paragraphs as text. The `teiHeader`'s
/// title names the collection, and its creation date stands in for a document without one.
struct TEIReader: RecordReader {
    let url: URL
    /// The file's bytes, for recognizing a file that is not XML at all.
    let data: Data
    let file: String
    let provenance: Provenance

    func read(_ consume: (Record) throws -> Void, warn: (ImportWarning) -> Void) throws {
        if let problem = data.withUnsafeBytes({ Self.encodingProblem(in: $0, file: file) }) { throw problem }
        let parser: XMLParser
        if let patched = data.withUnsafeBytes({ XMLInput.processingInstructionsGivenData($0) }) {
            parser = XMLParser(data: patched)
        } else {
            guard let opened = XMLParser(contentsOf: url) else {
                throw ImportError.unreadableFile(file: file, reason: "it cannot be opened as XML")
            }
            parser = opened
        }
        let collector = TEICollector()
        parser.delegate = collector
        parser.shouldProcessNamespaces = false
        if !parser.parse() {
            throw ImportError.malformed(
                file: file, line: max(1, collector.errorLine ?? parser.lineNumber),
                reason: "the XML is not well-formed: \(Self.describe(parser.parserError)). Fix the file in an XML editor "
                    + "(xmllint --noout '\(file)' lists every problem), then import it again.")
        }
        // The parser accepts a file that ends with elements still open (one cut off while
        // being copied): everything after the cut would be missing without a word.
        if let (name, line) = collector.unclosed {
            throw ImportError.malformed(
                file: file, line: line,
                reason: "the element <\(name)> opened here is never closed: the file ends first (cut off?). "
                    + "Restore the whole file, or close the element with </\(name)>.")
        }
        if !collector.sawRoot {
            throw ImportError.malformed(
                file: file, line: 1, reason: "the file holds no XML element. \(ImportFormat.tei.shapeHint)")
        }
        if collector.documents.isEmpty {
            throw ImportError.noRecords(file: file, format: .tei)
        }
        let stem = url.deletingPathExtension().lastPathComponent
        for (index, document) in collector.documents.enumerated() {
            let title = Self.collapse(document.head)
            guard !title.isEmpty else {
                throw ImportError.malformed(
                    file: file, line: document.line, reason: "the document has no <head> to serve as its title.")
            }
            let dateline = Self.collapse(document.dateline)
            var date: PartialDate?
            do {
                date =
                    try document.when.flatMap { try PartialDate.parse($0) }
                    ?? Self.date(in: dateline) ?? collector.created.flatMap { try PartialDate.parse($0) }
            } catch DateError.invalid(let reason) {
                throw ImportError.malformed(
                    file: file, line: document.line,
                    reason: "the date '\(document.when ?? dateline)' is not a date: \(reason). \(PartialDate.formatHint)")
            } catch {
                // Found by fuzzing: a `when` that is no date at all (`1956-'13-45`) ended the
                // import with a bare "unreadable".
                throw ImportError.malformed(
                    file: file, line: document.line,
                    reason:
                        "the date '\(document.when ?? collector.created ?? dateline)' is not a date. \(PartialDate.formatHint)")
            }
            let id = document.xmlID.map { "\(stem)-\($0)" } ?? "\(stem)-d\(index + 1)"
            let text = document.paragraphs.map(Self.collapse).filter { !$0.isEmpty }.joined(separator: "\n\n")
            var record = Record(
                id: id, date: date, dateText: dateline.isEmpty ? nil : dateline, title: title,
                summary: "", text: text, archive: collector.publisher ?? "Office of the Historian",
                archiveRef: document.source.map(Self.collapse) ?? collector.source.map(Self.collapse),
                collections: collector.title.map { [Self.collapse($0)] } ?? [],
                places: Array(Set(document.places.map(Self.collapse))).sorted(), language: "English",
                url: collector.url, provenance: provenance)
            if collector.isVolume { Self.placeInVolume(&record, document, collector) }
            try consume(record)
        }
    }

    /// A document of a published volume (a FRUS volume: `<title type="series">Foreign
    /// Relations of the United States</title>`) is an item in that volume, as Zotero keeps
    /// one (a book section): the volume's title, editors, publisher and place, and the
    /// document's number and pages. Its head loses the number it begins with ("127. "), its
    /// source note the word "Source:".
    fileprivate static func placeInVolume(_ record: inout Record, _ document: TEICollector.Document, _ volume: TEICollector) {
        record.type = "chapter"
        record.containerTitle = volume.title.map(Self.collapse)
        record.collections = []
        record.archive = nil
        let primary = volume.editors.filter(\.primary)
        record.editor = (primary.isEmpty ? volume.editors : primary).compactMap { PersonName.givenFirst(Self.collapse($0.name)) }
        record.publisher = volume.publisher
        record.publisherPlace = volume.publicationPlace
        record.number = document.number
        // The source note says where the original is: "Source: Department of State, Central
        // Files, 795B.00/9–2056. Secret." is the archive reference of the original.
        if let source = record.archiveRef, source.hasPrefix("Source: ") {
            record.archiveRef = String(source.dropFirst("Source: ".count))
        }
        if let first = document.pages.first {
            let last = document.pages.last!
            record.page = first == last ? first : "\(first)–\(last)"
        }
        if let number = document.number, record.title.hasPrefix(number + ". ") {
            record.title = String(record.title.dropFirst(number.count + 2))
        }
    }

    /// Why the bytes cannot be handed to the XML parser. A file that declares a single-byte
    /// encoding (ISO-8859-N, Windows-125N) or starts with a UTF-16 byte order mark is the
    /// parser's to convert; any other must be UTF-8: the parser passes names it cannot decode
    /// on to Foundation, which stops the process on them (`<\u{FF}on>`, or the same behind a
    /// declared encoding that is no encoding's name, both found by fuzzing).
    static func encodingProblem(in bytes: UnsafeRawBufferPointer, file: String) -> ImportError? {
        if let problem = TextCheck.binaryProblem(in: bytes, file: file) { return problem }
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) { return nil }
        if XMLInput.declaresASingleByteEncoding(bytes) { return nil }
        return TextCheck.problem(in: bytes, file: file)
    }

    /// A date in a dateline such as `Washington, November 10, 1988`: the longest run of
    /// comma-separated parts at its end that reads as a date.
    static func date(in dateline: String) throws -> PartialDate? {
        let parts = dateline.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        for start in parts.indices {
            let candidate = parts[start...].joined(separator: ", ")
            do {
                if let date = try PartialDate.parse(candidate) { return date }
            } catch DateError.unreadable {
                continue
            }
        }
        return nil
    }

    /// What the XML parser's error means, in words (its own description is a code
    /// number). The codes are libxml2's, which the parser passes on.
    static func describe(_ error: (any Error)?) -> String {
        guard let error else { return "the parser stopped" }
        let code = (error as NSError).code
        switch code {
        case 3, 4: return "it does not start with an XML element ('<')"
        case 5, 86: return "there is more after the end of the document's root element (a second root, or text after it)"
        case 6, 7, 8: return "a character reference such as '&#160;' is malformed"
        case 9: return "it holds a character that XML does not allow (a control character or NUL byte?)"
        case 22, 23, 24, 25: return "an '&' is not followed by an entity name and ';' (write a plain ampersand as '&amp;')"
        case 26, 27: return "an entity such as '&nbsp;' is used but not declared (write it as '&#160;')"
        case 31, 32, 79, 81: return "its bytes do not match the encoding it declares (save it as UTF-8)"
        case 38: return "a '<' stands inside an attribute's value (write it as '&lt;')"
        case 39, 40, 41: return "an attribute's value is not in quotes"
        case 42: return "an element has the same attribute twice"
        case 45: return "a comment ('<!--') is never closed"
        case 56, 57, 64: return "the '<?xml …?>' declaration is malformed or not at the very start"
        case 61: return "the DOCTYPE declaration is never closed"
        case 63: return "a CDATA section is never closed"
        case 65, 68: return "a '<' or '&' is not followed by a name (in text, write '<' as '&lt;' and '&' as '&amp;')"
        case 73, 74, 77: return "a tag is not closed with '>'"
        case 76: return "an end tag does not match the element it closes"
        case 85: return "the elements are not properly nested"
        case 89, 90: return "its entities refer to each other in a loop or expand too far"
        default: return "XML error \(code)"
        }
    }

    private static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// Walks a TEI file and keeps what the reader needs.
private final class TEICollector: NSObject, XMLParserDelegate {
    /// Whether the file is a volume of a published series (a FRUS volume).
    var isVolume: Bool {
        (series ?? title ?? "").lowercased().hasPrefix("foreign relations of the united states")
            && (series != nil || documents.contains { $0.number != nil })
    }

    struct Document {
        var line: Int
        var xmlID: String?
        var head = ""
        var dateline = ""
        var when: String?
        var source: String?
        var places: [String] = []
        var paragraphs: [String] = []
        /// Its number in the volume (`n="127"`).
        var number: String?
        /// The pages it stands on: the page open where it begins, then every page break inside it.
        var pages: [String] = []
    }

    var documents: [Document] = []
    var title: String?
    /// `<title type="series">`: "Foreign Relations of the United States" in a FRUS volume.
    var series: String?
    /// The volume's editors, as the title statement lists them (primary editors when marked).
    var editors: [(name: String, primary: Bool)] = []
    var publicationPlace: String?
    /// The `n` of the last page break read: the page the text stands on.
    private var page: String?
    var created: String?
    var publisher: String?
    var source: String?
    var url: String?

    private var stack: [String] = []
    /// The line each element of `stack` opened on.
    private var openedAt: [Int] = []
    /// Whether any element was read.
    private(set) var sawRoot = false
    /// The line the parser was on when it found the file not well-formed (after it stops,
    /// its line is wherever its read-ahead got to).
    private(set) var errorLine: Int?

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if errorLine == nil { errorLine = parser.lineNumber }
    }

    /// The outermost element still open when the parser stopped, and its line.
    var unclosed: (name: String, line: Int)? {
        stack.first.map { ($0, openedAt[0]) }
    }
    private var current: Document?
    /// What the text being read belongs to (a head, a paragraph, a note to skip…), innermost
    /// last, with the depth of the element that opened it and the text so far.
    private var captures: [(kind: String, depth: Int, text: String)] = []
    private var capture: String? { captures.last?.kind }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        stack.append(name)
        openedAt.append(parser.lineNumber)
        sawRoot = true
        switch name {
        case "div" where attributes["type"] == "document" && current == nil:
            current = Document(line: parser.lineNumber, xmlID: attributes["xml:id"])
            current?.number = attributes["n"]
            if let page { current?.pages.append(page) }
            documentDepth = stack.count
        case "pb":
            page = attributes["n"] ?? page
            if let page = attributes["n"], current != nil {
                // A page break before the document's first paragraph is where it begins.
                if current?.paragraphs.isEmpty == true && capture == nil {
                    current?.pages = [page]
                } else {
                    current?.pages.append(page)
                }
            }
        case "title" where stack.contains("titleStmt") && attributes["type"] == "series":
            begin("series")
        case "editor" where stack.contains("titleStmt"):
            begin(attributes["role"] == "primary" ? "editor-primary" : "editor")
        case "pubPlace" where stack.contains("publicationStmt"):
            begin("pubPlace")
        case "title" where stack.contains("titleStmt") && (attributes["type"] == "complete" || title == nil):
            begin("title")
        case "date" where stack.contains("publicationStmt") && attributes["type"] == "created":
            created = attributes["when"]
        case "date" where current != nil && stack.contains("dateline"):
            // A time of day after the date (`1956-09-20T16:00:00+09:00`, as FRUS volumes
            // give telegrams) is more than a document's date says.
            if current?.when == nil, let when = attributes["when"] {
                current?.when = when.count > 10 && when.dropFirst(10).hasPrefix("T") ? String(when.prefix(10)) : when
            }
        case "ref" where stack.contains("sourceDesc"):
            url = url ?? attributes["target"]
        case "publisher" where stack.contains("publicationStmt"):
            begin("publisher")
        case "head" where current != nil && capture == nil:
            begin("head")
        case "dateline" where current != nil && capture == nil:
            begin("dateline")
        case "note" where current != nil && attributes["type"] == "source":
            begin("source")
        case "note":
            begin("skip")
        case "placeName" where current != nil && stack.contains("dateline"):
            current?.places.append("")
        case "p" where capture == nil && stack.contains("body"):
            begin("p")
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if !captures.isEmpty { captures[captures.count - 1].text += string }
        if stack.last == "placeName", var document = current, !document.places.isEmpty {
            document.places[document.places.count - 1] += string
            current = document
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        defer {
            stack.removeLast()
            openedAt.removeLast()
        }
        if let last = captures.last, last.depth == stack.count {
            captures.removeLast()
            let text = last.text
            switch last.kind {
            case "title": title = text
            case "series": series = text.trimmingCharacters(in: .whitespacesAndNewlines)
            case "editor", "editor-primary": editors.append((text, last.kind == "editor-primary"))
            case "pubPlace": publicationPlace = text.trimmingCharacters(in: .whitespacesAndNewlines)
            case "publisher": publisher = text.trimmingCharacters(in: .whitespacesAndNewlines)
            case "head": current?.head += text
            case "dateline": current?.dateline += text
            case "source": current?.source = text
            case "p":
                if current != nil {
                    current?.paragraphs.append(text)
                } else if text.trimmingCharacters(in: .whitespaces).hasPrefix("Source:") {
                    source = String(text.trimmingCharacters(in: .whitespacesAndNewlines).dropFirst("Source:".count))
                        .trimmingCharacters(in: .whitespaces)
                }
            default: break
            }
        }
        if name == "div", stack.count == documentDepth, let document = current {
            documents.append(document)
            current = nil
            documentDepth = nil
        }
    }

    private func begin(_ kind: String) {
        captures.append((kind, stack.count, ""))
    }

    /// How deep the current document's div stands.
    private var documentDepth: Int?
}
