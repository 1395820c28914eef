/// Word wrapping for terminal output.
public enum Wrapping {
    /// `text` broken into lines of at most `width` visible characters, each line starting
    /// with `indent` (the first with `firstIndent` when given). Words longer than a line are left whole. Escape
    /// sequences (colour) and highlight markers take no width.
    public static func wrap(_ text: String, width: Int, indent: String = "", firstIndent: String? = nil) -> [String] {
        var text = text
        return text.withUTF8 { wrap($0, width: width, indent: indent, firstIndent: firstIndent ?? indent) }
    }

    /// Words are found, measured and gathered into lines as bytes: the separators are ASCII,
    /// and this runs over every result shown (Characters, or a String grown a word at a
    /// time, cost more than the search on a rare word).
    private static func wrap(_ bytes: UnsafeBufferPointer<UInt8>, width: Int, indent: String, firstIndent: String) -> [String] {
        var lines: [String] = []
        var line = Array(firstIndent.utf8)
        line.reserveCapacity(max(width, 16) * 2)
        var lineWidth = firstIndent.count
        var lineHasWord = false
        func isSeparator(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 }
        var index = 0
        while index < bytes.count {
            if isSeparator(bytes[index]) {
                index += 1
                continue
            }
            // Printable ASCII is one column a byte; anything else is measured in full.
            var wordEnd = index
            var asciiWidth = 0
            var plainASCII = true
            while wordEnd < bytes.count {
                let byte = bytes[wordEnd]
                if isSeparator(byte) { break }
                if byte >= 0x80 || byte == 0x1B {
                    plainASCII = false
                } else if byte >= 0x20 && byte != 0x7F {
                    asciiWidth += 1
                }
                wordEnd += 1
            }
            // Cut at ASCII separators, the word is whole UTF-8.
            let word = UnsafeBufferPointer(rebasing: bytes[index..<wordEnd])
            index = wordEnd
            let wordWidth = plainASCII ? asciiWidth : visibleWidth(String(decoding: word, as: UTF8.self))
            if lineHasWord && lineWidth + 1 + wordWidth > width {
                lines.append(String(decoding: line, as: UTF8.self))
                line.removeAll(keepingCapacity: true)
                line.append(contentsOf: indent.utf8)
                lineWidth = indent.count
                lineHasWord = false
            }
            if lineHasWord {
                line.append(0x20)
                lineWidth += 1
            }
            line.append(contentsOf: word)
            lineWidth += wordWidth
            lineHasWord = true
        }
        if lineHasWord || lines.isEmpty { lines.append(String(decoding: line, as: UTF8.self)) }
        return lines
    }

    /// Wraps each paragraph (separated by blank lines) of `text`, keeping paragraph breaks.
    public static func wrapParagraphs(_ text: String, width: Int, indent: String = "") -> [String] {
        var lines: [String] = []
        let paragraphs = text.components(separatedBy: "\n\n")
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { lines.append("") }
            lines += wrap(paragraph, width: width, indent: indent)
        }
        return lines
    }

    /// The number of columns `text` takes: escape sequences and control characters take
    /// none, East Asian wide characters take two.
    public static func visibleWidth<S: StringProtocol>(_ text: S) -> Int {
        var width = 0
        var inEscape = false
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in text.utf8 {
                if inEscape {
                    if byte == UInt8(ascii: "m") { inEscape = false }
                } else if byte == 0x1B {
                    inEscape = true
                } else if byte >= 0x20 && byte != 0x7F {
                    width += 1
                }
            }
            return width
        }
        for scalar in text.unicodeScalars {
            if inEscape {
                if scalar == "m" { inEscape = false }
                continue
            }
            if scalar == "\u{1B}" {
                inEscape = true
                continue
            }
            if scalar.value < 0x20 || (scalar.value >= 0x300 && scalar.properties.generalCategory == .nonspacingMark) {
                continue
            }
            width += isWide(scalar) ? 2 : 1
        }
        return width
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// `text` padded with spaces to `width` visible columns.
    public static func pad(_ text: String, to width: Int) -> String {
        let missing = width - visibleWidth(text)
        return missing > 0 ? text + String(repeating: " ", count: missing) : text
    }
}
