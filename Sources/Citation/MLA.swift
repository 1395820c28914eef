/// MLA works-cited entries (MLA Handbook, 9th ed.), as `modern-language-association.csl`
/// sets a manuscript: the translator first where there is no author, the title in
/// quotation marks, then the date, archive, reference and URL as one container, then the
/// collection.
public struct MLA: CitationStyle {
    public init() {}

    public func full(_ document: CitedDocument) -> String {
        var sentences: [String] = []
        if let translator = document.translator { sentences.append("\(translator), translator.") }
        sentences.append(CitationText.quoted(document.headlineTitle, punctuation: "."))
        let container = [document.date?.dayMonthYear, document.archive, document.archiveRef, document.url].compactMap { $0 }
        if !container.isEmpty { sentences.append(CitationText.terminated(container.joined(separator: ", "))) }
        if let collection = document.collection { sentences.append(CitationText.terminated(collection)) }
        return sentences.joined(separator: " ")
    }

    public func bibliography(_ document: CitedDocument) -> String { full(document) }
}
