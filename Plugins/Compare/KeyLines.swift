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

    /// A word as `--json` gives it: `term`, `g2` (to two places), `here`, `there`,
    /// `example` (null when there is none).
    struct Word: Encodable, Sendable {
        var term: String
        var g2: Double
        var here: Int
        var there: Int
        var example: String?

        init(_ entry: Entry) {
            term = entry.key.term
            g2 = (entry.key.g2 * 100).rounded() / 100
            here = entry.key.here
            there = entry.key.there
            example = entry.example
        }

        enum CodingKeys: String, CodingKey {
            case term, g2, here, there, example
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(term, forKey: .term)
            try container.encode(g2, forKey: .g2)
            try container.encode(here, forKey: .here)
            try container.encode(there, forKey: .there)
            try container.encode(example, forKey: .example)
        }
    }

    static func words(_ keys: [Entry]) -> [Word] { keys.map(Word.init) }
}
