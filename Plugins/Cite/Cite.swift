import ArgumentParser
import CSL
import Citation
import CommandSupport
import DocumentStore
import DossierProtocol
import Foundation
import REPLCore
import SessionStore

/// `cite …`: citations ready to paste, and the styles there are.
struct CiteCommand: DossierCommandGroup {
    static let configuration = CommandConfiguration(
        commandName: "cite",
        abstract: "Print the citation of documents, ready to paste, in Chicago or any CSL style; list the styles.",
        discussion: """
            'cite REF' cites documents; 'cite styles' lists the styles there are.
            """,
        subcommands: [Cite.self, Styles.self],
        defaultSubcommand: Cite.self)

    static let examples = ["cite wca-2a20b1851ab2", "cite styles"]
}

/// `cite REF…`: citations ready to paste, through the CSL processor.
struct Cite: DossierCommand {
    static let configuration = CommandConfiguration(
        commandName: "documents",
        abstract: "Cite documents: the first note in full, later ones short, with --page or --folio where in it.",
        discussion: """
            Citations are rendered by the CSL processor with the style's own rules. In a \
            session a note style's first citation of a document is the full note, later ones \
            the short note, and the style's ibid where it asks for one; --full gives the full \
            note again. --page 12, --folio 3r, or --locator with --label (any CSL label: line, \
            section, paragraph…) say where in the document. Every citation is kept in the \
            session, for 'bib', 'export' and the research log. A style is a .csl file, one in \
            the workspace's Styles/ folder or ~/.local/share/dossier/Styles, or a bundled one \
            ('cite styles' lists them). cite's older names keep their forms: chicago (notes), \
            chicago-ibid (Ibid. for the document cited just before), chicago-short (shortened \
            notes), chicago-bib (the bibliography entry), mla and apa (the works-cited and \
            reference entries), archive (the Wilson Center's own suggested citation). \
            --bibliography gives any style's bibliography entry. With --items FILE.json, \
            CSL-JSON items are rendered without the store, e.g. 'cite --items refs.json \
            --style chicago-author-date --bibliography'.
            """)
    static let examples = [
        "cite wca-2a20b1851ab2",
        "cite wca-2a20b1851ab2 --page 3",
        "cite wca-2a20b1851ab2 --style archive",
        "cite wca-2a20b1851ab2 wca-e483cb3033ce --style mla",
        "cite wca-2a20b1851ab2 --style chicago-author-date --locale de-DE",
    ]

    @Argument(help: ArgumentHelp("Result numbers or document ids.", valueName: "ref"))
    var refs: [String] = []
    @Option(help: "The citation style ('set style NAME' changes the default): a name 'cite styles' lists, or a .csl file.")
    var style: StyleName?
    @Flag(help: "The full form, even for a document cited before.")
    var full = false
    @Option(help: ArgumentHelp("The page cited.", valueName: "page"))
    var page: String?
    @Option(help: ArgumentHelp("The folio cited (3r, 12v).", valueName: "folio"))
    var folio: String?
    @Option(help: ArgumentHelp("Where in the document, with --label saying what it is.", valueName: "locator"))
    var locator: String?
    @Option(help: ArgumentHelp("What --locator is: a CSL label (page by default).", valueName: "label"))
    var label: String?
    @Option(help: ArgumentHelp("The items of this CSL-JSON file, rendered without the store.", valueName: "file"))
    var items: String?
    @Option(help: ArgumentHelp("With --items: the citations to render, in order (citeproc-js form).", valueName: "file"))
    var clusters: String?
    @Option(
        help: ArgumentHelp("The language of the citations (e.g. de-DE); 'set locale' changes the default.", valueName: "locale"))
    var locale: String?
    @Option(help: "With --items: text, html or markdown.")
    var format: CSLRendering.Format = .text
    @Flag(help: "The bibliography entry instead of the citation.")
    var bibliography = false

    func validate() throws {
        let located = [(page, "--page"), (folio, "--folio"), (locator, "--locator")].filter { $0.0 != nil }
        if located.count > 1 {
            throw ValidationError("Give one of --page, --folio or --locator, not \(located.map(\.1).joined(separator: " and ")).")
        }
        if let label, !DocumentCitations.locatorLabels.contains(label) {
            throw ValidationError(
                "'\(label)' is not a CSL locator label. Use one of: \(DocumentCitations.locatorLabels.joined(separator: ", ")).")
        }
        if label != nil && locator == nil { throw ValidationError("--label says what --locator is: give --locator too.") }
        if items == nil {
            guard !refs.isEmpty else {
                throw ValidationError("Give the documents to cite (result numbers or ids), or --items FILE.json.")
            }
            if clusters != nil {
                throw ValidationError("--clusters goes with --items FILE.json (CSL-JSON items rendered without the store).")
            }
            if format != .text { throw ValidationError("--format goes with --items; 'export' writes documents for other tools.") }
        } else {
            if !refs.isEmpty { throw ValidationError("Give documents or --items FILE.json, not both.") }
            if !located.isEmpty {
                throw ValidationError("With --items, a cluster's cites carry their locators (--clusters FILE).")
            }
        }
    }

