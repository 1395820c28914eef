import Foundation
import GRDB
import TextAnalysis

/// Snippets made without FTS5: the stretch of a text where the words searched for stand
/// thickest, each between `SearchHit.highlightStart` and `highlightEnd`.
struct Snippet {
    /// The words to mark as the index holds them, and the beginnings of words (prefixes).
    private let words: [[UInt8]]
    private let prefixes: [[UInt8]]
    /// Whether every word and prefix is ASCII (see `mayHold`).
    private let asciiTerms: Bool

    init(words: Set<String>, prefixes: [String]) {
        self.words = words.map { Array($0.utf8) }
        self.prefixes = prefixes.map { Array($0.utf8) }
        asciiTerms = (self.words + self.prefixes).allSatisfy { $0.allSatisfy { $0 < 0x80 } }
    }

    /// Up to `length` words of `text` with every word searched for marked, chosen as FTS5's
    /// `snippet()` chooses (fts5_aux.c): for each word found, the stretch from it scored
    /// 1,000 for each different word searched for in it and 1 for each repeat, and shown
    /// with its words centred; and the stretch from the start of its sentence, scored the
    /// same and 100 more (120 at the very start). The first best is shown; nil when no word
    /// searched for is there.
    func marking(_ text: String, length: Int = 32) -> String? {
        guard !text.isEmpty else { return nil }
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            // Most results shown were found by their title: in a text of ASCII, a word
            // searched for stands only where its letters do, whatever their case, and
            // looking for them is much faster than reading the text's words.
            if bytes.allSatisfy({ $0 < 0x80 }) && !mayHold(bytes) { return nil }
            var words: [Range<Int>] = []
            words.reserveCapacity(min(bytes.count / 4, 4_096))
            // The words that start a sentence: the first, and each after '.' or ':' and a space.
            var sentences: [Int] = []
            // Each hit: the word's place and which word or prefix it is.
            var hits: [(word: Int, key: Int)] = []
            var keys = Set<Int>()
            // In a long text, once a stretch holds every word searched for, a later one can
            // win only by a repeat or a sentence's start: the text is read only a stretch
            // further, not to its end.
            var enough = Int.max
            Terms.forEachWord(inUTF8: bytes) { range, ascii in
                var before = range.lowerBound - 1
                while before >= 0
                    && (bytes[before] == 0x20 || bytes[before] == 0x0A || bytes[before] == 0x09 || bytes[before] == 0x0D)
                {
                    before -= 1
                }
                if words.isEmpty
                    || before >= 0 && before < range.lowerBound - 1 && (bytes[before] == 0x2E || bytes[before] == 0x3A)
                {
                    sentences.append(words.count)
                }
                if let key = self.key(of: UnsafeBufferPointer(rebasing: bytes[range]), ascii: ascii) {
                    hits.append((words.count, key))
                    keys.insert(key)
                    if enough == Int.max && words.count >= 1_000 && keys.count == self.keyCount {
                        let recent = hits.reversed().prefix { $0.word > words.count - length }
                        if Set(recent.map(\.key)).count == self.keyCount { enough = words.count + length + 1 }
                    }
                }
                words.append(range)
                return words.count < enough
            }
            guard !hits.isEmpty else { return nil }
            let start = Self.bestStart(hits: hits, sentences: sentences, wordCount: words.count, length: length)
            let end = min(words.count, start + length)
            var snippet: [UInt8] = start > 0 ? Array("…".utf8) : []
            var cursor = words[start].lowerBound
            var hitIndex = hits.firstIndex { $0.word >= start } ?? hits.count
            for word in start..<end {
                let range = words[word]
                snippet += bytes[cursor..<range.lowerBound].map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }
                if hitIndex < hits.count && hits[hitIndex].word == word {
                    snippet.append(0x02)
                    snippet += bytes[range]
                    snippet.append(0x03)
                    hitIndex += 1
                } else {
                    snippet += bytes[range]
                }
                cursor = range.upperBound
            }
            if end < words.count {
                snippet += "…".utf8
            } else {
                snippet += bytes[cursor...].map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }
            }
            return String(decoding: snippet, as: UTF8.self)
        }
    }

    private var keyCount: Int { words.count + prefixes.count }

    /// Where the best stretch starts: for each hit, the stretch from it (centred on its
    /// hits) and the stretch from its sentence's start, scored as `marking` says.
    private static func bestStart(hits: [(word: Int, key: Int)], sentences: [Int], wordCount: Int, length: Int) -> Int {
        func score(from first: Int) -> (score: Int, last: Int) {
            let inside = hits.drop { $0.word < first }.prefix { $0.word < first + length }
            return (Set(inside.map(\.key)).count * 1000 + inside.count, inside.last?.word ?? first)
        }
        var best = (score: -1, start: 0)
        var sentence = 0
        for hit in hits {
            var (points, last) = score(from: hit.word)
            if points > best.score {
                // Centred: as many words before its first hit as after its last.
                let start = hit.word - (length - (last - hit.word)) / 2
                best = (points, max(0, min(start, wordCount - length)))
            }
            while sentence + 1 < sentences.count && sentences[sentence + 1] <= hit.word { sentence += 1 }
            if wordCount > length, sentences[sentence] < hit.word {
                (points, last) = score(from: sentences[sentence])
                points += sentences[sentence] == 0 ? 120 : 100
                if points > best.score { best = (points, sentences[sentence]) }
            }
        }
        return best.start
    }

    /// Whether the letters of a word searched for (or a prefix) stand anywhere in `bytes`,
    /// in any case; true for a word that is not ASCII (its folded letters need not).
    private func mayHold(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard asciiTerms else { return true }
        for term in words + prefixes where !term.isEmpty && term.count <= bytes.count {
            for start in 0...(bytes.count - term.count) where bytes[start] | 0x20 == term[0] | 0x20 {
                var index = 1
                while index < term.count && bytes[start + index] | 0x20 == term[index] | 0x20 { index += 1 }
                if index == term.count { return true }
            }
        }
        return false
    }

    /// Which word (or, after the words, which prefix) `word` is, if it is one searched for.
    private func key(of word: UnsafeBufferPointer<UInt8>, ascii: Bool) -> Int? {
        if ascii {
            // Lower-cased byte by byte (the words searched for are folded already), the
            // first letter and the length first: this runs for every word of every
            // snippet.
            @inline(__always) func lowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
            @inline(__always) func begins(with term: [UInt8]) -> Bool {
                guard !term.isEmpty, term.count <= word.count, term[0] == lowered(word[0]) else { return false }
                for index in 1..<term.count where lowered(word[index]) != term[index] { return false }
                return true
            }
            for index in words.indices where words[index].count == word.count && begins(with: words[index]) { return index }
            for index in prefixes.indices where begins(with: prefixes[index]) { return words.count + index }
            return nil
        }
        let term = Array(Folding.fold(String(decoding: word, as: UTF8.self)).utf8)
        if let index = words.firstIndex(of: term) { return index }
        return prefixes.firstIndex { term.starts(with: $0) }.map { words.count + $0 }
    }
}
