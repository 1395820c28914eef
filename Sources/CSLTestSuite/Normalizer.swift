import Foundation

/// Canonicalises rendered output so equivalent markup compares equal.
public enum Normalizer {
    /// Unifies entity spellings and trims surrounding whitespace.
    public static func normalize(_ s: String) -> String {
        var t = s
        let table = [
            ("&#38;", "&amp;"), ("&#60;", "&lt;"), ("&#62;", "&gt;"), ("&#x26;", "&amp;"), ("&#34;", "&quot;"),
            ("&#160;", "\u{00A0}"), ("&nbsp;", "\u{00A0}"),
        ]
        for (a, b) in table { t = t.replacingOccurrences(of: a, with: b) }
        return t.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Splits an expected `csl-bib-body` block into entry contents.
    public static func bibliographyEntries(_ s: String) -> [String] {
        var lines = s.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if lines.first?.hasPrefix("<div class=\"csl-bib-body\"") == true { lines.removeFirst() }
        if lines.last == "</div>" { lines.removeLast() }
        var groups: [[String]] = []
        for line in lines {
            if line.hasPrefix("<div class=\"csl-entry\"") || groups.isEmpty {
                groups.append([line])
            } else {
                groups[groups.count - 1].append(line)
            }
        }
        return groups.map { g in
            var t = g.joined()
            if t.hasPrefix("<div class=\"csl-entry\"") { t = String(t.drop { $0 != ">" }.dropFirst()) }
            if t.hasSuffix("</div>") { t = String(t.dropLast(6)) }
            return normalize(t)
        }
    }

    /// Removes the line breaks and indentation citeproc-js puts between block divs.
    public static func joinLines(_ s: String) -> String {
        let lines = s.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        return normalize(lines.joined())
    }
}
