import ArgumentParser
import Citation
import CommandSupport
import DocumentStore
import Foundation
import REPLCore
import SessionStore

/// `export`: documents as BibTeX, BibLaTeX, RIS or CSL-JSON, for Zotero and pandoc.
struct Export: DossierCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write documents as BibTeX, BibLaTeX, RIS or CSL-JSON for Zotero and pandoc.",
        discussion: """
            Give documents (result numbers or ids), or --session for everything a session cited \
            or noted. Each entry's key (CSL-JSON id) is the Dossier document id, so \
            'pandoc --citeproc' finds [@wca-2a20b1851ab2]. The archive, its reference, the \
            collection, the translator, the URL and the original language come through.
            """)
    static let examples = [
        "export wca-2a20b1851ab2 --format csl-json",
        "export --session august-plenum --format ris",
        "export wca-2a20b1851ab2 --format biblatex",
    ]

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case bibtex, biblatex, ris
        case cslJSON = "csl-json"
    }

    @Argument(help: ArgumentHelp("Result numbers or document ids.", valueName: "ref"))
    var refs: [String] = []
    @Option(help: ArgumentHelp("Everything this session cited or noted.", valueName: "session"))
    var session: String?
    @Option(help: "bibtex, biblatex, ris or csl-json.")
    var format: Format
    @OptionGroup var out: OutputOption

    func validate() throws {
        if refs.isEmpty && session == nil {
            throw ValidationError("Give the documents to export (numbers or ids), or --session NAME.")
        }
        if !refs.isEmpty && session != nil {
            throw ValidationError("Give documents or --session, not both.")
        }
    }

    func run(in context: CommandContext) async throws -> any CommandOutput {
        let documents: [CitedDocument]
        var footer: String?
        if let session {
            let contents = try SessionDocuments(
                try SessionDocuments.session(named: session, context: context), store: context.store)
            documents = contents.documents
            footer = contents.missingNote
            guard !documents.isEmpty else {
                throw ValidationError("Session '\(contents.session.name)' has cited or noted no documents to export.")
            }
        } else {
            let current = context.session?.session
            documents = try refs.map { try context.resolve($0) }
                .map { CitedDocument($0, accessed: SessionCitations.firstCited($0.id, in: current)) }
        }
        let text: String
        switch format {
        case .bibtex: text = BibTeX.encode(documents, biblatex: false)
        case .biblatex: text = BibTeX.encode(documents, biblatex: true)
        case .ris: text = RISExport.encode(documents)
        case .cslJSON: text = CSLJSON.encode(documents) + "\n"
        }
        guard let out = out.path else {
            return Exported(
                format: format.rawValue, text: text, file: nil, shownAs: nil, documents: documents.count, footer: footer)
        }
        let url = try OutputFile.write(text, to: out)
        return Exported(
            format: format.rawValue, text: nil, file: url.path, shownAs: out, documents: documents.count, footer: footer)
    }
}

/// What `export` wrote: the entries on the screen (`text`), or to `file`.
struct Exported: CommandResult {
    var format: String
    var text: String?
    var file: String?
    /// The file as the user named it.
    var shownAs: String?
    var documents: Int
    /// A line about documents left out.
    var footer: String?

    enum CodingKeys: String, CodingKey {
        case format, text, file, documents
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(format, forKey: .format)
        if let text {
            try container.encode(text, forKey: .text)
        } else {
            try container.encodeIfPresent(file, forKey: .file)
            try container.encode(documents, forKey: .documents)
        }
    }

    func text(in style: TextStyle) -> String {
        if let text { return footer.map { text + "\n" + $0 } ?? String(text.dropLast()) }
        return Message(
            "Wrote \(documents.counted("document")) as \(format) to '\(shownAs ?? "")'." + (footer.map { " " + $0 } ?? "")
        ).text(in: style)
    }
}
