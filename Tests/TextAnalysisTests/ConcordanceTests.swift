import Foundation
import Testing
import TextAnalysis

@Suite struct ConcordanceTests {
    @Test func contextIsCutAtWordsAndFoldingMatchesSpellings() {
        let concordance = Concordance(term: "Ch'oe")!
        let hits = concordance.hits(in: "A talk with CH’OE Yong-gŏn and Choe again", leftWidth: 8, rightWidth: 10)
        #expect(
            hits == [
                Concordance.Hit(left: "…with ", keyword: "CH’OE", right: " Yong-gŏn…"),
                Concordance.Hit(left: "…and ", keyword: "Choe", right: " again"),
            ])
        #expect(Concordance(term: "***") == nil)
    }
}

@Suite struct KeynessTests {
    @Test func logLikelihoodIsDunnings() {
        // 10 in 100 words against 0 in 100: expected 5 each, G² = 2 · 10 · ln 2.
        #expect(abs(Keyness.logLikelihood(a: 10, b: 0, c: 100, d: 100) - 20 * log(2)) < 1e-9)
        #expect(Keyness.logLikelihood(a: 5, b: 5, c: 100, d: 100) == 0)
        var here = Keyness.Counts()
        here.add("The plenum and the plenum ceasefire: rehabilitation.")
        #expect(here.total == 7)
        #expect(here.counts == ["plenum": 2, "ceasefire": 1, "rehabilitation": 1])
        let keys = Keyness.keys(here, against: 1_000, thereCount: { $0 == "plenum" ? 500 : 0 })
        #expect(keys.map(\.term) == ["ceasefire", "rehabilitation"])
    }

    @Test(arguments: [
        "Mikoyan’s telegram of 22 September: “repeal the decisions” (KWP CC) — Kim Il-sŏng, Ch'oe Yong-gŏn, Хрущёв & 김일성.",
        "", "plain ascii words 1956 and X-ray", "Ünïcödé at the start; ending in é",
        "Workers’ Party — “quoted” … dash–dash ‘single’ ⁂ end‰", "x\u{2019}", "\u{2019}", "e=mc\u{00B2} and x\u{2070}y\u{207F}",
    ])
    func theFastCountingWordsAreTheIndexWords(text: String) {
        var fast: [String] = []
        Terms.forEachIndexTerm(in: text) { fast.append($0) }
        #expect(fast == Terms.indexTerms(in: text))
    }

    @Test func aWordDiffIsTheShortestEditScript() {
        let script = WordDiff.script(from: "a b c d", to: "a x c d e")
        #expect(
            script == [
                .init(kind: .equal, words: ["a"]), .init(kind: .delete, words: ["b"]), .init(kind: .insert, words: ["x"]),
                .init(kind: .equal, words: ["c", "d"]), .init(kind: .insert, words: ["e"]),
            ])
        #expect(WordDiff.script(from: "", to: "") == [])
    }
}
