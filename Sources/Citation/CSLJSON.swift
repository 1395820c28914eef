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
        var kept: [String: Any] = [:]
        if let language = document.language {
            // CSL reads a BCP 47 tag ("en", "ru"), which decides whether a title is set in
            // title case; a record may name its language in words ("English", from TEI).
            let tag = Self.languageTag(language)
            item["language"] = tag
            if tag != language { kept["language"] = language }
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
        custom.merge(kept) { _, new in new }
        derived = (custom["derived"] as? [String] ?? []) + derived
        if !derived.isEmpty { custom["derived"] = derived }
        if !custom.isEmpty { item["custom"] = custom }
        return item
    }

    /// The BCP 47 tag of a language a record names in English words ("English" is `en`),
    /// or the text as it is when it is a tag already or a language not listed.
    static func languageTag(_ language: String) -> String {
        let names = [
            "english": "en", "russian": "ru", "korean": "ko", "chinese": "zh", "japanese": "ja", "german": "de",
            "french": "fr", "spanish": "es", "italian": "it", "portuguese": "pt", "polish": "pl", "czech": "cs",
            "hungarian": "hu", "romanian": "ro", "bulgarian": "bg", "albanian": "sq", "mongolian": "mn",
            "vietnamese": "vi", "serbian": "sr", "croatian": "hr", "ukrainian": "uk", "arabic": "ar", "hebrew": "he",
        ]
        return names[language.trimmingCharacters(in: .whitespaces).lowercased()] ?? language
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
