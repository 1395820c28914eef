/// The Wilson Center Digital Archive's own suggested citation:
/// `"Title," September 20, 1956, Archive, Reference. Translated by Translator. URL` — the
/// title as the archive gives it, in straight quotation marks; what is missing is left out.
public struct ArchiveStyle: CitationStyle {
    public init() {}

    public var translatorLeads: Bool { false }

    public func full(_ document: CitedDocument) -> String {
        let rest = [document.date?.monthDayYear, document.archive, document.archiveRef].compactMap { $0 }
        let title = CitationText.quoted(document.title, punctuation: rest.isEmpty ? "." : ",", straight: true)
        var text = rest.isEmpty ? title : title + " " + CitationText.terminated(rest.joined(separator: ", "))
        if let translator = document.translator { text += " " + CitationText.terminated("Translated by \(translator)") }
        if let url = document.url { text += " " + url }
        return text
    }

    public func bibliography(_ document: CitedDocument) -> String { full(document) }
}
