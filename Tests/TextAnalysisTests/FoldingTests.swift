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

@Suite struct NormalizationTests {
    @Test func composedAndASCIITextIsUnchanged() {
        #expect(Folding.nfc("Kim Il Sung") == "Kim Il Sung")
        #expect(Folding.nfc("Kim Il-sŏng 김일성 Хрущёв") == "Kim Il-sŏng 김일성 Хрущёв")
    }

    @Test func decomposedTextIsComposed() {
        #expect(Folding.nfc("Il-so\u{306}ng").unicodeScalars.count == "Il-sŏng".unicodeScalars.count)
        #expect(Folding.nfc("\u{1100}\u{1175}\u{11B7}") == "김")  // conjoining jamo
        #expect(Folding.nfc("\u{212B}") == "Å")  // the angstrom sign
    }

    @Test func trimmingRemovesSpacesAndLineBreaksAtTheEnds() {
        #expect(Folding.trimmed("  Pak Chang-ok \n") == "Pak Chang-ok")
        #expect(Folding.trimmed("\u{3000}김일성\t") == "김일성")
        #expect(Folding.trimmed(" \n ") == "")
        #expect(Folding.trimmed("plain") == "plain")
    }
}
