/// Finds a word, a prefix or a phrase in a text and cuts the context around each
/// occurrence, for keyword-in-context lines and in-context examples.
///
/// Words are runs of letters and digits (with apostrophes inside them, `Ch’oe`), compared
/// folded: case, diacritics and apostrophes do not matter, as in search.
public struct Concordance: Sendable {
    /// One occurrence: the text before it, the words as written, the text after.
    public struct Hit: Sendable, Equatable {
        public var left: String
        public var keyword: String
        public var right: String

        public init(left: String, keyword: String, right: String) {
            self.left = left
            self.keyword = keyword
            self.right = right
        }
    }

    /// The folded words of the term; the last may be a prefix.
    public let words: [String]
    public let lastIsPrefix: Bool

    /// A term as typed: `plenum`, `rehabilit*`, `Kim Il Sung`, `Yong-geon`. Nil when it
    /// holds no word.
    public init?(term: String) {
        var text = term
        var prefix = false
        if text.hasSuffix("*") {
            prefix = true
            text.removeLast()
        }
        let words = Self.words(in: Array(text)).map(\.key)
        guard !words.isEmpty else { return nil }
        self.words = words
        lastIsPrefix = prefix
    }

    /// Every occurrence in `text`, with up to `leftWidth` and `rightWidth` characters of
    /// context on either side, cut at word boundaries and marked with … where cut.
    public func hits(in text: String, leftWidth: Int, rightWidth: Int) -> [Hit] {
        let characters = Array(text)
        let tokens = Self.words(in: characters)
        guard tokens.count >= words.count else { return [] }
        var hits: [Hit] = []
        var index = 0
        while index + words.count <= tokens.count {
            if matches(tokens, at: index) {
                let start = tokens[index].range.lowerBound
                let end = tokens[index + words.count - 1].range.upperBound
                hits.append(
                    Hit(
                        left: Self.cutLeft(characters[..<start], width: leftWidth),
                        keyword: String(characters[start..<end]),
                        right: Self.cutRight(characters[end...], width: rightWidth)))
                index += words.count
            } else {
                index += 1
            }
        }
        return hits
    }

    private func matches(_ tokens: [Word], at index: Int) -> Bool {
        for (offset, word) in words.enumerated() {
            let key = tokens[index + offset].key
            if offset == words.count - 1 && lastIsPrefix {
                if !key.hasPrefix(word) { return false }
            } else if key != word {
                return false
            }
        }
        return true
    }

    struct Word {
        var key: String
        var range: Range<Int>
    }

    static func words(in characters: [Character]) -> [Word] {
        var words: [Word] = []
        var index = 0
        while index < characters.count {
            guard characters[index].isLetter || characters[index].isNumber else {
                index += 1
                continue
            }
            var end = index + 1
            while end < characters.count {
                if characters[end].isLetter || characters[end].isNumber {
                    end += 1
                } else if Folding.apostrophes.contains(characters[end]), end + 1 < characters.count,
                    characters[end + 1].isLetter
                {
                    end += 2
                } else {
                    break
                }
            }
            words.append(Word(key: Folding.fold(String(characters[index..<end])), range: index..<end))
            index = end
        }
        return words
    }

    private static func oneLine<S: Sequence<Character>>(_ text: S) -> String {
        String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }

    /// The last `width` characters of `text` (with the ellipsis), starting at a word.
    static func cutLeft(_ text: ArraySlice<Character>, width: Int) -> String {
        let line = oneLine(text)
        guard line.count > width else { return line }
        var cut = line.suffix(max(0, width - 1))
        if cut.first != " " && line.dropLast(cut.count).last != " " {
            cut = cut.firstIndex(of: " ").map { cut[$0...] } ?? ""
        }
        return "…" + cut.drop { $0 == " " }
    }

    /// The first `width` characters of `text` (with the ellipsis), ending at a word.
    static func cutRight(_ text: ArraySlice<Character>, width: Int) -> String {
        let line = oneLine(text)
        guard line.count > width else { return line }
        var cut = line.prefix(max(0, width - 1))
        if cut.last != " " && line.dropFirst(cut.count).first != " " {
            cut = cut.lastIndex(of: " ").map { cut[...$0] } ?? ""
        }
        while cut.last == " " { cut.removeLast() }
        return cut + "…"
    }
}
