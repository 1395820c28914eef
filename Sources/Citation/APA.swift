/// APA reference entries (Publication Manual, 7th ed.), as `apa.csl` sets a manuscript:
/// the title where an author would stand (with the translator after it), the year in
/// parentheses, the archive with the reference in parentheses, the URL. A document with
/// neither archive nor URL is "[Unpublished manuscript]".
public struct APA: CitationStyle {
    public init() {}

    public var translatorLeads: Bool { false }

    public func full(_ document: CitedDocument) -> String {
        var title = CitationText.smartQuotes(document.title)
        if let translator = document.translator { title += " (\(translator), Tran.)" }
        var sentences = [CitationText.terminated(title)]
        sentences.append("(\(document.date?.apaYear ?? "n.d.")).")
        switch (document.archive, document.archiveRef) {
        case let (archive?, reference?): sentences.append("\(archive) (\(reference)).")
        case let (archive?, nil): sentences.append(CitationText.terminated(archive))
        case let (nil, reference?): sentences.append(CitationText.terminated(reference))
        case (nil, nil): if document.url == nil { sentences.append("[Unpublished manuscript].") }
        }
        if let url = document.url { sentences.append(url) }
        return sentences.joined(separator: " ")
    }

    public func bibliography(_ document: CitedDocument) -> String { full(document) }
}
