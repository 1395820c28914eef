/// RIS, as Zotero, EndNote and Dossier's own `import` read it: `TY  - MANSCPT`, the
/// Dossier id in `ID`, the archive in `DB`, the reference in `AV`, the collection in `T3`,
/// the translator in `A4`.
public enum RISExport {
    public static func entry(_ document: CitedDocument) -> String {
        var lines: [(String, String)] = [("TY", "MANSCPT"), ("ID", document.id), ("TI", document.title)]
        if let date = document.date {
            let month = date.month.map { String(format: "%02d", $0) } ?? ""
            let day = date.day.map { String(format: "%02d", $0) } ?? ""
            lines.append(("DA", String(format: "%04d", date.year) + "/\(month)/\(day)/"))
            lines.append(("PY", String(date.year)))
            if date.isUncertain { lines.append(("N1", "Date uncertain: c. \(date.year)")) }
        }
        for translator in document.names("translator") { lines.append(("A4", translator.inverted)) }
        if let archive = document.archive { lines.append(("DB", archive)) }
        if let reference = document.archiveRef { lines.append(("AV", reference)) }
        lines += document.collections.map { ("T3", $0) }
        if let url = document.url { lines.append(("UR", url)) }
        if let accessed = document.accessed {
            lines.append(("Y2", String(format: "%04d/%02d/%02d/", accessed.year, accessed.month ?? 1, accessed.day ?? 1)))
        }
        if let language = document.language { lines.append(("LA", language)) }
        if let original = document.originalLanguage {
            lines.append(("OP", original))
            lines.append(("N1", "Original language: \(original)"))
        }
        lines.append(("ER", ""))
        return lines.map { "\($0.0)  - \($0.1)" }.joined(separator: "\n")
    }

    public static func encode(_ documents: [CitedDocument]) -> String {
        documents.map(entry).joined(separator: "\n\n") + "\n"
    }
}
