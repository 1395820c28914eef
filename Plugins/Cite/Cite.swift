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
            \(CitationStyles.all.map { "\($0.name) (\($0.summary))" }.joined(separator: "; ")). \
            With --items FILE.json, CSL-JSON items are rendered without the store by the CSL \
            processor, in any CSL style: a .csl file, one in the workspace's Styles/ folder, or a \
            bundled one (\(CSLStyles.bundledNames.joined(separator: ", "))), e.g. \
            'cite --items refs.json --style chicago-author-date --bibliography'.
            """)
    static let examples = [
        "cite wca-2a20b1851ab2",
        "cite wca-2a20b1851ab2 --style archive",
        "cite wca-2a20b1851ab2 wca-e483cb3033ce --style mla",
    ]

    @Argument(help: ArgumentHelp("Result numbers or document ids.", valueName: "ref"))
    var refs: [String] = []
    @Option(
        help: "The citation style ('set style NAME' changes the default); with --items, any CSL style: a .csl file or a name.")
    var style: StyleName?
    @Flag(help: "The full form, even for a document cited before.")
    var full = false
    @Option(help: ArgumentHelp("Render the CSL-JSON items of this file, without the store.", valueName: "file"))
    var items: String?
    @Option(help: ArgumentHelp("With --items: the citations to render, in order (citeproc-js form).", valueName: "file"))
    var clusters: String?
    @Option(help: ArgumentHelp("With --items: the locale (e.g. de-DE); the style's own by default.", valueName: "locale"))
    var locale: String?
    @Option(help: "With --items: text, html or markdown.")
    var format: CSLRendering.Format = .text
    @Flag(help: "With --items: the bibliography of the items instead of citations.")
    var bibliography = false

    func validate() throws {
        if items == nil {
            guard !refs.isEmpty else {
                throw ValidationError("Give the documents to cite (result numbers or ids), or --items FILE.json.")
            }
            for (given, option) in [(clusters, "--clusters"), (locale, "--locale")] where given != nil {
                throw ValidationError("\(option) goes with --items FILE.json (CSL-JSON items rendered without the store).")
            }
            if bibliography { throw ValidationError("--bibliography goes with --items; 'bib' gives a session's bibliography.") }
            _ = try style?.entry
        } else if !refs.isEmpty {
            throw ValidationError("Give documents or --items FILE.json, not both.")
        }
    }

    func run(in context: CommandContext) async throws -> any CommandOutput {
        let records = try refs.map { try context.resolve($0) }
        let session = context.session
        if let items { return try CSLRendering(self, items: items).render(in: context) }
        let entry = try StyleName.chosen(style, in: context).entry
        var citations: [Citations.Citation] = []
        for record in records {
            let history = session?.session.citations ?? []
            let earlier = history.filter { CitationStyles.named($0.style)?.family == entry.family }
            let (text, form) = Self.citation(
                of: CitedDocument(record, accessed: SessionDocuments.firstCited(record.id, in: session?.session)), entry: entry,
                citedBefore: earlier.contains { $0.doc == record.id }, citedJustBefore: earlier.last?.doc == record.id,
                forceFull: full)
            session?.update { $0.citations.append(CitationMade(doc: record.id, style: entry.name)) }
            citations.append(Citations.Citation(doc: record.id, style: entry.name, form: form, text: text))
        }
        return Citations(citations: citations)
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
        let chosen = try StyleName.chosen(self.style, in: context).entry
        let style = chosen.style
        let entries = contents.documents.map { ($0, style.sortKey($0)) }.sorted { $0.1 < $1.1 }.map { document, _ in
            (document.id, style.bibliography(document))
        }
        return Bibliography(
            session: contents.session.name, style: chosen.name,
            entries: entries.map { Bibliography.Entry(doc: $0.0, text: $0.1) }, missing: contents.missing,
            missingNote: contents.missingNote)
    }
}

/// What `cite` prints: each citation and which form of it the style gave.
struct Citations: CommandResult {
    struct Citation: Encodable, Sendable {
        var doc: String
        var style: String
        /// `full`, `short`, `ibid` or `bibliography`.
        var form: String
        var text: String
    }

    var citations: [Citation]

    func text(in style: TextStyle) -> String {
        citations.map(\.text).joined(separator: "\n\n")
    }
}

/// What `bib` prints: the session's bibliography, sorted as the style wants.
struct Bibliography: CommandResult {
    struct Entry: Encodable, Sendable {
        var doc: String
        var text: String
    }

    var session: String
    var style: String
    var entries: [Entry]
    /// Documents the session names that the store no longer has.
    var missing: [String]
    var missingNote: String?

    enum CodingKeys: String, CodingKey {
        case session, style, entries, missing
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(session, forKey: .session)
        try container.encode(entries, forKey: .entries)
        if !entries.isEmpty {
            try container.encode(style, forKey: .style)
            try container.encode(missing, forKey: .missing)
        }
    }

    func text(in style: TextStyle) -> String {
        guard !entries.isEmpty else {
            return Message("Session '\(session)' has cited or noted no documents yet. 'cite REF' or 'note REF TEXT' adds them.")
                .text(in: style)
        }
        var text = entries.map(\.text).joined(separator: "\n\n")
        if let missingNote { text += "\n\n" + missingNote }
        return text
    }
}
