import Foundation

/// The markup a processor emits.
public enum CSLOutputFormat: String, Sendable {
    /// citeproc-js style HTML (`<i>`, `<b>`, `<span style=…>`).
    case html
    /// Plain text with no markup.
    case text
    /// Pandoc-friendly Markdown (`*italic*`, `**bold**`).
    case markdown
}
