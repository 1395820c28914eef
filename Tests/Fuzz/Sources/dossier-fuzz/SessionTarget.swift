import Foundation
import SessionStore

extension FuzzTarget {
    /// The session loader: a file is refused with a `SessionError` or read; a session read
    /// must be written and read back as it was (notes are never lost in a save).
    static let session = FuzzTarget(name: "session", about: "the session file loader and its round trip") { bytes in
        let session: Session
        do {
            session = try SessionFormat.decode(Data(bytes), path: "fuzz.json")
        } catch {
            return
        }
        let written = SessionFormat.encode(session)
        do {
            let again = try SessionFormat.decode(written, path: "fuzz.json")
            if again != session {
                let first = String(decoding: written, as: UTF8.self).split(separator: "\n")
                let second = String(decoding: SessionFormat.encode(again), as: UTF8.self).split(separator: "\n")
                let line = zip(first, second).first { $0 != $1 }
                finding(
                    "a session does not read back as it was written: \(line.map { "\($0.0) became \($0.1)" } ?? "the notes differ")"
                )
            }
        } catch {
            finding("a session that was read cannot be read back after saving: \(error)")
        }
    }
}
