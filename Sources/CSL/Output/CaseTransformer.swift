import Foundation

/// Applies CSL text-case to a node tree while leaving `nocase` text alone.
enum CaseTransformer {
    static let stopWords: Set<String> = [
        "a", "an", "and", "as", "at", "but", "by", "down", "for", "from", "in", "into", "nor", "of", "on", "onto",
        "or", "over", "so", "the", "till", "to", "up", "via", "with", "yet", "about", "against", "among", "between",
        "de", "d'", "von", "van", "vs.", "v.", "amid", "around", "before", "behind", "beyond", "despite",
        "except", "near", "off", "out", "per", "than", "through", "toward", "under", "upon", "versus", "within", "without",
    ]

    static func apply(_ textCase: TextCase, to node: Node, language: String) -> Node {
        if textCase == .title && !isEnglish(language) { return node }
        var leaves: [(String, Bool)] = []
        _ = node.mapText { s, p in
            leaves.append((s, p))
            return s
        }
        var chars: [Character] = []
        var mask: [Bool] = []
        for (s, p) in leaves {
            chars += Array(s)
            mask += Array(repeating: p, count: s.count)
        }
        let mapped = transform(textCase, chars, mask, Locale(identifier: language))
        var index = 0
        return node.mapText { s, _ in
            let n = s.count
            let piece = mapped[index..<(index + n)].joined()
            index += n
            return piece
        }
    }

    static func isEnglish(_ language: String) -> Bool {
        let l = language.lowercased()
        guard l.hasPrefix("en") else { return false }
        let rest = l.dropFirst(2)
        return rest.first.map { !$0.isLetter } ?? true
    }

    private static func transform(_ tc: TextCase, _ chars: [Character], _ mask: [Bool], _ locale: Locale) -> [String] {
        var out = chars.map { String($0) }
        // Casing follows the item's language (Turkish dotted İ and similar).
        func setUpper(_ i: Int) { if !mask[i] { out[i] = String(chars[i]).uppercased(with: locale) } }
        func setLower(_ i: Int) { if !mask[i] { out[i] = String(chars[i]).lowercased(with: locale) } }
        // Word ranges (space separated).
        var words: [Range<Int>] = []
        var start: Int?
        for (i, c) in chars.enumerated() {
            if c == " " || c == "\u{00A0}" {
                if let s = start {
                    words.append(s..<i)
                    start = nil
                }
            } else if start == nil {
                start = i
            }
        }
        if let s = start { words.append(s..<chars.count) }
        func firstLetter(_ r: Range<Int>) -> Int? { r.first { chars[$0].isLetter } }
        switch tc {
        case .lowercase:
            for i in chars.indices { setLower(i) }
        case .uppercase:
            for i in chars.indices { setUpper(i) }
        case .capitalizeFirst:
            if let w = words.first(where: { firstLetter($0) != nil }), let f = firstLetter(w) { setUpper(f) }
        case .capitalizeAll:
            for w in words { if let f = firstLetter(w) { setUpper(f) } }
        case .sentence:
            for i in chars.indices { setLower(i) }
            if let w = words.first(where: { firstLetter($0) != nil }), let f = firstLetter(w) { setUpper(f) }
        case .title:
            var afterColon = true
            for (wi, w) in words.enumerated() {
                let word = String(chars[w])
                let isLast = wi == words.count - 1
                // Sub-words split on hyphens and slashes are cased independently ("Out-of-Fashion").
                var subStart = w.lowerBound
                var subIndex = 0
                for i in w.lowerBound...w.upperBound {
                    guard i == w.upperBound || "-/\u{2013}\u{2014}".contains(chars[i]) else { continue }
                    let sub = subStart..<i
                    defer {
                        subStart = i + 1
                        subIndex += 1
                    }
                    guard !sub.isEmpty else { continue }
                    var lead = sub.lowerBound
                    while lead < sub.upperBound && !chars[lead].isLetter && !chars[lead].isNumber { lead += 1 }
                    guard lead < sub.upperBound, chars[lead].isLetter else { continue }
                    let letters = sub.filter { chars[$0].isLetter }
                    guard letters.allSatisfy({ chars[$0].isLowercase }) else { continue }
                    // A lone letter joined by a hyphen ("β-carotene", "07-x") is a symbol, not a word.
                    if letters.count == 1 && sub.count < w.count { continue }
                    let bare = String(chars[sub]).trimmingCharacters(in: .punctuationCharacters).lowercased()
                    let edge = (afterColon && subIndex == 0) || (isLast && i == w.upperBound)
                    if edge || !stopWords.contains(bare) { setUpper(lead) }
                }
                if let last = word.last {
                    afterColon = last == ":" || last == "?" || last == "!" || last == "." && word.count > 2
                }
            }
        }
        return out
    }
}
