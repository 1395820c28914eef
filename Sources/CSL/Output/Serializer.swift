import Foundation

/// Turns a `Node` tree into a string, resolving flip-flops, quote nesting and punctuation clashes.
struct Serializer {
    let format: CSLOutputFormat
    let quotes: (open: String, close: String, innerOpen: String, innerClose: String)
    let punctuationInQuote: Bool

    enum Mark: Equatable {
        case italic, oblique, normalStyle, bold, normalWeight, light, smallCaps, normalVariant
        case underline, sup, sub, baseline, nocase, userText
        case display(String)
    }

    enum Token: Equatable {
        case text(String)
        case open(Mark)
        case close(Mark)
        case quoteOpen(String)
        case quoteClose(String)
        /// A line of its own begins: a `display="block"` or `"indent"` part, in plain text and Markdown.
        case lineBreak
    }

    struct State {
        var italic = false
        var bold = false
        var smallCaps = false
        var quoteDepth = 0
    }

    func serialize(_ node: Node) -> String {
        var tokens: [Token] = []
        var state = State()
        flatten(node, &state, &tokens)
        if format != .html { layOutDisplays(&tokens) }
        collapsePunctuation(&tokens)
        if punctuationInQuote {
            movePunctuationIntoQuotes(&tokens)
            collapsePunctuation(&tokens)
        }
        return tokens.map(render).joined()
    }

    private func flatten(_ node: Node, _ state: inout State, _ out: inout [Token]) {
        switch node {
        case .text(let s):
            if !s.isEmpty { out.append(.text(s)) }
        case .seq(let list):
            for n in list { flatten(n, &state, &out) }
        case .tagged(let tag, let n):
            if tag == .userText { out.append(.open(.userText)) }
            flatten(n, &state, &out)
            if tag == .userText { out.append(.close(.userText)) }
        case .nocase(let n):
            flatten(n, &state, &out)
        case .display(let d, let n):
            out.append(.open(.display(d)))
            flatten(n, &state, &out)
            out.append(.close(.display(d)))
        case .quoted(let n):
            let outer = state.quoteDepth % 2 == 0
            state.quoteDepth += 1
            out.append(.quoteOpen(outer ? quotes.open : quotes.innerOpen))
            flatten(n, &state, &out)
            out.append(.quoteClose(outer ? quotes.close : quotes.innerClose))
            state.quoteDepth -= 1
        case .styled(let f, let n):
            var marks: [Mark] = []
            let saved = state
            switch f.fontWeight {
            case "bold":
                marks.append(state.bold ? .normalWeight : .bold)
                state.bold.toggle()
            case "light": marks.append(.light)
            case "normal":
                if state.bold {
                    marks.append(.normalWeight)
                    state.bold = false
                }
            default: break
            }
            switch f.fontStyle {
            case "italic":
                marks.append(state.italic ? .normalStyle : .italic)
                state.italic.toggle()
            case "oblique": marks.append(.oblique)
            case "normal":
                if state.italic {
                    marks.append(.normalStyle)
                    state.italic = false
                }
            default: break
            }
            switch f.fontVariant {
            case "small-caps":
                marks.append(state.smallCaps ? .normalVariant : .smallCaps)
                state.smallCaps.toggle()
            case "normal":
                if state.smallCaps {
                    marks.append(.normalVariant)
                    state.smallCaps = false
                }
            default: break
            }
            if f.textDecoration == "underline" { marks.append(.underline) }
            switch f.verticalAlign {
            case "sup": marks.append(.sup)
            case "sub": marks.append(.sub)
            case "baseline": marks.append(.baseline)
            default: break
            }
            var inner: [Token] = []
            flatten(n, &state, &inner)
            state.italic = saved.italic
            state.bold = saved.bold
            state.smallCaps = saved.smallCaps
            if inner.isEmpty { return }
            for m in marks { out.append(.open(m)) }
            out += inner
            for m in marks.reversed() { out.append(.close(m)) }
        }
    }

