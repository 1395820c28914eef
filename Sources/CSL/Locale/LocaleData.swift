import Foundation

/// One localized term with its singular/plural texts.
struct Term: Sendable {
    var single: String
    var multiple: String
    var gender: String?
    var genderForm: String?
    var match: String?
}

/// The content of one `<locale>`: a locale file or a style-embedded override.
struct LocaleData: Sendable {
    var lang: String?
    /// Keyed by "name|form"; each key can have gendered variants.
    var terms: [String: [Term]] = [:]
    var dateFormats: [String: DateElement] = [:]
    var punctuationInQuote: Bool?
    var limitDayOrdinalsToDay1: Bool?
    var hasOrdinals = false

    init(_ e: XElement, file: String) throws(CSLError) {
        lang = e["xml:lang"] ?? e["lang"]
        if let opts = e.child("style-options") {
            punctuationInQuote = opts["punctuation-in-quote"].map { $0 == "true" }
            limitDayOrdinalsToDay1 = opts["limit-day-ordinals-to-day-1"].map { $0 == "true" }
        }
        for termsElement in e.all("terms") {
            for t in termsElement.all("term") {
                guard let name = t["name"] else { continue }
                let form = t["form"] ?? "long"
                let single = t.child("single")?.text ?? t.text
                let multiple = t.child("multiple")?.text ?? single
                let term = Term(
                    single: single, multiple: multiple, gender: t["gender"], genderForm: t["gender-form"],
                    match: t["match"])
                let key = name + "|" + form
                var list = terms[key] ?? []
                list.removeAll { $0.genderForm == term.genderForm }
                list.append(term)
                terms[key] = list
                if name.hasPrefix("ordinal") { hasOrdinals = true }
            }
        }
        let parser = StyleParser(file: file)
        for d in e.all("date") {
            guard let form = d["form"] else { continue }
            dateFormats[form] = try parser.parseDate(d, requireVariable: false)
        }
    }

    func term(_ name: String, form: String, genderForm: String? = nil) -> Term? {
        guard let list = terms[name + "|" + form] else { return nil }
        if let g = genderForm, let t = list.first(where: { $0.genderForm == g }) { return t }
        return list.first { $0.genderForm == nil } ?? (genderForm == nil ? list.first : nil)
    }
}
