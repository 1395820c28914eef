import Foundation

extension Renderer {
    func renderDate(_ el: DateElement) -> Node {
        varsCalled += 1
        guard !suppressed.contains(el.variable), let date = ctx.item.dates[el.variable] else { return .empty }
        if date.from.isEmpty || date.from.year == nil {
            if let literal = date.literal {
                varsRendered += 1
                return decorate(InlineMarkup.parse(literal), el.decoration)
            }
            if date.season == nil && date.from.isEmpty { return .empty }
        }
        let (parts, delimiter) = effectiveParts(el)
        var node: Node
        if let to = date.to, to.year == 0 || to.year == nil, (to.month ?? 0) == 0 {
            // An open range ("1987–") has a zero end year.
            let rangeDelimiter = parts.first { $0.name == "year" }?.rangeDelimiter ?? "\u{2013}"
            node = .seq([
                renderParts(date.from, date, parts, delimiter, dropFirstPrefix: false, dropLastSuffix: false),
                .text(rangeDelimiter),
            ])
        } else if let to = date.to, to != date.from, !to.isEmpty {
            node = renderRange(date, to, parts, delimiter)
        } else {
            node = renderParts(date.from, date, parts, delimiter, dropFirstPrefix: false, dropLastSuffix: false)
        }
        if pendingYearSuffix, ctx.disambiguation.yearSuffix != nil, !parts.contains(where: { $0.name == "year" }) {
            _ = node
        }
        if node.isEmpty { return .empty }
        varsRendered += 1
        renderedTextVariables.insert(el.variable)
        node = decorate(node, el.decoration)
        return node
    }

    /// Localized dates take their parts from the locale, with the style's date-part attributes layered on top.
    private func effectiveParts(_ el: DateElement) -> ([DatePartElement], String) {
        guard let form = el.form else { return (el.parts, el.delimiter) }
        guard let localeFormat = locale.dateFormat(form) else { return (el.parts, el.delimiter) }
        let allowed: Set<String> =
            switch el.partsFilter {
            case "year": ["year"]
            case "year-month": ["year", "month"]
            default: ["year", "month", "day"]
            }
        var parts: [DatePartElement] = []
        for var p in localeFormat.parts where allowed.contains(p.name) {
            if let override = el.parts.first(where: { $0.name == p.name }) {
                if let f = override.form { p.form = f }
                if let r = override.rangeDelimiter { p.rangeDelimiter = r }
                if !override.decoration.formatting.isEmpty { p.decoration.formatting = override.decoration.formatting }
                if let tc = override.decoration.textCase { p.decoration.textCase = tc }
                if override.decoration.stripPeriods { p.decoration.stripPeriods = true }
            }
            parts.append(p)
        }
        return (parts, localeFormat.delimiter)
    }

    private func renderRange(_ date: CSLDate, _ to: CSLDateParts, _ parts: [DatePartElement], _ delimiter: String) -> Node {
        let from = date.from
        let differing: Set<String>
        let rangeDelimiterPart: String
        if from.year != to.year {
            differing = ["year", "month", "day"]
            rangeDelimiterPart = "year"
        } else if from.month != to.month {
            differing = ["month", "day"]
            rangeDelimiterPart = "month"
        } else {
            differing = ["day"]
            rangeDelimiterPart = "day"
        }
        let indices = parts.indices.filter { differing.contains(parts[$0].name) }
        guard let lo = indices.first, let hi = indices.last else {
            return renderParts(from, date, parts, delimiter, dropFirstPrefix: false, dropLastSuffix: false)
        }
        let rangeDelimiter = parts.first { $0.name == rangeDelimiterPart }?.rangeDelimiter ?? "\u{2013}"
        let before = Array(parts[..<lo])
        let run = Array(parts[lo...hi])
        let after = Array(parts[(hi + 1)...])
        var pieces: [Node] = []
        let b = renderParts(from, date, before, delimiter, dropFirstPrefix: false, dropLastSuffix: false)
        let r1 = renderParts(from, date, run, delimiter, dropFirstPrefix: false, dropLastSuffix: true)
        var toDate = date
        toDate.season = nil
        let r2 = renderParts(to, toDate, run, delimiter, dropFirstPrefix: true, dropLastSuffix: false)
        let a = renderParts(from, date, after, delimiter, dropFirstPrefix: false, dropLastSuffix: false)
        if !b.isEmpty {
            pieces.append(b)
            if !delimiter.isEmpty { pieces.append(.text(delimiter)) }
        }
        pieces.append(r1)
        pieces.append(.text(rangeDelimiter))
        pieces.append(r2)
        if !a.isEmpty {
            if !delimiter.isEmpty { pieces.append(.text(delimiter)) }
            pieces.append(a)
        }
        return .seq(pieces)
    }

