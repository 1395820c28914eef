import Foundation

extension CSLProcessor {
    func context(for pc: PositionedCite) -> CiteContext {
        var ctx = CiteContext(item: pc.item, cite: pc.cite, mode: .citation)
        ctx.position = pc.position
        ctx.nearNote = pc.nearNote
        ctx.firstNoteNumber = pc.firstNoteNumber
        ctx.citationNumber = citationNumbers[pc.item.id]
        ctx.disambiguation = disambiguation[pc.item.id] ?? DisambiguationState()
        ctx.suppressAuthor = pc.cite.suppressAuthor ?? false
        return ctx
    }

    /// Renders one cite's layout content, without the cite's own prefix and suffix.
    func renderCite(_ pc: PositionedCite, suppressAuthor: Bool? = nil) -> Node {
        var ctx = context(for: pc)
        if let s = suppressAuthor { ctx.suppressAuthor = s }
        let node = renderer.renderLayout(ctx, section: style.citation)
        if pc.cite.authorOnly == true { return node.find(.names) ?? .empty }
        return node
    }

    /// Layout affixes sit inside the layout's formatting, unlike other elements.
    func layoutDecorate(_ node: Node, _ d: Decoration) -> Node {
        var affixes = d
        affixes.formatting = Formatting()
        var formatting = Decoration()
        formatting.formatting = d.formatting
        return renderer.decorate(renderer.decorate(node, affixes), formatting)
    }

    /// Joins cites; a cite whose prefix starts with punctuation replaces the delimiter.
    func joinCites(_ cites: [(Node, CSLCite)], _ delimiter: String) -> Node {
        var out: [Node] = []
        var previousSuffix = ""
        for (node, cite) in cites where !node.isEmpty {
            if !out.isEmpty {
                let p = cite.prefix ?? ""
                if let first = p.first, ",;.".contains(first) {
                    // The prefix supplies its own punctuation.
                } else if let last = previousSuffix.last, ",;.".contains(last), let d = delimiter.first, ",;".contains(d) {
                    out.append(.text(String(delimiter.dropFirst())))
                } else {
                    out.append(.text(delimiter))
                }
            }
            previousSuffix = (cite.suffix ?? "").trimmingCharacters(in: .whitespaces)
            out.append(node)
        }
        return .seq(out)
    }

