import DocumentStore
import DossierProtocol
import REPLCore

/// A numbered list of documents, as `search` and later listing commands print it: number,
/// date, title, and a snippet with the matched words highlighted.
public struct DocumentList: CommandResult {
    /// One line of the list.
    public struct Item: Sendable {
        public var record: Record
        /// With highlight markers (`SearchHit.highlightStart`/`End`); empty for none.
        public var snippet: String
        /// Command-specific fields added to the item's JSON (`score`, `why`): a typed value
        /// of the command's, encoded only when JSON is asked for (not at every search shown).
        public var extra: (any Encodable & Sendable)?
        /// Lines printed under the snippet, dimmed (why the document matched).
        public var notes: [String]

        public init(record: Record, snippet: String = "", notes: [String] = []) {
            self.record = record
            self.snippet = snippet
            self.extra = nil
            self.notes = notes
        }

        /// An item whose JSON also has the fields of `extra`, a command's own typed value.
        public init(record: Record, snippet: String = "", extra: some Encodable & Sendable, notes: [String] = []) {
            self.init(record: record, snippet: snippet, notes: notes)
            self.extra = extra
        }
    }

    /// The sentence above the list (`3 documents match 'Mikoyan'.`).
    public var heading: String
    public var items: [Item]
    /// The number of the first item (pages after the first start past 1).
    public var firstNumber: Int
    /// What to say below the list (how to see more), if anything.
    public var footer: String?
    /// Command-specific top-level JSON fields (`query`, `total`): a typed value of the
    /// command's, encoded only when JSON is asked for.
    public var about: (any Encodable & Sendable)?

    public init(heading: String, items: [Item], firstNumber: Int = 1, footer: String? = nil) {
        self.heading = heading
        self.items = items
        self.firstNumber = firstNumber
        self.footer = footer
        self.about = nil
    }

    /// A list whose JSON also has the fields of `about`, the command's own typed value
    /// (what was searched, how many there are).
    public init(heading: String, items: [Item], firstNumber: Int = 1, footer: String? = nil, about: some Encodable & Sendable) {
        self.init(heading: heading, items: items, firstNumber: firstNumber, footer: footer)
        self.about = about
    }

    public func text(in style: TextStyle) -> String {
        var lines = Wrapping.wrap(heading, width: style.width)
        let lastNumber = firstNumber + items.count - 1
        let numberWidth = String(lastNumber).count + 1
        let dateWidth = 10
        let indent = String(repeating: " ", count: numberWidth + 2)
        for (offset, item) in items.enumerated() {
            let number = Wrapping.pad(String(firstNumber + offset) + ".", to: numberWidth)
            let date = Wrapping.pad(item.record.date?.iso ?? "n.d.", to: dateWidth)
            let titleIndent = String(repeating: " ", count: numberWidth + 2 + dateWidth + 2)
            let titleLines = Wrapping.wrap(item.record.title, width: style.width, indent: titleIndent, firstIndent: titleIndent)
            lines.append("")
            // The indent is ASCII spaces: drop it by bytes, not Characters.
            let title = String(decoding: titleLines[0].utf8.dropFirst(titleIndent.utf8.count), as: UTF8.self)
            lines.append(style.bold(number) + "  " + style.dim(date) + "  " + style.bold(title))
            lines += titleLines.dropFirst().map { style.bold($0) }
            if !item.snippet.isEmpty {
                lines += Wrapping.wrap(Self.clean(item.snippet), width: style.width, indent: indent)
                    .map { Self.highlight($0, style: style) }
            }
            for note in item.notes {
                lines += Wrapping.wrap(note, width: style.width, indent: indent).map { style.dim($0) }
            }
        }
        if let footer {
            lines.append("")
            lines += Wrapping.wrap(footer, width: style.width)
        }
        return lines.joined(separator: "\n")
    }

    enum CodingKeys: String, CodingKey {
        case results
    }

    /// The command's `about` fields, then `results`: each record in the field vocabulary
    /// with its `rank`, `snippet` and the command's own fields.
    public func encode(to encoder: any Encoder) throws {
        try about?.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(
            items.enumerated().map { offset, item in
                Annotated(
                    item.record,
                    Listed(
                        rank: firstNumber + offset, snippet: item.snippet.isEmpty ? nil : Self.plain(item.snippet),
                        extra: item.extra))
            }, forKey: .results)
    }

    /// What a list adds to each record it shows.
    private struct Listed: Encodable, Sendable {
        var rank: Int
        var snippet: String?
        var extra: (any Encodable & Sendable)?

        enum CodingKeys: String, CodingKey {
            case rank, snippet
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(rank, forKey: .rank)
            try container.encodeIfPresent(snippet, forKey: .snippet)
            try extra?.encode(to: encoder)
        }
    }

