import Foundation

/// Renders citations and bibliographies for a set of items with one style and locale.
public final class CSLProcessor {
    /// The style in use.
    public let style: CSLStyle
    /// The output markup.
    public let format: CSLOutputFormat
    let locale: LocaleStack
    let items: [CSLItem]
    let itemsByID: [String: CSLItem]
    let renderer: Renderer
    let serializer: Serializer
    /// Item ids in registry order: first cited first, then uncited items in input order.
    var registry: [String] = []
    var disambiguation: [String: DisambiguationState] = [:]
    var citationNumbers: [String: Int] = [:]
    var bibliographyOrder: [String] = []

    /// Creates a processor; `locale` overrides the style's default-locale.
    public init(
        style: CSLStyle, locales: CSLLocaleStore = .bundled, items: [CSLItem], locale: String? = nil,
        format: CSLOutputFormat = .html
    ) {
        self.style = style
        self.format = format
        let tag = locale ?? style.defaultLocale ?? "en-US"
        let stack = locales.stack(for: tag, style: style)
        self.locale = stack
        self.items = items
        var byID: [String: CSLItem] = [:]
        for item in items where byID[item.id] == nil { byID[item.id] = item }
        itemsByID = byID
        let explicitSuffix = Self.usesVariable("year-suffix", style: style)
        renderer = Renderer(
            style: style, locale: stack, section: style.citation,
            ctx: CiteContext(item: CSLItem(id: "", type: "book"), mode: .citation),
            explicitYearSuffix: explicitSuffix)
        let quotes = (
            stack.term("open-quote") ?? "\u{201C}", stack.term("close-quote") ?? "\u{201D}",
            stack.term("open-inner-quote") ?? "\u{2018}", stack.term("close-inner-quote") ?? "\u{2019}"
        )
        serializer = Serializer(format: format, quotes: quotes, punctuationInQuote: stack.punctuationInQuote)
        registry = items.map(\.id)
    }

    /// Whether any layout or macro of the style renders `variable` through `<text variable>`.
    static func usesVariable(_ variable: String, style: CSLStyle) -> Bool {
        func scan(_ elements: [Element]) -> Bool {
            elements.contains { e in
                switch e {
                case .text(let t): if case .variable(let v, _) = t.source { return v == variable } else { return false }
                case .group(let g): return scan(g.children)
                case .choose(let c): return c.branches.contains { scan($0.children) }
                case .names(let n): return scan(n.substitute ?? [])
                default: return false
                }
            }
        }
        return scan(style.citation.elements) || scan(style.bibliography?.elements ?? [])
            || style.macros.values.contains { scan($0) }
    }

    /// Renders each cluster, in document order, to a string in the chosen format.
    public func citations(for clusters: [CSLCluster]) throws(CSLError) -> [String] {
        for cluster in clusters {
            for cite in cluster.cites where itemsByID[cite.id] == nil { throw CSLError.unknownItem(id: cite.id) }
        }
        prepare(clusters: clusters)
        let positioned = assignPositions(clusters)
        return positioned.map { renderCluster($0) }
    }

    /// Renders the bibliography entries (inner markup of each entry), in bibliography order.
    public func bibliography() throws(CSLError) -> [String] {
        try bibliographyEntries().map(\.text)
    }

    /// The bibliography entries with the item each is of, in bibliography order; an item
    /// the style prints nothing for has no entry.
    public func bibliographyEntries() throws(CSLError) -> [(id: String, text: String)] {
        if bibliographyOrder.isEmpty { prepare(clusters: []) }
        guard let section = style.bibliography else { return [] }
        var out: [(id: String, text: String)] = []
        var previousNames: String?
        for id in bibliographyOrder {
            guard let item = itemsByID[id] else { continue }
            var ctx = CiteContext(item: item, cite: nil, mode: .bibliography)
            ctx.citationNumber = citationNumbers[id]
            ctx.disambiguation = disambiguation[id] ?? DisambiguationState()
            var node = renderer.renderLayout(ctx, section: section)
            if node.isEmpty { continue }
            let printed = renderer.renderedTextVariables.union(renderer.renderedNameVariables).subtracting(["citation-number"])
            let numberCalls = renderer.renderedTextVariables.contains("citation-number") ? 1 : 0
            if printed.isEmpty && renderer.varsCalled > numberCalls {
                node = .seq([node, .text("[CSL STYLE ERROR: reference with no printed form.]")])
            }
            if let sub = section.attributes["subsequent-author-substitute"] {
                let tag: NodeTag = node.find(.nameList) != nil ? .nameList : .names
                let names = node.find(tag)?.plainText
                if let names, names == previousNames {
                    node = node.replacingFirst(tag, with: .text(sub))
                }
                previousNames = names
            }
            if section.attributes["second-field-align"] != nil {
                node = splitFirstField(node, section.decoration)
            } else {
                node = layoutDecorate(node, section.decoration)
            }
            out.append((id: id, text: serializer.serialize(node)))
        }
        return out
    }

    /// second-field-align: the first rendered element goes in the margin, the rest (with the layout suffix) inline.
    private func splitFirstField(_ node: Node, _ d: Decoration) -> Node {
        guard case .seq(let parts) = node, parts.count > 1 else { return layoutDecorate(node, d) }
        var first = d
        first.suffix = ""
        var rest = d
        rest.prefix = ""
        let restNode = Node.seq(Array(parts.dropFirst()))
        return .seq([
            .display("left-margin", layoutDecorate(parts[0], first)),
            .display("right-inline", trimTrailing(layoutDecorate(restNode, rest))),
        ])
    }

    /// Removes trailing spaces of the last text leaf, which citeproc-js drops at the end of a block.
    private func trimTrailing(_ node: Node) -> Node {
        var leaves = 0
        _ = node.mapText { s, _ in
            if !s.isEmpty { leaves += 1 }
            return s
        }
        var seen = 0
        return node.mapText { s, _ in
            if s.isEmpty { return s }
            seen += 1
            return seen == leaves ? String(s.reversed().drop { $0 == " " }.reversed()) : s
        }
    }

    /// Establishes registry order, bibliography order, citation numbers and disambiguation.
    func prepare(clusters: [CSLCluster]) {
        var seen = Set<String>()
        var order: [String] = []
        for cluster in clusters {
            for cite in cluster.cites where !seen.contains(cite.id) {
                seen.insert(cite.id)
                order.append(cite.id)
            }
        }
        let cited = order
        for item in items where !seen.contains(item.id) {
            seen.insert(item.id)
            order.append(item.id)
        }
        // With citations, the bibliography lists only what was cited.
        registry = clusters.isEmpty || cited.isEmpty ? order : cited
        for (i, id) in registry.enumerated() { citationNumbers[id] = i + 1 }
        bibliographyOrder = registry
        if let bib = style.bibliography, !bib.sort.isEmpty {
            bibliographyOrder = sortItems(registry, keys: bib.sort, section: bib)
            if !bib.sort.contains(where: { $0.variable == "citation-number" }) {
                for (i, id) in bibliographyOrder.enumerated() { citationNumbers[id] = i + 1 }
            }
        }
        disambiguate(citedIDs: clusters.isEmpty ? registry : cited)
    }
}
