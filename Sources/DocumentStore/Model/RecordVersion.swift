import DossierProtocol
import Foundation

/// One version of a record, as an import (or a `revert`) made it: the record's fields then,
/// when it was made, by which file and importer, and which fields it changed.
public struct RecordVersion: Sendable, Equatable, Encodable {
    /// How a version was made.
    public enum Action: Sendable, Equatable {
        /// An import that merged the file's record into the stored one (or added it).
        case imported
        /// `import --replace`: the file's record replaced the stored one whole.
        case replaced
        /// `revert ID@N`: version N restored.
        case reverted(to: Int)
        /// `edit ID FIELD VALUE`: fields corrected by hand.
        case edited

        init(stored: String?) {
            switch stored {
            case "replace"?: self = .replaced
            case "edit"?: self = .edited
            case let text? where text.hasPrefix("revert "): self = .reverted(to: Int(text.dropFirst(7)) ?? 0)
            default: self = .imported
            }
        }

        /// What `document.action` holds for it.
        var stored: String? {
            switch self {
            case .imported: return nil
            case .replaced: return "replace"
            case .reverted(let number): return "revert \(number)"
            case .edited: return "edit"
            }
        }
    }

    /// 1 for the record's first import, then one more for each change.
    public var number: Int
    public var record: Record
    /// When the version was made (ISO 8601).
    public var madeAt: String
    public var action: Action
    /// The fields this version changed; for a first version, every field it has.
    public var changed: [String]
    /// Whether this is the record as search, facets and every command see it now.
    public var isNewest: Bool

    public init(number: Int, record: Record, madeAt: String, action: Action, changed: [String], isNewest: Bool) {
        self.number = number
        self.record = record
        self.madeAt = madeAt
        self.action = action
        self.changed = changed
        self.isNewest = isNewest
    }

    /// How it was made, in a few words: `import of 'records.jsonl' (jsonl)`,
    /// `revert to version 2`.
    public var origin: String {
        let source = record.provenance.map { "'\($0.file)' (\($0.format))" } ?? "an unknown file"
        switch action {
        case .imported: return number == 1 ? "first import, from \(source)" : "import of \(source)"
        case .replaced: return "import --replace of \(source)"
        case .reverted(let restored): return "revert to version \(restored)"
        case .edited: return "edited by hand"
        }
    }

    /// The version in the shared vocabulary, for `--json`: its number, when and how it was
    /// made, the fields it changed.
    public var json: JSONValue { json(listingChanges: true) }

    /// The version's fields; without `changed` when `listingChanges` is false (a field's
    /// provenance, where the field is named already).
    public func json(listingChanges: Bool) -> JSONValue {
        var object: [String: JSONValue] = [
            "version": .number(Double(number)),
            "made_at": .string(madeAt),
            "action": .string(
                {
                    switch action {
                    case .imported: return "import"
                    case .replaced: return "replace"
                    case .reverted: return "revert"
                    case .edited: return "edit"
                    }
                }()),
            "newest": .bool(isNewest),
        ]
        if listingChanges { object["changed"] = .array(changed.map(JSONValue.string)) }
        if case .reverted(let restored) = action { object["restored_version"] = .number(Double(restored)) }
        if let provenance = record.provenance {
            object["file"] = .string(provenance.file)
            object["importer"] = .string(provenance.format)
        }
        return .object(object)
    }

    /// Encodes `json`'s fields (not the record), to sit beside a command's own.
    public func encode(to encoder: any Encoder) throws {
        try json.encodeMembers(to: encoder)
    }
}
