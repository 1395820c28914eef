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
    public static func nfc(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }
}