    private func renderParts(
        _ d: CSLDateParts, _ date: CSLDate, _ parts: [DatePartElement], _ delimiter: String,
        dropFirstPrefix: Bool, dropLastSuffix: Bool
    ) -> Node {
        var nodes: [Node] = []
        let present = parts.filter { partValue($0, d, date) != nil }
        for (i, p) in present.enumerated() {
            guard let text = partValue(p, d, date) else { continue }
            var deco = p.decoration
            if i == 0 && dropFirstPrefix { deco.prefix = "" }
            if i == present.count - 1 && dropLastSuffix { deco.suffix = "" }
            var node = decorate(InlineMarkup.parse(text), deco)
            if p.name == "year" && pendingYearSuffix, let n = ctx.disambiguation.yearSuffix {
                pendingYearSuffix = false
                let suffix = Node.tagged(.yearSuffix, .text(Self.yearSuffixLetters(n)))
                if deco.suffix.isEmpty {
                    node = .seq([node, suffix])
                } else {
                    var inner = deco
                    inner.suffix = ""
                    node = .seq([decorate(InlineMarkup.parse(text), inner), suffix, .text(deco.suffix)])
                }
            }
            nodes.append(node)
        }
        return Node.join(nodes, delimiter)
    }

    private func partValue(_ p: DatePartElement, _ d: CSLDateParts, _ date: CSLDate) -> String? {
        switch p.name {
        case "year":
            guard let y = d.year else { return nil }
            if y < 0 { return "\(-y)" + (locale.term("bc") ?? "BC") }
            if p.form == "short" { return String(format: "%02d", y % 100) }
            if y < 1000 && y > 0 { return "\(y)" + (locale.term("ad") ?? "AD") }
            return String(y)
        case "month":
            var season: Int?
            if let m = d.month, m >= 13 && m <= 20 {
                season = (m - 13) % 4 + 1
            } else if let m = d.month, m >= 21 && m <= 24 {
                season = m - 20
            }
            if d.month == nil || d.month == 0, let s = date.season {
                if let n = Int(s) { season = n } else { return s }
            }
            if let s = season {
                return locale.term(String(format: "season-%02d", s), form: "long") ?? ""
            }
            guard let m = d.month, m >= 1 && m <= 12 else { return nil }
            switch p.form ?? "long" {
            case "numeric": return String(m)
            case "numeric-leading-zeros": return String(format: "%02d", m)
            case "short": return locale.term(String(format: "month-%02d", m), form: "short") ?? String(m)
            default: return locale.term(String(format: "month-%02d", m), form: "long") ?? String(m)
            }
        case "day":
            guard let day = d.day, day > 0, let m = d.month, m >= 1 && m <= 12 else { return nil }
            switch p.form ?? "numeric" {
            case "numeric-leading-zeros": return String(format: "%02d", day)
            case "ordinal":
                if locale.limitDayOrdinalsToDay1 && day != 1 { return String(day) }
                return locale.ordinal(day, gender: locale.gender(of: String(format: "month-%02d", m)))
            default: return String(day)
            }
        default:
            return nil
        }
    }
}
