/// Why a session could not be opened, saved or changed. Each message names the session or
/// file and says what to do; a file dossier cannot read is never overwritten.
public enum SessionError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidName(String, reason: String)
    case notFound(String, known: [String])
    case alreadyExists(String)
    case damaged(path: String, reason: String)
    case notASession(path: String)
    case newerVersion(path: String, version: Int, supported: Int)
    case cannotWrite(path: String, reason: String)
    case cannotRead(path: String, reason: String)
    case isCurrent(String)
    case noSession(reason: String?)
    case noSuchNote(Int, session: String, count: Int)

    public var description: String {
        switch self {
        case .invalidName(let name, let reason):
            return
                "'\(name)' cannot be a session name: \(reason). Use letters, digits, spaces and punctuation, e.g. 'august-plenum'."
        case .notFound(let name, let known):
            let list =
                known.isEmpty
                ? "There are no sessions yet"
                : "The sessions are: " + known.prefix(8).map { "'\($0)'" }.joined(separator: ", ")
                    + (known.count > 8 ? ", …" : "")
            return "There is no session '\(name)'. \(list). Create it with 'session new \(name)'."
        case .alreadyExists(let name):
            return "A session named '\(name)' already exists. Open it with 'session open \(name)', or choose another name."
        case .damaged(let path, let reason):
            return
                "The session file '\(path)' is damaged: \(reason). Dossier leaves it as it is; restore it from a backup or fix it in an editor, then open it again."
        case .notASession(let path):
            return
                "'\(path)' is not a dossier session file (it has no \"format\": \"\(SessionFormat.formatName)\"). Give a session name, or the path of a file in Sessions/."
        case .newerVersion(let path, let version, let supported):
            return
                "The session file '\(path)' has format version \(version), written by a newer dossier; this dossier reads versions 1–\(supported). Update dossier to open it; the file is left untouched."
        case .cannotWrite(let path, let reason):
            return
                "Cannot save the session file '\(path)': \(reason). Your work is kept in memory; free some space or fix the folder's permissions, and it is saved after the next command."
        case .cannotRead(let path, let reason):
            return "Cannot read the session file '\(path)': \(reason)."
        case .isCurrent(let name):
            return "'\(name)' is the session in use. Open another one first ('session open NAME'), then remove it."
        case .noSession(let reason):
            return "No session is open" + (reason.map { " (\($0))" } ?? "")
                + ". Start one with 'session new NAME' or open one with 'session open NAME'."
        case .noSuchNote(let id, let session, let count):
            return count == 0
                ? "Session '\(session)' has no notes yet, so there is no note \(id). Add one with 'note [REF] TEXT'."
                : "Session '\(session)' has no note \(id). 'notes' lists the notes and their numbers."
        }
    }
}
