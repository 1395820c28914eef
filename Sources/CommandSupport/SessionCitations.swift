import CSL
import Citation
import DocumentStore
import Foundation
import REPLCore
import SessionStore

/// A session's citations as notes, through the CSL processor: every citation the session
/// made in a style counts, in order, so a document's first note is full, later ones short,
/// and ibid where the style asks for it. `cite` and the research log both number their
/// notes this way.
public struct SessionCitations {
    let session: Session?
    let store: DocumentStore
    let styles: CSLStyles

    /// - Parameter folders: where installed styles are, to tell which earlier citations
    ///   were made in the same style.
    public init(session: Session?, store: DocumentStore, folders: [URL]) {
        self.session = session
        self.store = store
        self.styles = CSLStyles(folders: folders)
    }

    /// The citations `new` (of documents the store has), rendered as the notes that follow
    /// the session's earlier citations in the same style.
    public func render(_ new: [CitationMade], style: DocumentStyle, locale: String?) throws -> [DocumentCitations.Rendered] {
        var files: [String: URL?] = [:]
        let earlier = (session?.citations ?? []).filter { made in
            if files[made.style] == nil { files[made.style] = .some(try? styles.file(for: made.style)) }
            return files[made.style]??.standardizedFileURL == style.file.standardizedFileURL
        }
        let sequence = (earlier + new).map {
            DocumentCite(doc: $0.doc, locator: $0.locator, label: $0.label, full: $0.full ?? false)
        }
        let notes = try Self.render(sequence, style: style, locale: locale, session: session, store: store)
        return Array(notes.suffix(new.count))
    }

    /// The notes of `sequence`, each a note of its own in order, through the processor;
    /// documents the store no longer has are left out.
    public static func render(
        _ sequence: [DocumentCite], style: DocumentStyle, locale: String?, session: Session?, store: DocumentStore
    ) throws -> [DocumentCitations.Rendered] {
        var ids: [String] = []
        for cite in sequence where !ids.contains(cite.doc) { ids.append(cite.doc) }
        let documents = try store.records(ids: ids).map { CitedDocument($0, accessed: firstCited($0.id, in: session)) }
        do {
            return try DocumentCitations(style: style, documents: documents, locale: locale).notes(sequence)
        } catch {
            throw REPLError.failed("Style '\(style.name)' cannot render these documents: \(error.description)")
        }
    }

    /// When the session first cited a document: its access date.
    public static func firstCited(_ id: String, in session: Session?) -> Date? {
        session?.citations.first { $0.doc == id }?.at
    }

    /// Where installed styles are looked for: the workspace's `Styles/`, then the user's
    /// data folder's (`$XDG_DATA_HOME/dossier/Styles`, by default
    /// `~/.local/share/dossier/Styles`).
    public static func styleFolders(_ context: CommandContext) -> [URL] {
        styleFolders(workspace: context.workspace.root)
    }

    /// The workspace's `Styles/` folder, then the user's.
    public static func styleFolders(workspace: URL?) -> [URL] {
        (workspace.map { [$0.appendingPathComponent("Styles")] } ?? []) + [userStyles]
    }

    /// The user's own styles folder.
    public static var userStyles: URL {
        let environment = ProcessInfo.processInfo.environment
        let data =
            environment["XDG_DATA_HOME"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: NSHomeDirectory()).appendingPathComponent(".local/share")
        return data.appendingPathComponent("dossier/Styles")
    }
}
