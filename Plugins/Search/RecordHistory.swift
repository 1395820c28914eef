import DocumentStore
import DossierProtocol
import REPLCore

/// `show ID --history`: a record's versions, oldest first.
struct RecordHistory: CommandResult {
    var id: String
    var versions: [RecordVersion]

    /// An ISO 8601 time as a reader takes it in: `2026-12-02 18:50 UTC`.
    static func time(_ iso: String) -> String {
        guard iso.count >= 16 else { return iso }
        return iso.prefix(10) + " " + iso.dropFirst(11).prefix(5) + (iso.hasSuffix("Z") ? " UTC" : "")
    }

    func text(in style: TextStyle) -> String {
        var lines = ["\(id) has \(versions.count.counted("version")):", ""]
        let indent = String(repeating: " ", count: String(versions.last?.number ?? 1).count + 3)
        for version in versions {
            let number = Wrapping.pad("\(version.number).", to: indent.count)
            let newest = version.isNewest ? " (newest)" : ""
            lines += Wrapping.wrap(
                "\(Self.time(version.madeAt))  \(version.origin)\(newest)", width: style.width, indent: indent,
                firstIndent: number)
            let verb = version.number == 1 ? "set" : "changed"
            lines += Wrapping.wrap("\(verb): \(version.changed.joined(separator: ", "))", width: style.width, indent: indent)
                .map { style.dim($0) }
        }
        if versions.count > 1, let newest = versions.last {
            lines.append("")
            lines += Wrapping.wrap(
                "See what a version changed with 'diff \(id)~1 \(id)' or 'diff \(id)@1 \(id)@\(newest.number)'; restore one with 'revert \(id)@1'.",
                width: style.width)
        }
        return lines.joined(separator: "\n")
    }

    enum CodingKeys: String, CodingKey {
        case id, versions
    }

    /// What a version's entry adds to the version's own fields.
    private struct WithRecord: Encodable, Sendable {
        var record: Record
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(versions.map { Annotated($0, WithRecord(record: $0.record)) }, forKey: .versions)
    }
}

/// `show ID --provenance`: which version (import) set each field the record has.
struct FieldSources: CommandResult {
    var id: String
    var newest: Int
    var fields: [FieldProvenance]

    func text(in style: TextStyle) -> String {
        var lines = ["Where each field of \(id) comes from (version \(newest)):", ""]
        let indent = String(repeating: " ", count: (fields.map(\.field.count).max() ?? 0) + 2)
        for source in fields {
            let version = source.version
            lines += Wrapping.wrap(
                "version \(version.number), \(version.origin), \(RecordHistory.time(version.madeAt))", width: style.width,
                indent: indent, firstIndent: Wrapping.pad(source.field, to: indent.count))
        }
        return lines.joined(separator: "\n")
    }

    enum CodingKeys: String, CodingKey {
        case id, fields
        case version
    }

    /// A field and the version that set it: the version's fields but `changed`.
    private struct Source: Encodable, Sendable {
        var field: String
        var version: RecordVersion

        enum CodingKeys: String, CodingKey {
            case field
        }

        func encode(to encoder: any Encoder) throws {
            try version.json(listingChanges: false).encodeMembers(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(field, forKey: .field)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(newest, forKey: .version)
        try container.encode(fields.map { Source(field: $0.field, version: $0.version) }, forKey: .fields)
    }
}
