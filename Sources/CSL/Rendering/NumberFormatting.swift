import Foundation

/// Numeric tests and number forms (ordinal, roman…) used by `<number>`, labels and conditions.
enum NumberFormatting {
    /// A piece of a number variable: a number (with optional affix letters) or a separator.
    enum Piece: Equatable {
        case number(prefix: String, value: Int, suffix: String)
        case separator(String)
    }

    /// Splits "12-15", "1, 3 & 5" into pieces; nil when the text is not numeric.
    static func pieces(_ text: String) -> [Piece]? {
        var result: [Piece] = []
        let chars = Array(text.trimmingCharacters(in: .whitespaces))
        guard !chars.isEmpty else { return nil }
        var i = 0
        while i < chars.count {
            let start = i
            var prefix = ""
            while i < chars.count && chars[i].isLetter {
                prefix.append(chars[i])
                i += 1
            }
            var digits = ""
            while i < chars.count && chars[i].isASCII && chars[i].isNumber {
                digits.append(chars[i])
                i += 1
            }
            var suffix = ""
            while i < chars.count && chars[i].isLetter {
                suffix.append(chars[i])
                i += 1
            }
            guard let value = Int(digits), prefix.count <= 2, suffix.count <= 2 else { return nil }
            _ = start
            result.append(.number(prefix: prefix, value: value, suffix: suffix))
            var sep = ""
            while i < chars.count && (chars[i] == " " || "-–,&".contains(chars[i])) {
                sep.append(chars[i])
                i += 1
            }
            if !sep.isEmpty {
                let core = sep.trimmingCharacters(in: .whitespaces)
                if core.count > 1 && core != "--" { return nil }
                if i >= chars.count { return nil }
                result.append(.separator(core.isEmpty ? " " : core))
            }
        }
        return result
    }

    static func isNumeric(_ text: String) -> Bool { pieces(text) != nil }

    /// Whether the variable's content refers to more than one thing ("1-3", "2 & 4").
    static func isPlural(_ text: String) -> Bool {
        if text.contains("\\-") { return false }
        if let p = pieces(text) {
            return p.filter { if case .number = $0 { return true } else { return false } }.count > 1
        }
        // Free text: plural when it holds several numbers (roman or arabic) joined by range or list words.
        let words = text.split(whereSeparator: { " ,&-\u{2013}".contains($0) })
        let numeric = words.filter { w in
            w.allSatisfy(\.isNumber) || w.lowercased().allSatisfy { "ivxlcdm".contains($0) }
        }
        return numeric.count > 1 && (words.count - numeric.count) <= numeric.count
    }

    static func roman(_ n: Int) -> String {
        guard n > 0 && n < 4000 else { return String(n) }
        let table: [(Int, String)] = [
            (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
            (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
        ]
        var n = n
        var s = ""
        for (v, r) in table {
            while n >= v {
                s += r
                n -= v
            }
        }
        return s
    }
}

extension Renderer {
    func renderNumber(_ n: NumberElement) -> Node {
        varsCalled += 1
        guard let text = variableText(n.variable), !text.isEmpty else { return .empty }
        varsRendered += 1
        guard let pieces = NumberFormatting.pieces(text) else {
            return decorate(.text(text), n.decoration)
        }
        let gender = locale.gender(of: n.variable == "locator" ? (ctx.cite?.label ?? "page") : n.variable)
        var out = ""
        for p in pieces {
            switch p {
            case .number(let prefix, let value, let suffix):
                let body: String
                switch n.form {
                case "ordinal": body = locale.ordinal(value, gender: gender)
                case "long-ordinal": body = locale.longOrdinal(value, gender: gender)
                case "roman": body = NumberFormatting.roman(value)
                default: body = String(value)
                }
                out += (n.form == "numeric" ? prefix : prefix) + body + suffix
            case .separator(let s):
                switch s {
                case "-", "–", "--": out += "\u{2013}"
                case ",": out += ", "
                case "&": out += " & "
                default: out += s
                }
            }
        }
        if n.variable == "page" || n.variable == "locator" && (ctx.cite?.label ?? "page") == "page" {
            out = PageRange.format(out, style.attributes["page-range-format"], delimiter: rangeDelimiter)
        }
        return decorate(.text(out), n.decoration)
    }

    func renderLabel(_ l: LabelElement, names: [CSLName]?) -> Node {
        var termName = l.variable
        var plural = false
        if let names {
            plural = names.count > 1
        } else {
            guard let text = variableText(l.variable), !text.isEmpty else { return .empty }
            if l.variable == "locator" { termName = ctx.cite?.label ?? "page" }
            if l.variable == "number-of-pages" || l.variable == "number-of-volumes" {
                plural = (Int(text.trimmingCharacters(in: .whitespaces)) ?? 0) > 1 || NumberFormatting.isPlural(text)
                if l.variable == "number-of-pages" { termName = "page" }
                if l.variable == "number-of-volumes" { termName = "volume" }
            } else {
                plural = NumberFormatting.isPlural(text)
            }
        }
        if l.plural == "always" { plural = true }
        if l.plural == "never" { plural = false }
        guard let s = locale.term(termName, form: l.form, plural: plural), !s.isEmpty else { return .empty }
        return decorate(InlineMarkup.parse(s), l.decoration)
    }
}
