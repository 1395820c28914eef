import Foundation

/// Renders layout elements for one item into nodes. One instance per processor, reused across cites.
final class Renderer {
    let style: CSLStyle
    let locale: LocaleStack
    var section: LayoutSection
    var ctx: CiteContext

    var varsCalled = 0
    var varsRendered = 0
    var suppressed: Set<String> = []
    var pendingYearSuffix = false
    var suppressNextNames = false
    var substituteParent: NamesElement?
    var renderedNameVariables: Set<String> = []
    var renderedTextVariables: Set<String> = []
    let hasExplicitYearSuffix: Bool

    init(style: CSLStyle, locale: LocaleStack, section: LayoutSection, ctx: CiteContext, explicitYearSuffix: Bool) {
        self.style = style
        self.locale = locale
        self.section = section
        self.ctx = ctx
        self.hasExplicitYearSuffix = explicitYearSuffix
    }

    /// Renders a whole layout for `ctx` (layout affixes are applied by the caller).
    func renderLayout(_ context: CiteContext, section: LayoutSection) -> Node {
        reset(context, section: section)
        return Node.join(renderChildren(section.elements), "")
    }

    /// Prepares per-cite state without rendering anything.
    func reset(_ context: CiteContext, section: LayoutSection) {
        ctx = context
        self.section = section
        varsCalled = 0
        varsRendered = 0
        suppressed = []
        pendingYearSuffix = context.disambiguation.yearSuffix != nil && !hasExplicitYearSuffix
        suppressNextNames = context.suppressAuthor
        substituteParent = nil
        renderedNameVariables = []
        renderedTextVariables = []
    }

    func render(_ element: Element) -> Node {
        switch element {
        case .text(let t): return renderText(t)
        case .number(let n): return renderNumber(n)
        case .label(let l): return renderLabel(l, names: nil)
        case .date(let d): return renderDate(d)
        case .names(let n): return renderNames(n)
        case .group(let g): return renderGroup(g)
        case .choose(let c): return renderChoose(c)
        }
    }

    // MARK: decoration

    /// Applies strip-periods, text-case, quotes, formatting, affixes and display, in that order.
    func decorate(_ node: Node, _ d: Decoration, applyCase: Bool = true) -> Node {
        if node.isEmpty { return node }
        var n = node
        if d.stripPeriods { n = n.mapText { s, _ in s.replacingOccurrences(of: ".", with: "") } }
        if applyCase, let tc = d.textCase {
            n = CaseTransformer.apply(tc, to: n, language: ctx.item.strings["language"] ?? locale.lang)
        }
        if d.quotes { n = .quoted(n) }
        if !d.formatting.isEmpty { n = .styled(d.formatting, n) }
        if !d.prefix.isEmpty || !d.suffix.isEmpty {
            n = .seq([.text(d.prefix), n, .text(d.suffix)].filter { !$0.isEmpty })
        }
        if let display = d.display { n = .display(display, n) }
        return n
    }

    // MARK: text