    public var listedDocumentIDs: [String]? { items.map(\.record.id) }
    public var listedFirstNumber: Int { firstNumber }

    /// Snippet text on one line: FTS keeps the source's line breaks. (Bytes, not
    /// Characters: both are ASCII, and this runs for every result shown.)
    static func clean(_ snippet: String) -> String {
        bytesReplaced(in: snippet) { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }
    }

    /// The snippet without highlight markers.
    public static func plain(_ snippet: String) -> String {
        bytesReplaced(in: clean(snippet)) { $0 == 0x02 || $0 == 0x03 ? nil : $0 }
    }

    /// `text` with each ASCII byte `replace` changes replaced (nil: dropped); `text` itself
    /// when it changes none.
    private static func bytesReplaced(in text: String, _ replace: (UInt8) -> UInt8?) -> String {
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: { replace($0) != $0 }) else { return text }
            var result = Array(bytes[..<first])
            result.reserveCapacity(bytes.count)
            for byte in bytes[first...] {
                if let kept = replace(byte) { result.append(kept) }
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// Replaces highlight markers with the style's highlighting (none without colour).
    public static func highlight(_ line: String, style: TextStyle) -> String {
        guard style.color else { return plain(line) }
        return line.replacingOccurrences(of: String(SearchHit.highlightStart), with: "\u{1B}[1;33m")
            .replacingOccurrences(of: String(SearchHit.highlightEnd), with: "\u{1B}[0m")
    }
}

/// One document in full: every field, the text wrapped to the terminal.
public struct DocumentView: CommandResult {
    public var record: Record
    /// Lines to add after the fields (why it matched, notes), if any.
    public var notes: [String]

    public init(record: Record, notes: [String] = []) {
        self.record = record
        self.notes = notes
    }

    public func text(in style: TextStyle) -> String {
        let r = record
        var lines = Wrapping.wrap(r.title, width: style.width).map { style.bold($0) }
        var fields: [(String, String)] = [("Date", r.date.map { dateLine(r, $0) } ?? (r.dateText ?? "n.d."))]
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { fields.append((label, value)) }
        }
        add("Archive", r.archive)
        add("Reference", r.archiveRef)
        add("Collections", r.collections.joined(separator: "; "))
        add("People", r.people.joined(separator: "; "))
        add("Places", r.places.joined(separator: "; "))
        add("Subjects", r.subjects.joined(separator: "; "))
        add("Language", r.language)
        add("Original language", r.originalLanguage)
        add("Type", r.type)
        add("Author", r.author.display)
        add("Recipient", r.recipient.display)
        add("Translator", r.translator.display)
        add("Editor", r.editor.display)
        add("Interviewer", r.interviewer.display)
        add("In", r.containerTitle)
        add("Series", r.collectionTitle)
        add("Volume", r.volume)
        add("Number", r.number)
        add("Page", r.page)
        add("Archive place", r.archivePlace)
        add("Publisher", r.publisher)
        add("Published in", r.publisherPlace)
        add("Original date", r.originalDate?.display)
        add("Original title", r.originalTitle)
        add("Short title", r.titleShort)
        add("Accessed", r.accessed?.display)
        add("URL", r.url)
        for (key, value) in r.extra.sorted(by: { $0.key < $1.key }) {
            add(key, value.text)
        }
        add("Id", r.id)
        if let provenance = r.provenance {
            add("Imported from", "\(provenance.file) (\(provenance.format))")
        }
        lines.append(FieldList(fields: fields.map { (label: $0.0, value: $0.1) }).text(in: style))
        if !r.summary.isEmpty {
            lines.append("")
            lines.append(style.heading("Summary"))
            lines += Wrapping.wrapParagraphs(r.summary, width: style.width)
        }
        if !r.text.isEmpty && r.text != r.summary {
            lines.append("")
            lines.append(style.heading("Text"))
            lines += Wrapping.wrapParagraphs(r.text, width: style.width)
        }
        if !notes.isEmpty {
            lines.append("")
            lines += notes.flatMap { Wrapping.wrap($0, width: style.width) }
        }
        return lines.joined(separator: "\n")
    }

    private func dateLine(_ r: Record, _ date: PartialDate) -> String {
        var text = date.display
        if let end = r.dateEnd, end != date { text += " – " + end.display }
        if let printed = r.dateText, !printed.isEmpty, printed != text { text += " (printed '\(printed)')" }
        return text
    }

    enum CodingKeys: String, CodingKey {
        case documents
    }

    /// `{"documents": [the record]}`, the form `compare` gives too.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode([record], forKey: .documents)
    }
}
