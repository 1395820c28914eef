import Foundation

/// Turns a style's XML tree into layout elements, validating as it goes.
struct StyleParser {
    let file: String
    var macroNames: Set<String> = []
    /// Macro name -> macros it calls, for the cycle check.
    var macroCalls: [String: Set<String>] = [:]
    private var currentMacro: String?

    init(file: String) { self.file = file }

    private func invalid(_ e: XElement, _ problem: String) -> CSLError {
        .invalidElement(file: file, element: e.name, line: e.line, problem: problem)
    }

    mutating func parseMacro(_ e: XElement) throws(CSLError) -> [Element] {
        currentMacro = e["name"]
        defer { currentMacro = nil }
        return try parseChildren(e)
    }

    mutating func parseChildren(_ e: XElement) throws(CSLError) -> [Element] {
        var out: [Element] = []
        for child in e.children {
            if let el = try parseElement(child) { out.append(el) }
        }
        return out
    }

    mutating func parseElement(_ e: XElement) throws(CSLError) -> Element? {
        let deco = Decoration(e)
        switch e.name {
        case "text":
            let source: TextSource
            if let v = e["variable"] {
                source = .variable(v, form: e["form"] ?? "long")
            } else if let m = e["macro"] {
                guard macroNames.contains(m) else { throw CSLError.missingMacro(file: file, name: m, line: e.line) }
                if let current = currentMacro { macroCalls[current, default: []].insert(m) }
                source = .macro(m)
            } else if let t = e["term"] {
                source = .term(t, form: e["form"] ?? "long", plural: e["plural"] == "true")
            } else if let v = e["value"] {
                source = .value(v)
            } else {
                throw invalid(e, "has none of variable, macro, term or value; add one of them")
            }
            return .text(TextElement(source: source, decoration: deco))
        case "number":
            guard let v = e["variable"] else { throw invalid(e, "has no variable attribute; add variable=\"…\"") }
            return .number(NumberElement(variable: v, form: e["form"] ?? "numeric", decoration: deco))
        case "label":
            return .label(parseLabel(e))
        case "date":
            return .date(try parseDate(e, requireVariable: true))
        case "names":
            return .names(try parseNames(e))
        case "group":
            let kids = try parseChildren(e)
            return .group(GroupElement(children: kids, delimiter: e["delimiter"] ?? "", decoration: deco))
        case "choose":
            return .choose(try parseChoose(e))
        default:
            throw CSLError.unknownElement(file: file, element: e.name, line: e.line)
        }
    }

    func parseLabel(_ e: XElement) -> LabelElement {
        LabelElement(
            variable: e["variable"] ?? "", form: e["form"] ?? "long",
            plural: e["plural"] ?? "contextual", decoration: Decoration(e))
    }

    func parseDate(_ e: XElement, requireVariable: Bool) throws(CSLError) -> DateElement {
        let variable = e["variable"] ?? ""
        if requireVariable && variable.isEmpty {
            throw invalid(e, "has no variable attribute; add variable=\"issued\" or similar")
        }
        var parts: [DatePartElement] = []
        for p in e.children {
            guard p.name == "date-part" else { throw CSLError.unknownElement(file: file, element: p.name, line: p.line) }
            guard let name = p["name"] else { throw invalid(p, "has no name attribute; add name=\"year\", \"month\" or \"day\"") }
            parts.append(
                DatePartElement(
                    name: name, form: p["form"], rangeDelimiter: p["range-delimiter"],
                    decoration: Decoration(p)))
        }
        return DateElement(
            variable: variable, form: e["form"], partsFilter: e["date-parts"] ?? "year-month-day",
            parts: parts, delimiter: e["delimiter"] ?? "", decoration: Decoration(e))
    }

