import Foundation

/// A comparable value of one sort key.
enum SortValue {
    case empty
    case number(Double)
    case text(String)
}

extension CSLProcessor {
    private static let numericVariables: Set<String> = [
        "citation-number", "volume", "issue", "number", "edition", "page", "number-of-pages", "number-of-volumes",
        "chapter-number", "collection-number", "locator", "first-reference-note-number", "part-number",
    ]

    /// Sorts item ids by `keys`; ties keep their incoming order.
    func sortItems(_ ids: [String], keys: [SortKey], section: LayoutSection, cites: [PositionedCite]? = nil) -> [String] {
        let values: [[SortValue]] = ids.enumerated().map { idx, id in
            guard let item = itemsByID[id] else { return [] }
            return keys.map { sortValue(item, $0, section: section, cite: cites?[idx]) }
        }
        let order = ids.indices.sorted { a, b in
            for (k, key) in keys.enumerated() {
                let c = compare(values[a][k], values[b][k])
                if c != 0 {
                    if case .empty = values[a][k] { return false }
                    if case .empty = values[b][k] { return true }
                    return key.ascending ? c < 0 : c > 0
                }
            }
            return a < b
        }
        return order.map { ids[$0] }
    }

    private func compare(_ a: SortValue, _ b: SortValue) -> Int {
        switch (a, b) {
        case (.empty, .empty): return 0
        case (.empty, _): return 1
        case (_, .empty): return -1
        case let (.number(x), .number(y)): return x < y ? -1 : (x > y ? 1 : 0)
        case let (.text(x), .text(y)):
            switch x.compare(y, options: [.caseInsensitive, .diacriticInsensitive]) {
            case .orderedAscending: return -1
            case .orderedDescending: return 1
            case .orderedSame: return x < y ? -1 : (x > y ? 1 : 0)
            }
        case (.number, .text): return -1
        case (.text, .number): return 1
        }
    }

    private func sortValue(_ item: CSLItem, _ key: SortKey, section: LayoutSection, cite: PositionedCite?) -> SortValue {
        var ctx = CiteContext(item: item, cite: cite?.cite, mode: .sortKey)
        ctx.citationNumber = citationNumbers[item.id]
        ctx.disambiguation = disambiguation[item.id] ?? DisambiguationState()
        // Names added for disambiguation must not change where an entry sorts.
        ctx.disambiguation.addNames = 0
        ctx.namesMinOverride = key.namesMin
        ctx.namesUseFirstOverride = key.namesUseFirst
        ctx.namesUseLastOverride = key.namesUseLast
        if let macro = key.macro {
            guard let elements = style.macros[macro] else { return .empty }
            renderer.reset(ctx, section: section)
            let node = Node.join(elements.map(renderer.render), "")
            let text = Self.sortText(node.plainText)
            return text.isEmpty ? .empty : .text(text)
        }
        guard let variable = key.variable else { return .empty }
        if let date = item.dates[variable] {
            return .text(Self.dateKey(date))
        }
        if item.names[variable] != nil {
            let names = NamesElement(
                variables: [variable], name: nil, etAl: nil, label: nil, labelBeforeName: false,
                substitute: nil, delimiter: nil, decoration: Decoration())
            renderer.reset(ctx, section: section)
            let text = Self.sortText(renderer.renderNames(names).plainText)
            return text.isEmpty ? .empty : .text(text)
        }
        if variable == "citation-number", let n = citationNumbers[item.id] { return .number(Double(n)) }
        renderer.reset(ctx, section: section)
        guard let raw = renderer.variableText(variable) else { return .empty }
        if Self.numericVariables.contains(variable), let pieces = NumberFormatting.pieces(raw),
            case .number(_, let v, _) = pieces.first
        {
            return .number(Double(v))
        }
        let text = Self.sortText(InlineMarkup.parse(raw).plainText)
        return text.isEmpty ? .empty : .text(text)
    }

    static func dateKey(_ d: CSLDate) -> String {
        func part(_ p: CSLDateParts) -> String {
            let y = (p.year ?? 0) + 10000
            return String(format: "%05d%02d%02d", y, min(p.month ?? 0, 99), p.day ?? 0)
        }
        return part(d.from) + (d.to.map(part) ?? "")
    }

    /// Drops quotes and markup punctuation that should not influence ordering.
    static func sortText(_ s: String) -> String {
        let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}"]
        let kept = s.unicodeScalars.filter {
            !CharacterSet.punctuationCharacters.contains($0) || $0 == "-" || apostrophes.contains($0)
        }
        // Elided particles ("d’Wander") sort by their apostrophe, but a leading one ("’t Horvath") is ignored.
        let text = String(String.UnicodeScalarView(kept)).trimmingCharacters(in: .whitespaces)
        let trimmed = String(text.drop { $0 == "'" || $0 == "\u{2019}" })
        return trimmed.replacingOccurrences(of: "\u{2019}", with: " ").replacingOccurrences(of: "'", with: " ")
    }
}
