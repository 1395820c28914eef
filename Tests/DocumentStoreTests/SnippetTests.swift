import DocumentStore
import Foundation
import TestSupport
import Testing

/// What a result shows under its title: the stretch of its summary (else its text) where
/// the words searched for stand, marked.
@Suite struct SnippetTests {
    /// A store of the records given as JSON objects, beside the sample archive.
    func store(_ records: [[String: String]]) throws -> DocumentStore {
        let (_, store) = try Fixtures.sampleWorkspace()
        let lines = try records.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
        let file = Fixtures.temporaryFolder().appendingPathComponent("records.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        _ = try store.importFile(at: file)
        return store
    }

    func snippet(_ store: DocumentStore, _ query: String, id: String) throws -> String {
        let page = try store.search(SearchQuery.parse(query), limit: 50)
        return try #require(page.hits.first { $0.record.id == id }).snippet
    }

    static func filler(_ count: Int, from start: Int = 0) -> String {
        (start..<(start + count)).map { "word\($0)" }.joined(separator: " ")
    }

    @Test func theStretchWithTheMostWordsSearchedForIsShownWithThemCentred() throws {
        // "treaty" alone early; "treaty" and "ratified" together later.
        let summary =
            "The treaty was discussed. " + Self.filler(60) + " the treaty was ratified in Moscow " + Self.filler(60, from: 60)
        let store = try store([["id": "t1", "title": "A record", "summary": summary]])
        let shown = try snippet(store, "treaty ratified", id: "t1")
        #expect(shown.contains("\u{2}treaty\u{3} was \u{2}ratified\u{3}"), "\(shown)")
        #expect(!shown.contains("discussed"), "\(shown)")
        // Words on both sides of the words found, and a mark that the text goes on.
        #expect(shown.hasPrefix("…word") && shown.hasSuffix("…"), "\(shown)")
        #expect(shown.split(separator: " ").count <= 33, "\(shown)")
    }

    @Test func aShortSummaryIsShownWhole() throws {
        let store = try store([["id": "s1", "title": "A record", "summary": "Telegram on the treaty,\nsent at night."]])
        #expect(try snippet(store, "treaty", id: "s1") == "Telegram on the \u{2}treaty\u{3}, sent at night.")
    }

    @Test func wordsExcludedAreNotMarkedWhereTheyMayStand() throws {
        let store = try store([["id": "x1", "title": "Report", "summary": "Kim Il Sung met the treaty commission."]])
        let shown = try snippet(store, "treaty -title:Kim", id: "x1")
        #expect(shown.contains("\u{2}treaty\u{3}"), "\(shown)")
        #expect(!shown.contains("\u{2}Kim"), "\(shown)")
    }

    @Test func prefixesAccentsAndCaseAreMarkedAsTheIndexMatchesThem() throws {
        let store = try store([["id": "a1", "title": "Report", "summary": "CHŎNG Il-ryong and the Rehabilitation of cadres."]])
        let shown = try snippet(store, "chong rehabilit*", id: "a1")
        #expect(shown == "\u{2}CHŎNG\u{3} Il-ryong and the \u{2}Rehabilitation\u{3} of cadres.", "\(shown)")
    }

    @Test func theTextIsShownWhereTheSummaryLacksTheWords() throws {
        let text = Self.filler(3_000) + " the ambassador's cable " + Self.filler(3_000, from: 3_000)
        let store = try store([["id": "l1", "title": "Cable", "summary": "A long report.", "text": text]])
        let shown = try snippet(store, "ambassador", id: "l1")
        #expect(shown.contains("\u{2}ambassador\u{3}'s cable"), "\(shown)")
        #expect(shown.hasPrefix("…") && shown.hasSuffix("…"), "\(shown)")
    }

    @Test func aPhraseIsMarkedOnlyWhereItsWordsStandTogether() throws {
        let summary = "The minister spoke first; later the Prime Minister answered."
        let store = try store([["id": "p1", "title": "Record", "summary": summary]])
        let shown = try snippet(store, "\"Prime Minister\"", id: "p1")
        #expect(shown.contains("\u{2}Prime Minister\u{3}") || shown.contains("\u{2}Prime\u{3} \u{2}Minister\u{3}"), "\(shown)")
        #expect(shown.contains("The minister spoke"), "\(shown)")
    }
}

extension SnippetTests {
    @Test func aDocumentFoundByItsTitleShowsItsSummarysOpening() throws {
        let summary = "Report on cadres. " + Self.filler(50)
        let store = try store([["id": "o1", "title": "Zyxwv telegram", "summary": summary]])
        let shown = try snippet(store, "zyxwv", id: "o1")
        #expect(shown.hasPrefix("Report on cadres. word0") && shown.hasSuffix("…"), "\(shown)")
        #expect(!shown.contains("\u{2}"), "\(shown)")
    }
}

extension SnippetTests {
    @Test func aWordInCapitalsInPlainTextIsMarked() throws {
        let store = try store([["id": "c1", "title": "Cable", "summary": "THE TREATY WAS SIGNED; the Treaty holds."]])
        #expect(try snippet(store, "treaty", id: "c1") == "THE \u{2}TREATY\u{3} WAS SIGNED; the \u{2}Treaty\u{3} holds.")
    }
}
