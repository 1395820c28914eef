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

    /// The words of `text` as the index stores them: `indexWords` without diacritics.
    public static func indexTerms(in text: String) -> [String] {
        indexWords(in: text).map(Folding.fold)
    }

    /// Function words, months, numbers and the common verbs of archival summaries: words
    /// that say nothing about what a document is about.
    public static let stopwords: Set<String> = NameLexicon.commonWords.union([
        "also", "would", "which", "who", "very", "well", "upon", "made", "make", "has", "its",
        "about", "other", "been", "there", "them", "they", "were", "will", "shall",
    ])
}