    /// A term opening a cite is capitalized when the cite starts a sentence (no prefix, or a sentence-ending one).
    func capitalizingLeadingTerm(_ node: Node, _ cite: CSLCite, first: Bool) -> Node {
        guard style.styleClass == "note", node.startsWithTagged(.term) else { return node }
        let closers = CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\u{201D}\u{2019}\")"))
        let prefix = (cite.prefix ?? "").trimmingCharacters(in: closers)
        let startsSentence: Bool
        if prefix.isEmpty {
            startsSentence = first
        } else {
            startsSentence = [".", "!", "?"].contains(prefix.last ?? " ") && prefix.contains(" ")
        }
        guard startsSentence else { return node }
        return node.mapLeadingText { s in s.prefix(1).uppercased() + s.dropFirst() }
    }

    func withAffixes(_ node: Node, _ cite: CSLCite) -> Node {
        var parts: [Node] = []
        if let p = cite.prefix, !p.isEmpty { parts.append(.tagged(.userText, InlineMarkup.parse(p, quotes: false))) }
        parts.append(node)
        if let s = cite.suffix, !s.isEmpty { parts.append(.tagged(.userText, InlineMarkup.parse(s, quotes: false))) }
        return parts.count == 1 ? node : .seq(parts)
    }

    func renderCluster(_ pcl: PositionedCluster) -> String {
        var cites = pcl.cites
        let section = style.citation
        if !section.sort.isEmpty {
            let order = sortItems(cites.map(\.item.id), keys: section.sort, section: section, cites: cites)
            var remaining = cites
            cites = order.compactMap { id in
                guard let i = remaining.firstIndex(where: { $0.item.id == id }) else { return nil }
                return remaining.remove(at: i)
            }
        }
        let delimiter = section.delimiter
        let collapse = section.attributes["collapse"]
        var body: Node
        if collapse == "citation-number" {
            body = collapseNumbers(cites, delimiter: delimiter)
        } else if collapse?.hasPrefix("year") == true || section.attributes["cite-group-delimiter"] != nil {
            body = collapseByAuthor(cites, delimiter: delimiter, mode: collapse)
        } else {
            body = joinCites(
                cites.enumerated().map { i, c in
                    (withAffixes(capitalizingLeadingTerm(renderCite(c), c.cite, first: i == 0), c.cite), c.cite)
                }, delimiter)
        }
        if body.isEmpty { return "[CSL STYLE ERROR: reference with no printed form.]" }
        return serializer.serialize(layoutDecorate(body, section.decoration))
    }

    private func collapseNumbers(_ cites: [PositionedCite], delimiter: String) -> Node {
        var nodes: [Node] = []
        var i = 0
        let plain = cites.map { $0.cite.locator == nil && $0.cite.prefix == nil && $0.cite.suffix == nil }
        while i < cites.count {
            var j = i
            if plain[i], let n = citationNumbers[cites[i].item.id] {
                while j + 1 < cites.count, plain[j + 1], citationNumbers[cites[j + 1].item.id] == n + (j + 1 - i) { j += 1 }
            }
            if j - i >= 2 {
                nodes.append(.seq([renderCite(cites[i]), .text("\u{2013}"), renderCite(cites[j])]))
            } else {
                for k in i...j { nodes.append(withAffixes(renderCite(cites[k]), cites[k].cite)) }
            }
            i = j + 1
        }
        return joinCollapsed(nodes.map { ($0, false) }, delimiter: delimiter)
    }

    private func joinCollapsed(_ nodes: [(Node, Bool)], delimiter: String) -> Node {
        let after = style.citation.attributes["after-collapse-delimiter"] ?? delimiter
        var out: [Node] = []
        var previousCollapsed = false
        for (n, collapsed) in nodes where !n.isEmpty {
            if !out.isEmpty { out.append(.text(previousCollapsed ? after : delimiter)) }
            out.append(n)
            previousCollapsed = collapsed
        }
        return .seq(out)
    }

    private func authorKey(_ pc: PositionedCite) -> String {
        var ctx = context(for: pc)
        ctx.suppressAuthor = false
        let node = renderer.renderLayout(ctx, section: style.citation)
        return node.find(.names).map { serializer.serialize($0) } ?? ""
    }

    private func collapseByAuthor(_ cites: [PositionedCite], delimiter: String, mode: String?) -> Node {
        // Group cites by author, keeping the position of each group's first cite.
        var groups: [(key: String, cites: [PositionedCite])] = []
        for c in cites {
            let key = authorKey(c)
            if let gi = groups.firstIndex(where: { $0.key == key }) {
                groups[gi].cites.append(c)
            } else {
                groups.append((key, [c]))
            }
        }
        let attrs = style.citation.attributes
        let suffixMode = mode == "year-suffix" || mode == "year-suffix-ranged"
        let suffixDelimiter = attrs["year-suffix-delimiter"] ?? attrs["cite-group-delimiter"] ?? delimiter
        let afterCollapse = attrs["after-collapse-delimiter"] ?? delimiter
        var nodes: [(Node, Bool)] = []
        for g in groups {
            if g.cites.count == 1 {
                for c in g.cites { nodes.append((withAffixes(renderCite(c), c.cite), false)) }
                continue
            }
            // Runs of same-year cites: the first printed in full, the rest reduced to their year-suffix.
            struct Run {
                var head: Node
                var numbers: [Int]
                var suffixes: [Node]
                var last: PositionedCite
            }
            var runs: [Run] = []
            var previousYear: String?
            var previousCollapsible = false
            for (i, c) in g.cites.enumerated() {
                let yearKey = yearText(c)
                let number = disambiguation[c.item.id]?.yearSuffix
                let collapsible =
                    suffixMode && c.cite.locator == nil && c.cite.prefix == nil && c.cite.suffix == nil
                    && number != nil
                if i > 0, collapsible, previousCollapsible, yearKey == previousYear, let number, var run = runs.popLast(),
                    let suffix = renderCite(c, suppressAuthor: true).find(.yearSuffix)
                {
                    run.numbers.append(number)
                    run.suffixes.append(suffix)
                    run.last = c
                    runs.append(run)
                } else {
                    let full = withAffixes(renderCite(c, suppressAuthor: i > 0 && mode != nil ? true : nil), c.cite)
                    runs.append(Run(head: full, numbers: number.map { [$0] } ?? [], suffixes: [], last: c))
                }
                previousYear = yearKey
                previousCollapsible = collapsible
            }
            var seq: [Node] = []
            runs.removeAll { $0.head.isEmpty }
            for (k, run) in runs.enumerated() {
                if k > 0 {
                    let prev = runs[k - 1].last.cite
                    // After a run of year-suffixed cites the layout delimiter separates years; otherwise a comma.
                    let hadSuffix = disambiguation[runs[k - 1].last.item.id]?.yearSuffix != nil
                    let between = attrs["cite-group-delimiter"] ?? (suffixMode && hadSuffix ? delimiter : ", ")
                    seq.append(.text(prev.locator != nil || prev.suffix != nil ? afterCollapse : between))
                }
                seq.append(
                    renderRun(
                        run.head, run.numbers, run.suffixes, ranged: mode == "year-suffix-ranged",
                        delimiter: suffixDelimiter))
            }
            nodes.append((.seq(seq), mode != nil))
        }
        return joinCollapsed(nodes, delimiter: delimiter)
    }

    /// Prints "2000a, b" or, when ranged, "2000a–c" for three or more consecutive suffixes.
    private func renderRun(_ head: Node, _ numbers: [Int], _ suffixes: [Node], ranged: Bool, delimiter: String) -> Node {
        guard !suffixes.isEmpty else { return head }
        let items = [head] + suffixes
        var out: [Node] = []
        var i = 0
        while i < items.count {
            var j = i
            if ranged && numbers.count == items.count {
                while j + 1 < items.count && numbers[j + 1] == numbers[j] + 1 { j += 1 }
            }
            if !out.isEmpty { out.append(.text(delimiter)) }
            if j - i >= 2 {
                out.append(contentsOf: [items[i], .text("\u{2013}"), items[j]])
            } else {
                out.append(items[i])
                j = i
            }
            i = j + 1
        }
        return .seq(out)
    }

    /// The cite rendered without author and year-suffix, to tell whether two cites share a year.
    private func yearText(_ pc: PositionedCite) -> String? {
        var ctx = context(for: pc)
        ctx.suppressAuthor = true
        ctx.disambiguation.yearSuffix = nil
        let node = renderer.renderLayout(ctx, section: style.citation)
        return node.isEmpty ? nil : serializer.serialize(node)
    }
}
