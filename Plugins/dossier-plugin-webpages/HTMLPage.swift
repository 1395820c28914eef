import Foundation

/// An HTML page read the forgiving way a browser would, for what an importer needs: the
/// `<title>`, the `<meta>` and `<link rel>` values, and the visible text as blocks (a
/// heading, a paragraph, a list item, a table cell…), with navigation, scripts and forms
/// left out.
struct HTMLPage {
    struct Block: Equatable {
        /// The element that holds the text: `h1`, `p`, `li`, `dt`, `dd`, `td`…
        var tag: String
        var text: String
        /// Whether the whole text is bold (`<strong>Date</strong>`), as labels often are.
        var isBold: Bool
        /// The `class` of the element, for labels marked by class (`field-label`).
        var classes: String
    }

    var title = ""
    /// `name` or `property` of each `<meta>` (lower-cased) and its `content`.
    var meta: [String: String] = [:]
    /// `rel` of each `<link>` (lower-cased) and its `href`.
    var links: [String: String] = [:]
    var blocks: [Block] = []
    /// `lang` of the `<html>` element.
    var language: String?

    private static let blockTags: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "th", "tr", "section", "article",
        "blockquote", "pre", "br", "hr", "ul", "ol", "dl", "table", "main", "figcaption", "label",
    ]
    /// Elements whose content is never the document's: site navigation, scripts, forms.
    private static let skippedTags: Set<String> = [
        "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "svg", "template", "select",
    ]
    private static let voidTags: Set<String> = [
        "br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "base", "col",
    ]

    init(html: String) {
        var scanner = Substring(html)
        var text = ""
        var bold = 0
        var boldText = ""
        var skipping: [String] = []
        var stack: [(tag: String, classes: String)] = []
        var inTitle = false

        func finishBlock() {
            let cleaned = Self.collapse(text)
            if !cleaned.isEmpty, skipping.isEmpty {
                let holder = stack.last { Self.blockTags.contains($0.tag) } ?? (tag: "body", classes: "")
                let isBold = !boldText.isEmpty && Self.collapse(boldText) == cleaned
                blocks.append(Block(tag: holder.tag, text: cleaned, isBold: isBold, classes: holder.classes))
            }
            text = ""
            boldText = ""
        }

        while let open = scanner.firstIndex(of: "<") {
            let chunk = scanner[..<open]
            if inTitle {
                title += Self.decode(chunk)
            } else if skipping.isEmpty {
                let decoded = Self.decode(chunk)
                text += decoded
                if bold > 0 { boldText += decoded }
            }
            scanner = scanner[open...]
            if scanner.hasPrefix("<!--") {
                guard let end = scanner.range(of: "-->") else {
                    scanner = ""
                    break
                }
                scanner = scanner[end.upperBound...]
                continue
            }
            guard let close = scanner.firstIndex(of: ">") else {
                scanner = ""
                break
            }
            let tagText = scanner[scanner.index(after: open)..<close]
            scanner = scanner[scanner.index(after: close)...]
            guard !tagText.hasPrefix("!"), !tagText.hasPrefix("?") else { continue }
            let closing = tagText.hasPrefix("/")
            let body = closing ? tagText.dropFirst() : tagText
            let name = body.prefix { $0.isLetter || $0.isNumber }.lowercased()
            guard !name.isEmpty else { continue }
            let attributes = closing ? [:] : Self.attributes(of: body.dropFirst(name.count))

            if name == "script" || name == "style", !closing {
                // Their content is not HTML: skip to the end tag.
                if let end = scanner.range(of: "</\(name)", options: .caseInsensitive) {
                    scanner = scanner[end.lowerBound...]
                }
                continue
            }
            if Self.skippedTags.contains(name) {
                if closing {
                    if let index = skipping.lastIndex(of: name) { skipping.removeSubrange(index...) }
                } else if !Self.voidTags.contains(name) {
                    finishBlock()
                    skipping.append(name)
                }
                continue
            }
            switch name {
            case "html": if !closing { language = attributes["lang"] }
            case "title": inTitle = !closing
            case "meta":
                if let key = (attributes["name"] ?? attributes["property"])?.lowercased(), let content = attributes["content"] {
                    meta[key] = meta[key] ?? content
                }
            case "link":
                if let rel = attributes["rel"]?.lowercased(), let href = attributes["href"] { links[rel] = links[rel] ?? href }
            case "strong", "b":
                bold += closing ? (bold > 0 ? -1 : 0) : 1
            default:
                break
            }
            if Self.blockTags.contains(name) {
                finishBlock()
                if closing {
                    if let index = stack.lastIndex(where: { $0.tag == name }) { stack.removeSubrange(index...) }
                } else if !Self.voidTags.contains(name) {
                    stack.append((name, attributes["class"] ?? ""))
                }
            }
        }
        if skipping.isEmpty { text += Self.decode(scanner) }
        finishBlock()
        title = Self.collapse(title)
    }

    /// The attributes of a tag: `name="value"`, `name='value'`, `name=value`, `name`.
    static func attributes(of text: Substring) -> [String: String] {
        var result: [String: String] = [:]
        var rest = text
        while true {
            rest = rest.drop { $0.isWhitespace || $0 == "/" }
            let name = rest.prefix { !$0.isWhitespace && $0 != "=" && $0 != ">" && $0 != "/" }
            guard !name.isEmpty else { break }
            rest = rest.dropFirst(name.count).drop(while: \.isWhitespace)
            var value = ""
            if rest.first == "=" {
                rest = rest.dropFirst().drop(while: \.isWhitespace)
                if let quote = rest.first, quote == "\"" || quote == "'" {
                    let inner = rest.dropFirst()
                    let end = inner.firstIndex(of: quote) ?? inner.endIndex
                    value = String(inner[..<end])
                    rest = end < inner.endIndex ? inner[inner.index(after: end)...] : ""
                } else {
                    let raw = rest.prefix { !$0.isWhitespace }
                    value = String(raw)
                    rest = rest.dropFirst(raw.count)
                }
            }
            result[name.lowercased()] = decode(Substring(value))
        }
        return result
    }

    private static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "rsquo": "’", "lsquo": "‘",
        "rdquo": "”", "ldquo": "“", "mdash": "—", "ndash": "–", "hellip": "…", "shy": "", "laquo": "«", "raquo": "»",
        "eacute": "é", "egrave": "è", "uuml": "ü", "ouml": "ö", "auml": "ä", "szlig": "ß", "copy": "©",
    ]

    /// Text with character references (`&amp;`, `&#8217;`, `&#x2019;`) decoded.
    static func decode(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        var out = ""
        var rest = text
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(10).firstIndex(of: ";") else {
                out += "&"
                rest = after
                continue
            }
            let name = after[..<semicolon]
            var replacement: String?
            if name.hasPrefix("#x") || name.hasPrefix("#X"), let code = UInt32(name.dropFirst(2), radix: 16) {
                replacement = Unicode.Scalar(code).map { String(Character($0)) }
            } else if name.hasPrefix("#"), let code = UInt32(name.dropFirst()) {
                replacement = Unicode.Scalar(code).map { String(Character($0)) }
            } else {
                replacement = entities[String(name)]
            }
            if let replacement {
                out += replacement
                rest = after[after.index(after: semicolon)...]
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }

    /// White space runs made one space, trimmed.
    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
