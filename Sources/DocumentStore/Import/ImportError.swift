/// Why an import was refused. The store is left exactly as it was before the import.
public enum ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A record or line that cannot be read: `file:line: reason`.
    case malformed(file: String, line: Int, reason: String)
    case unreadableFile(file: String, reason: String)
    case unknownFormat(file: String, given: String)
    case noRecords(file: String, format: ImportFormat)
    case cancelled(file: String)
    /// A record without a title whose id no stored record has: only a record that adds
    /// fields to a stored one may leave its title out.
    case untitledNewRecord(file: String, id: String)
    /// A folder with no file of a format import reads (of `format`, when one was named).
    case emptyFolder(file: String, format: ImportFormat?)

    public var description: String {
        switch self {
        case .malformed(let file, let line, let reason):
            return "\(file):\(line): \(reason)"
        case .unreadableFile(let file, let reason):
            return "Cannot read '\(file)': \(reason)."
        case .unknownFormat(let file, let given):
            let known = ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")
            return "Unknown format '\(given)' for '\(file)'. Use one of: \(known)."
        case .noRecords(let file, let format):
            return "'\(file)' holds no records in the \(format.rawValue) format. \(format.shapeHint)"
        case .cancelled(let file):
            return "Import of '\(file)' cancelled."
        case .untitledNewRecord(let file, let id):
            return
                "'\(file)': the record '\(id)' has no title, and no stored record has its id. A record that adds fields to a stored one may leave its title out; a new record needs a 'title' field. Nothing was imported; the store is unchanged."
        case .emptyFolder(let file, let format?):
            return "The folder '\(file)' holds no \(format.rawValue) files. \(format.shapeHint)"
        case .emptyFolder(let file, nil):
            return
                "The folder '\(file)' holds no file that import reads: .xml (TEI), .json, .jsonl, .csv, .ris, .bib, .md, .markdown or .txt."
        }
    }
}