    /// The locator given and its label.
    private var pinpoint: (locator: String, label: String)? {
        if let page { return (page, "page") }
        if let folio { return (folio, "folio") }
        return locator.map { ($0, label ?? "page") }
    }

    func run(in context: CommandContext) async throws -> any CommandOutput {
        if let items { return try CSLRendering(self, items: items).render(in: context) }
        let records = try refs.map { try context.resolve($0) }
        let chosen = StyleName.chosen(style, in: context)
        let documentStyle = try chosen.resolved(in: context, bibliography: bibliography)
        let locale = try LocaleName.chosen(locale, in: context)
        let session = context.session
        let made = records.map { record in
            CitationMade(
                doc: record.id, style: chosen.text, locator: pinpoint?.locator, label: pinpoint?.label,
                full: full ? true : nil)
        }
        let notes = try SessionCitations(
            session: session?.session, store: context.store, folders: StyleName.folders(context)
        ).render(made, style: documentStyle, locale: locale)
        session?.update { $0.citations += made }
        return Citations(
            citations: notes.map { Citations.Citation(doc: $0.doc, style: chosen.text, form: $0.form, text: $0.text) })
    }
}

extension CiteCommand {
    /// `cite styles`: the styles there are, installed and bundled.
    struct Styles: DossierCommand {
        static let configuration = CommandConfiguration(
            commandName: "styles",
            abstract: "List the citation styles: installed in Styles/ folders, bundled, and cite's older names.",
            discussion: """
                A style is installed by putting its .csl file (from the CSL project's styles, \
                Zotero's style repository or a journal) in the workspace's Styles/ folder or in \
                ~/.local/share/dossier/Styles; 'cite REF --style NAME' then uses it.
                """)
        static let examples = ["cite styles"]

        func run(in context: CommandContext) async throws -> any CommandOutput {
            StyleListing(styles: CSLStyles(folders: StyleName.folders(context)).catalogue())
        }
    }
}

/// What `cite styles` prints.
struct StyleListing: CommandResult {
    var styles: [CSLStyles.Listed]

    func text(in style: TextStyle) -> String {
        Table(
            columns: ["name", "kind", "where", "title"], rows: styles.map { [$0.name, $0.kind, $0.source, $0.title] },
            footer: "'cite REF --style NAME' uses one; a .csl file put in Styles/ is installed."
        ).text(in: style)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(styles)
    }
}

/// `bib`: the bibliography of a session.
struct Bib: DossierCommand {
    static let configuration = CommandConfiguration(
        commandName: "bib",
        abstract: "Print the bibliography of everything cited or noted in the session, sorted as the style wants.")
    static let examples = ["bib --session august-plenum", "bib --session august-plenum --style mla"]

    @Option(help: "The citation style ('set style NAME' changes the default): a name 'cite styles' lists, or a .csl file.")
    var style: StyleName?
    @Option(
        help: ArgumentHelp("The language of the entries (e.g. de-DE); 'set locale' changes the default.", valueName: "locale"))
    var locale: String?
    @Option(help: ArgumentHelp("Another session than the one in use.", valueName: "session"))
    var session: String?

    func run(in context: CommandContext) async throws -> any CommandOutput {
        let contents = try SessionDocuments(SessionDocuments.session(named: session, context: context), store: context.store)
        let chosen = StyleName.chosen(self.style, in: context)
        let style = try chosen.resolved(in: context, bibliography: true)
        guard style.style.hasBibliography else {
            throw REPLError.failed(
                "Style '\(chosen.text)' has no bibliography: its citations stand alone. Use a style with one, e.g. --style chicago."
            )
        }
        let entries: [(doc: String, text: String)]
        do {
            entries = try DocumentCitations(
                style: style, documents: contents.documents, locale: try LocaleName.chosen(locale, in: context)
            ).bibliography()
        } catch let error as CSLError {
            throw REPLError.failed("Style '\(chosen.text)' cannot render the bibliography: \(error.description)")
        }
        return Bibliography(
            session: contents.session.name, style: chosen.text,
            entries: entries.map { Bibliography.Entry(doc: $0.doc, text: $0.text) }, missing: contents.missing,
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
