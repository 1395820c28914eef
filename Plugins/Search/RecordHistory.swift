import DocumentStore
import DossierProtocol
import REPLCore

/// `show ID --history`: a record's versions, oldest first.
struct RecordHistory: CommandOutput {
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

    var json: JSONValue {
        [
            "id": .string(id),
            "versions": .array(
                versions.map { version in
                    guard case .object(var object) = version.json else { return version.json }
                    object["record"] = version.record.json
                    return .object(object)
                }),
        ]
    }
}

/// `show ID --provenance`: which version (import) set each field the record has.
struct FieldSources: CommandOutput {
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

    var json: JSONValue {
        [
            "id": .string(id), "version": .number(Double(newest)),
            "fields": .array(
                fields.map { source in
                    guard case .object(var object) = source.version.json else { return .null }
                    object["field"] = .string(source.field)
                    object["changed"] = nil
                    return .object(object)
                }),
        ]
    }
}
