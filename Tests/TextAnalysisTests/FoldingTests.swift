import Testing
import TextAnalysis

@Suite struct FoldingTests {
    @Test(arguments: ["Ch'oe", "Ch’oe", "CH‘OE", "Chʼoe", "Choe"])
    func apostrophesAndCaseFoldAway(_ spelling: String) {
        #expect(Folding.fold(spelling) == "choe")
    }

    @Test func diacriticsFoldAndHyphensStay() {
        #expect(Folding.fold("Kim Il-sŏng") == "kim il-song")
        #expect(Folding.fold("Pak Ŭi-wan") == "pak ui-wan")
        #expect(Folding.fold("Hruščov") == "hruscov")
    }

    @Test func decomposedInputBecomesComposed() {
        let decomposed = "so\u{306}ng"  // o + combining breve
        #expect(Folding.nfc(decomposed) == "sŏng")
        #expect(Folding.fold(decomposed) == "song")
    }

    @Test func nonLatinScriptsAreKept() {
        #expect(Folding.fold("김일성") == "김일성")
        #expect(Folding.fold("Хрущёв") == "хрущев")
    }
}

@Suite struct EditDistanceTests {
    @Test func countsSingleEdits() {
        #expect(EditDistance.distance("Shtykov", "Shytkov") == 1)  // two neighbours swapped
        #expect(EditDistance.distance("search", "serch") == 1)
        #expect(EditDistance.distance("Mikoyan", "Mikojan") == 1)
        #expect(EditDistance.distance("", "abc") == 3)
        #expect(EditDistance.distance("plenum", "plenum") == 0)
    }

    @Test func stopsAtTheLimit() {
        #expect(EditDistance.distance("Puzanov", "Khrushchev", limit: 2) == 3)
    }

    @Test func suggestsCloseAndPrefixedNames() {
        let commands = ["search", "show", "stats", "import", "help", "quit"]
        #expect(EditDistance.suggestions(for: "serch", among: commands) == ["search"])
        #expect(EditDistance.suggestions(for: "sea", among: commands).first == "search")
        #expect(EditDistance.suggestions(for: "imprt", among: commands) == ["import"])
        #expect(EditDistance.suggestions(for: "xyzzy", among: commands).isEmpty)
    }
}
