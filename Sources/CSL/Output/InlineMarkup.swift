import Foundation

/// Parses the HTML-like markup CSL allows inside field values into nodes.
enum InlineMarkup {
    private static let openTags: [(String, Formatting?, Bool)] = [
        ("<i>", Formatting(fontStyle: "italic"), false),
        ("<b>", Formatting(fontWeight: "bold"), false),
        ("<sup>", Formatting(verticalAlign: "sup"), false),
        ("<sub>", Formatting(verticalAlign: "sub"), false),
        ("<sc>", Formatting(fontVariant: "small-caps"), false),
        ("<span style=\"font-variant:small-caps;\">", Formatting(fontVariant: "small-caps"), false),
        ("<span style=\"font-variant: small-caps;\">", Formatting(fontVariant: "small-caps"), false),
        ("<span class=\"nocase\">", nil, true),
        ("<span class=\"nodecor\">", Formatting(fontStyle: "normal", fontVariant: "normal", fontWeight: "normal"), false),
    ]
    private static let closeTags = ["</i>", "</b>", "</sup>", "</sub>", "</sc>", "</span>"]

    private struct Frame {
        var kind: Kind
        var children: [Node] = []
        enum Kind {
            case root
            case styled(Formatting)
            case nocase
            case quote(Character)
        }
    }

    /// Parses `text`; unmatched tags stay literal so nothing the user typed is lost.
    /// `quotes: false` leaves typographic single quotes alone (cite affixes are typed by hand).
    static func parse(_ text: String, quotes: Bool = true) -> Node {
        // Typed guillemets with plain spaces get the narrow no-break space French typography uses.
        let text = text.replacingOccurrences(of: "\u{00AB} ", with: "\u{00AB}\u{202F}")
            .replacingOccurrences(of: " \u{00BB}", with: "\u{202F}\u{00BB}")
        if !text.contains("<") && !text.contains("\"") && !text.contains("'") && !text.contains("\u{201C}") {
            return .text(text)
        }
        var stack = [Frame(kind: .root)]
        var buffer = ""
        let chars = Array(text)
        var i = 0
        func flush() {
            if !buffer.isEmpty {
                stack[stack.count - 1].children.append(.text(buffer))
                buffer = ""
            }
        }
        func close() {
            flush()
            guard stack.count > 1, let frame = stack.popLast() else { return }
            let inner: Node = frame.children.count == 1 ? frame.children[0] : .seq(frame.children)
            let node: Node
            switch frame.kind {
            case .styled(let f):
                // Small caps, superscript and subscript in field markup are protected from text-case.
                let protect = f.fontVariant != nil || f.verticalAlign != nil
                node = protect ? .nocase(.styled(f, inner)) : .styled(f, inner)
            case .nocase: node = .nocase(inner)
            case .quote: node = .quoted(inner)
            case .root: node = inner
            }
            stack[stack.count - 1].children.append(node)
        }
        func openQuoteIndex(_ q: Character) -> Int? {
            stack.lastIndex { if case .quote(let c) = $0.kind { return c == q } else { return false } }
        }
        // A straight single quote after a word closes a quotation unless another such quote
        // follows before the next one opens: in 'the Korean Workers' Party' the first is the
        // apostrophe of "Workers'", the last closes.
        func closesLater(after index: Int) -> Bool {
            var j = index + 1
            while j < chars.count {
                let before: Character = chars[j - 1]
                let after: Character? = j + 1 < chars.count ? chars[j + 1] : nil
                if chars[j] == "'" {
                    if before == " " || before == "(" || before == "[" { return false }
                    if !(after?.isLetter ?? false) { return true }
                }
                j += 1
            }
            return false
        }
        while i < chars.count {
            let c = chars[i]
            if c == "<" {
                let rest = String(chars[i...].prefix(48))
                if let (tag, fmt, nocase) = openTags.first(where: { rest.hasPrefix($0.0) }) {
                    flush()
                    stack.append(Frame(kind: nocase ? .nocase : .styled(fmt ?? Formatting())))
                    i += tag.count
                    continue
                }
                if let tag = closeTags.first(where: { rest.hasPrefix($0) }), stack.count > 1 {
                    while stack.count > 1, case .quote = stack[stack.count - 1].kind { close() }
                    close()
                    i += tag.count
                    continue
                }
            }
            let prev: Character? = i > 0 ? chars[i - 1] : nil
            let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            let atWordStart = prev == nil || prev == " " || prev == "(" || prev == "[" || prev == "\u{201C}" || prev == "\""
            if c == "\"" || c == "\u{201C}" || c == "\u{201D}" {
                if let idx = openQuoteIndex("\""), c != "\u{201C}" || !atWordStart, prev != " " {
                    while stack.count > idx + 1 { close() }
                    close()
                } else if c != "\u{201D}" && (atWordStart || c == "\u{201C}") {
                    flush()
                    stack.append(Frame(kind: .quote("\"")))
                } else {
                    buffer.append(c)
                }
                i += 1
                continue
            }
            if c == "'" || c == "\u{2018}" || c == "\u{2019}" {
                // Straight single quotes flip like double ones; typographic ‘…’ typed by the user stays as is.
                if !quotes && c != "'" {
                    buffer.append(c)
                } else if c != "\u{2019}" && atWordStart, let n = next, n.isLetter {
                    flush()
                    stack.append(Frame(kind: .quote("'")))
                } else if c != "\u{2018}", let idx = openQuoteIndex("'"), next == nil || !(next?.isLetter ?? false),
                    !closesLater(after: i)
                {
                    while stack.count > idx + 1 { close() }
                    close()
                } else {
                    buffer.append("\u{2019}")
                }
                i += 1
                continue
            }
            buffer.append(c)
            i += 1
        }
        // Unclosed quotes are treated as literal characters.
        while stack.count > 1 {
            flush()
            guard let frame = stack.popLast() else { break }
            var children = frame.children
            switch frame.kind {
            case .quote(let q): children.insert(.text(q == "'" ? "\u{2019}" : "\""), at: 0)
            case .styled(let f):
                stack[stack.count - 1].children.append(.styled(f, .seq(children)))
                continue
            case .nocase:
                stack[stack.count - 1].children.append(.nocase(.seq(children)))
                continue
            case .root: break
            }
            stack[stack.count - 1].children += children
        }
        flush()
        let root = stack[0].children
        return root.count == 1 ? root[0] : .seq(root)
    }
}
