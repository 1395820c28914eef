import Foundation

/// A personal or institutional name in CSL-JSON form.
public struct CSLName: Sendable, Equatable, Hashable {
    /// Family name (surname).
    public var family: String?
    /// Given names.
    public var given: String?
    /// Particle dropped when inverted, e.g. "van" in "Ludwig van Beethoven".
    public var droppingParticle: String?
    /// Particle kept with the family name, e.g. "de" in "de Gaulle".
    public var nonDroppingParticle: String?
    /// Suffix such as "Jr.".
    public var suffix: String?
    /// An institutional or unparsed name printed as is.
    public var literal: String?
    /// Whether a comma precedes the suffix.
    public var commaSuffix = false
    /// Whether the name is always printed in given–family order without reordering.
    public var staticOrdering = false

    /// Creates a name; particles are split out of `family`/`given` when `parseNames` is true.
    public init(
        family: String? = nil, given: String? = nil, droppingParticle: String? = nil,
        nonDroppingParticle: String? = nil, suffix: String? = nil, literal: String? = nil,
        commaSuffix: Bool = false, staticOrdering: Bool = false, parseNames: Bool = true
    ) {
        self.family = family
        self.given = given
        self.droppingParticle = droppingParticle
        self.nonDroppingParticle = nonDroppingParticle
        self.suffix = suffix
        self.literal = literal
        self.commaSuffix = commaSuffix
        self.staticOrdering = staticOrdering
        if parseNames { parseParticles() }
    }

    init(json: JSONValue) {
        func s(_ k: String) -> String? {
            json[k]?.stringValue.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        self.init(
            family: s("family"), given: s("given"), droppingParticle: s("dropping-particle"),
            nonDroppingParticle: s("non-dropping-particle"), suffix: s("suffix"), literal: s("literal"),
            commaSuffix: json["comma-suffix"]?.boolValue ?? false,
            staticOrdering: json["static-ordering"]?.boolValue ?? false,
            parseNames: json["parse-names"]?.boolValue ?? true)
        if literal == nil, family == nil, given == nil, let n = s("name") { literal = n }
    }

    /// True for names written in scripts that put family first with no space (CJK and similar).
    var isAsian: Bool {
        let text = (family ?? "") + (given ?? "")
        guard !text.isEmpty else { return false }
        return text.unicodeScalars.allSatisfy { u in
            (0x3000...0x9FFF).contains(u.value) || (0xAC00...0xD7AF).contains(u.value) || (0xF900...0xFAFF).contains(u.value)
                || (0xFF00...0xFFEF).contains(u.value) || (0x20000...0x2FFFF).contains(u.value)
        }
    }

    /// True when the name uses a script CSL treats as "romanesque" (Latin, Greek, Cyrillic…).
    var isRomanesque: Bool {
        let text = (family ?? "") + (given ?? "")
        return text.unicodeScalars.allSatisfy { u in
            !CharacterSet.letters.contains(u) || u.value < 0x0530 || (0x1E00...0x1FFF).contains(u.value)
                || (0x0590...0x06FF).contains(u.value)
        }
    }

    private mutating func parseParticles() {
        family = family?.replacingOccurrences(of: "'", with: "\u{2019}")
        given = given?.replacingOccurrences(of: "'", with: "\u{2019}")
        if let g = given, suffix == nil, let comma = g.range(of: ",") {
            var rest = String(g[comma.upperBound...])
            if rest.hasPrefix("!") {
                rest = String(rest.dropFirst())
                commaSuffix = true
            }
            rest = rest.trimmingCharacters(in: .whitespaces)
            if !rest.isEmpty {
                given = String(g[..<comma.lowerBound])
                suffix = rest
            }
        }
        if var f = family, nonDroppingParticle == nil {
            if f.hasPrefix("\"") && f.hasSuffix("\"") && f.count > 1 {
                family = String(f.dropFirst().dropLast())
            } else {
                var words = f.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
                var particle: [String] = []
                while words.count > 1, let first = words.first, Self.isParticle(first) {
                    particle.append(first)
                    words.removeFirst()
                }
                if !particle.isEmpty {
                    var joined = particle.joined(separator: " ")
                    // "de' Frinkle" was typed with a space; keep it even though the particle ends in an apostrophe.
                    if joined.hasSuffix("'") || joined.hasSuffix("’") { joined += " " }
                    nonDroppingParticle = joined
                    f = words.joined(separator: " ")
                    family = f
                } else if let hyphen = f.firstIndex(of: "-"), hyphen != f.startIndex,
                    f[..<hyphen].allSatisfy({ $0.isLowercase }), f[f.index(after: hyphen)...].first?.isUppercase == true
                {
                    nonDroppingParticle = String(f[...hyphen])
                    family = String(f[f.index(after: hyphen)...])
                } else if let apos = f.firstIndex(where: { $0 == "'" || $0 == "’" }), apos != f.startIndex {
                    let head = String(f[...apos])
                    let rest = String(f[f.index(after: apos)...])
                    if !rest.isEmpty, head.dropLast().allSatisfy({ $0.isLowercase }), head.count <= 3 {
                        nonDroppingParticle = head
                        family = rest
                    }
                }
            }
        }
        if let g = given, droppingParticle == nil {
            var words = g.split(separator: " ").map(String.init)
            var particle: [String] = []
            while words.count > 1, let last = words.last, Self.isParticle(last) {
                particle.insert(last, at: 0)
                words.removeLast()
            }
            if !particle.isEmpty {
                droppingParticle = particle.joined(separator: " ")
                given = words.joined(separator: " ")
            }
        }
    }

    private static func isParticle(_ word: String) -> Bool {
        guard let first = word.first else { return false }
        let letters = word.filter(\.isLetter)
        let allowed = word.allSatisfy { $0.isLetter || $0 == "'" || $0 == "’" || $0 == "-" || $0 == "." }
        return allowed && !letters.isEmpty && letters.allSatisfy(\.isLowercase)
            && (first.isLowercase || first == "'" || first == "’")
    }
}
