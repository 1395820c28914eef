import Foundation

/// A bibliographic item in CSL-JSON form.
public struct CSLItem: Sendable, Decodable {
    /// The item's id, referenced by cites.
    public var id: String
    /// The CSL item type, e.g. "book" or "article-journal".
    public var type: String
    /// Ordinary and number variables, as text.
    public var strings: [String: String]
    /// Name variables.
    public var names: [String: [CSLName]]
    /// Date variables.
    public var dates: [String: CSLDate]

    private static let nameVariables: Set<String> = [
        "author", "chair", "collection-editor", "compiler", "composer", "container-author", "contributor", "curator",
        "director", "editor", "editorial-director", "editor-translator", "executive-producer", "guest", "host",
        "illustrator", "interviewer", "narrator", "organizer", "original-author", "performer", "producer",
        "recipient", "reviewed-author", "script-writer", "series-creator", "translator",
    ]
    private static let dateVariables: Set<String> = [
        "accessed", "available-date", "event-date", "issued", "original-date", "submitted",
    ]

    /// Creates an item in code.
    public init(
        id: String, type: String, strings: [String: String] = [:], names: [String: [CSLName]] = [:],
        dates: [String: CSLDate] = [:]
    ) {
        self.id = id
        self.type = type
        self.strings = strings
        self.names = names
        self.dates = dates
    }

    /// Decodes one CSL-JSON item object.
    public init(from decoder: any Decoder) throws {
        let value = try JSONValue(from: decoder)
        guard case .object(let object) = value else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "item is not an object"))
        }
        self.init(object: object)
    }

    init(object: [String: JSONValue]) {
        id = object["id"]?.stringValue ?? ""
        type = object["type"]?.stringValue ?? "article"
        strings = [:]
        names = [:]
        dates = [:]
        for (rawKey, value) in object where rawKey != "id" && rawKey != "type" {
            let key = rawKey.replacingOccurrences(of: "_", with: "-")
            if Self.nameVariables.contains(key) {
                if case .array(let list) = value { names[key] = list.map { CSLName(json: $0) } }
            } else if Self.dateVariables.contains(key) {
                if let d = CSLDate(json: value) { dates[key] = d }
            } else if let s = value.stringValue, !s.isEmpty {
                strings[key] = s
            }
        }
        // Zotero-era aliases for the short-form variables.
        if strings["container-title-short"] == nil, let j = strings["journalAbbreviation"] {
            strings["container-title-short"] = j
        }
        if strings["title-short"] == nil, let t = strings["shortTitle"] { strings["title-short"] = t }
        if let note = strings["note"] { parseNoteFields(note) }
    }

    /// Decodes an array of CSL-JSON items.
    public static func decodeList(from data: Data) throws(CSLError) -> [CSLItem] {
        do { return try JSONDecoder().decode([CSLItem].self, from: data) } catch {
            throw CSLError.invalidItems(reason: String(describing: error))
        }
    }

    /// Reads citeproc-js style "key: value" lines in `note` for variables not otherwise set.
    private mutating func parseNoteFields(_ note: String) {
        let namesFromJSON = Set(names.keys)
        for line in note.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, parts[0].allSatisfy({ $0.isLowercase || $0 == "-" }), !parts[0].isEmpty else { continue }
            let key = parts[0]
            if Self.dateVariables.contains(key), dates[key] == nil, let d = CSLDate(raw: parts[1]) {
                dates[key] = d
            } else if Self.nameVariables.contains(key) {
                let parts = parts[1].split(separator: "||", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                let name = parts.count == 2 ? CSLName(family: parts[0], given: parts[1]) : CSLName(literal: parts[0])
                if !namesFromJSON.contains(key) { names[key, default: []].append(name) }
            } else if key != "type" && key != "id" && !Self.dateVariables.contains(key) && strings[key] == nil {
                strings[key] = parts[1]
            }
        }
    }

    func string(_ variable: String) -> String? { strings[variable] }
}
