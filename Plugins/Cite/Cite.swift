import ArgumentParser
import Citation
import CommandSupport
import DocumentStore
import DossierProtocol
import Foundation
import REPLCore
import SessionStore

/// `cite REF…`: citations ready to paste.
struct Cite: DossierCommand {
    static let configuration = CommandConfiguration(
        commandName: "cite",
        abstract: "Print the citation of documents, ready to paste: Chicago, MLA, APA or the archive's own.",
        discussion: """
            In a session, a document cited before in Chicago gets the short note (chicago-ibid \
            gives Ibid. for the one cited just before); --full gives the full note again. Every \
            citation is kept in the session, for 'bib' and 'export'. Styles: \
            \(CitationStyles.all.map { "\($0.name) (\($0.summary))" }.joined(separator: "; ")).
            """)
    static let examples = [
        "cite wca-2a20b1851ab2",
        "cite wca-2a20b1851ab2 --style archive",
        "cite wca-2a20b1851ab2 wca-e483cb3033ce --style mla",
    ]

    @Argument(help: ArgumentHelp("Result numbers or document ids.", valueName: "ref"))
    var refs: [String]
    @Option(help: "The citation style ('set style NAME' changes the default).")
    var style: StyleName?
    @Flag(help: "The full form, even for a document cited before.")
    var full = false

    func run(in context: CommandContext) async throws -> any CommandOutput {
        let records = try refs.map { try context.resolve($0) }
        let session = context.session
        let entry = StyleName.chosen(style, in: context).entry
        var texts: [String] = []
        var items: [JSONValue] = []
        for record in records {
            let history = session?.session.citations ?? []
            let earlier = history.filter { CitationStyles.named($0.style)?.family == entry.family }
            let (text, form) = Self.citation(
                of: CitedDocument(record, accessed: SessionDocuments.firstCited(record.id, in: session?.session)), entry: entry,
                citedBefore: earlier.contains { $0.doc == record.id }, citedJustBefore: earlier.last?.doc == record.id,
                forceFull: full)
            session?.update { $0.citations.append(CitationMade(doc: record.id, style: entry.name)) }
            texts.append(text)
            items.append(["doc": .string(record.id), "style": .string(entry.name), "form": .string(form), "text": .string(text)])
        }
        return PreformattedText(texts.joined(separator: "\n\n"), data: ["citations": .array(items)])
    }

    /// The citation and which form it is (`full`, `short`, `ibid`, `bibliography`).
    static func citation(
        of document: CitedDocument, entry: CitationStyles.Entry, citedBefore: Bool, citedJustBefore: Bool, forceFull: Bool
    ) -> (String, String) {
        let style = entry.style
        switch entry.use {
        case .bibliography:
            return (style.bibliography(document), "bibliography")
        case .entries:
            return (style.full(document), "full")
        case .shortNotes:
            return forceFull ? (style.full(document), "full") : (style.short(document), "short")
        case .notes:
            if forceFull || !citedBefore { return (style.full(document), "full") }
            if style.usesIbid && citedJustBefore { return ("Ibid.", "ibid") }
            return (style.short(document), "short")
        }
    }
}

/// `bib`: the bibliography of a session.
struct Bib: DossierCommand {
    static let configuration = CommandConfiguration(
        commandName: "bib",
        abstract: "Print the bibliography of everything cited or noted in the session, sorted as the style wants.")
    static let examples = ["bib --session august-plenum", "bib --session august-plenum --style mla"]

    @Option(help: "The citation style ('set style NAME' changes the default).")
    var style: StyleName?
    @Option(help: ArgumentHelp("Another session than the one in use.", valueName: "session"))
    var session: String?

    func run(in context: CommandContext) async throws -> any CommandOutput {
        let contents = try SessionDocuments(SessionDocuments.session(named: session, context: context), store: context.store)
        let chosen = StyleName.chosen(self.style, in: context).entry
        let style = chosen.style
        let entries = contents.documents.map { ($0, style.sortKey($0)) }.sorted { $0.1 < $1.1 }.map { document, _ in
            (document.id, style.bibliography(document))
        }
        guard !entries.isEmpty else {
            return Message(
                "Session '\(contents.session.name)' has cited or noted no documents yet. 'cite REF' or 'note REF TEXT' adds them.",
                data: ["session": .string(contents.session.name), "entries": .array([])])
        }
        var text = entries.map(\.1).joined(separator: "\n\n")
        if let note = contents.missingNote { text += "\n\n" + note }
        return PreformattedText(
            text,
            data: [
                "session": .string(contents.session.name), "style": .string(chosen.name),
                "entries": .array(entries.map { ["doc": .string($0.0), "text": .string($0.1)] }),
                "missing": .array(contents.missing.map(JSONValue.string)),
            ])
    }
}
