import Testing
import TextAnalysis

@Suite struct ConcordanceTests {
    @Test func contextIsCutAtWordsAndFoldingMatchesSpellings() {
        let concordance = Concordance(term: "Ch'oe")!
        let hits = concordance.hits(in: "A talk with CH’OE Yong-gŏn and Choe again", leftWidth: 8, rightWidth: 10)
        #expect(hits == [
            Concordance.Hit(left: "…with ", keyword: "CH’OE", right: " Yong-gŏn…"),
            Concordance.Hit(left: "…and ", keyword: "Choe", right: " again"),
        ])
        #expect(Concordance(term: "***") == nil)
    }
}
