import Foundation

extension CSLProcessor {
    /// The plain text of an item's first-position cite, the thing readers would confuse.
    func ambiguityKey(_ id: String, _ state: DisambiguationState) -> String {
        guard let item = itemsByID[id] else { return id }
        var ctx = CiteContext(item: item, cite: CSLCite(id: id), mode: .citation)
        ctx.citationNumber = citationNumbers[id]
        ctx.disambiguation = state
        // Styles that shorten later cites with et-al-subsequent must stay unambiguous in that shorter form too.
        let o = style.citation.nameOptions.inheriting(style.nameOptions)
        if o.etAlSubsequentMin != nil || o.etAlSubsequentUseFirst != nil { ctx.position = .subsequent }
        let node = renderer.renderLayout(ctx, section: style.citation)
        // Spacing alone ("J.J." vs "J. J.") does not tell readers two works apart.
        return node.plainText.filter { !$0.isWhitespace }
    }

    /// Runs add-names, add-givenname, the disambiguate condition and add-year-suffix, in spec order.
    func disambiguate(citedIDs: [String]) {
        let attrs = style.citation.attributes
        let addNames = attrs["disambiguate-add-names"] == "true"
        let addGiven = attrs["disambiguate-add-givenname"] == "true"
        let addYear = attrs["disambiguate-add-year-suffix"] == "true"
        let rule = attrs["givenname-disambiguation-rule"] ?? "by-cite"
        disambiguation = [:]
        let ids = citedIDs
        for id in ids { disambiguation[id] = DisambiguationState() }
        if addGiven && rule != "by-cite" { applyGlobalGivenNames(ids, rule: rule) }
        func groups(_ members: [String]) -> [[String]] {
            var byKey: [String: [String]] = [:]
            var order: [String] = []
            for id in members {
                let k = ambiguityKey(id, disambiguation[id] ?? DisambiguationState())
                if byKey[k] == nil { order.append(k) }
                byKey[k, default: []].append(id)
            }
            return order.compactMap { byKey[$0] }.filter { $0.count > 1 }
        }
        for group in groups(ids) {
            var open = group
            if addNames {
                let maxNames = open.compactMap { itemsByID[$0]?.names.values.map(\.count).max() }.max() ?? 0
                // With add-givenname, judge added names as if their given names were spelled out.
                let saved = disambiguation
                if addGiven {
                    for id in open {
                        for list in itemsByID[id]?.names.values.map({ $0 }) ?? [] {
                            for n in list { disambiguation[id]?.givenLevels[n] = rule.hasSuffix("with-initials") ? 1 : 2 }
                        }
                    }
                }
                var best: [String: (k: Int, c: Int)] = [:]
                for (id, c) in confusion(open) { best[id] = (0, c) }
                if maxNames > 0 {
                    for k in 1...maxNames {
                        for id in open { disambiguation[id]?.addNames = k }
                        for (id, c) in confusion(open) where c < (best[id]?.c ?? Int.max) { best[id] = (k, c) }
                    }
                }
                for id in open {
                    disambiguation[id] = saved[id]
                    disambiguation[id]?.addNames = best[id]?.k ?? 0
                }
                let now = confusion(open)
                open = open.filter { (now[$0] ?? 0) > 0 }
            }
            if addGiven && !open.isEmpty {
                open = expandGivenNames(open, rule: rule)
            }
            if !open.isEmpty {
                for id in open { disambiguation[id]?.conditionFlag = true }
                let stillOpen = groups(open)
                if addYear {
                    for sub in stillOpen {
                        let ordered = sub.sorted {
                            (bibliographyOrder.firstIndex(of: $0) ?? 0) < (bibliographyOrder.firstIndex(of: $1) ?? 0)
                        }
                        for (i, id) in ordered.enumerated() { disambiguation[id]?.yearSuffix = i + 1 }
                    }
                }
            }
        }
    }

    /// For each id, how many other ids in `members` still render identically.
    private func confusion(_ members: [String]) -> [String: Int] {
        var keys: [String: String] = [:]
        for id in members { keys[id] = ambiguityKey(id, disambiguation[id] ?? DisambiguationState()) }
        var counts: [String: Int] = [:]
        for id in members { counts[id] = members.filter { $0 != id && keys[$0] == keys[id] }.count }
        return counts
    }

    /// Expands given names step by step, keeping only expansions that reduce a cite's ambiguity.
    private func expandGivenNames(_ members: [String], rule: String) -> [String] {
        var open = members
        let maxLevel = rule.hasSuffix("with-initials") ? 1 : 2
        let maxIndex = open.compactMap { itemsByID[$0]?.names.values.map(\.count).max() }.max() ?? 0
        let limit = rule.hasPrefix("primary-name") ? min(1, maxIndex) : maxIndex
        var current = confusion(open)
        for index in 0..<limit {
            for level in 1...maxLevel {
                guard !open.isEmpty else { return [] }
                let snapshot = disambiguation
                for id in open {
                    guard let item = itemsByID[id] else { continue }
                    for list in item.names.values where index < list.count {
                        let name = list[index]
                        if (disambiguation[id]?.givenLevels[name] ?? 0) < level { disambiguation[id]?.givenLevels[name] = level }
                    }
                }
                let after = confusion(open)
                for id in open where (after[id] ?? 0) >= (current[id] ?? 0) {
                    disambiguation[id] = snapshot[id]
                }
                current = confusion(open)
                open = open.filter { (current[$0] ?? 0) > 0 }
            }
        }
        return open
    }

    /// all-names / primary-name rules: expand every name that clashes with another cited name.
    private func applyGlobalGivenNames(_ ids: [String], rule: String) {
        let primaryOnly = rule.hasPrefix("primary-name")
        let maxLevel = rule.hasSuffix("with-initials") ? 1 : 2
        var all: [(String, CSLName)] = []
        for id in ids {
            guard let item = itemsByID[id] else { continue }
            for list in item.names.values {
                for (i, n) in list.enumerated() where !primaryOnly || i == 0 { all.append((id, n)) }
            }
        }
        func familyKey(_ n: CSLName) -> String { (n.nonDroppingParticle ?? "") + "|" + (n.family ?? n.literal ?? "") }
        func initials(_ n: CSLName) -> String {
            let parts = (n.given ?? "").split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "." })
            return parts.compactMap(\.first).map(String.init).joined()
        }
        for (id, name) in all {
            let clashes = all.filter {
                familyKey($0.1) == familyKey(name) && $0.1 != name && ($0.1.given ?? "") != (name.given ?? "")
            }
            guard !clashes.isEmpty else { continue }
            let initialsDiffer = clashes.allSatisfy { initials($0.1) != initials(name) }
            // Expanding to initials that are the same anyway would only add noise.
            if !initialsDiffer && maxLevel == 1 { continue }
            let level = initialsDiffer ? 1 : maxLevel
            if (disambiguation[id]?.givenLevels[name] ?? 0) < level { disambiguation[id]?.givenLevels[name] = level }
        }
    }
}
