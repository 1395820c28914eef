import CSL
import Foundation

/// A CSL style as `cite`, `bib` and the research log use it for documents: the style, and
/// which of its forms a citation takes.
public struct DocumentStyle: Sendable {
    /// The form `cite` prints.
    public enum Use: Sendable, Equatable {
        /// The style's citation, with positions: a note style's first note in full, later
        /// ones short (and ibid where the style asks for it); an in-text style's citation.
        case citations
        /// The bibliography entry, every time (`mla`, `apa`, `chicago-bib`, `--bibliography`).
        case bibliography
    }

    /// The name or path as given.
    public var name: String
    public var style: CSLStyle
    /// The style's file: citations in the same file count together for positions.
    public var file: URL
    public var use: Use
    /// Whether the note citing the document cited just before is `Ibid.` (`chicago-ibid`),
    /// whatever the style says.
    public var ibid: Bool

    /// Whether the style's citations are notes (first full, later short) rather than in-text.
    public var isNoteStyle: Bool { style.styleClass == "note" }
}

extension CSLStyles {
    /// The older names of `cite` whose form is not the style's own citation.
    static let olderForms: [String: (use: DocumentStyle.Use, ibid: Bool)] = [
        "chicago-bib": (.bibliography, false), "chicago-ibid": (.citations, true), "mla": (.bibliography, false),
        "apa": (.bibliography, false),
    ]

    /// The style `given` names, with the form `cite` gives it: `bibliography` asks for the
    /// bibliography entry; otherwise an older name keeps its form (`mla` and `apa` the
    /// reference entry, `chicago-bib` the bibliography entry) and any other style gives its
    /// citation.
    public func documentStyle(_ given: String, bibliography: Bool = false) throws(Failure) -> DocumentStyle {
        let file = try file(for: given)
        let style = try style(given)
        let older = Self.olderForms[given.lowercased()]
        let use: DocumentStyle.Use = bibliography ? .bibliography : older?.use ?? .citations
        return DocumentStyle(name: given, style: style, file: file, use: use, ibid: older?.ibid ?? false)
    }
}

/// One citation in a sequence of notes: a document, and where in it.
public struct DocumentCite: Sendable, Equatable {
    public var doc: String
    /// The pinpoint (`12`, `3r`), with its CSL label (`page`, `folio`, `line`…).
    public var locator: String?
    public var label: String?
    /// The full form, even when cited before.
    public var full: Bool

    public init(doc: String, locator: String? = nil, label: String? = nil, full: Bool = false) {
        self.doc = doc
        self.locator = locator
        self.label = label
        self.full = full
    }
}

/// Citations of documents through the CSL processor: a sequence of notes with positions
/// (first, subsequent, ibid) worked out as the style wants them, and bibliographies.
public struct DocumentCitations {
    /// A citation and its form: `full`, `short` or `ibid` for a note style, `citation` for an
    /// in-text style, `bibliography` for an entry.
    public struct Rendered: Sendable, Equatable {
        public var doc: String
        public var text: String
        public var form: String
    }

    public let style: DocumentStyle
    public let locale: String?
    let documents: [String: CitedDocument]
    let items: [CSLItem]

