import Foundation

/// Folding makes spellings that differ only in case, diacritics, apostrophes or Unicode
/// normalisation compare equal: `Ch’oe`, `Ch'oe`, `CH'OE` and `Chʼoe` all fold to `choe`,
/// and `Il-sŏng` folds to `il-song`.
///
/// Hyphens are kept: whether `Il-sung` and `Ilsung` are one name is a decision for the
/// name-variant rules, not for folding.
public enum Folding {
    /// Apostrophe-like characters that romanizations use inside words (McCune–Reischauer
    /// aspiration marks, Wade–Giles, transliterated soft signs).
    public static let apostrophes: Set<Character> = ["'", "’", "‘", "ʼ", "ʻ", "`", "´", "′"]

    /// The folded form of `text`: NFC, lower-cased, diacritics removed, apostrophes dropped.
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "'") && $0 != UInt8(ascii: "`") }) {
            return text.lowercased()
        }
        let stripped = text.precomposedStringWithCanonicalMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return String(stripped.filter { !apostrophes.contains($0) })
    }

    /// `text` in Unicode Normalization Form C, as every stored text is kept.
    ///
    /// Runs on every imported field, so text that is already composed (all ASCII, or with
    /// no combining marks or conjoining Hangul jamo) is returned as it is without asking
    /// Foundation, which is slow.
    public static func nfc(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        let mayCompose = text.unicodeScalars.contains { scalar in
            scalar.properties.canonicalCombiningClass != .notReordered
                || (0x1100...0x11FF).contains(scalar.value) || (0x2100...0x212F).contains(scalar.value)
        }
        return mayCompose ? text.precomposedStringWithCanonicalMapping : text
    }

    /// `text` without white space (and line breaks) at either end; a fast replacement for
    /// Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)`.
    public static func trimmed(_ text: String) -> String {
        // Most fields start and end with a visible ASCII character: nothing to do.
        if let first = text.utf8.first, let last = text.utf8.last,
            first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F
        {
            return text
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return text }
        return String(scalars[first...last])
    }
}