    mutating func parseNames(_ e: XElement) throws(CSLError) -> NamesElement {
        var result = NamesElement(
            variables: (e["variable"] ?? "").split(separator: " ").map(String.init),
            name: nil, etAl: nil, label: nil, labelBeforeName: false, substitute: nil,
            delimiter: e["delimiter"], decoration: Decoration(e))
        for c in e.children {
            switch c.name {
            case "name":
                var n = NameElement(options: NameOptions(c), decoration: Decoration(c), familyPart: nil, givenPart: nil)
                for part in c.children where part.name == "name-part" {
                    if part["name"] == "family" { n.familyPart = Decoration(part) }
                    if part["name"] == "given" { n.givenPart = Decoration(part) }
                }
                result.name = n
            case "et-al":
                result.etAl = (c["term"] ?? "et-al", Decoration(c))
            case "label":
                result.label = parseLabel(c)
                result.labelBeforeName = result.name == nil
            case "substitute":
                result.substitute = try parseChildren(c)
            default:
                throw CSLError.unknownElement(file: file, element: c.name, line: c.line)
            }
        }
        return result
    }

    mutating func parseChoose(_ e: XElement) throws(CSLError) -> ChooseElement {
        var branches: [ChooseBranch] = []
        for c in e.children {
            guard ["if", "else-if", "else"].contains(c.name) else {
                throw CSLError.unknownElement(file: file, element: c.name, line: c.line)
            }
            var tests: [ConditionTest] = []
            func words(_ key: String) -> [String] { (c[key] ?? "").split(separator: " ").map(String.init) }
            tests += words("type").map { .type($0) }
            tests += words("variable").map { .variable($0) }
            tests += words("is-numeric").map { .isNumeric($0) }
            tests += words("is-uncertain-date").map { .isUncertainDate($0) }
            tests += words("locator").map { .locator($0) }
            tests += words("position").map { .position($0) }
            if let d = c["disambiguate"] { tests.append(.disambiguate(d == "true")) }
            if c.name != "else" && tests.isEmpty {
                throw invalid(c, "has no condition attribute; add type, variable, position or another test")
            }
            branches.append(
                ChooseBranch(
                    match: c["match"] ?? "all", tests: tests, children: try parseChildren(c),
                    isElse: c.name == "else"))
        }
        return ChooseElement(branches: branches)
    }

    mutating func parseSection(_ e: XElement) throws(CSLError) -> LayoutSection {
        guard let layout = e.child("layout") else {
            throw invalid(e, "has no <layout>; add a <layout> child")
        }
        var keys: [SortKey] = []
        if let sort = e.child("sort") {
            for k in sort.all("key") {
                let macro = k["macro"]
                if let m = macro, !macroNames.contains(m) { throw CSLError.missingMacro(file: file, name: m, line: k.line) }
                if macro == nil && k["variable"] == nil { throw invalid(k, "has neither variable nor macro; add one") }
                keys.append(
                    SortKey(
                        variable: k["variable"], macro: macro, ascending: k["sort"] != "descending",
                        namesMin: k["names-min"].flatMap { Int($0) },
                        namesUseFirst: k["names-use-first"].flatMap { Int($0) },
                        namesUseLast: k["names-use-last"].map { $0 == "true" }))
            }
        }
        return LayoutSection(
            elements: try parseChildren(layout), decoration: Decoration(layout),
            delimiter: layout["delimiter"] ?? "", attributes: e.attributes,
            nameOptions: NameOptions(e, inheritable: true),
            namesDelimiter: e["names-delimiter"], sort: keys)
    }

    /// Rejects macro cycles up front so rendering never recurses forever.
    func checkCycles() throws(CSLError) {
        var state: [String: Int] = [:]
        func visit(_ m: String) throws(CSLError) {
            if state[m] == 2 { return }
            if state[m] == 1 { throw CSLError.recursiveMacro(file: file, name: m) }
            state[m] = 1
            for callee in macroCalls[m] ?? [] { try visit(callee) }
            state[m] = 2
        }
        for m in macroNames.sorted() { try visit(m) }
    }
}
