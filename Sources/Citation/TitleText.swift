import Foundation

/// Titles as citation styles set them.
public enum TitleText {
    /// Acronyms an ALL-CAPS title keeps in capitals, besides words with no vowel (KWP)
    /// and Roman numerals.
    static let acronyms: Set<String> = [
        "DPRK", "ROK", "CPSU", "KWP", "WPK", "USSR", "USA", "US", "UK", "UN", "UNC", "PRC", "ROC", "CCP", "CPC", "KPA",
        "PLA", "CPV", "NATO", "SEATO", "GDR", "FRG", "CIA", "KGB", "NKVD", "MGB", "OSS", "FBI", "CC", "CPV", "NKP",
        "SED", "PUWP", "CPCz", "HSWP", "MFA", "MID", "TASS", "VOKS", "AVPRF", "RGANI", "RGASPI", "GARF", "NARA",
        "FRUS", "ICBM", "ABM", "SALT", "NSC", "JCS", "OAS", "OPEC", "ASEAN", "EEC", "IAEA", "UNESCO", "UNRRA",
    ]

    /// Lower-case words of a headline, unless first or after a colon (CSL's list, as
    /// pandoc's citeproc applies it).
    static let stopWords: Set<String> = [
        "a", "an", "and", "as", "at", "but", "by", "down", "for", "from", "in", "into", "nor", "of", "on", "onto",
        "or", "over", "so", "the", "till", "to", "up", "via", "with", "yet",
    ]

    /// White space runs as one space, trimmed.
    static func tidy(_ title: String) -> String {
        title.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether the title is in capitals throughout (two words or more, no lower-case letter).
    static func isAllCaps(_ title: String) -> Bool {
        let letters = title.unicodeScalars.filter { CharacterSet.letters.contains($0) }
        guard letters.count >= 6, title.split(separator: " ").count >= 2 else { return false }
        return !letters.contains { CharacterSet.lowercaseLetters.contains($0) }
    }

    /// An ALL-CAPS title in headline style with its acronyms kept; any other title as it is.
    public static func fromAllCaps(_ title: String) -> String {
        guard isAllCaps(title) else { return title }
        let lowered = title.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            let core = word.trimmingCharacters(in: .punctuationCharacters)
            if keepsCapitals(core) { return String(word) }
            return word.lowercased()
        }.joined(separator: " ")
        return headline(lowered)
    }

    private static func keepsCapitals(_ word: String) -> Bool {
        guard !word.isEmpty else { return false }
        if acronyms.contains(word) { return true }
        // Acronyms joined by a hyphen or slash (US-ROK, CPSU/KWP) keep their capitals.
        let pieces = word.split(whereSeparator: { $0 == "-" || $0 == "/" }).map(String.init)
        if pieces.count > 1, pieces.allSatisfy(keepsCapitals) { return true }
        if word.count >= 2, word.allSatisfy({ "IVXLC".contains($0) }) { return true }
        let letters = word.filter(\.isLetter)
        return letters.count >= 2 && letters.allSatisfy(\.isASCII) && !letters.contains { "AEIOUY".contains($0) }
    }

    /// Headline style as CSL's `text-case="title"` gives it (pandoc's citeproc): every word
    /// begins with a capital but for one-letter words and the stop words inside the title
    /// (a word after a colon or a hyphen takes one too); a word that already holds a
    /// capital, or begins with a digit, is left as it is.
    public static func headline(_ title: String) -> String {
        let characters = Array(title)
        var result = ""
        var index = 0
        var sentenceStart = true
        while index < characters.count {
            let character = characters[index]
            guard character.isLetter || character.isNumber else {
                if character == ":" { sentenceStart = true }
                result.append(character)
                index += 1
                continue
            }
            var end = index
            while end < characters.count {
                let next = characters[end]
                let innerApostrophe = (next == "'" || next == "’") && end + 1 < characters.count && characters[end + 1].isLetter
                guard next.isLetter || next.isNumber || innerApostrophe else { break }
                end += 1
            }
            let word = String(characters[index..<end])
            let afterHyphen = index > 0 && characters[index - 1] == "-"
            let minor = !sentenceStart && !afterHyphen && (stopWords.contains(word.lowercased()) || word.count < 2)
            let keep = minor || word.contains(where: \.isUppercase) || word.first?.isNumber == true
            result += keep ? word : word.prefix(1).uppercased() + word.dropFirst()
            sentenceStart = false
            index = end
        }
        return result
    }

    /// The title with the hyphenated parts of names kept as written when a style sets it in
    /// title case: a word such as "Yeong-bin" or "Il-sung", capitalised and joined by a
    /// hyphen to a lower-case part, after another capitalised word ("Pak Yeong-bin"), is
    /// marked `<span class="nocase">`, which CSL processors, Zotero and pandoc read. Words
    /// that open the title or follow a lower-case word ("the Anti-party group") are left
    /// to the style.
    public static func protectingHyphenatedNames(_ title: String) -> String {
        let words = title.split(separator: " ", omittingEmptySubsequences: false)
        var previousCapitalised = false
        var result: [String] = []
        for word in words {
            let core = word.trimmingCharacters(in: .punctuationCharacters.subtracting(CharacterSet(charactersIn: "-")))
            let parts = core.split(separator: "-", omittingEmptySubsequences: false)
            let isHyphenatedName =
                parts.count == 2 && parts.allSatisfy { $0.count >= 2 && $0.allSatisfy(\.isLetter) }
                && parts[0].first!.isUppercase && parts[0].dropFirst().allSatisfy(\.isLowercase)
                && parts[1].allSatisfy(\.isLowercase)
            if isHyphenatedName && previousCapitalised, let range = word.range(of: core) {
                result.append(word.replacingCharacters(in: range, with: "<span class=\"nocase\">\(core)</span>"))
            } else {
                result.append(String(word))
            }
            previousCapitalised = word.first(where: \.isLetter)?.isUppercase ?? false
        }
        return result.joined(separator: " ")
    }

    /// Whether the title has letters of a script other than Latin (Cyrillic, Hangul, Han…).
    public static func hasNonLatinLetters(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            CharacterSet.letters.contains(scalar) && !(scalar.value < 0x0250 || (0x1E00...0x1EFF).contains(scalar.value))
        }
    }

    /// A BCP 47 language for a title in another script, for exports whose readers decide
    /// by language whether to change a title's case.
    static func languageOfScript(_ text: String) -> String? {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0400...0x04FF: return "ru"
            case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: return "ko"
            case 0x3040...0x30FF: return "ja"
            case 0x4E00...0x9FFF: return "zh"
            default: continue
            }
        }
        return hasNonLatinLetters(text) ? "und" : nil
    }
}
