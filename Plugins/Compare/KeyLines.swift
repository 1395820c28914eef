import DocumentStore
import DossierProtocol
import REPLCore
import TextAnalysis

/// Distinctive words a line each, as both kinds of comparison print them: the word, its
/// G², the counts here and there, and an example wrapped under itself.
enum KeyLines {
    typealias Entry = (key: Keyness.Key, example: String?)

    /// The column the words take: the longest word and a space, at most 18.
    static func termWidth(_ keys: [Entry]) -> Int {
        min(18, (keys.map(\.key.term.count).max() ?? 4) + 1)
    }

    static func lines(
        _ keys: [Entry], indent: String, termWidth: Int, g2Width: Int, countsWidth: Int, style: TextStyle
    ) -> [String] {
        keys.flatMap { key, example -> [String] in
            let head =
                indent + Wrapping.pad(key.term, to: termWidth) + String(format: "%\(g2Width).1f", key.g2) + "  "
                + Wrapping.pad("\(key.here.grouped) / \(key.there.grouped)", to: countsWidth)
            let exampleIndent = String(repeating: " ", count: Wrapping.visibleWidth(head) + 1)
            let wrapped = Wrapping.wrap(example ?? "", width: style.width, indent: exampleIndent, firstIndent: exampleIndent)
            return [head + " " + wrapped[0].dropFirst(exampleIndent.count)] + wrapped.dropFirst()
        }
    }

    /// The words as `--json` gives them: `term`, `g2`, `here`, `there`, `example`.
    static func json(_ keys: [Entry]) -> JSONValue {
        .array(
            keys.map { key, example in
                [
                    "term": .string(key.term), "g2": .number((key.g2 * 100).rounded() / 100), "here": .number(Double(key.here)),
                    "there": .number(Double(key.there)), "example": example.map(JSONValue.string) ?? .null,
                ]
            })
    }
}