    /// Plain text and Markdown have no boxes for `display`: a block (or indented block) stands on
    /// its own line, and the margin field of second-field-align is set off from the rest by one
    /// space (none added where either side already has one).
    private func layOutDisplays(_ tokens: inout [Token]) {
        var out: [Token] = []
        for t in tokens {
            switch t {
            case .open(.display("block")), .close(.display("block")), .open(.display("indent")),
                .close(.display("indent")):
                out.append(.lineBreak)
            case .close(.display("left-margin")):
                out.append(.text(" "))
            case .open(.display), .close(.display):
                break
            default:
                out.append(t)
            }
        }
        guard out.contains(.lineBreak) else {
            tokens = out
            return
        }
        // A break is kept only between two runs of text, once; the spaces on either side go.
        var kept: [Token] = []
        var sawText = false
        var breakAt: Int?
        for t in out {
            switch t {
            case .lineBreak:
                if sawText, breakAt == nil { breakAt = kept.count }
            case .text(let str) where !str.trimmingCharacters(in: .whitespaces).isEmpty:
                if let at = breakAt {
                    if let k = kept[..<at].lastIndex(where: { if case .text = $0 { true } else { false } }),
                        case .text(let before) = kept[k]
                    {
                        kept[k] = .text(String(before.reversed().drop { $0 == " " }.reversed()))
                    }
                    kept.insert(.lineBreak, at: at)
                    kept.append(.text(String(str.drop { $0 == " " })))
                    breakAt = nil
                } else {
                    kept.append(t)
                }
                sawText = true
            case .text where breakAt != nil:
                break
            default:
                kept.append(t)
            }
        }
        tokens = kept
    }

    /// American style: periods, commas, ! and ? after a closing quote move inside it, colliding with what is there.
    private func movePunctuationIntoQuotes(_ tokens: inout [Token]) {
        var i = 0
        var userDepth = 0
        while i < tokens.count {
            if tokens[i] == .open(.userText) { userDepth += 1 }
            if tokens[i] == .close(.userText) { userDepth -= 1 }
            guard case .quoteClose = tokens[i], userDepth == 0 else {
                i += 1
                continue
            }
            var j = i + 1
            while j < tokens.count {
                switch tokens[j] {
                case .open(.userText):
                    userDepth += 1
                    j += 1
                    continue
                case .close(.userText):
                    userDepth -= 1
                    j += 1
                    continue
                case .close, .quoteClose:
                    j += 1
                    continue
                case .text(let s) where s.isEmpty:
                    j += 1
                    continue
                default: break
                }
                break
            }
            while j < tokens.count, case .text(let s) = tokens[j], let c = s.first, ".,!?".contains(c) {
                tokens[j] = .text(String(s.dropFirst()))
                if let (k, p) = lastText(tokens, before: i), Self.absorbs(p, c) {
                    _ = k
                } else if let (k, p) = lastText(tokens, before: i), Self.replaces(p, c), case .text(let t) = tokens[k] {
                    tokens[k] = .text(String(t.dropLast()) + String(c))
                } else {
                    tokens.insert(.text(String(c)), at: i)
                    i += 1
                    j += 1
                }
                if case .text(let rest) = tokens[j], rest.isEmpty { break }
            }
            i = j
        }
    }

    private func lastText(_ tokens: [Token], before index: Int) -> (Int, Character)? {
        var k = index - 1
        while k >= 0 {
            switch tokens[k] {
            case .text(let s): if let c = s.last { return (k, c) }
            case .quoteOpen: return nil
            default: break
            }
            k -= 1
        }
        return nil
    }

