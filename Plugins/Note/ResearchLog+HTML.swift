import Foundation

extension ResearchLog {
    /// A standalone HTML page: the same log, footnotes as a numbered list at the end.
    var html: String {
        var body: [String] = ["<h1>\(Self.html(title))</h1>"]
        if !question.isEmpty { body.append("<p><strong>Question.</strong> \(Self.html(question))</p>") }
        body.append("<p>\(Self.html(overview))</p>")
        if !general.isEmpty {
            body.append("<h2>General notes</h2>")
            body += general.map(Self.html(entry:))
        }
        if !sections.isEmpty {
            body.append("<h2>Notes by document</h2>")
            for section in sections {
                body.append("<h3>\(Self.html(section.heading))</h3>")
                body += section.entries.map(Self.html(entry:))
            }
        }
        if !bibliography.isEmpty {
            body.append("<h2>Bibliography</h2>")
            body += bibliography.map { "<p class=\"bibliography\">\(Self.html(citation: $0))</p>" }
        }
        if !footnotes.isEmpty {
            body.append("<section class=\"footnotes\">\n<hr>\n<ol>")
            body += footnotes.enumerated().map {
                "<li id=\"fn\($0.offset + 1)\">\(Self.html(citation: $0.element)) <a href=\"#fnref\($0.offset + 1)\">↩</a></li>"
            }
            body.append("</ol>\n</section>")
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(Self.html(title))</title>
            <style>body { max-width: 42em; margin: 2em auto; font-family: Georgia, serif; line-height: 1.5; padding: 0 1em; }
            blockquote { margin-left: 1.5em; font-style: italic; } .label { color: #666; font-size: 0.9em; }
            .bibliography { padding-left: 2em; text-indent: -2em; }</style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    private static func html(entry: Entry) -> String {
        var parts: [String] = []
        if let quote = entry.quote { parts.append("<blockquote>“\(html(quote.text))”</blockquote>") }
        let marker = entry.footnote.map { "<sup id=\"fnref\($0)\"><a href=\"#fn\($0)\">\($0)</a></sup>" } ?? ""
        let paragraphs = entry.text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        if paragraphs.isEmpty {
            parts.append("<p class=\"label\">\(html(entry.label))\(marker)</p>")
        } else {
            for (index, paragraph) in paragraphs.enumerated() {
                let text = html(paragraph).replacingOccurrences(of: "\n", with: "<br>\n")
                parts.append("<p>\(text)\(index == paragraphs.count - 1 ? marker : "")</p>")
            }
            parts.append("<p class=\"label\">\(html(entry.label))</p>")
        }
        return parts.joined(separator: "\n")
    }

    private static func html(citation: Footnote) -> String {
        guard let url = citation.url, let range = citation.text.range(of: url) else { return html(citation.text) }
        return html(String(citation.text[..<range.lowerBound])) + "<a href=\"\(html(url))\">\(html(url))</a>"
            + html(String(citation.text[range.upperBound...]))
    }

    static func html(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
