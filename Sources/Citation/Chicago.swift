/// Chicago notes and bibliography for unpublished archival documents (The Chicago Manual
/// of Style, 18th ed., 14.119–14.130), as `chicago-notes-bibliography.csl` sets a
/// manuscript: a translator stands first where there is no author; then the title in
/// quotation marks, the collection, the date, the reference, the archive and the URL. A
/// document with neither archive nor URL is an "unpublished manuscript".
public struct Chicago: CitationStyle {
    public var usesIbid: Bool

    public init(ibid: Bool = false) {
        self.usesIbid = ibid
    }

    public func full(_ document: CitedDocument) -> String {
        var elements: [String] = []
        if let translator = document.translator { elements.append("\(translator), tran.") }
        let date = document.date?.chicago ?? "n.d."
        // An uncertain date in brackets follows the title without a comma.
        let punctuation = date.hasPrefix("[") && !isUnpublished(document) && document.collection == nil ? "" : ","
        elements.append(CitationText.quoted(document.headlineTitle, punctuation: punctuation))
        if isUnpublished(document) { elements.append("unpublished manuscript") }
        if let collection = document.collection { elements.append(collection) }
        elements.append(date)
        elements += [document.archiveRef, document.archive, document.url].compactMap { $0 }
        return CitationText.terminated(CitationText.join(elements, separator: ", "))
    }

    /// The translator (where one stands first) and the title.
    public func short(_ document: CitedDocument) -> String {
        let title = CitationText.quoted(document.headlineTitle, punctuation: ".")
        return document.translator.map { "\($0), \(title)" } ?? title
    }

    public func bibliography(_ document: CitedDocument) -> String {
        var elements: [String] = []
        if let translator = document.translator { elements.append("\(translator), tran.") }
        elements.append(CitationText.quoted(document.headlineTitle, punctuation: "."))
        if isUnpublished(document) { elements.append("Unpublished manuscript.") }
        if let collection = document.collection { elements.append(CitationText.terminated(collection)) }
        if let date = document.date { elements.append(date.chicago + ".") }
        elements += [document.archiveRef, document.archive].compactMap { $0.map { CitationText.terminated($0) } }
        if let url = document.url { elements.append(url + ".") }
        return elements.joined(separator: " ")
    }

    private func isUnpublished(_ document: CitedDocument) -> Bool {
        document.archive == nil && document.url == nil
    }
}
