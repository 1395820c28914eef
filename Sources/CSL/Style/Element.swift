import Foundation

/// One node of a style's layout tree.
indirect enum Element: Sendable {
    case text(TextElement)
    case number(NumberElement)
    case label(LabelElement)
    case date(DateElement)
    case names(NamesElement)
    case group(GroupElement)
    case choose(ChooseElement)
}

/// What a `<text>` element prints.
enum TextSource: Sendable {
    case variable(String, form: String)
    case macro(String)
    case term(String, form: String, plural: Bool)
    case value(String)
}

/// A `<text>` element.
struct TextElement: Sendable {
    var source: TextSource
    var decoration: Decoration
}

/// A `<number>` element.
struct NumberElement: Sendable {
    var variable: String
    var form: String
    var decoration: Decoration
}

/// A `<label>` element, standalone or inside `<names>`.
struct LabelElement: Sendable {
    var variable: String
    var form: String
    var plural: String
    var decoration: Decoration
}

/// A `<date-part>` child of `<date>`.
struct DatePartElement: Sendable {
    var name: String
    var form: String?
    var rangeDelimiter: String?
    var decoration: Decoration
}

/// A `<date>` element, localized (with `form`) or spelled out by its parts.
struct DateElement: Sendable {
    var variable: String
    var form: String?
    var partsFilter: String
    var parts: [DatePartElement]
    var delimiter: String
    var decoration: Decoration
}

/// Options of `<name>` plus those inherited from `<style>`, `<citation>` and `<bibliography>`.
struct NameOptions: Sendable {
    var and: String?
    var delimiter: String?
    var delimiterPrecedesEtAl: String?
    var delimiterPrecedesLast: String?
    var etAlMin: Int?
    var etAlUseFirst: Int?
    var etAlSubsequentMin: Int?
    var etAlSubsequentUseFirst: Int?
    var etAlUseLast: Bool?
    var form: String?
    var initialize: Bool?
    var initializeWith: String?
    var nameAsSortOrder: String?
    var sortSeparator: String?

    init() {}

    /// `inheritable` reads the `name-form`/`name-delimiter` spellings used on style, citation and bibliography.
    init(_ e: XElement, inheritable: Bool = false) {
        and = e["and"]
        delimiter = e[inheritable ? "name-delimiter" : "delimiter"]
        delimiterPrecedesEtAl = e["delimiter-precedes-et-al"]
        delimiterPrecedesLast = e["delimiter-precedes-last"]
        etAlMin = e["et-al-min"].flatMap { Int($0) }
        etAlUseFirst = e["et-al-use-first"].flatMap { Int($0) }
        etAlSubsequentMin = e["et-al-subsequent-min"].flatMap { Int($0) }
        etAlSubsequentUseFirst = e["et-al-subsequent-use-first"].flatMap { Int($0) }
        etAlUseLast = e["et-al-use-last"].map { $0 == "true" }
        form = e[inheritable ? "name-form" : "form"]
        initialize = e["initialize"].map { $0 != "false" }
        initializeWith = e["initialize-with"]
        nameAsSortOrder = e["name-as-sort-order"]
        sortSeparator = e["sort-separator"]
    }

    /// Fills unset options from `outer`, so inner elements win.
    func inheriting(_ outer: NameOptions) -> NameOptions {
        var r = self
        r.and = and ?? outer.and
        r.delimiter = delimiter ?? outer.delimiter
        r.delimiterPrecedesEtAl = delimiterPrecedesEtAl ?? outer.delimiterPrecedesEtAl
        r.delimiterPrecedesLast = delimiterPrecedesLast ?? outer.delimiterPrecedesLast
        r.etAlMin = etAlMin ?? outer.etAlMin
        r.etAlUseFirst = etAlUseFirst ?? outer.etAlUseFirst
        r.etAlSubsequentMin = etAlSubsequentMin ?? outer.etAlSubsequentMin
        r.etAlSubsequentUseFirst = etAlSubsequentUseFirst ?? outer.etAlSubsequentUseFirst
        r.etAlUseLast = etAlUseLast ?? outer.etAlUseLast
        r.form = form ?? outer.form
        r.initialize = initialize ?? outer.initialize
        r.initializeWith = initializeWith ?? outer.initializeWith
        r.nameAsSortOrder = nameAsSortOrder ?? outer.nameAsSortOrder
        r.sortSeparator = sortSeparator ?? outer.sortSeparator
        return r
    }
}

/// A `<name>` element with its `<name-part>` children.
struct NameElement: Sendable {
    var options: NameOptions
    var decoration: Decoration
    var familyPart: Decoration?
    var givenPart: Decoration?
}

/// A `<names>` element.
struct NamesElement: Sendable {
    var variables: [String]
    var name: NameElement?
    var etAl: (term: String, decoration: Decoration)?
    var label: LabelElement?
    var labelBeforeName: Bool
    var substitute: [Element]?
    var delimiter: String?
    var decoration: Decoration
}

/// A `<group>` element.
struct GroupElement: Sendable {
    var children: [Element]
    var delimiter: String
    var decoration: Decoration
}

/// One test of an `<if>`/`<else-if>`.
enum ConditionTest: Sendable {
    case type(String)
    case variable(String)
    case isNumeric(String)
    case isUncertainDate(String)
    case locator(String)
    case position(String)
    case disambiguate(Bool)
}

/// A branch of `<choose>`; `tests` is empty for `<else>`.
struct ChooseBranch: Sendable {
    var match: String
    var tests: [ConditionTest]
    var children: [Element]
    var isElse: Bool
}

/// A `<choose>` element.
struct ChooseElement: Sendable {
    var branches: [ChooseBranch]
}

/// A `<key>` of `<sort>`.
struct SortKey: Sendable {
    var variable: String?
    var macro: String?
    var ascending: Bool
    var namesMin: Int?
    var namesUseFirst: Int?
    var namesUseLast: Bool?
}

/// A `<citation>` or `<bibliography>` with its layout and options.
struct LayoutSection: Sendable {
    var elements: [Element]
    var decoration: Decoration
    var delimiter: String
    var attributes: [String: String]
    var nameOptions: NameOptions
    var namesDelimiter: String?
    var sort: [SortKey]
}