    /// Drops a punctuation mark that would double the one just before it ("ed.." → "ed.").
    private func collapsePunctuation(_ tokens: inout [Token]) {
        var lastTextIndex: Int?
        for i in tokens.indices {
            switch tokens[i] {
            case .text(var s):
                if let li = lastTextIndex, case .text(let prev) = tokens[li], let p = prev.last, let c = s.first {
                    if Self.absorbs(p, c) {
                        s.removeFirst()
                        tokens[i] = .text(s)
                    } else if Self.replaces(p, c) {
                        tokens[li] = .text(String(prev.dropLast()))
                    } else if (p == " " || p == "\u{00A0}") && c == " " {
                        s.removeFirst()
                        tokens[i] = .text(s)
                    }
                }
                if !s.isEmpty { lastTextIndex = i }
            case .quoteOpen, .open(.display), .lineBreak:
                lastTextIndex = nil
            case .quoteClose(let q):
                _ = q
                lastTextIndex = nil
            default:
                break
            }
        }
    }

    /// Whether `next` is redundant after `previous` ("ed." + "." → "ed.").
    static func absorbs(_ previous: Character, _ next: Character) -> Bool {
        switch (previous, next) {
        case (".", "."), ("?", "."), ("!", "."), (":", "."), (";", "."), (",", ","), (";", ";"), (":", ":"), (";", ":"),
            ("!", ":"), ("?", ":"), ("!", "!"), ("?", "?"):
            return true
        default:
            return false
        }
    }

    /// Whether a stronger mark replaces the one before it ("colon:" + "!" → "colon!").
    static func replaces(_ previous: Character, _ next: Character) -> Bool {
        switch (previous, next) {
        case (":", "!"), (";", "!"), (":", "?"), (";", "?"): return true
        default: return false
        }
    }

    private func render(_ token: Token) -> String {
        switch token {
        case .text(let s): return escape(s)
        case .quoteOpen(let q), .quoteClose(let q): return escape(q)
        case .open(.userText), .close(.userText): return ""
        case .lineBreak: return "\n"
        case .open(let m): return tag(m, open: true)
        case .close(let m): return tag(m, open: false)
        }
    }

    /// Unicode superscript letters citeproc-js spells as `<sup>` runs.
    static let superscripts: [Character: String] = [
        "\u{00AA}": "a", "\u{00B2}": "2", "\u{00B3}": "3", "\u{00B9}": "1", "\u{00BA}": "o", "\u{02B0}": "h",
        "\u{02B1}": "\u{0266}", "\u{02B2}": "j", "\u{02B3}": "r", "\u{02B4}": "\u{0279}", "\u{02B5}": "\u{027B}",
        "\u{02B6}": "\u{0281}", "\u{02B7}": "w", "\u{02B8}": "y", "\u{02E0}": "\u{0263}", "\u{02E1}": "l",
        "\u{02E2}": "s", "\u{02E3}": "x", "\u{02E4}": "\u{0295}", "\u{1D2C}": "A", "\u{1D2E}": "B", "\u{1D30}": "D",
        "\u{1D31}": "E", "\u{1D33}": "G", "\u{1D34}": "H", "\u{1D35}": "I", "\u{1D36}": "J", "\u{1D37}": "K",
        "\u{1D38}": "L", "\u{1D39}": "M", "\u{1D3A}": "N", "\u{1D3C}": "O", "\u{1D3E}": "P", "\u{1D3F}": "R",
        "\u{1D40}": "T", "\u{1D41}": "U", "\u{1D42}": "W", "\u{1D43}": "a", "\u{1D44}": "\u{0250}",
        "\u{1D45}": "\u{0251}", "\u{1D46}": "\u{1D02}", "\u{1D47}": "b", "\u{1D48}": "d", "\u{1D49}": "e",
        "\u{1D4A}": "\u{0259}", "\u{1D4B}": "\u{025B}", "\u{1D4C}": "\u{025C}", "\u{1D4D}": "g", "\u{1D4F}": "k",
        "\u{1D50}": "m", "\u{1D51}": "\u{014B}", "\u{1D52}": "o", "\u{1D53}": "\u{0254}", "\u{1D56}": "p",
        "\u{1D57}": "t", "\u{1D58}": "u", "\u{1D5B}": "v", "\u{1D5D}": "\u{03B2}", "\u{1D5E}": "\u{03B3}",
        "\u{1D5F}": "\u{03B4}", "\u{1D60}": "\u{03C6}", "\u{1D61}": "\u{03C7}", "\u{2070}": "0", "\u{2071}": "i",
        "\u{2074}": "4", "\u{2075}": "5", "\u{2076}": "6", "\u{2077}": "7", "\u{2078}": "8", "\u{2079}": "9",
        "\u{207A}": "+", "\u{207B}": "\u{2212}", "\u{207C}": "=", "\u{207D}": "(", "\u{207E}": ")", "\u{207F}": "n",
        "\u{2120}": "SM", "\u{2122}": "TM", "\u{3192}": "\u{4E00}", "\u{3193}": "\u{4E8C}", "\u{3194}": "\u{4E09}",
        "\u{3195}": "\u{56DB}", "\u{3196}": "\u{4E0A}", "\u{3197}": "\u{4E2D}", "\u{3198}": "\u{4E0B}",
        "\u{3199}": "\u{7532}", "\u{319A}": "\u{4E59}", "\u{319B}": "\u{4E19}", "\u{319C}": "\u{4E01}",
        "\u{319D}": "\u{5929}", "\u{319E}": "\u{5730}", "\u{319F}": "\u{4EBA}", "\u{02C0}": "\u{0294}",
        "\u{02C1}": "\u{0295}", "\u{06E5}": "\u{0648}", "\u{06E6}": "\u{064A}", "\u{1D2D}": "\u{00C6}",
        "\u{1D32}": "\u{018E}", "\u{1D3D}": "\u{0222}", "\u{1D54}": "\u{1D16}", "\u{1D55}": "\u{1D17}",
        "\u{1D59}": "\u{1D1D}", "\u{1D5A}": "\u{026F}", "\u{1D5C}": "\u{1D25}",
    ]

