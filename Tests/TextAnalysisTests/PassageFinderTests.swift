import Testing
import TextAnalysis

/// Quotes found in texts, including the inputs fuzzing found that stopped the process.
@Suite struct PassageFinderTests {
    @Test func aQuoteIsFoundWhateverItsQuotesCaseAndSpacing() throws {
        let text =
            "Mikoyan stresses that the Central Committee needs to “repeal” the decisions.\n\nThe Korean Workers’ Party commission…"
        let match = try #require(PassageFinder.find("REPEAL\" the   decisions", in: text))
        #expect(match.text == "repeal” the decisions")
        #expect(match.paragraph == 1)
        #expect(PassageFinder.find("workers' party", in: text)?.paragraph == 2)
    }

    /// Found by fuzzing: NUL characters made Foundation's search answer with an index the
    /// text did not have, and the process stopped (a plugin's `note.add` could send one).
    @Test(arguments: [
        ("\u{0}\u{0}", "u\u{0}"), ("\u{0}", ""), ("a\u{0}b", "xa\u{0}b"), ("e\u{301}", "cafe\u{301} noir"),
        ("\u{301}", "e\u{301}"),
    ])
    func controlAndCombiningCharactersNeverStopTheSearch(_ passage: String, _ text: String) {
        let match = PassageFinder.find(passage, in: text)
        if let match { #expect(match.end <= text.count && match.start < match.end) }
    }

    @Test func aPassageWithNULsIsFoundOnlyWhereItStands() {
        #expect(PassageFinder.find("\u{0}\u{0}", in: "u\u{0}") == nil)
        #expect(PassageFinder.find("a\u{0}b", in: "xa\u{0}b")?.start == 1)
    }
}
