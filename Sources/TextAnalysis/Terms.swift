/// Words as the full-text index counts them, and the words too common to weigh.
public enum Terms {
    /// The words of `text` where the index's tokenizer (unicode61) splits them: lower-cased
    /// runs of letters and digits; apostrophes and hyphens split words.
    public static func indexWords(in text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current.lowercased())
                current = ""
            }
        }
        if !current.isEmpty { words.append(current.lowercased()) }
        return words
    }

    /// Where the words of `text` stand (runs of letters and digits, as `indexWords` cuts
    /// them), for marking or quoting them as written.
    public static func wordRanges(in text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var contiguous = text
        contiguous.withUTF8 { bytes in
            let utf8 = text.utf8
            forEachWord(inUTF8: bytes) { range, _ in
                ranges.append(
                    utf8.index(
                        utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound))
                return true
            }
        }
        return ranges
    }

    /// Calls `body` with the byte offsets of each word of `bytes` (UTF-8) in turn, and
    /// whether it is all ASCII, until it returns false. Words are runs of letters, digits
    /// and the marks that go with them, as `indexWords` cuts them; read byte by byte, for
    /// marking the words of every result shown.
    public static func forEachWord(inUTF8 bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, _ ascii: Bool) -> Bool) {
        var start: Int?
        var ascii = true
        var index = 0
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            let inWord: Bool
            let width: Int
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded) where encoded.count == 1:
                let byte = encoded.first!
                width = 1
                inWord = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
            case .valid(let encoded):
                width = encoded.count
                let properties = Unicode.UTF8.decode(encoded).properties
                switch properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark: inWord = start != nil || properties.isAlphabetic
                default: inWord = properties.isAlphabetic || properties.numericType != nil
                }
            case .error(let length):
                width = length
                inWord = false
            case .emptyInput:
                if let first = start { _ = body(first..<bytes.count, ascii) }
                return
            }
            if inWord {
                if start == nil {
                    start = index
                    ascii = true
                }
                if width > 1 { ascii = false }
            } else if let first = start {
                guard body(first..<index, ascii) else { return }
                start = nil
            }
            index += width
        }
    }

    /// The words of `text` as the index stores them: `indexWords` without diacritics.
    public static func indexTerms(in text: String) -> [String] {
        indexWords(in: text).map(Folding.fold)
    }

    /// `indexTerms`, faster for counting many documents: runs of ASCII letters and digits
    /// are lower-cased byte by byte; only a run with other characters in it goes through
    /// the full rules.
    public static func forEachIndexTerm(in text: String, _ body: (String) -> Void) {
        var ascii: [UInt8] = []
        ascii.reserveCapacity(32)
        let handled: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var start = 0
            var other = false
            var index = 0
            func finish(_ end: Int) {
                if other {
                    let run = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                    for term in indexTerms(in: run) { body(term) }
                } else if !ascii.isEmpty {
                    body(String(decoding: ascii, as: UTF8.self))
                }
                ascii.removeAll(keepingCapacity: true)
                other = false
            }
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x61...0x7A, 0x30...0x39:
                    if ascii.isEmpty && !other { start = index }
                    ascii.append(byte)
                case 0x41...0x5A:
                    if ascii.isEmpty && !other { start = index }
                    ascii.append(byte + 32)
                case 0xE2
                where index + 2 < bytes.count
                    && (bytes[index + 1] == 0x80 || (bytes[index + 1] == 0x81 && bytes[index + 2] < 0xB0)):
                    // General punctuation (U+2000–U+206F: curly quotes, dashes, ellipsis)
                    // separates words, as unicode61 has it.
                    if !ascii.isEmpty || other { finish(index) }
                    index += 2
                case 0x80...:
                    if ascii.isEmpty && !other { start = index }
                    other = true
                default:
                    if !ascii.isEmpty || other { finish(index) }
                }
                index += 1
            }
            if !ascii.isEmpty || other { finish(bytes.count) }
        }
        if handled == nil {
            for term in indexTerms(in: text) { body(term) }
        }
    }

    /// Function words, months, numbers and the common verbs of archival summaries: words
    /// that say nothing about what a document is about.
    public static let stopwords: Set<String> = NameLexicon.commonWords.union([
        "also", "would", "which", "who", "very", "well", "upon", "made", "make", "has", "its",
        "about", "other", "been", "there", "them", "they", "were", "will", "shall",
    ])
}
