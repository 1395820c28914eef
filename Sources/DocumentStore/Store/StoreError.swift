import Foundation

/// Why the store could not do what was asked. Messages name the file or input and say what
/// to do; SQL and bound values never reach the user.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case newerVersion(path: String)
    case unknownDocument(ref: String)
    case unknownVersion(id: String, number: Int, newest: Int)
    /// `edit` was given a field it does not know or a value the field cannot hold.
    case invalidEdit(field: String, reason: String)
    case query(QueryError)
    case interrupted
    case failure(reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "Cannot open the document store '\(path)': \(reason)."
        case .newerVersion(let path):
            return
                "The document store '\(path)' was written by a newer dossier. Update dossier, or use another workspace with --workspace."
        case .unknownDocument(let ref):
            return "No document has the id '\(ref)'. Use a result number from the last listing or an id shown by 'show'."
        case .unknownVersion(let id, let number, let newest):
            let versions = newest == 1 ? "it has only version 1" : "its versions are 1 to \(newest)"
            return "'\(id)@\(number)' is not a version of \(id): \(versions). 'show \(id) --history' lists them."
        case .invalidEdit(let field, let reason):
            return "Cannot set '\(field)': \(reason)" + (reason.hasSuffix(".") || reason.hasSuffix("…") ? "" : ".")
        case .query(let error):
            return error.description
        case .interrupted:
            return "Interrupted."
        case .failure(let reason):
            return "The document store failed: \(reason)."
        }
    }
}
