import Foundation

/// Formats page ranges per the style's `page-range-format`.
enum PageRange {
    /// Reformats every "a-b" range in `text`; other text is kept.
    static func format(_ text: String, _ format: String?, delimiter: String = "\u{2013}") -> String {
        // A backslash-escaped hyphen is a literal hyphen, never a range.
        let placeholder = "\u{E000}"
        let protected = text.replacingOccurrences(of: "\\-", with: placeholder)
        var out = ""
        var piece = ""
        for c in protected {
            if c == "," || c == "&" {
                out += formatOne(piece, format, delimiter) + String(c)
                piece = ""
            } else {
                piece.append(c)
            }
        }
        out += formatOne(piece, format, delimiter)
        return out.replacingOccurrences(of: placeholder, with: "-")
    }

    private static func formatOne(_ piece: String, _ format: String?, _ delimiter: String) -> String {
        let separators = CharacterSet(charactersIn: "-\u{2013}\u{2014}")
        let parts = piece.components(separatedBy: separators).filter { !$0.isEmpty }
        guard parts.count == 2 || (parts.count == 3 && piece.contains("--")) else { return piece }
        let lead = String(piece.prefix { $0 == " " })
        let trail = String(piece.reversed().prefix { $0 == " " })
        let a = parts[0].trimmingCharacters(in: .whitespaces)
        let b = parts[parts.count - 1].trimmingCharacters(in: .whitespaces)
        let (pa, na) = split(a)
        let (pb, nb) = split(b)
        if isRoman(a) && isRoman(b) {
            return lead + a + delimiter + b + trail
        }
        guard let first = Int(na), let second = Int(nb), pa == pb else {
            // Not a real range: keep the hyphen, but without the spaces around it.
            return lead + a + "-" + b + trail
        }
        var secondText = nb
        if let format {
            var full = nb
            if nb.count < na.count && second < first {
                full = String(na.prefix(na.count - nb.count)) + nb
            }
            switch format {
            case "expanded": secondText = full
            case "minimal": secondText = minimal(na, full, keep: 1)
            case "minimal-two": secondText = minimal(na, full, keep: 2)
            case "chicago", "chicago-15": secondText = chicago(na, full, sixteen: false)
            case "chicago-16": secondText = chicago(na, full, sixteen: true)
            default: secondText = nb
            }
        }
        _ = first
        let keepPrefix = format == nil || format == "expanded"
        return lead + pa + na + delimiter + (keepPrefix ? pb : "") + secondText + trail
    }

    private static func isRoman(_ s: String) -> Bool {
        !s.isEmpty && (s.allSatisfy { "ivxlcdm".contains($0) } || s.allSatisfy { "IVXLCDM".contains($0) })
    }

    private static func split(_ s: String) -> (String, String) {
        let digits = String(s.reversed().prefix { $0.isNumber }.reversed())
        return (String(s.dropLast(digits.count)), digits)
    }

    private static func minimal(_ a: String, _ b: String, keep: Int) -> String {
        guard a.count == b.count else { return b }
        let ac = Array(a)
        let bc = Array(b)
        var i = 0
        while i < ac.count && ac[i] == bc[i] { i += 1 }
        let remaining = bc.count - i
        if remaining >= keep { return String(bc[i...]) }
        return String(bc.suffix(min(keep, bc.count)))
    }

    private static func chicago(_ a: String, _ b: String, sixteen: Bool) -> String {
        guard let first = Int(a) else { return b }
        if first < 100 || first % 100 == 0 { return b }
        if first % 100 < 10 { return minimal(a, b, keep: 1) }
        if !sixteen && a.count == 4 && a.count == b.count {
            let changed = minimal(a, b, keep: 1)
            if changed.count >= 3 { return b }
        }
        return minimal(a, b, keep: 2)
    }
}
