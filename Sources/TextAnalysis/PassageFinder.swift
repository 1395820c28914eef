import Foundation

/// Finds a quoted passage in a text the way a reader would recognise it: regardless of
/// case, accents, curly or straight quotation marks and how the white space runs.
public enum PassageFinder {
    /// Where a passage was found: character offsets (in `Character`s) and the paragraph.
    public struct Match: Sendable, Equatable {
        public var start: Int
        public var end: Int
        /// Counting from 1; paragraphs are separated by blank lines (or, in a text without
        /// blank lines, by line breaks).
        public var paragraph: Int
        /// The passage as the text spells it.
        public var text: String
    }

    /// The first place `passage` occurs in `text`, or nil.
    public static func find(_ passage: String, in text: String) -> Match? {
        var (needle, _) = folded(passage)
        while needle.first == " " { needle.removeFirst() }
        while needle.last == " " { needle.removeLast() }
        guard !needle.isEmpty else { return nil }
        let (haystack, offsets) = folded(text)
        // Compared character by character: Foundation's range(of:) can answer with indices
        // that are not the string's own (with NUL and combining characters in it).
        guard needle.count <= haystack.count,
            let first = (0...(haystack.count - needle.count)).first(where: { start in
                haystack[start] == needle[0] && haystack[start..<start + needle.count].elementsEqual(needle)
            })
        else { return nil }
        let last = first + needle.count - 1
        let start = offsets[first]
        let end = offsets[last] + 1
        let characters = Array(text)
        return Match(
            start: start, end: end, paragraph: paragraph(at: start, in: characters), text: String(characters[start..<end]))
    }

    /// The text folded for matching, a character at a time (kept apart, so that a combining
    /// mark cannot join the character before it), with the offset in the original of each.
    private static func folded(_ text: String) -> ([Character], [Int]) {
        var result: [Character] = []
        var offsets: [Int] = []
        var lastWasSpace = true
        for (offset, character) in text.enumerated() {
            if character.isWhitespace {
                if !lastWasSpace {
                    result.append(" ")
                    offsets.append(offset)
                }
                lastWasSpace = true
                continue
            }
            lastWasSpace = false
            let normal: String
            switch character {
            case "‘", "’", "‚", "′", "`": normal = "'"
            case "“", "”", "„", "«", "»", "″": normal = "\""
            case "–", "—", "‐", "‑": normal = "-"
            default: normal = String(character).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            }
            for folded in normal {
                result.append(folded)
                offsets.append(offset)
            }
        }
        return (result, offsets)
    }

    private static func paragraph(at offset: Int, in characters: [Character]) -> Int {
        let before = characters[..<offset]
        let hasBlankLines = characters.indices.dropFirst().contains {
            characters[$0] == "\n" && blankLine(endingAt: $0, in: characters)
        }
        var count = 1
        for index in before.indices where characters[index] == "\n" {
            if !hasBlankLines || blankLine(endingAt: index, in: characters) { count += 1 }
        }
        return count
    }

    /// Whether the line break at `index` ends an empty line (only white space since the
    /// previous break).
    private static func blankLine(endingAt index: Int, in characters: [Character]) -> Bool {
        var back = index - 1
        while back >= 0, characters[back] != "\n" {
            if !characters[back].isWhitespace { return false }
            back -= 1
        }
        return back >= 0
    }
}
