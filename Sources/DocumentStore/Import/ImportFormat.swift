import Foundation

/// The file formats `import` reads.
public enum ImportFormat: String, Sendable, CaseIterable {
    /// An archive's search-results page saved as text: a date line, a title and a summary
    /// per record, separated by blank lines (the Wilson Center Digital Archive's layout).
    case results
    /// JSON Lines: one JSON object a line, in the shared field vocabulary.
    case jsonl
    /// CSV with a header row naming fields of the shared vocabulary.
    case csv
    /// A JSON array of objects in the shared vocabulary (CSL items among them read as such).
    case json
    /// CSL-JSON: a JSON array of CSL items, as Zotero, pandoc and `export --format csl-json` write.
    case cslJSON = "csl-json"
    /// TEI XML as the Office of the Historian publishes FRUS: a record per document div.
    case tei
    /// RIS, the tagged format archives and reference managers export.
    case ris
    /// BibTeX or BibLaTeX: `@type{key, field = {value}, …}` entries.
    case bibtex
    /// Markdown or text with YAML front matter: a file, or a folder of them.
    case markdown

    /// One sentence saying what a file of this format looks like.
    public var shapeHint: String {
        switch self {
        case .results:
            return "Expected blocks of a date line ('September 20, 1956'), a title line and a summary, separated by blank lines."
        case .jsonl:
            return "Expected one JSON object a line, with at least a 'title'."
        case .csv:
            return "Expected a header row naming fields such as id, date, title, summary, then one record a row."
        case .json:
            return "Expected an array of objects ('[{…}, {…}]'), each with at least a 'title'."
        case .cslJSON:
            return "Expected an array of CSL items ('[{\"id\": …, \"type\": \"manuscript\", \"title\": …}]')."
        case .tei:
            return "Expected TEI XML with one or more <div type=\"document\"> holding a <head>."
        case .bibtex:
            return "Expected entries such as '@book{key, title = {Title}, author = {Family, Given}}'."
        case .ris:
            return "Expected records that open with 'TY  - ', hold tagged lines such as 'TI  - Title', and close with 'ER  - '."
        case .markdown:
            return
                "Expected .md, .markdown or .txt files, each with YAML front matter between '---' lines (or a '# heading') and its text."
        }
    }

    /// The format a file name's extension names, if it names one. `.txt` names none: a
    /// text file may be a saved results page or a transcription (in a folder, it is a
    /// transcription).
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "jsonl", "ndjson": self = .jsonl
        case "csv": self = .csv
        case "json": self = .json
        case "xml", "tei": self = .tei
        case "ris": self = .ris
        case "bib", "bibtex", "biblatex": self = .bibtex
        case "md", "markdown": self = .markdown
        default: return nil
        }
    }

    /// Guesses the format from the file name and the start of its content.
    public static func guess(url: URL, prefix: Data) -> ImportFormat {
        if let format = ImportFormat(fileExtension: url.pathExtension) { return format }
        let head = String(decoding: prefix, as: UTF8.self)
        let firstLine = head.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let trimmed = firstLine.trimmingCharacters(in: .whitespaces.union(["\u{FEFF}"]))
        if trimmed.hasPrefix("[") { return .json }
        if trimmed.hasPrefix("<") { return .tei }
        if trimmed.hasPrefix("@") || trimmed.hasPrefix("%") { return .bibtex }
        if RISReader.split(trimmed)?.0 == "TY" { return .ris }
        if trimmed == "---" { return .markdown }
        if trimmed.hasPrefix("{") { return .jsonl }
        let headerFields = CSVParser.splitHeaderGuess(trimmed)
        if headerFields.count >= 2, headerFields.contains(where: { RecordFields.knownNames.contains($0) }) {
            return .csv
        }
        return .results
    }
}
