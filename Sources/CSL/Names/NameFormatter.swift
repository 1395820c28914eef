import Foundation

/// Formats a single name according to `<name>` options and name-part decorations.
struct NameFormatter {
    var options: NameOptions
    var familyPart: Decoration?
    var givenPart: Decoration?
    var demote: String
    var initializeHyphen: Bool
    var decorate: (Node, Decoration) -> Node

    /// Formats `name`; `inverted` selects family-first order, `givenLevel` is the disambiguation expansion.
    func format(_ name: CSLName, inverted: Bool, givenLevel: Int, forSort: Bool = false) -> Node {
        if let literal = name.literal ?? (name.given == nil ? nil : nil) {
            return wrap(InlineMarkup.parse(literal), familyPart)
        }
        let family = name.family ?? ""
        let ndp = name.nonDroppingParticle
        let dp = name.droppingParticle
        var form = options.form ?? "long"
        if givenLevel >= 1 && form == "short" { form = "long" }
        var given = name.given
        if let g = given {
            let useInitials =
                (options.initializeWith != nil) && !(givenLevel >= 2 && (options.initialize ?? true))
                && !(givenLevel >= 2)
            // Initials are a convention of scripts with letter case: a given name in another
            // script (Korean, Chinese, Japanese…) is kept whole, as citeproc-js keeps it.
            if useInitials, let with = options.initializeWith, Self.startsRomanesque(g) {
                given = initialize(g, with: with, full: !(options.initialize ?? true))
            }
        }
        if name.family == nil, let g = name.given {
            return wrap(InlineMarkup.parse(g), givenPart)
        }
        if name.given == nil && ndp == nil && dp == nil && name.suffix == nil {
            return wrap(InlineMarkup.parse(family), familyPart)
        }
        if name.isAsian && !name.staticOrdering {
            if form == "short" { return wrap(.text(family), familyPart) }
            return .seq([wrap(.text(family), familyPart), wrap(.text(given ?? ""), givenPart)])
        }
        if !name.isRomanesque && !forSort {
            if form == "short" { return wrap(.text(family), familyPart) }
            return Node.join([wrap(.text(family), familyPart), wrap(.text(given ?? ""), givenPart)], " ")
        }
        if form == "short" {
            var tokens: [Node] = []
            if let ndp { tokens.append(formatted(ndp, familyPart)) }
            tokens.append(formatted(family, familyPart))
            return affixed(spaced(tokens, [ndp ?? ""]), familyPart)
        }
        let sortSep = options.sortSeparator ?? ", "
        let givenText = given.map { $0.trimmingCharacters(in: .whitespaces) }
        if inverted && !name.staticOrdering {
            let demoteParticle = demote == "display-and-sort" || (forSort && demote == "sort-only")
            var familyTokens: [Node] = []
            if !demoteParticle, let ndp { familyTokens.append(formatted(ndp, familyPart)) }
            familyTokens.append(formatted(family, familyPart))
            var givenTokens: [Node] = []
            if let g = givenText, !g.isEmpty { givenTokens.append(formatted(g, givenPart)) }
            if let dp { givenTokens.append(formatted(dp, givenPart)) }
            if demoteParticle, let ndp { givenTokens.append(formatted(ndp, familyPart)) }
            var parts: [Node] = [affixed(spaced(familyTokens, [ndp ?? ""]), familyPart)]
            if !givenTokens.isEmpty { parts.append(affixed(spaced(givenTokens, []), givenPart)) }
            if let suffix = name.suffix { parts.append(.text(suffix)) }
            return Node.join(parts, sortSep)
        }
        var familyTokens: [Node] = []
        var particles: [String] = []
        if let dp {
            familyTokens.append(formatted(dp, givenPart))
            particles.append(dp)
        }
        if let ndp {
            familyTokens.append(formatted(ndp, familyPart))
            particles.append(ndp)
        }
        familyTokens.append(formatted(family, familyPart))
        var familyNode = spaced(familyTokens, particles)
        if let suffix = name.suffix {
            familyNode = .seq([familyNode, .text(name.commaSuffix ? ", " : " "), .text(suffix)])
        }
        var parts: [Node] = []
        if let g = givenText, !g.isEmpty { parts.append(affixed(formatted(g, givenPart), givenPart)) }
        parts.append(affixed(familyNode, familyPart))
        return Node.join(parts, " ")
    }

