import Foundation

extension Renderer {
    /// Effective `<name>` options after inheritance from section and style.
    func nameOptions(for element: NameElement?) -> NameOptions {
        (element?.options ?? NameOptions()).inheriting(section.nameOptions).inheriting(style.nameOptions)
    }

    func renderNames(_ el: NamesElement) -> Node {
        var names = el
        if let parent = substituteParent, names.name == nil {
            names.name = parent.name
            if names.etAl == nil { names.etAl = parent.etAl }
            if names.label == nil {
                names.label = parent.label
                names.labelBeforeName = parent.labelBeforeName
            }
        }
        let nameEl = names.name ?? NameElement(options: NameOptions(), decoration: Decoration(), familyPart: nil, givenPart: nil)
        let options = nameOptions(for: names.name)
        var variables = names.variables.filter { !suppressed.contains($0) }
        varsCalled += max(variables.count, 1)
        var lists: [(variable: String, names: [CSLName])] = []
        if variables.contains("editor") && variables.contains("translator"), let ed = ctx.item.names["editor"],
            ed == ctx.item.names["translator"], !ed.isEmpty,
            names.label == nil || !(locale.term("editortranslator", form: names.label?.form ?? "long") ?? "").isEmpty
        {
            variables.removeAll { $0 == "translator" }
            if let i = variables.firstIndex(of: "editor") { variables[i] = "editortranslator" }
        }
        for v in variables {
            let source = v == "editortranslator" ? "editor" : v
            if let list = ctx.item.names[source], !list.isEmpty { lists.append((v, list)) }
        }
        if lists.isEmpty {
            return substitute(names)
        }
        varsRendered += 1
        if substituteParent != nil {
            // Inside <substitute>, a variable printed once must not print again later in the same cite.
            for l in lists { suppressed.insert(l.variable == "editortranslator" ? "editor" : l.variable) }
        }
        for l in lists {
            renderedNameVariables.insert(l.variable == "editortranslator" ? "editor" : l.variable)
            if l.variable == "editortranslator" { renderedNameVariables.insert("translator") }
        }
        if suppressNextNames {
            suppressNextNames = false
            for l in lists { suppressed.insert(l.variable) }
            return .empty
        }
        if options.form == "count" {
            let total = lists.reduce(0) { $0 + truncatedCount($1.names, options) }
            return total == 0 ? .empty : decorate(.text(String(total)), names.decoration)
        }
        var rendered: [Node] = []
        for l in lists {
            var nameList = nameListNode(l.names, nameEl, options, etAl: names.etAl)
            nameList = decorate(nameList, nameEl.decoration)
            nameList = .tagged(.nameList, nameList)
            if let label = names.label, ctx.mode != .sortKey {
                var lab = label
                lab.variable = l.variable
                let labelNode = renderLabel(lab, names: l.names)
                nameList = names.labelBeforeName ? .seq([labelNode, nameList]) : .seq([nameList, labelNode])
            }
            rendered.append(nameList)
        }
        let delimiter = names.delimiter ?? section.namesDelimiter ?? style.attributes["names-delimiter"] ?? ""
        return .tagged(.names, decorate(Node.join(rendered, delimiter), names.decoration))
    }

    private func substitute(_ names: NamesElement) -> Node {
        guard let subs = names.substitute else { return .empty }
        let savedParent = substituteParent
        substituteParent = names
        defer { substituteParent = savedParent }
        for element in subs {
            let before = renderedNameVariables
            let beforeCalled = varsCalled
            let beforeRendered = varsRendered
            let snapshotVars = renderedTextVariables
            let node = render(element)
            if !node.isEmpty {
                for v in renderedNameVariables.subtracting(before) { suppressed.insert(v) }
                for v in renderedTextVariables.subtracting(snapshotVars) { suppressed.insert(v) }
                return .tagged(.names, decorate(node, names.decoration))
            }
            varsCalled = beforeCalled
            varsRendered = beforeRendered
        }
        return .empty
    }

