/// BibTeX and BibLaTeX entries, of the entry type for the item type (`@unpublished` for an
/// archival manuscript, `@letter`, `@incollection` for a document in a published volume…),
/// with the Dossier document id as the key.
/// The archive's fields go where each reads them (BibLaTeX: `library` the repository,
/// `howpublished` the reference, `addendum` the collections, `origlanguage`, an EDTF `date`
/// with `~` for an uncertain one; BibTeX: `archive`, `archive_location` and a `note` that
/// BibTeX styles print), so that Zotero keeps them and Dossier's import reads them back.
public enum BibTeX {
    /// The entry type for a CSL item type, in BibLaTeX and in BibTeX.
    static func entryType(_ type: String?, biblatex: Bool) -> String {
        switch type ?? "manuscript" {
        case "letter", "personal_communication": return biblatex ? "letter" : "misc"
        case "chapter", "entry", "entry-dictionary", "entry-encyclopedia": return "incollection"
        case "book": return "book"
        case "report": return biblatex ? "report" : "techreport"
        case "article-journal", "article-magazine", "article-newspaper", "article": return "article"
        case "webpage", "post", "post-weblog": return biblatex ? "online" : "misc"
        case "thesis": return biblatex ? "thesis" : "phdthesis"
        case "manuscript": return "unpublished"
        default: return "misc"
        }
    }

    public static func entry(_ document: CitedDocument, biblatex: Bool) -> String {
        var fields: [(String, String)] = [("title", "{" + escaped(document.title) + "}")]
        func names(_ role: String) -> String? {
            let list = document.names(role)
            return list.isEmpty
                ? nil
                : list.map { name in name.literal.map { "{" + escaped($0) + "}" } ?? escaped(name.inverted) }.joined(
                    separator: " and ")
        }
        if let authors = names("author") { fields.insert(("author", authors), at: 0) }
        if let editors = names("editor") { fields.append(("editor", editors)) }
        if let date = document.date {
            if biblatex {
                var text = String(format: "%04d", date.year)
                if let month = date.month, (1...12).contains(month) {
                    text += String(format: "-%02d", month)
                    if let day = date.day { text += String(format: "-%02d", day) }
                }
                fields.append(("date", text + (date.isUncertain ? "~" : "")))
            } else {
                fields.append(("year", String(date.year)))
                if let month = date.month, (1...12).contains(month) {
                    fields.append(
                        (
                            "month",
                            ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"][month - 1]
                        ))
                }
            }
        }
        if let translators = names("translator") { fields.append(("translator", translators)) }
        let type = entryType(document.type, biblatex: biblatex)
        if let container = document.variables["container-title"] {
            let name = type == "article" ? (biblatex ? "journaltitle" : "journal") : "booktitle"
            fields.append((name, "{" + escaped(container) + "}"))
        }
        if let series = document.variables["collection-title"] { fields.append(("series", escaped(series))) }
        for (variable, name) in [("volume", "volume"), ("number", "number"), ("page", "pages"), ("publisher", "publisher")] {
            if let value = document.variables[variable] { fields.append((name, escaped(value))) }
        }
        if let place = document.variables["publisher-place"] {
            fields.append((biblatex ? "location" : "address", escaped(place)))
        }
        if let summary = document.summary { fields.append(("abstract", escaped(summary))) }
        if !document.subjects.isEmpty { fields.append(("keywords", escaped(document.subjects.joined(separator: ", ")))) }
        if biblatex, let original = document.variables["original-title"] { fields.append(("origtitle", escaped(original))) }
        if biblatex, let short = document.variables["title-short"] { fields.append(("shorttitle", escaped(short))) }
        if biblatex {
            // The repository in `library`, the reference inside it as how the item is had.
            if let archive = document.archive { fields.append(("library", escaped(archive))) }
            if let reference = document.archiveRef { fields.append(("howpublished", escaped(reference))) }
            if let collection = document.collection { fields.append(("addendum", escaped(collection))) }
            if let original = document.originalLanguage { fields.append(("origlanguage", escaped(original))) }
        } else {
            if let archive = document.archive { fields.append(("archive", escaped(archive))) }
            if let reference = document.archiveRef { fields.append(("archive_location", escaped(reference))) }
            // BibTeX styles print none of those: the note says them.
            let note = noteText(document)
            if !note.isEmpty { fields.append(("note", escaped(note))) }
        }
        if let url = document.url {
            fields.append(("url", url))
            if !biblatex { fields.append(("howpublished", "\\url{\(url)}")) }
        }
        if let accessed = document.accessed, let month = accessed.month, let day = accessed.day {
            fields.append(("urldate", String(format: "%04d-%02d-%02d", accessed.year, month, day)))
        }
        if let language = document.language { fields.append(("language", escaped(language))) }
        let width = fields.map(\.0.count).max() ?? 0
        let body = fields.map { name, value in
            "  " + name + String(repeating: " ", count: width - name.count) + " = {" + value + "}"
        }.joined(separator: ",\n")
        return "@\(type){\(document.id),\n\(body)\n}"
    }

    public static func encode(_ documents: [CitedDocument], biblatex: Bool) -> String {
        documents.map { entry($0, biblatex: biblatex) }.joined(separator: "\n\n") + "\n"
    }

    /// What BibTeX styles print of the archive: reference, collection, archive; the
    /// translator and the original language.
    static func noteText(_ document: CitedDocument) -> String {
        var note = [document.archiveRef, document.collection, document.archive].compactMap { $0 }.joined(separator: ", ")
        let translators = document.names("translator")
        if !translators.isEmpty {
            note += (note.isEmpty ? "" : ". ") + "Translated by \(translators.map(\.display).joined(separator: " and "))"
            if let original = document.originalLanguage { note += " from the \(original)" }
        } else if let original = document.originalLanguage {
            note += (note.isEmpty ? "" : ". ") + "Original language: \(original)"
        }
        return note
    }

    /// TeX's special characters escaped; everything else (accents, other scripts) as it
    /// is, for BibLaTeX with biber and for Zotero.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\textbackslash{}"
            case "{", "}", "&", "%", "$", "#", "_": result += "\\" + String(character)
            case "~": result += "\\textasciitilde{}"
            case "^": result += "\\textasciicircum{}"
            default: result.append(character)
            }
        }
        return result
    }
}