    /// Whether the first letter of `text` is Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic or
    /// Thai (the scripts whose given names can be reduced to initials).
    static func startsRomanesque(_ text: String) -> Bool {
        guard let u = text.unicodeScalars.first(where: { CharacterSet.letters.contains($0) }) else { return true }
        return u.value < 0x0530 || (0x0590...0x06FF).contains(u.value) || (0x0E01...0x0E5B).contains(u.value)
            || (0x1E00...0x1FFF).contains(u.value)
    }

    /// Joins name tokens with spaces, except after particles ending in an apostrophe or hyphen.
    private func spaced(_ tokens: [Node], _ particles: [String]) -> Node {
        var out: [Node] = []
        for (i, t) in tokens.enumerated() {
            if i > 0 {
                let prev = i - 1 < particles.count ? particles[i - 1] : ""
                if !(prev.hasSuffix("'") || prev.hasSuffix("\u{2019}") || prev.hasSuffix("-")) { out.append(.text(" ")) }
            }
            out.append(t)
        }
        return .seq(out)
    }

    private func affixed(_ n: Node, _ d: Decoration?) -> Node {
        guard let d, !d.prefix.isEmpty || !d.suffix.isEmpty else { return n }
        return .seq([.text(d.prefix), n, .text(d.suffix)])
    }

    private func wrap(_ n: Node, _ d: Decoration?) -> Node {
        guard let d else { return n }
        return decorate(n, d)
    }

    private func formatted(_ text: String, _ d: Decoration?) -> Node {
        var plain = d
        plain?.prefix = ""
        plain?.suffix = ""
        return wrap(InlineMarkup.parse(text), plain)
    }

    private func joinParticle(_ particle: String?, _ rest: String) -> String {
        guard let p = particle, !p.isEmpty else { return rest }
        if let last = p.last, last == "'" || last == "’" || last == "-" { return p + rest }
        return p + " " + rest
    }

    /// Reduces given names to initials; with `keepFull` only parts already abbreviated become initials.
    func initialize(_ given: String, with sep: String, full keepFull: Bool) -> String {
        struct Token {
            var text: String
            var period: Bool
            var afterHyphen: Bool
        }
        var tokens: [Token] = []
        var current = ""
        var afterHyphen = false
        func push(period: Bool) {
            if !current.isEmpty { tokens.append(Token(text: current, period: period, afterHyphen: afterHyphen)) }
            current = ""
        }
        for c in given {
            switch c {
            case ".":
                push(period: true)
                afterHyphen = false
            case " ", "\u{00A0}":
                push(period: false)
                afterHyphen = false
            case "-", "\u{2010}":
                push(period: false)
                afterHyphen = true
            default:
                current.append(c)
            }
        }
        push(period: false)
        var out = ""
        var previousWasWord = false
        for (i, t) in tokens.enumerated() {
            let isSingle = t.text.count == 1
            let startsLower = t.text.first?.isLowercase ?? false
            var piece: String
            var isWord = false
            if t.period || isSingle {
                piece = (isSingle ? t.text.uppercased() : t.text) + sep
            } else if startsLower && !t.afterHyphen {
                piece = t.text
                isWord = true
            } else if keepFull {
                piece = t.text
                isWord = true
            } else {
                if startsLower && t.afterHyphen { continue }
                piece = String(t.text.prefix(1)).uppercased() + sep
            }
            if i > 0 {
                if t.afterHyphen {
                    if initializeHyphen || isWord {
                        while out.hasSuffix(" ") { out.removeLast() }
                        out += "-"
                    }
                } else if isWord || previousWasWord {
                    while out.hasSuffix(" ") { out.removeLast() }
                    out += " "
                }
            }
            out += piece
            previousWasWord = isWord
        }
        return out.trimmingCharacters(in: .whitespaces)
    }
}
