/// RIS, as Zotero, EndNote and Dossier's own `import` read it: `TY` by the item type, the
/// Dossier id in `ID`, the contributors in `AU`, `A2`, `A3` and `A4` by role as Zotero
/// reads them for the type (a letter's recipient in `A2`, a chapter's editor in `A2`), the
/// container in `T2` (for an archival item, its collection, as the Wilson Center's own RIS
/// has it), the summary in `AB`, the subjects in `KW`, the archive in `DB` and its
/// reference in `AN`, the language in `LA`, the access date in `Y2`.
public enum RISExport {
    /// The RIS type of each CSL type that has one of its own.
    static let types: [String: String] = [
        "manuscript": "MANSCPT", "letter": "PCOMM", "personal_communication": "PCOMM", "document": "GEN",
        "chapter": "CHAP", "book": "BOOK", "report": "RPRT", "article-journal": "JOUR", "article-magazine": "MGZN",
        "article-newspaper": "NEWS", "webpage": "ELEC", "thesis": "THES", "map": "MAP", "bill": "BILL",
        "legal_case": "CASE", "hearing": "HEAR", "legislation": "STAT", "patent": "PAT", "motion_picture": "MPCT",
        "song": "SOUND", "speech": "SLIDE", "interview": "INTV",
    ]

    /// The tag each contributor role takes for a type, as Zotero's RIS translator reads them.
    static func tag(for role: String, type: String) -> String {
        switch (role, type) {
        case ("author", _): return "AU"
        case ("translator", _): return "A4"
        case ("recipient", "letter"), ("recipient", "personal_communication"), ("interviewer", "interview"): return "A2"
        case ("editor", "letter"), ("editor", "personal_communication"), ("editor", "interview"): return "A3"
        case ("recipient", "manuscript"), ("recipient", "document"): return "A3"
        case ("editor", _): return "A2"
        default: return "A3"
        }
    }

    public static func entry(_ document: CitedDocument) -> String {
        let type = document.type ?? "manuscript"
        let ris = types[type] ?? "GEN"
        var lines: [(String, String)] = [("TY", ris), ("ID", document.id), ("TI", document.title)]
        if ris == "GEN" && type != "document" { lines.append(("M3", type)) }
        if let short = document.variables["title-short"] { lines.append(("ST", short)) }
        for (role, names) in document.names {
            lines += names.map { (tag(for: role, type: type), $0.inverted) }
        }
        if let date = document.date {
            let month = date.month.map { String(format: "%02d", $0) } ?? ""
            let day = date.day.map { String(format: "%02d", $0) } ?? ""
            lines.append(("DA", String(format: "%04d", date.year) + "/\(month)/\(day)/"))
            lines.append(("PY", String(date.year)))
            if date.isUncertain { lines.append(("N1", "Date uncertain: c. \(date.year)")) }
        }
        let archival = ["manuscript", "letter", "personal_communication", "document", "interview"].contains(type)
        if archival {
            lines += document.collections.map { ("T2", $0) }
        } else if let container = document.variables["container-title"] {
            lines.append(("T2", container))
        }
        if let series = document.variables["collection-title"] { lines.append(("T3", series)) }
        if let summary = document.summary { lines.append(("AB", summary)) }
        lines += document.subjects.map { ("KW", $0) }
        if let volume = document.variables["volume"] { lines.append(("VL", volume)) }
        if let number = document.variables["number"] { lines.append(("M1", number)) }
        if let page = document.variables["page"] { lines.append(("SP", page)) }
        if let publisher = document.variables["publisher"], !archival { lines.append(("PB", publisher)) }
        if let place = document.variables["publisher-place"], !archival { lines.append(("CY", place)) }
        if let archive = document.archive { lines.append(("DB", archive)) }
        if let reference = document.archiveRef { lines.append(("AN", reference)) }
        if let url = document.url { lines.append(("UR", url)) }
        if let accessed = document.accessed {
            lines.append(("Y2", String(format: "%04d/%02d/%02d/", accessed.year, accessed.month ?? 1, accessed.day ?? 1)))
        }
        if let language = document.language { lines.append(("LA", language)) }
        if let original = document.originalLanguage { lines.append(("N1", "Original language: \(original)")) }
        lines.append(("ER", ""))
        return lines.map { "\($0.0)  - \($0.1)" }.joined(separator: "\n")
    }

    public static func encode(_ documents: [CitedDocument]) -> String {
        documents.map(entry).joined(separator: "\n\n") + "\n"
    }
}
