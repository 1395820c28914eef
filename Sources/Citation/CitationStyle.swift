import Foundation

/// A citation style: how it cites a document in a note (in full, and short), and how it
/// lists one in a bibliography. Each style is one type in one file; `CitationStyles` names
/// them.
public protocol CitationStyle: Sendable {
    /// The citation in full: a first note (Chicago), a works-cited entry (MLA), a
    /// reference entry (APA), the archive's own form.
    func full(_ document: CitedDocument) -> String
    /// A later citation of a document already cited in full; the full form for styles
    /// without a short one.
    func short(_ document: CitedDocument) -> String
    /// The bibliography entry.
    func bibliography(_ document: CitedDocument) -> String
    /// What the bibliography sorts by.
    func sortKey(_ document: CitedDocument) -> String
    /// Whether a citation of the document cited just before is `Ibid.`.
    var usesIbid: Bool { get }
    /// Whether a translator stands first where there is no author (and so sorts first).
    var translatorLeads: Bool { get }
}

extension CitationStyle {
    public func short(_ document: CitedDocument) -> String { full(document) }
    public var usesIbid: Bool { false }
    public var translatorLeads: Bool { true }

    /// By what stands first (the translator, else the title), letters and digits only,
    /// case and accents aside, word by word (as citeproc sorts); then by date.
    public func sortKey(_ document: CitedDocument) -> String {
        var lead = (translatorLeads ? document.translator : nil) ?? document.title
        for article in ["The ", "A ", "An "] where lead.hasPrefix(article) { lead.removeFirst(article.count) }
        let words = lead.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split { !($0.isLetter || $0.isNumber) }.joined(separator: " ")
        let date = document.date.map { String(format: "%04d-%02d-%02d", $0.year, $0.month ?? 0, $0.day ?? 0) } ?? "9999"
        return words + "\u{1}" + date
    }
}

/// The styles `cite`, `bib` and the research log know, by the name users type.
public enum CitationStyles {
    /// How `cite` uses a style: the form it prints.
    public enum Use: Sendable, Equatable {
        /// Full the first time in a session, short after (and `Ibid.` where the style wants it).
        case notes
        /// Always the short note.
        case shortNotes
        /// The bibliography entry.
        case bibliography
        /// The same full entry every time (MLA, APA, the archive's own).
        case entries
    }

    public struct Entry: Sendable {
        public var name: String
        public var summary: String
        public var style: any CitationStyle
        public var use: Use
        /// Citations of one family count together for the short form (chicago and
        /// chicago-short both know what chicago cited).
        public var family: String
    }

    public static let all: [Entry] = [
        Entry(
            name: "chicago", summary: "Chicago notes: in full the first time, short after", style: Chicago(), use: .notes,
            family: "chicago"),
        Entry(name: "chicago-short", summary: "Chicago short note", style: Chicago(), use: .shortNotes, family: "chicago"),
        Entry(
            name: "chicago-bib", summary: "Chicago bibliography entry", style: Chicago(), use: .bibliography, family: "chicago"),
        Entry(
            name: "chicago-ibid", summary: "Chicago notes with Ibid. for the document cited just before",
            style: Chicago(ibid: true), use: .notes, family: "chicago"),
        Entry(name: "mla", summary: "MLA works-cited entry (9th ed.)", style: MLA(), use: .entries, family: "mla"),
        Entry(name: "apa", summary: "APA reference entry (7th ed.)", style: APA(), use: .entries, family: "apa"),
        Entry(
            name: "archive", summary: "the Wilson Center Digital Archive's own suggested citation", style: ArchiveStyle(),
            use: .entries, family: "archive"),
    ]

    public static var names: [String] { all.map(\.name) }

    public static func named(_ name: String) -> Entry? {
        all.first { $0.name == name.lowercased() }
    }
}