    private func escape(_ s: String) -> String {
        guard format == .html else { return s }
        var out = ""
        for c in s {
            if let sup = Self.superscripts[c] {
                out += "<sup>" + sup + "</sup>"
                continue
            }
            switch c {
            case "&": out += "&#38;"
            case "<": out += "&#60;"
            case ">": out += "&#62;"
            default: out.append(c)
            }
        }
        return out
    }

    private func tag(_ m: Mark, open: Bool) -> String {
        switch format {
        case .text:
            return ""
        case .markdown:
            switch m {
            case .italic, .oblique, .normalStyle: return "*"
            case .bold, .normalWeight: return "**"
            case .smallCaps: return open ? "[" : "]{.smallcaps}"
            case .sup: return "^"
            case .sub: return "~"
            case .display: return ""
            default: return ""
            }
        case .html:
            if !open {
                switch m {
                case .italic: return "</i>"
                case .bold: return "</b>"
                case .sup: return "</sup>"
                case .sub: return "</sub>"
                case .display: return "</div>"
                default: return "</span>"
                }
            }
            switch m {
            case .italic: return "<i>"
            case .oblique: return "<span style=\"font-style:oblique;\">"
            case .normalStyle: return "<span style=\"font-style:normal;\">"
            case .bold: return "<b>"
            case .normalWeight: return "<span style=\"font-weight:normal;\">"
            case .light: return "<span style=\"font-weight:light;\">"
            case .smallCaps: return "<span style=\"font-variant:small-caps;\">"
            case .normalVariant: return "<span style=\"font-variant:normal;\">"
            case .underline: return "<span style=\"text-decoration:underline;\">"
            case .sup: return "<sup>"
            case .sub: return "<sub>"
            case .baseline: return "<span style=\"baseline\">"
            case .nocase: return "<span class=\"nocase\">"
            case .userText: return ""
            case .display(let d): return "<div class=\"csl-\(d)\">"
            }
        }
    }
}