    func renderText(_ t: TextElement) -> Node {
        switch t.source {
        case .value(let v):
            return decorate(InlineMarkup.parse(v), t.decoration)
        case .term(let name, let form, let plural):
            let s = locale.term(name, form: form, plural: plural) ?? ""
            if s.isEmpty { return .empty }
            if name == "no date", pendingYearSuffix, let n = ctx.disambiguation.yearSuffix {
                // Undated items still need their year-suffix ("n.d.-a").
                pendingYearSuffix = false
                let letters = Node.tagged(.yearSuffix, .text(Self.yearSuffixLetters(n)))
                let suffixed = Node.seq([InlineMarkup.parse(s), .text("-"), letters])
                return .tagged(.term, decorate(suffixed, t.decoration))
            }
            return .tagged(.term, decorate(InlineMarkup.parse(s), t.decoration))
        case .macro(let name):
            guard let elements = style.macros[name] else { return .empty }
            // A macro behaves like a group: it vanishes when it calls variables and all are empty.
            let savedCalled = varsCalled
            let savedRendered = varsRendered
            varsCalled = 0
            varsRendered = 0
            let node = Node.join(renderChildren(elements), "")
            let called = varsCalled
            let rendered = varsRendered
            varsCalled = savedCalled + called
            varsRendered = savedRendered + rendered
            if called > 0 && rendered == 0 { return .empty }
            // Output from a macro keeps an enclosing group alive even when it came from terms alone.
            if !node.isEmpty {
                varsCalled += 1
                varsRendered += 1
            }
            return decorate(node, t.decoration)
        case .variable(let name, let form):
            // An absent year-suffix is a disambiguation detail, not missing data: it never empties a group.
            if name != "year-suffix" { varsCalled += 1 }
            guard let node = variableNode(name, form: form), !node.isEmpty else { return .empty }
            if name == "year-suffix" { varsCalled += 1 }
            varsRendered += 1
            renderedTextVariables.insert(name)
            if name == "year-suffix" { return .tagged(.yearSuffix, decorate(node, t.decoration)) }
            if name == "citation-number" { return .tagged(.citationNumber, decorate(node, t.decoration)) }
            if name == "citation-label", pendingYearSuffix, let n = ctx.disambiguation.yearSuffix {
                pendingYearSuffix = false
                return decorate(.seq([node, .tagged(.yearSuffix, .text(Self.yearSuffixLetters(n)))]), t.decoration)
            }
            return decorate(node, t.decoration)
        }
    }

    /// The raw text of a variable, applying short-form fallbacks; nil once a substitution has
    /// used it (cs:substitute suppresses it in the rest of the output).
    func variableText(_ name: String, form: String = "long") -> String? {
        if suppressed.contains(name) { return nil }
        return itemText(name, form: form)
    }

    /// The text of a variable as the item and cite hold it, whether or not it was substituted.
    func itemText(_ name: String, form: String = "long") -> String? {
        let item = ctx.item
        switch name {
        case "locator":
            return ctx.cite?.locator.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        case "citation-number": return ctx.citationNumber.map(String.init)
        case "first-reference-note-number": return ctx.position == .first ? nil : ctx.firstNoteNumber.map(String.init)
        case "year-suffix": return ctx.disambiguation.yearSuffix.map(Self.yearSuffixLetters)
        case "citation-label": return item.string("citation-label") ?? Self.trigraph(item)
        case "page-first":
            if let p = item.string("page-first") { return p }
            guard let page = item.string("page") else { return nil }
            return String(page.prefix { !"-–—,&".contains($0) }).trimmingCharacters(in: .whitespaces)
        default: break
        }
        if form == "short" {
            if let s = item.string(name + "-short") { return s }
            if name == "title", let s = item.string("shortTitle") { return s }
            if name == "container-title", let s = item.string("journalAbbreviation") { return s }
        }
        if name == "title-short", item.string(name) == nil { return item.string("shortTitle") }
        return item.string(name)
    }

    func variableNode(_ name: String, form: String) -> Node? {
        guard let text = variableText(name, form: form) else { return nil }
        if name == "page" || (name == "locator" && (ctx.cite?.label ?? "page") == "page") {
            let formatted = PageRange.format(text, style.attributes["page-range-format"], delimiter: rangeDelimiter)
            return .text(localizedAmpersand(formatted))
        }
        if name == "locator" {
            return .text(localizedAmpersand(PageRange.format(text, nil, delimiter: rangeDelimiter)))
        }
        if name == "URL" || name == "DOI" { return .text(text) }
        return InlineMarkup.parse(text)
    }

    /// Number lists joined with "&" use the locale's symbol form of "and".
    func localizedAmpersand(_ text: String) -> String {
        guard text.contains(" & "), let symbol = locale.term("and", form: "symbol"), symbol != "&" else { return text }
        return text.replacingOccurrences(of: " & ", with: " \(symbol) ")
    }

    /// The locale's page-range-delimiter term, an en dash unless overridden.
    var rangeDelimiter: String { locale.term("page-range-delimiter") ?? "\u{2013}" }

