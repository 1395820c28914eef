import Foundation

/// The punctuation styles share: quoted titles and elements joined with commas or periods.
enum CitationText {
    /// A title inside curly double quotation marks (straight ones with `straight`), with
    /// `punctuation` inside them in the American way, unless the title ends in its own
    /// question or exclamation mark; quotation marks in the title turn single.
    static func quoted(_ title: String, punctuation: String, straight: Bool = false) -> String {
        var inner = straight ? straightInner(title) : curlyInner(title)
        if inner.hasSuffix(".") { inner.removeLast() }
        let (open, close) = straight ? ("\"", "\"") : ("“", "”")
        if let last = inner.last, "?!".contains(last) { return open + inner + close }
        return open + inner + punctuation + close
    }

    /// Double quotation marks become single, and straight single ones curly (an opening
    /// one after a space or at the start, an apostrophe or closing one elsewhere): the
    /// quotation marks of a title set inside double ones.
    static func curlyInner(_ title: String) -> String {
        typographic(title, doubles: ("‘", "’"))
    }

    /// Straight quotation marks made typographic: double ones “ ”, single ones ‘ ’ (an
    /// apostrophe ’), as pandoc sets them.
    static func smartQuotes(_ text: String) -> String {
        typographic(text, doubles: ("“", "”"))
    }

    /// Straight single quotation marks curly; double ones, straight or curly, as `doubles`.
    private static func typographic(_ text: String, doubles: (open: String, close: String)) -> String {
        var result = ""
        var openDouble = true
        var previous: Character = " "
        for character in text {
            switch character {
            case "\"":
                result += openDouble ? doubles.open : doubles.close
                openDouble.toggle()
            case "“": result += doubles.open
            case "”": result += doubles.close
            case "'": result.append(previous.isWhitespace || "([“‘".contains(previous) ? "‘" : "’")
            default: result.append(character)
            }
            previous = character
        }
        return result
    }

    /// Double quotation marks, straight or curly, become straight single ones.
    static func straightInner(_ title: String) -> String {
        String(title.map { "\"“”".contains($0) ? "'" : $0 })
    }

    /// Elements joined with `separator`; after a quoted title that carries its own
    /// punctuation (`“Title,”`, `“Title?”`) only a space.
    static func join(_ elements: [String], separator: String) -> String {
        var text = ""
        for element in elements where !element.isEmpty {
            if text.isEmpty {
                text = element
            } else if text.hasSuffix("”") || text.hasSuffix("\"") {
                text += " " + element
            } else {
                text += separator + element
            }
        }
        return text
    }

    /// `text` ending with one period (unless it ends in a URL, a closing quotation mark
    /// after a question mark, or already has one).
    static func terminated(_ text: String) -> String {
        if text.hasSuffix(".") || text.hasSuffix("?”") || text.hasSuffix("!”") || text.hasSuffix(".”") { return text }
        return text + "."
    }
}
