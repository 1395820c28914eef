import Foundation
import TextAnalysis

/// One field of a record, by its name in the shared vocabulary: what merging imports,
/// record history, provenance and whole-record diffs go through, so that every one of
/// them knows the same fields.
public struct RecordField: Sendable {
    /// The field's name in the vocabulary (`title`, `archive_ref`, `collections`, …).
    public let name: String
    /// Whether a record has a value for this field (a non-empty string or list, a date).
    /// An import that has none for it does not carry the field, and a merge keeps the
    /// stored value.
    public let isPresent: @Sendable (Record) -> Bool
    /// Whether two records have the same value for this field.
    public let isSame: @Sendable (Record, Record) -> Bool
    /// Sets this field of the first record to the second's value.
    public let copy: @Sendable (inout Record, Record) -> Void
    /// The field's value as the words a diff compares: a text's words, a list's items, a
    /// date's ISO form.
    public let units: @Sendable (Record) -> [String]
    /// Whether a diff of this field compares list items rather than words.
    public let isList: Bool

    /// Every field a user can see change, in the order `show` lists them. The id never
    /// changes (it is what makes two imports the same record); provenance is the history's.
    public static let all: [RecordField] = [
        text("title", \.title),
        date("date", \.date),
        date("date_end", \.dateEnd),
        optional("date_text", \.dateText),
        optional("archive", \.archive),
        optional("archive_ref", \.archiveRef),
        list("collections", \.collections),
        list("people", \.people),
        list("places", \.places),
        list("subjects", \.subjects),
        optional("language", \.language),
        optional("original_language", \.originalLanguage),
        optional("type", \.type),
        names("author", \.author),
        names("recipient", \.recipient),
        names("translator", \.translator),
        names("editor", \.editor),
        names("interviewer", \.interviewer),
        optional("container_title", \.containerTitle),
        optional("collection_title", \.collectionTitle),
        optional("volume", \.volume),
        optional("number", \.number),
        optional("page", \.page),
        optional("archive_place", \.archivePlace),
        optional("publisher", \.publisher),
        optional("publisher_place", \.publisherPlace),
        date("original_date", \.originalDate),
        optional("original_title", \.originalTitle),
        optional("title_short", \.titleShort),
        date("accessed", \.accessed),
        optional("url", \.url),
        text("summary", \.summary),
        text("text", \.text),
    ]

    /// The field named `name` (`title`, …), or one of the fields the vocabulary does not
    /// name (`extra.NAME`, kept in the record's extra metadata).
    public static func named(_ name: String) -> RecordField? {
        if let field = all.first(where: { $0.name == name }) { return field }
        guard name.hasPrefix(extraPrefix) else { return nil }
        return extra(String(name.dropFirst(extraPrefix.count)))
    }

    /// The fields of this record and that one: every named field, then the extra fields
    /// either has, in name order.
    public static func fields(of records: Record...) -> [RecordField] {
        let keys = Set(records.flatMap(\.extra.keys)).sorted()
        return all + keys.map(extra)
    }

    static let extraPrefix = "extra."

    /// A field the vocabulary does not name, kept in `extra` under `key`.
    static func extra(_ key: String) -> RecordField {
        RecordField(
            name: extraPrefix + key,
            isPresent: { record in
                guard let value = record.extra[key] else { return false }
                return value != .null && value != .string("") && value != .array([])
            },
            isSame: { $0.extra[key] == $1.extra[key] },
            copy: { $0.extra[key] = $1.extra[key] },
            units: { record in
                switch record.extra[key] {
                case nil, .null?: return []
                case .string(let text)?: return WordDiff.words(text)
                case .array(let values)?: return values.map { $0.string ?? $0.serialized() }
                case let value?: return [value.serialized()]
                }
            },
            isList: false)
    }

    private static func text(_ name: String, _ path: WritableKeyPath<Record, String> & Sendable) -> RecordField {
        RecordField(
            name: name, isPresent: { !$0[keyPath: path].isEmpty }, isSame: { $0[keyPath: path] == $1[keyPath: path] },
            copy: { $0[keyPath: path] = $1[keyPath: path] }, units: { WordDiff.words($0[keyPath: path]) }, isList: false)
    }

    private static func optional(_ name: String, _ path: WritableKeyPath<Record, String?> & Sendable) -> RecordField {
        RecordField(
            name: name, isPresent: { !($0[keyPath: path] ?? "").isEmpty },
            isSame: { ($0[keyPath: path] ?? "") == ($1[keyPath: path] ?? "") },
            copy: { $0[keyPath: path] = $1[keyPath: path] }, units: { WordDiff.words($0[keyPath: path] ?? "") },
            isList: false)
    }

    private static func list(_ name: String, _ path: WritableKeyPath<Record, [String]> & Sendable) -> RecordField {
        RecordField(
            name: name, isPresent: { !$0[keyPath: path].isEmpty }, isSame: { $0[keyPath: path] == $1[keyPath: path] },
            copy: { $0[keyPath: path] = $1[keyPath: path] }, units: { $0[keyPath: path] }, isList: true)
    }

    private static func names(_ name: String, _ path: WritableKeyPath<Record, [PersonName]> & Sendable) -> RecordField {
        RecordField(
            name: name, isPresent: { !$0[keyPath: path].isEmpty }, isSame: { $0[keyPath: path] == $1[keyPath: path] },
            copy: { $0[keyPath: path] = $1[keyPath: path] }, units: { $0[keyPath: path].map(\.sortForm) }, isList: true)
    }

    private static func date(_ name: String, _ path: WritableKeyPath<Record, PartialDate?> & Sendable) -> RecordField {
        RecordField(
            name: name, isPresent: { $0[keyPath: path] != nil },
            isSame: { $0[keyPath: path]?.iso == $1[keyPath: path]?.iso },
            copy: { $0[keyPath: path] = $1[keyPath: path] }, units: { $0[keyPath: path].map { [$0.iso] } ?? [] },
            isList: false)
    }
}

extension Record {
    /// What merging `incoming` into this record gives: every field `incoming` carries (has
    /// a value for) takes its value; every field it does not carry keeps this record's.
    /// Extra fields merge key by key. Returns the merged record and the names of the
    /// fields whose values changed, in `RecordField.all` order.
    public func merging(_ incoming: Record) -> (record: Record, changed: [String]) {
        var merged = self
        var changed: [String] = []
        for field in RecordField.fields(of: self, incoming) where field.isPresent(incoming) && !field.isSame(self, incoming) {
            field.copy(&merged, incoming)
            changed.append(field.name)
        }
        merged.provenance = incoming.provenance ?? provenance
        return (merged, changed)
    }

    /// The names of the fields whose values differ between this record and `other`.
    public func changedFields(to other: Record) -> [String] {
        RecordField.fields(of: self, other).filter { !$0.isSame(self, other) }.map(\.name)
    }

    /// The names of the fields this record has a value for.
    public var presentFields: [String] {
        RecordField.fields(of: self).filter { $0.isPresent(self) }.map(\.name)
    }
}
