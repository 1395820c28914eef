import Foundation

extension ResearchLog {
    /// Pandoc Markdown: a YAML title block, footnotes, and every character of the notes
    /// escaped so that it renders as typed (a note starting `1956.` is not a list, `*` is
    /// not emphasis).
    var markdown: String {
        var blocks: [String] = []
        blocks.append("---\ntitle: \(Self.yamlString(title))\n---")
        if !question.isEmpty { blocks.append("**Question.** " + Self.escaped(question)) }
        blocks.append(Self.escaped(overview))
        if !general.isEmpty {
            blocks.append("## General notes")
            blocks += general.flatMap(Self.blocks)
        }
        if !sections.isEmpty {
            blocks.append("## Notes by document")
            for section in sections {
                blocks.append("### " + Self.escaped(section.heading))
                blocks += section.entries.flatMap(Self.blocks)
            }
        }
        if !bibliography.isEmpty {
            blocks.append("## Bibliography")
            blocks += bibliography.map(Self.citation)
        }
        blocks += footnotes.enumerated().map { "[^\($0.offset + 1)]: " + Self.citation($0.element) }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private static func blocks(_ entry: Entry) -> [String] {
        var blocks: [String] = []
        if let quote = entry.quote { blocks.append("> “" + escaped(quote.text) + "”") }
        let marker = entry.footnote.map { "[^\($0)]" } ?? ""
        if entry.text.isEmpty {
            blocks.append("*\(escaped(entry.label))*\(marker)")
        } else {
            let paragraphs = paragraphsOf(entry.text)
            blocks += paragraphs.dropLast()
            blocks.append(paragraphs.last! + marker)
            blocks.append("*\(escaped(entry.label))*")
        }
        return blocks
    }

    /// A citation, its URL made a link.
    private static func citation(_ footnote: Footnote) -> String {
        guard let url = footnote.url, let range = footnote.text.range(of: url) else { return escaped(footnote.text) }
        return escaped(String(footnote.text[..<range.lowerBound])) + "<\(url)>"
            + escaped(String(footnote.text[range.upperBound...]))
    }

    /// A note's paragraphs (split at blank lines), each escaped, its line breaks kept.
    static func paragraphsOf(_ text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        var paragraphs: [[String]] = [[]]
        for line in lines {
            if line.isEmpty {
                if !(paragraphs.last?.isEmpty ?? true) { paragraphs.append([]) }
            } else {
                paragraphs[paragraphs.count - 1].append(escaped(line))
            }
        }
        if paragraphs.last?.isEmpty == true { paragraphs.removeLast() }
        return paragraphs.isEmpty ? [""] : paragraphs.map { $0.joined(separator: "\\\n") }
    }

    /// One line of text escaped for pandoc Markdown: punctuation that would start
    /// emphasis, code, links, math, footnotes, citations, super- or subscripts, and
    /// anything at the start of the line that would make a list, a heading or a quote.
    static func escaped(_ line: String) -> String {
        var result = ""
        for character in line {
            if "\\`*_[]<>#$^~@|{}".contains(character) { result.append("\\") }
            result.append(character)
        }
        // A line opening with a list marker or a block marker.
        if let first = result.first, "-+=:%".contains(first) { result.insert("\\", at: result.startIndex) }
        return escapedListMarker(result)
    }

    /// `1956.`, `1)`, `(a)`, `b.` and `iv.` open lists in pandoc (fancy_lists): escape the
    /// punctuation after them.
    private static func escapedListMarker(_ line: String) -> String {
        var characters = Array(line)
        let opened = characters.first == "("
        let start = opened ? 1 : 0
        var end = start
        while end < characters.count, characters[end].isLetter || characters[end].isNumber { end += 1 }
        let token = characters[start..<end]
        guard !token.isEmpty, end < characters.count else { return line }
        let closer = characters[end]
        guard closer == ")" || (closer == "." && !opened), end + 1 == characters.count || characters[end + 1] == " " else {
            return line
        }
        let isMarker = token.allSatisfy(\.isNumber) || token.count == 1 || token.allSatisfy { "ivxlcdmIVXLCDM".contains($0) }
        guard isMarker else { return line }
        characters.insert("\\", at: end)
        if opened { characters.insert("\\", at: 0) }
        return String(characters)
    }

    /// A YAML double-quoted string.
    static func yamlString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
