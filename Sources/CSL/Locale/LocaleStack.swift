import Foundation

/// The layered locale used while rendering: style overrides first, then locale files, then en-US.
struct LocaleStack: Sendable {
    var layers: [LocaleData]
    var lang: String

    private static let formFallback: [String: [String]] = [
        "long": ["long"], "short": ["short", "long"], "verb": ["verb", "long"],
        "verb-short": ["verb-short", "verb", "long"], "symbol": ["symbol", "short", "long"],
    ]

    func findTerm(_ name: String, form: String) -> Term? {
        for f in Self.formFallback[form] ?? [form, "long"] {
            for layer in layers {
                if let t = layer.term(name, form: f) { return t }
            }
        }
        return nil
    }

    /// The text of a term, or nil when no layer defines it.
    func term(_ name: String, form: String = "long", plural: Bool = false) -> String? {
        guard let t = findTerm(name, form: form) else { return nil }
        return plural ? t.multiple : t.single
    }

    /// The grammatical gender of a noun term (used by gendered ordinals).
    func gender(of name: String) -> String? {
        for layer in layers {
            if let t = layer.term(name, form: "long"), let g = t.gender { return g }
        }
        return nil
    }

    var punctuationInQuote: Bool {
        layers.lazy.compactMap(\.punctuationInQuote).first ?? false
    }

    var limitDayOrdinalsToDay1: Bool {
        layers.lazy.compactMap(\.limitDayOrdinalsToDay1).first ?? false
    }

    func dateFormat(_ form: String) -> DateElement? {
        layers.lazy.compactMap { $0.dateFormats[form] }.first
    }

    /// The ordinal suffix for `n`, following the CSL 1.0.1 ordinal-00…99 matching rules.
    func ordinalSuffix(_ n: Int, gender: String?) -> String {
        guard let layer = layers.first(where: \.hasOrdinals) else { return "" }
        let lastTwo = n % 100
        let lastDigit = n % 10
        // A gendered ordinal only applies to nouns of that gender; otherwise the neuter form is used.
        func lookup(_ name: String) -> Term? {
            guard let list = layer.terms[name + "|long"] else { return nil }
            if let g = gender, let t = list.first(where: { $0.genderForm == g }) { return t }
            return list.first { $0.genderForm == nil } ?? (gender == nil ? list.first : nil)
        }
        let twoName = String(format: "ordinal-%02d", lastTwo)
        if let t = lookup(twoName) {
            let match = t.match ?? (lastTwo < 10 ? "last-digit" : "last-two-digits")
            if match == "whole-number" ? n == lastTwo : true { return t.single }
        }
        let oneName = String(format: "ordinal-%02d", lastDigit)
        if let t = lookup(oneName) {
            let match = t.match ?? "last-digit"
            let ok: Bool
            switch match {
            case "whole-number": ok = n == lastDigit
            case "last-two-digits": ok = lastTwo == lastDigit
            default: ok = true
            }
            if ok { return t.single }
        }
        return lookup("ordinal")?.single ?? ""
    }

    func ordinal(_ n: Int, gender: String?) -> String { "\(n)" + ordinalSuffix(n, gender: gender) }

    func longOrdinal(_ n: Int, gender: String?) -> String {
        if n >= 1 && n <= 10 {
            let name = String(format: "long-ordinal-%02d", n)
            for layer in layers {
                if let g = gender, let t = layer.term(name, form: "long", genderForm: g), t.genderForm == g { return t.single }
                if let t = layer.term(name, form: "long") { return t.single }
            }
        }
        return ordinal(n, gender: gender)
    }
}