    /// - Parameter documents: every document the citations name.
    public init(style: DocumentStyle, documents: [CitedDocument], locale: String? = nil) throws(CSLError) {
        self.style = style
        self.locale = locale
        self.documents = Dictionary(documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.items = try CSLJSON.items(documents)
    }

    /// The notes of `sequence`, in order, each a note of its own (note `n` is the n-th).
    /// Cites of documents not given are left out.
    public func notes(_ sequence: [DocumentCite], format: CSLOutputFormat = .text) throws(CSLError) -> [Rendered] {
        let cites = sequence.filter { documents[$0.doc] != nil }
        if style.use == .bibliography {
            let processor = CSLProcessor(style: style.style, items: items, locale: locale, format: format)
            let entries = Dictionary(
                try processor.bibliographyEntries().map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
            return cites.map { Rendered(doc: $0.doc, text: entries[$0.doc] ?? "", form: "bibliography") }
        }
        let forms = Self.forms(cites, noteStyle: style.isNoteStyle)
        let clusters = cites.enumerated().map { index, cite in
            CSLCluster(
                id: "note-\(index + 1)",
                cites: [
                    CSLCite(
                        id: cite.doc, locator: cite.locator, label: cite.locator == nil ? nil : cite.label ?? "page",
                        position: cite.full ? 0 : nil)
                ], noteIndex: index + 1)
        }
        let processor = CSLProcessor(style: style.style, items: items, locale: locale, format: format)
        var texts = try processor.citations(for: clusters)
        if style.ibid {
            let ibid = CSLProcessor(style: Self.ibidStyle, items: items, locale: locale, format: format)
            let ibidTexts = try ibid.citations(for: clusters)
            for index in texts.indices where forms[index] == "ibid" { texts[index] = ibidTexts[index] }
        }
        return cites.indices.map { Rendered(doc: cites[$0].doc, text: texts[$0], form: forms[$0]) }
    }

    /// The bibliography of the documents, in the style's order.
    public func bibliography(format: CSLOutputFormat = .text) throws(CSLError) -> [(doc: String, text: String)] {
        let processor = CSLProcessor(style: style.style, items: items, locale: locale, format: format)
        return try processor.bibliographyEntries().map { (doc: $0.id, text: $0.text) }
    }

    /// Each cite's form, by CSL's rules for positions: the first cite of a document (or one
    /// asked for in full) is `full`; a cite of the document cited just before is `ibid`,
    /// unless that one had a locator and this one has none; any other is `short`.
    static func forms(_ cites: [DocumentCite], noteStyle: Bool) -> [String] {
        var seen = Set<String>()
        return cites.enumerated().map { index, cite in
            defer { seen.insert(cite.doc) }
            guard noteStyle else { return "citation" }
            if cite.full || !seen.contains(cite.doc) { return "full" }
            let previous = cites[index - 1]
            if previous.doc == cite.doc && !(previous.locator != nil && cite.locator == nil) { return "ibid" }
            return "short"
        }
    }

    /// `Ibid.`, with the locator when it is not the one just cited (`Ibid., 12.`, `Ibid.,
    /// fol. 3r.`): the note `chicago-ibid` gives the document cited just before.
    static let ibidStyle: CSLStyle = {
        let source = """
            <style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
              <info><title>Ibid.</title><id>dossier-ibid</id><updated>2026-12-03T00:00:00+00:00</updated></info>
              <citation>
                <layout suffix=".">
                  <choose>
                    <if position="ibid-with-locator">
                      <group delimiter=", ">
                        <text term="ibid" text-case="capitalize-first"/>
                        <choose>
                          <if locator="page"><text variable="locator"/></if>
                          <else>
                            <group delimiter=" "><label variable="locator" form="short"/><text variable="locator"/></group>
                          </else>
                        </choose>
                      </group>
                    </if>
                    <else><text term="ibid" text-case="capitalize-first"/></else>
                  </choose>
                </layout>
              </citation>
            </style>
            """
        // The source is fixed and parses: a failure here is a fault in Dossier itself.
        guard let style = try? CSLStyle(data: Data(source.utf8), name: "dossier-ibid") else {
            preconditionFailure("the built-in ibid style does not parse")
        }
        return style
    }()

    /// CSL's locator labels, which `--label` accepts.
    public static let locatorLabels = [
        "act", "appendix", "article-locator", "book", "canon", "chapter", "column", "elocation", "equation", "figure",
        "folio", "issue", "line", "note", "opus", "page", "paragraph", "part", "rule", "scene", "section", "sub-verbo",
        "supplement", "table", "timestamp", "title-locator", "verse", "version", "volume",
    ]
}
