import Foundation

/// Chicago notes and bibliography for unpublished archival documents (The Chicago Manual
/// of Style, 17th ed., 14.221–14.233): the document's title in quotation marks, its date,
/// the reference and collection, the archive, the translator and the URL.
public enum Chicago {
    /// The full note, the first time a document is cited.
    public static func note(_ document: CitedDocument) -> String {
        var parts = [quotedTitle(document.title, closing: ",")]
        parts.append(document.date?.monthDayYear ?? "n.d.")
        if let reference = document.archiveRef.nonEmpty { parts.append(reference) }
        parts += document.collections.compactMap(\.nonEmpty)
        if let archive = document.archive.nonEmpty { parts.append(archive) }
        var note = terminated(joinWithCommas(parts))
        if let translator = document.translator.nonEmpty {
            note += " Translated by \(translator)"
            if let language = document.originalLanguage.nonEmpty { note += " from the \(language)" }
            note += "."
        }
        if let url = document.url.nonEmpty { note += " \(url)." }
        return note
    }

    /// The short note, for later citations: a shortened title and the date.
    public static func shortNote(_ document: CitedDocument) -> String {
        terminated(joinWithCommas([quotedTitle(shortTitle(document.title), closing: ","), document.date?.monthDayYear ?? "n.d."]))
    }

    /// The bibliography entry: as the note, with periods between the elements.
    public static func bibliography(_ document: CitedDocument) -> String {
        var parts = [quotedTitle(document.title, closing: ".")]
        parts.append(terminated(document.date?.monthDayYear ?? "n.d."))
        if let reference = document.archiveRef.nonEmpty { parts.append(reference + ".") }
        let holding = (document.collections.compactMap(\.nonEmpty) + [document.archive.nonEmpty].compactMap { $0 })
        if !holding.isEmpty { parts.append(holding.joined(separator: ", ") + ".") }
        if let translator = document.translator.nonEmpty {
            parts.append("Translated by \(translator)" + (document.originalLanguage.nonEmpty.map { " from the \($0)" } ?? "") + ".")
        }
        if let url = document.url.nonEmpty { parts.append(url + ".") }
        return parts.joined(separator: " ")
    }

    /// Bibliography entries sort by their first word, the title here, ignoring quotation
    /// marks and an opening article.
    public static func bibliographyOrder(_ lhs: CitedDocument, _ rhs: CitedDocument) -> Bool {
        func key(_ document: CitedDocument) -> String {
            var title = document.title.trimmingCharacters(in: CharacterSet(charactersIn: "\"'“”‘’ "))
            for article in ["The ", "A ", "An "] where title.hasPrefix(article) { title.removeFirst(article.count) }
            return title.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        }
        let (left, right) = (key(lhs), key(rhs))
        return left != right ? left < right : (lhs.date ?? CitationDate(year: 0)) < (rhs.date ?? CitationDate(year: 0))
    }

    /// `“Title,”` in American style: the closing comma or period inside the quotation
    /// marks, and double quotation marks in the title turned single.
    static func quotedTitle(_ title: String, closing: String) -> String {
        var inner = title.trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "“", with: "‘").replacingOccurrences(of: "”", with: "’")
        inner = singleQuoted(inner)
        // A title that ends in its own punctuation keeps it instead of the comma.
        if let last = inner.last, "?!".contains(last) { return "“\(inner)”" }
        if inner.hasSuffix(".") { inner.removeLast() }
        return "“\(inner)\(closing)”"
    }

    /// Straight double quotes inside a title become curly single ones.
    private static func singleQuoted(_ text: String) -> String {
        var result = ""
        var open = true
        for character in text {
            if character == "\"" {
                result.append(open ? "‘" : "’")
                open.toggle()
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// The title cut to its first four words (Chicago's short form), before any colon.
    static func shortTitle(_ title: String) -> String {
        let head = title.split(separator: ":", maxSplits: 1).first.map(String.init) ?? title
        let words = head.split(separator: " ")
        guard words.count > 4 else { return head.trimmingCharacters(in: .whitespaces) }
        var short = words.prefix(4).joined(separator: " ")
        while let last = short.last, ",;".contains(last) { short.removeLast() }
        return short
    }

    /// `text` ending with one period (`n.d.` already has it).
    private static func terminated(_ text: String) -> String {
        text.hasSuffix(".") ? text : text + "."
    }

    private static func joinWithCommas(_ parts: [String]) -> String {
        var text = ""
        for part in parts {
            if text.isEmpty {
                text = part
            } else if text.hasSuffix(",”") || text.hasSuffix("”") {
                text += " " + part
            } else {
                text += ", " + part
            }
        }
        return text
    }
}

extension Optional where Wrapped == String {
    /// The string when it has something besides white space.
    var nonEmpty: String? {
        guard let self, !self.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return self.trimmingCharacters(in: .whitespaces)
    }
}

extension String {
    var nonEmpty: String? { Optional(self).nonEmpty }
}
