import Foundation

/// Font and decoration settings an element may request (CSL "formatting" attributes).
struct Formatting: Sendable, Equatable {
    var fontStyle: String?
    var fontVariant: String?
    var fontWeight: String?
    var textDecoration: String?
    var verticalAlign: String?

    var isEmpty: Bool {
        fontStyle == nil && fontVariant == nil && fontWeight == nil && textDecoration == nil && verticalAlign == nil
    }

    init(
        fontStyle: String? = nil, fontVariant: String? = nil, fontWeight: String? = nil,
        textDecoration: String? = nil, verticalAlign: String? = nil
    ) {
        self.fontStyle = fontStyle
        self.fontVariant = fontVariant
        self.fontWeight = fontWeight
        self.textDecoration = textDecoration
        self.verticalAlign = verticalAlign
    }

    init(_ element: XElement) {
        fontStyle = element["font-style"]
        fontVariant = element["font-variant"]
        fontWeight = element["font-weight"]
        textDecoration = element["text-decoration"]
        verticalAlign = element["vertical-align"]
    }
}

/// The text-case transformations of CSL 1.0.2.
enum TextCase: String, Sendable {
    case lowercase, uppercase
    case capitalizeFirst = "capitalize-first"
    case capitalizeAll = "capitalize-all"
    case sentence, title
}

/// Attributes shared by most rendering elements: affixes, formatting, quotes and casing.
struct Decoration: Sendable {
    var prefix: String = ""
    var suffix: String = ""
    var formatting = Formatting()
    var quotes = false
    var stripPeriods = false
    var textCase: TextCase?
    var display: String?

    init() {}

    init(_ element: XElement) {
        prefix = element["prefix"] ?? ""
        suffix = element["suffix"] ?? ""
        formatting = Formatting(element)
        quotes = element["quotes"] == "true"
        stripPeriods = element["strip-periods"] == "true"
        textCase = element["text-case"].flatMap(TextCase.init(rawValue:))
        display = element["display"]
    }
}
