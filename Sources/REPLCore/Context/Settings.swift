import Foundation
import SessionStore
import TextAnalysis

/// A default people change with `set` (psql's `\set`), declared by the module whose
/// commands read it: the REPL's own (result limit, colour, width, pager), `style` by the
/// citation commands, `snippet` by search.
public struct SettingDefinition: Sendable {
    public var name: String
    /// One line for `set`'s listing.
    public var summary: String
    /// What applies when nothing is set, as `set` shows it.
    public var defaultValue: String
    /// What a value may be, for messages: "a whole number from 1 to 1,000".
    public var accepts: String
    /// The value as it is kept, or nil when it is not one the setting accepts, given the
    /// workspace's folder (a style installed in its `Styles/` folder is a value of `style`).
    public var normalize: @Sendable (String, URL?) -> String?

    public init(
        name: String, summary: String, defaultValue: String, accepts: String, normalize: @escaping @Sendable (String) -> String?
    ) {
        self.init(name: name, summary: summary, defaultValue: defaultValue, accepts: accepts) { value, _ in normalize(value) }
    }

    /// A setting whose values depend on what the workspace holds.
    public init(
        name: String, summary: String, defaultValue: String, accepts: String,
        inWorkspace normalize: @escaping @Sendable (String, URL?) -> String?
    ) {
        self.name = name
        self.summary = summary
        self.defaultValue = defaultValue
        self.accepts = accepts
        self.normalize = normalize
    }

    /// A whole number in `range`.
    public static func number(_ name: String, summary: String, default value: Int, range: ClosedRange<Int>) -> SettingDefinition {
        SettingDefinition(
            name: name, summary: summary, defaultValue: String(value),
            accepts: "a whole number from \(range.lowerBound) to \(range.upperBound.grouped)"
        ) { text in
            Int(text).flatMap { range.contains($0) ? String($0) : nil }
        }
    }

    /// One of `choices` (case aside).
    public static func choice(_ name: String, summary: String, default value: String, choices: [String]) -> SettingDefinition {
        SettingDefinition(name: name, summary: summary, defaultValue: value, accepts: "one of " + choices.joined(separator: ", "))
        {
            text in choices.first { $0.caseInsensitiveCompare(text) == .orderedSame }
        }
    }
}

/// Where a setting's value comes from.
public enum SettingSource: String, Sendable, Encodable {
    case sitting = "this sitting"
    case workspace
    case standard = "default"
}

/// The settings of a running dossier: the definitions the modules declare, what `set`
/// changed for this sitting, and what the workspace keeps (`set --save`).
public struct Settings: Sendable {
    public let definitions: [SettingDefinition]
    public private(set) var sitting: [String: String] = [:]
    public private(set) var saved: [String: String] = [:]
    /// The workspace's folder, which settings such as `style` check values against.
    public let workspace: URL?

    public init(definitions: [SettingDefinition], saved: [String: String] = [:], workspace: URL? = nil) {
        self.definitions = definitions.sorted { $0.name < $1.name }
        self.workspace = workspace
        // A saved value the setting no longer accepts (an edited file) is left out.
        for (name, value) in saved {
            if let normalized = definitions.first(where: { $0.name == name })?.normalize(value, workspace) {
                self.saved[name] = normalized
            }
        }
    }

    public func definition(_ name: String) -> SettingDefinition? {
        definitions.first { $0.name == name }
    }

    /// The value set for this sitting, else the workspace's; nil when neither is set.
    public subscript(name: String) -> String? {
        sitting[name] ?? saved[name]
    }

    /// A number setting's value.
    public func number(_ name: String) -> Int? {
        self[name].flatMap(Int.init)
    }

    public func source(of name: String) -> SettingSource {
        sitting[name] != nil ? .sitting : saved[name] != nil ? .workspace : .standard
    }

    /// Checks `value` for the setting `name`: the value as kept, or an error naming both.
    public func check(_ name: String, _ value: String) throws(REPLError) -> String {
        let definition = try known(name)
        guard let normalized = definition.normalize(value.trimmingCharacters(in: .whitespaces), workspace) else {
            throw .failed("'\(value)' is not a value of the setting '\(name)': it takes \(definition.accepts).")
        }
        return normalized
    }

    /// The definition of `name`, or an error suggesting the nearest name.
    public func known(_ name: String) throws(REPLError) -> SettingDefinition {
        if let definition = definition(name) { return definition }
        let suggestions = EditDistance.suggestions(for: name, among: definitions.map(\.name))
        throw .failed(
            "There is no setting '\(name)'." + REPLError.didYouMean(suggestions) + " 'set' lists them: "
                + definitions.map(\.name).joined(separator: ", ") + ".")
    }

    mutating func set(_ name: String, to value: String?, saving: Bool) {
        sitting[name] = saving ? nil : value
        if saving { saved[name] = value }
    }
}

extension Settings {
    /// The REPL's own settings: what commands of several modules read.
    static let core: [SettingDefinition] = [
        .number("limit", summary: "How many results search, related and notes search list.", default: 20, range: 1...1000),
        .choice(
            "color", summary: "Colour at a terminal: auto (unless NO_COLOR), on or off.", default: "auto",
            choices: ["auto", "on", "off"]),
        SettingDefinition(
            name: "width", summary: "The width text is laid out for: auto (the terminal's) or a number of columns.",
            defaultValue: "auto", accepts: "auto or a whole number from 20 to 500"
        ) { text in
            text.lowercased() == "auto" ? "auto" : Int(text).flatMap { (20...500).contains($0) ? String($0) : nil }
        },
        SettingDefinition(
            name: "pager", summary: "The program long output is paged through at a terminal ($PAGER, else less -FRX), or off.",
            defaultValue: "$PAGER", accepts: "a command such as 'less -R', or off"
        ) { text in
            text.isEmpty ? nil : text
        },
    ]
}
