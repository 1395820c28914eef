import CommandSupport
import DocumentStore
import Foundation
import REPLCore
import SessionStore

/// Keeps the store's index of notes in step with the session files: a file whose stamp
/// changed since it was indexed is read again, a file that is gone is dropped. Damaged
/// files are skipped (their notes stay as last indexed).
enum NoteIndex {
    static func refresh(_ context: CommandContext) throws {
        var files = context.sessions.names().map {
            context.sessions.folder.appendingPathComponent(SessionName.fileName(for: $0))
        }
        if let current = context.session?.url, !files.contains(current) { files.append(current) }
        let indexed = try context.store.noteSources()
        var seen = Set<String>()
        for url in files {
            let path = url.standardizedFileURL.path
            seen.insert(path)
            guard let stamp = OpenSession.stamp(of: url), indexed[path] != stamp.text else { continue }
            guard let session = try? OpenSession.open(url).session else { continue }
            try context.store.indexNotes(
                source: path, stamp: stamp.text,
                notes: session.notes.map { note in
                    IndexedNote(
                        session: session.name, number: note.id, uid: note.uid,
                        text: note.text, quote: note.quote?.text ?? "", tags: note.tags, doc: note.doc,
                        created: SessionDates.iso(note.created))
                })
        }
        for path in indexed.keys where !seen.contains(path) && !FileManager.default.fileExists(atPath: path) {
            try context.store.indexNotes(source: path, stamp: "", notes: nil)
        }
    }
}
