import Foundation

/// The session file format: pretty-printed JSON with sorted keys (so that files diff
/// well), dates in ISO 8601, and a format version.
///
/// Version 1 is the first. A later version must read every earlier one; this version
/// refuses a newer file rather than guess at it, and never overwrites it.
public enum SessionFormat {
    public static let formatName = "dossier-session"
    public static let currentVersion = 1
    /// Session files end in this.
    public static let fileExtension = "json"

    /// The bytes of `session`'s file.
    public static func encode(_ session: Session) -> Data {
        SessionWriter.write(session)
    }

    /// Reads a session file's bytes; `path` names the file in errors.
    public static func decode(_ data: Data, path: String) throws(SessionError) -> Session {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        // One parse when the file is sound; the slower diagnosis only when it is not.
        if let session = try? decoder.decode(Session.self, from: data) {
            guard session.format == formatName else { throw .notASession(path: path) }
            guard session.version <= currentVersion else {
                throw .newerVersion(path: path, version: session.version, supported: currentVersion)
            }
            guard session.version >= 1 else {
                throw .damaged(path: path, reason: "its 'version' \(session.version) was never written by dossier")
            }
            try check(session, path: path)
            return session
        }
        throw diagnosis(of: data, path: path, decoder: decoder)
    }

    /// Why `data` is not a session this version can read.
    private static func diagnosis(of data: Data, path: String, decoder: JSONDecoder) -> SessionError {
        if data.isEmpty || data.allSatisfy({ [0x20, 0x0A, 0x0D, 0x09, 0].contains($0) }) {
            return .damaged(path: path, reason: "the file is empty")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            return .damaged(path: path, reason: syntaxProblem(error, in: data))
        }
        guard let fields = object as? [String: Any] else {
            return .damaged(path: path, reason: "it is JSON but not an object")
        }
        guard fields["format"] as? String == formatName else { return .notASession(path: path) }
        guard let version = fields["version"] as? Int else {
            return .damaged(path: path, reason: "its 'version' is missing or not a number")
        }
        guard version <= currentVersion else {
            return .newerVersion(path: path, version: version, supported: currentVersion)
        }
        do {
            _ = try decoder.decode(Session.self, from: data)
            return .damaged(path: path, reason: "it cannot be read")
        } catch let error as DecodingError {
            return .damaged(path: path, reason: describe(error))
        } catch {
            return .damaged(path: path, reason: error.localizedDescription)
        }
    }

    /// What the decoder can check but the types cannot say: note numbers are unique.
    private static func check(_ session: Session, path: String) throws(SessionError) {
        var seen = Set<Int>()
        for note in session.notes where !seen.insert(note.id).inserted {
            throw .damaged(path: path, reason: "two notes are numbered \(note.id)")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func where_(_ path: [any CodingKey]) -> String {
            guard !path.isEmpty else { return "" }
            return " at '"
                + path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                .replacingOccurrences(of: ".[", with: "[").trimmingCharacters(in: CharacterSet(charactersIn: ".")) + "'"
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "the field '\(key.stringValue)' is missing\(where_(context.codingPath))"
        case .typeMismatch(let type, let context):
            return "a value\(where_(context.codingPath)) is not \(kind(type))"
        case .valueNotFound(let type, let context):
            return "a value\(where_(context.codingPath)) is null, not \(kind(type))"
        case .dataCorrupted(let context):
            return "a value\(where_(context.codingPath)) is not valid (\(context.debugDescription))"
        @unknown default:
            return "it cannot be read"
        }
    }

    private static func kind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Int.Type, is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is Date.Type: return "a date"
        default: return "of the right kind"
        }
    }

    /// `line 3, column 7: …` from JSONSerialization's "around character N".
    private static func syntaxProblem(_ error: any Error, in data: Data) -> String {
        let debug = (error as NSError).userInfo["NSDebugDescription"] as? String ?? ""
        if debug.contains("end of file") || debug.contains("Unexpected end") {
            return "it ends too soon (cut off while being written or copied?)"
        }
        if let range = debug.range(of: "character "),
            let offset = Int(debug[range.upperBound...].prefix(while: \.isNumber))
        {
            var line = 1
            var column = 1
            for byte in data.prefix(offset) {
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
            }
            if debug.contains("Too many nested") {
                return "its arrays and objects are nested too deep at line \(line), column \(column), as no session file is"
            }
            return "it is not valid JSON at line \(line), column \(column)"
        }
        return "it is not valid JSON"
    }
}
