import DossierProtocol
import Foundation

/// A document page of an archive's website, saved as HTML, read into a record in
/// Dossier's field names. The Wilson Center Digital Archive's pages are the model: the
/// title in `<h1>`, then labelled parts — "Date", "Summary", "Document Text" (or
/// "Translation"), "Source" or "Original Archive", "Original Language", "Translated by",
/// "Collections", "Subjects Discussed", "Record ID". A label is a heading, a `<dt>` or
/// `<th>`, a bold line or an element whose class says label, or the start of a line
/// ("Date: September 22, 1956"). Anything labelled that has no field of its own is kept
/// as an extra field.
struct DocumentPage {
    var fields: [String: JSONValue] = [:]
    var title: String { fields["title"]?.string ?? "" }

    /// The field each label fills; lists are split into items.
    static let labels: [String: String] = [
        "summary": "summary", "description": "summary", "abstract": "summary",
        "document text": "text", "text": "text", "translation": "text", "english translation": "text",
        "transcript": "text", "full text": "text", "document": "text",
        "date": "date_text", "document date": "date_text",
        "source": "archive_ref", "original archive": "archive_ref", "archival source": "archive_ref",
        "repository": "archive_ref", "archive reference": "archive_ref",
        "original language": "original_language", "language": "language",
        "translated by": "translator", "translator": "translator", "translation by": "translator",
        "collections": "collections", "collection": "collections", "themes": "collections",
        "subjects discussed": "subjects", "subjects": "subjects", "keywords": "subjects",
        "people": "people", "persons": "people", "places": "places", "locations": "places", "geographic": "places",
        "record id": "record_id", "document id": "record_id", "rights": "rights", "authors": "author",
        "author": "author", "citation": "citation", "related documents": "", "related": "", "share": "",
        "download": "", "original scan": "", "more info": "",
    ]
    static let listFields: Set<String> = ["collections", "subjects", "people", "places"]

    /// Names printed given name first and joined by commas, semicolons or "and", as
    /// `{"family", "given"}` objects: the last word is the family name, with a particle
    /// before it (van, von, de…); a single word is a literal name.
    static func names(_ text: String) -> [[String: JSONValue]] {
        let separated = text.replacingOccurrences(of: " and ", with: ";").replacingOccurrences(of: ",", with: ";")
        return separated.split(separator: ";").compactMap { part -> [String: JSONValue]? in
            var words = part.split(separator: " ").map(String.init)
            guard let last = words.popLast() else { return nil }
            guard !words.isEmpty else { return ["literal": .string(last)] }
            var family = [last]
            while words.count > 1,
                ["van", "von", "de", "der", "den", "du", "da", "di", "la", "le"].contains(words.last!.lowercased())
            {
                family.insert(words.removeLast(), at: 0)
            }
            return ["family": .string(family.joined(separator: " ")), "given": .string(words.joined(separator: " "))]
        }
    }

    /// Reads a page; nil when it has no title (not a document page).
    init?(html: String, file: URL) {
        let page = HTMLPage(html: html)
        let headline = page.blocks.first { $0.tag == "h1" }?.text
        let siteName = page.meta["og:site_name"]
        var title = headline ?? page.meta["og:title"] ?? page.title
        for separator in [" | ", " — ", " - "] {
            if headline == nil, let range = title.range(of: separator, options: .backwards) {
                title = String(title[..<range.lowerBound])
            }
        }
        guard !title.isEmpty else { return nil }
        fields["title"] = .string(title)

        var sections: [String: [String]] = [:]
        var current: String?
        var started = headline == nil
        for block in page.blocks {
            if !started {
                started = block.tag == "h1"
                continue
            }
            if let (field, inline) = Self.label(of: block) {
                current = field
                if let inline, !field.isEmpty { sections[field, default: []].append(inline) }
                continue
            }
            if let current, !current.isEmpty { sections[current, default: []].append(block.text) }
        }
        for (field, parts) in sections {
            if Self.listFields.contains(field) {
                let items = parts.flatMap { $0.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) } }
                    .filter { !$0.isEmpty }
                fields[field] = .array(items.map(JSONValue.string))
            } else {
                fields[field] = .string(parts.joined(separator: field == "text" || field == "summary" ? "\n\n" : "; "))
            }
        }
        // A page prints people given name first ("Translated by Gary Goldberg and Kathryn
        // Weathersby"): Dossier keeps each as a name with its parts, as citations want them.
        for field in ["translator", "author"] {
            if let text = fields[field]?.string { fields[field] = .array(Self.names(text).map(JSONValue.object)) }
        }
        if fields["summary"] == nil, let description = page.meta["description"] ?? page.meta["og:description"] {
            fields["summary"] = .string(description)
        }
        if let dateText = fields["date_text"]?.string, Self.looksLikeDate(dateText) {
            fields["date"] = .string(dateText)
        }
        let url = page.links["canonical"] ?? page.meta["og:url"]
        if let url { fields["url"] = .string(url) }
        if let host = url.flatMap({ URL(string: $0)?.host }), host.hasSuffix("digitalarchive.wilsoncenter.org") {
            fields["archive"] = "Wilson Center Digital Archive"
        } else if let siteName {
            fields["archive"] = .string(siteName)
        }
        if fields["language"] == nil, let language = page.language { fields["language"] = .string(language) }
        fields["saved_page"] = .string(file.lastPathComponent)
        fields["id"] = .string(Self.id(recordID: fields["record_id"]?.string, url: url, file: file))
    }

    /// The label a block is, if it is one, with the value that follows it on the same line.
    private static func label(of block: HTMLPage.Block) -> (field: String, inline: String?)? {
        let text = block.text
        let isLabelElement =
            ["h2", "h3", "h4", "h5", "h6", "dt", "th", "label"].contains(block.tag) || block.isBold
            || block.classes.lowercased().contains("label")
        let bare = text.trimmingCharacters(in: CharacterSet(charactersIn: ": ")).lowercased()
        if isLabelElement, let field = labels[bare] { return (field, nil) }
        if let colon = text.firstIndex(of: ":"), text.distance(from: text.startIndex, to: colon) <= 25 {
            let name = text[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if let field = labels[name], field != "text", field != "summary", !value.isEmpty { return (field, value) }
        }
        return nil
    }

    /// Whether Dossier can read the text as a date (`September 22, 1956`, `1956-09-22`,
    /// `c. 1950`); others are kept as the printed date only.
    static func looksLikeDate(_ text: String) -> Bool {
        let pattern =
            #"^(c\.|ca\.|circa)?\s*((January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+)?(\d{1,2},?\s+)?((January|February|March|April|May|June|July|August|September|October|November|December)\s+)?\d{4}$|^\d{4}(-\d{2}(-\d{2})?)?$"#
        return text.range(of: pattern, options: [.regularExpression, .caseInsensitive]) != nil
    }

    /// A stable id: the archive's record number, else the page address, else the file name.
    static func id(recordID: String?, url: String?, file: URL) -> String {
        if let recordID, let number = recordID.split(whereSeparator: { !$0.isNumber }).first {
            return "wcda-\(number)"
        }
        let source = url.flatMap { URL(string: $0)?.lastPathComponent } ?? file.deletingPathExtension().lastPathComponent
        let slug = source.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return "page-" + String(slug).split(separator: "-").joined(separator: "-").prefix(60)
    }
}
