import CSL
import Foundation

/// CSL-JSON, as pandoc (`--citeproc`) and Zotero read it: each document an item of its
/// type (a `manuscript` when the record has none) whose `id` is the Dossier document id,
/// with the archive's fields in CSL's variables.
public enum CSLJSON {
    /// The item for one document.
    public static func item(_ document: CitedDocument) -> [String: Any] {
        var item: [String: Any] = [
            "id": document.id, "type": document.type ?? "manuscript",
            "title": TitleText.protectingHyphenatedNames(document.title),
        ]
        for (role, names) in document.names { item[role] = names.map(\.json) }
        for (variable, value) in document.variables { item[variable] = value }
        if let original = document.originalDate { item["original-date"] = dateObject(original) }
        if let date = document.date { item["issued"] = dateObject(date, to: document.dateEnd) }
        if let archive = document.archive { item["archive"] = archive }
        if let reference = document.archiveRef { item["archive_location"] = reference }
        if let summary = document.summary { item["abstract"] = summary }
        if !document.subjects.isEmpty { item["keyword"] = document.subjects.joined(separator: ", ") }
        // What the export adds for styles and other tools, which an import of it takes out.
        var derived: [String] = document.type == nil ? ["type"] : []
        if item["collection-title"] == nil, let collection = document.collection {
            item["collection-title"] = collection
            derived.append("collection-title")
        }
        if let url = document.url { item["URL"] = url }
        if let accessed = document.accessed { item["accessed"] = dateObject(accessed) }
        // CSL sets a title in headline case only for English: say which language a title
        // in another script is in.
        if let language = document.language {
            item["language"] = language
        } else if let language = TitleText.languageOfScript(document.title) {
            item["language"] = language
            derived.append("language")
        }
        if let original = document.originalLanguage {
            item["original-language"] = original
            item["note"] = "Original language: \(original)"
            derived.append("note")
        }
        var custom = document.custom.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) } as? [String: Any] ?? [:]
        derived = (custom["derived"] as? [String] ?? []) + derived
        if !derived.isEmpty { custom["derived"] = derived }
        if !custom.isEmpty { item["custom"] = custom }
        return item
    }

    /// A JSON array of the documents' items, pretty-printed, keys sorted.
    public static func encode(_ documents: [CitedDocument]) -> String {
        let data =
            (try? JSONSerialization.data(
                withJSONObject: documents.map(item), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
            ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func dateObject(_ date: CitationDate, to end: CitationDate? = nil) -> [String: Any] {
        func parts(_ date: CitationDate) -> [Int] {
            var parts = [date.year]
            if let month = date.month, (1...12).contains(month) {
                parts.append(month)
                if let day = date.day { parts.append(day) }
            }
            return parts
        }
        var object: [String: Any] = ["date-parts": [parts(date)] + (end.map { [parts($0)] } ?? [])]
        if date.isUncertain { object["circa"] = true }
        return object
    }
}

extension CSLJSON {
    /// The documents as the CSL processor takes them: their CSL-JSON, as `export` writes it.
    public static func items(_ documents: [CitedDocument]) throws(CSLError) -> [CSLItem] {
        try CSLItem.decodeList(from: Data(encode(documents).utf8))
    }
}
