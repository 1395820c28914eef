import ArgumentParser
import DocumentStore
import DossierProtocol
import REPLCore
import TextAnalysis

/// `diff REF REF`: every field in which two documents (or two versions of one) differ,
/// word by word.
struct Diff: DossierCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show every field in which two documents, or two versions of one, differ, word by word.",
        discussion: """
            Compares every field: title, date, summary, text, people, places, collections, \
            archive and reference, language, translator and the rest; fields that are the \
            same are not listed. Words taken out are shown [-like this-] and words put in \
            {+like this+} (in red and green at a terminal); lists (people, collections) are \
            compared item by item. A REF is a result number or an id; ID@2 is version 2 of \
            a document and ID~1 the version before its newest, so 'diff ID~1 ID' shows what \
            the last import changed. --json gives, for each field that differs, the edit \
            script: operations equal, insert and delete with their words.
            """)
    static let examples = ["diff wca-2a20b1851ab2 wca-e483cb3033ce", "diff wca-2a20b1851ab2@1 wca-2a20b1851ab2"]

    @Argument(help: ArgumentHelp("The first document (a result number or an id; ID@N for a version).", valueName: "ref"))
    var first: String
    @Argument(help: ArgumentHelp("The second document.", valueName: "ref"))
    var second: String

    func run(in context: CommandContext) async throws -> any CommandOutput {
        let (a, b) = (try context.resolveVersion(first), try context.resolveVersion(second))
        return DiffOutput(first: Self.label(a), second: Self.label(b), fields: Self.differences(a.record, b.record))
    }

    /// How the output names a document: its id, with the version when it is not the newest.
    static func label(_ version: RecordVersion) -> String {
        version.isNewest ? version.record.id : "\(version.record.id)@\(version.number)"
    }

    /// Every field in which the records differ, in `RecordField` order, with its edit script.
    static func differences(_ a: Record, _ b: Record) -> [DiffOutput.Field] {
        RecordField.fields(of: a, b).filter { !$0.isSame(a, b) }.map { field in
            DiffOutput.Field(
                name: field.name, isList: field.isList, operations: WordDiff.script(from: field.units(a), to: field.units(b)))
        }
    }
}

struct DiffOutput: CommandResult {
    struct Field {
        var name: String
        /// Whether the operations' units are a list's items rather than words.
        var isList: Bool
        var operations: [WordDiff.Operation]

        func count(_ kind: WordDiff.Kind) -> Int {
            operations.filter { $0.kind == kind }.reduce(0) { $0 + $1.words.count }
        }
    }

    var first: String
    var second: String
    var fields: [Field]

    func text(in style: TextStyle) -> String {
        guard !fields.isEmpty else {
            return Wrapping.wrap(
                "\(first) against \(second): the two are the same in every field, word for word.", width: style.width
            )
            .joined(separator: "\n")
        }
        let names = fields.map(\.name).joined(separator: ", ")
        var lines = Wrapping.wrap(
            "\(first) against \(second): \(fields.count == 1 ? "1 field differs" : "\(fields.count) fields differ") (\(names)); every other field is the same.",
            width: style.width)
        for field in fields {
            let unit = field.isList ? "item" : "word"
            lines.append("")
            lines += Wrapping.wrap(
                style.bold(field.name)
                    + ": \(field.count(.equal).counted(unit)) kept, \(field.count(.delete)) taken out, \(field.count(.insert)) put in.",
                width: style.width)
            lines += wrapped(field, style: style)
        }
        return lines.joined(separator: "\n")
    }

    /// A field's edit script as lines, each token carrying its marks so a line never
    /// breaks a mark; a list's items are separated by semicolons.
    private func wrapped(_ field: Field, style: TextStyle) -> [String] {
        var tokens: [String] = []
        for operation in field.operations {
            let units =
                field.isList ? operation.words.map { $0.replacingOccurrences(of: " ", with: "\u{00A0}") } : operation.words
            switch operation.kind {
            case .equal: tokens += units
            case .delete: tokens += style.color ? units.map(style.deleted) : marked(units, "[-", "-]")
            case .insert: tokens += style.color ? units.map(style.inserted) : marked(units, "{+", "+}")
            }
        }
        if field.isList { tokens = tokens.enumerated().map { $0.offset < tokens.count - 1 ? $0.element + ";" : $0.element } }
        var lines: [String] = []
        var line = ""
        for token in tokens {
            if !line.isEmpty, Wrapping.visibleWidth(line) + 1 + Wrapping.visibleWidth(token) > style.width {
                lines.append(line)
                line = token
            } else {
                line += line.isEmpty ? token : " " + token
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.map { $0.replacingOccurrences(of: "\u{00A0}", with: " ") }
    }

    private func marked(_ words: [String], _ open: String, _ close: String) -> [String] {
        guard !words.isEmpty else { return [] }
        var result = words
        result[0] = open + result[0]
        result[result.count - 1] += close
        return result
    }

    enum CodingKeys: String, CodingKey {
        case first, second, same, fields
    }

    enum FieldKeys: String, CodingKey {
        case field, unit, kept, deleted, inserted, operations
    }

    enum OperationKeys: String, CodingKey {
        case op, words
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(first, forKey: .first)
        try container.encode(second, forKey: .second)
        try container.encode(fields.isEmpty, forKey: .same)
        var list = container.nestedUnkeyedContainer(forKey: .fields)
        for field in fields {
            var entry = list.nestedContainer(keyedBy: FieldKeys.self)
            try entry.encode(field.name, forKey: .field)
            try entry.encode(field.isList ? "item" : "word", forKey: .unit)
            try entry.encode(field.count(.equal), forKey: .kept)
            try entry.encode(field.count(.delete), forKey: .deleted)
            try entry.encode(field.count(.insert), forKey: .inserted)
            var operations = entry.nestedUnkeyedContainer(forKey: .operations)
            for operation in field.operations {
                var item = operations.nestedContainer(keyedBy: OperationKeys.self)
                try item.encode(operation.kind.rawValue, forKey: .op)
                try item.encode(operation.words, forKey: .words)
            }
        }
    }
}
