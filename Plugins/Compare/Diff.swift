import ArgumentParser
import DocumentStore
import REPLCore
import TextAnalysis

/// `diff REF REF`: what one text says that the other does not, word by word.
struct Diff: DossierCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show a word-by-word diff of two documents' texts (two translations, two versions).",
        discussion: """
            Each document's text is used, else its summary, else its title. Words taken out are \
            shown [-like this-] and words put in {+like this+} (in red and green at a \
            terminal); --json gives the edit script: operations equal, insert and delete with \
            their words.
            """)
    static let examples = ["diff wca-2a20b1851ab2 wca-e483cb3033ce"]

    @Argument(help: ArgumentHelp("The first document (a result number or an id).", valueName: "ref"))
    var first: String
    @Argument(help: ArgumentHelp("The second document.", valueName: "ref"))
    var second: String

    func run(in context: CommandContext) async throws -> any CommandOutput {
        let (a, b) = (try context.resolve(first), try context.resolve(second))
        let (textA, fieldA) = Self.body(a), (textB, fieldB) = Self.body(b)
        return DiffOutput(first: a, second: b, fields: (fieldA, fieldB), operations: WordDiff.script(from: textA, to: textB))
    }

    /// The text a diff compares, and which field it is.
    static func body(_ record: Record) -> (String, String) {
        if !record.text.isEmpty { return (record.text, "text") }
        if !record.summary.isEmpty { return (record.summary, "summary") }
        return (record.title, "title")
    }
}

struct DiffOutput: CommandOutput {
    var first: Record
    var second: Record
    var fields: (String, String)
    var operations: [WordDiff.Operation]

    func count(_ kind: WordDiff.Kind) -> Int {
        operations.filter { $0.kind == kind }.reduce(0) { $0 + $1.words.count }
    }

    func text(in style: TextStyle) -> String {
        let (kept, deleted, inserted) = (count(.equal), count(.delete), count(.insert))
        var lines = Wrapping.wrap(
            "The \(fields.0) of \(first.id) against the \(fields.1) of \(second.id): \(kept.counted("word")) kept, \(deleted) taken out, \(inserted) put in.",
            width: style.width)
        if deleted == 0 && inserted == 0 {
            lines += Wrapping.wrap("The two are the same, word for word.", width: style.width)
            return lines.joined(separator: "\n")
        }
        // Words as tokens for wrapping, each carrying its marks, so a line never breaks a mark.
        var tokens: [String] = []
        for operation in operations {
            switch operation.kind {
            case .equal: tokens += operation.words
            case .delete:
                tokens += style.color ? operation.words.map(style.deleted) : marked(operation.words, "[-", "-]")
            case .insert:
                tokens += style.color ? operation.words.map(style.inserted) : marked(operation.words, "{+", "+}")
            }
        }
        lines.append("")
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
        return lines.joined(separator: "\n")
    }

    private func marked(_ words: [String], _ open: String, _ close: String) -> [String] {
        guard !words.isEmpty else { return [] }
        var result = words
        result[0] = open + result[0]
        result[result.count - 1] += close
        return result
    }

    var json: JSONValue {
        [
            "first": .string(first.id), "second": .string(second.id),
            "fields": .array([.string(fields.0), .string(fields.1)]),
            "operations": .array(operations.map { ["op": .string($0.kind.rawValue), "words": .array($0.words.map(JSONValue.string))] }),
        ]
    }
}