    /// The default citation label: letters of up to four authors' family names plus a two-digit year.
    static func trigraph(_ item: CSLItem) -> String? {
        let names = ["author", "editor", "translator", "composer", "director"].lazy.compactMap { item.names[$0] }.first ?? []
        let families = names.map { ($0.family ?? $0.literal ?? "").filter { $0.isLetter } }
        guard !families.isEmpty else { return nil }
        let counts: [Int] =
            switch families.count {
            case 1: [4]
            case 2: [2, 2]
            case 3: [2, 1, 1]
            default: [1, 1, 1, 1]
            }
        var label = ""
        for (f, n) in zip(families, counts) { label += String(f.prefix(n)) }
        if let year = item.dates["issued"]?.from.year { label += String(format: "%02d", abs(year) % 100) }
        return label
    }

    static func yearSuffixLetters(_ n: Int) -> String {
        var n = n
        var s = ""
        repeat {
            n -= 1
            s = String(UnicodeScalar(UInt8(97 + n % 26))) + s
            n /= 26
        } while n > 0
        return s
    }

    // MARK: group and choose

    func renderGroup(_ g: GroupElement) -> Node {
        let savedCalled = varsCalled
        let savedRendered = varsRendered
        varsCalled = 0
        varsRendered = 0
        let parts = renderChildren(g.children)
        let called = varsCalled
        let rendered = varsRendered
        varsCalled = savedCalled + called
        varsRendered = savedRendered + rendered
        if called > 0 && rendered == 0 { return .empty }
        let joined = Node.join(parts, g.delimiter)
        return decorate(joined, g.decoration)
    }

    /// Renders children, splicing a `<choose>`'s branch output in place so group delimiters apply between its parts.
    func renderChildren(_ elements: [Element]) -> [Node] {
        var out: [Node] = []
        for e in elements {
            if case .choose(let c) = e {
                if let branch = c.branches.first(where: { $0.isElse || evaluate($0) }) {
                    out += renderChildren(branch.children)
                }
            } else {
                out.append(render(e))
            }
        }
        return out
    }

    func renderChoose(_ c: ChooseElement) -> Node {
        for branch in c.branches where branch.isElse || evaluate(branch) {
            return Node.join(branch.children.map(render), "")
        }
        return .empty
    }

    func evaluate(_ b: ChooseBranch) -> Bool {
        let results = b.tests.map(test)
        switch b.match {
        case "any": return results.contains(true)
        case "none": return !results.contains(true)
        default: return !results.contains(false)
        }
    }

    /// Conditions test the item's data: a variable a substitution has printed (and so suppressed
    /// in the output that follows) is still present for `variable` and `is-numeric` tests.
    func hasVariable(_ name: String) -> Bool {
        if let n = ctx.item.names[name], !n.isEmpty { return true }
        if ctx.item.dates[name] != nil { return true }
        return itemText(name) != nil
    }

    func test(_ t: ConditionTest) -> Bool {
        switch t {
        case .type(let type): return ctx.item.type == type
        case .variable(let v): return hasVariable(v)
        case .isNumeric(let v): return itemText(v).map(NumberFormatting.isNumeric) ?? false
        case .isUncertainDate(let v): return ctx.item.dates[v]?.circa ?? false
        case .locator(let l):
            guard ctx.cite?.locator != nil else { return false }
            let label = ctx.cite?.label ?? "page"
            return label == l || (l == "sub-verbo" && label == "sub verbo")
        case .position(let p):
            if ctx.mode != .citation { return false }
            switch p {
            case "first": return ctx.position == .first
            case "subsequent": return ctx.position >= .subsequent
            case "ibid": return ctx.position >= .ibid
            case "ibid-with-locator": return ctx.position == .ibidWithLocator
            case "near-note": return ctx.position >= .subsequent && ctx.nearNote
            default: return false
            }
        case .disambiguate(let flag): return ctx.disambiguation.conditionFlag == flag
        }
    }
}
