import DocumentStore

/// Tab completion: command names, subcommands, options, option values and document
/// references, for the word under the cursor.
public struct Completer: Sendable {
    let context: CommandContext

    public init(context: CommandContext) {
        self.context = context
    }

    /// The words that may replace the word being typed at the end of `line` (the text
    /// before the cursor), sorted; empty when there is nothing to offer.
    public func completions(for line: String) -> [String] {
        guard let words = try? LineTokenizer.words(line, allowUnclosed: true) else { return [] }
        let endsWithSpace = line.last?.isWhitespace ?? true
        let current = endsWithSpace ? "" : (words.last?.text ?? "")
        let before = endsWithSpace ? words.map(\.text) : words.dropLast().map(\.text)

        guard let name = before.first else {
            return matching(context.registry.names, current)
        }
        guard let entry = context.registry.entry(named: name) else { return [] }
        var leaf = entry.signature
        var rest = before.dropFirst()
        while let word = rest.first, let next = leaf.subcommand(named: word) {
            leaf = next
            rest = rest.dropFirst()
        }
        // The value of an option just typed.
        if let previous = rest.last, let option = leaf.option(named: previous), !option.flag {
            return matching(option.choices, current)
        }
        if current.hasPrefix("-") {
            let names = (leaf.options + Invocation.sharedOptions).flatMap(\.names).filter { $0.hasPrefix("--") }
            return matching(names, current)
        }
        var candidates: [String] = []
        if rest.isEmpty, !leaf.subcommands.isEmpty {
            candidates = matching(leaf.subcommands.map(\.name), current)
            // A group that runs a default subcommand (`note 3 …`) also takes what it takes.
            guard let name = leaf.defaultSubcommand, let fallback = leaf.subcommand(named: name) else { return candidates }
            leaf = fallback
        }
        if leaf.arguments.contains(where: \.isReference) {
            candidates += references(current)
        } else if leaf.arguments.contains(where: \.isSession) {
            // Spaces escaped, so that the name stays one word.
            candidates += matching(context.sessions.names().map { $0.replacingOccurrences(of: " ", with: "\\ ") }, current)
        }
        return candidates
    }

    private func references(_ prefix: String) -> [String] {
        var candidates: [String] = []
        if let results = context.lastResults {
            candidates += results.indices.map { String($0 + context.lastResultsStart) }
        }
        if !prefix.isEmpty, prefix.first?.isNumber == false {
            candidates += (try? context.store.ids(withPrefix: prefix, limit: 200)) ?? []
        }
        return matching(candidates, prefix)
    }

    private func matching(_ candidates: [String], _ prefix: String) -> [String] {
        var seen = Set<String>()
        return candidates.filter { $0.hasPrefix(prefix) && seen.insert($0).inserted }
            .sorted { ($0.count, $0) < ($1.count, $1) }
    }
}