    /// The et-al limits for the current position, honouring sort-key overrides.
    private func etAlLimits(_ o: NameOptions) -> (min: Int?, useFirst: Int?, useLast: Bool) {
        var minimum = o.etAlMin
        var useFirst = o.etAlUseFirst
        if ctx.mode == .citation && ctx.position >= .subsequent {
            minimum = o.etAlSubsequentMin ?? minimum
            useFirst = o.etAlSubsequentUseFirst ?? useFirst
        }
        if let m = ctx.namesMinOverride { minimum = m }
        if let f = ctx.namesUseFirstOverride { useFirst = f }
        return (minimum, useFirst, ctx.namesUseLastOverride ?? o.etAlUseLast ?? false)
    }

    func truncatedCount(_ list: [CSLName], _ o: NameOptions) -> Int {
        let limits = etAlLimits(o)
        if let m = limits.min, let f = limits.useFirst, list.count >= m {
            return min(list.count, f + ctx.disambiguation.addNames)
        }
        return list.count
    }

    func nameListNode(
        _ list: [CSLName], _ el: NameElement, _ o: NameOptions,
        etAl: (term: String, decoration: Decoration)?
    ) -> Node {
        let limits = etAlLimits(o)
        var shown = list
        var truncated = false
        if let m = limits.min, let f = limits.useFirst, list.count >= m, f + ctx.disambiguation.addNames < list.count {
            shown = Array(list.prefix(max(f + ctx.disambiguation.addNames, 0)))
            truncated = true
        }
        if shown.isEmpty { return .empty }
        let formatter = NameFormatter(
            options: o, familyPart: el.familyPart, givenPart: el.givenPart,
            demote: style.attributes["demote-non-dropping-particle"] ?? "display-and-sort",
            initializeHyphen: style.attributes["initialize-with-hyphen"] != "false",
            decorate: { [unowned self] n, d in self.decorate(n, d) })
        let sortAll = ctx.mode == .sortKey
        var nodes: [Node] = []
        var invertedFlags: [Bool] = []
        for (i, name) in shown.enumerated() {
            let inverted = sortAll || o.nameAsSortOrder == "all" || (o.nameAsSortOrder == "first" && i == 0)
            invertedFlags.append(inverted && name.literal == nil && name.given != nil)
            let level = ctx.disambiguation.givenLevels[name] ?? 0
            nodes.append(formatter.format(name, inverted: inverted, givenLevel: level, forSort: sortAll))
        }
        let delimiter = o.delimiter ?? ", "
        let andWord: String? =
            switch o.and {
            case "text": locale.term("and") ?? "and"
            case "symbol": "&"
            default: nil
            }
        var out: [Node] = []
        for (i, n) in nodes.enumerated() {
            if i > 0 {
                let isLast = i == nodes.count - 1
                if isLast && !truncated, let andWord, ctx.mode != .sortKey {
                    let precedes: Bool
                    switch o.delimiterPrecedesLast ?? "contextual" {
                    case "always": precedes = true
                    case "never": precedes = false
                    case "after-inverted-name": precedes = invertedFlags[i - 1]
                    default: precedes = nodes.count >= 3
                    }
                    out.append(.text(precedes ? delimiter : " "))
                    out.append(.text(andWord + " "))
                } else {
                    out.append(.text(delimiter))
                }
            }
            out.append(n)
        }
        if truncated {
            if limits.useLast && list.count >= shown.count + 2, let last = list.last {
                out.append(.text(delimiter + "\u{2026} "))
                let inverted = sortAll || o.nameAsSortOrder == "all"
                out.append(formatter.format(last, inverted: inverted, givenLevel: ctx.disambiguation.givenLevels[last] ?? 0))
            } else if ctx.mode != .sortKey {
                let term = locale.term(etAl?.term ?? "et-al") ?? "et al."
                if !term.isEmpty {
                    let precedes: Bool
                    switch o.delimiterPrecedesEtAl ?? "contextual" {
                    case "always": precedes = true
                    case "never": precedes = false
                    case "after-inverted-name": precedes = invertedFlags.last ?? false
                    default: precedes = shown.count >= 2
                    }
                    out.append(.text(precedes ? delimiter : " "))
                    var termNode = InlineMarkup.parse(term)
                    if let d = etAl?.decoration { termNode = decorate(termNode, d) }
                    out.append(termNode)
                }
            }
        }
        return .seq(out)
    }
}
