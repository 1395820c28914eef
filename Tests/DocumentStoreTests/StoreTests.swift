import DocumentStore
import Foundation
import TestSupport
import Testing

@Suite struct StoreTests {
    @Test func searchRanksTitleOverSummaryAndHighlightsMatches() throws {
        let (_, store) = try Fixtures.sampleWorkspace()
        let page = try store.search(SearchQuery.parse("Mikoyan"), limit: 10)
        #expect(page.total == 3)
        #expect(page.hits.count == 3)
        // The one document with Mikoyan in its title comes first.
        #expect(page.hits[0].record.title == "Telegram from A. Mikoyan to the CPSU Central Committee")
        #expect(page.hits.allSatisfy { $0.snippet.contains("\u{2}Mikoyan\u{3}") })
    }

    @Test func phrasesPrefixesAndExclusionsNarrowTheHits() throws {
        let (_, store) = try Fixtures.sampleWorkspace()
        func titles(_ query: String) throws -> Set<String> {
            Set(try store.search(SearchQuery.parse(query), limit: 20).hits.map(\.record.title))
        }
        #expect(try titles("\"August Plenum\"").count == 2)
        #expect(try titles("Sung Kim").count == 6)
        #expect(try titles("\"Sung Kim\"").isEmpty)
        #expect(try titles("rehabilit*").count == 3)
        #expect(try titles("Mikoyan -Peng") == ["Telegram from A. Mikoyan to the CPSU Central Committee"])
        #expect(try titles("PUZANOV").count == 3)
    }

    @Test func anApostropheMatchesWithOrWithoutIt() throws {
        let (_, store) = try Fixtures.sampleWorkspace()
        #expect(try store.search(SearchQuery.parse("Ch’oe"), limit: 5).total == 1)
        #expect(try store.search(SearchQuery.parse("Choe"), limit: 5).total == 1)
    }

    @Test(arguments: ["AND", "OR NOT", "NEAR(", "col:umn", "^start", "a + b", "\"\"\"\"", "*", "(((", "'", "title:Mikoyan", "—"])
    func noInputReachesSQLiteAsSyntax(_ query: String) throws {
        let (_, store) = try Fixtures.sampleWorkspace()
        do {
            _ = try store.search(SearchQuery.parse(query), limit: 5)
        } catch let error as QueryError {
            #expect(!error.description.lowercased().contains("fts5"))
            #expect(!error.description.lowercased().contains("sql"))
        }
    }

    @Test func queryErrorsPointAtThePosition() {
        #expect(throws: QueryError.self) { try SearchQuery.parse("plenum \"August") }
        do {
            _ = try SearchQuery.parse("plenum \"August")
        } catch {
            #expect(error.position == 7)
            #expect(
                error.description == """
                    Cannot read the query at position 8: the phrase that starts here is never closed. Add a closing '"'.
                      plenum "August
                             ^
                    """)
        }
    }

    @Test func statsCountDocumentsDatesAndCollections() throws {
        let (_, store) = try Fixtures.sampleWorkspace()
        _ = try store.importFile(at: Fixtures.file("records.csv"))
        let stats = try store.stats()
        #expect(stats.documents == 24)
        #expect(stats.dated == 23)
        #expect(stats.earliest?.iso == "1950~")
        #expect(stats.latest?.iso == "1957-09-03")
        #expect(stats.collections.first?.name == "North Korea in the Cold War")
        #expect(stats.collections.first?.count == 4)
        #expect(stats.archives.map(\.name) == ["Test Archive", "Wilson Center Digital Archive"])
        #expect(stats.bytes > 0)
    }

    @Test func aStoreReopensWithItsDocuments() throws {
        let url = Fixtures.temporaryFolder().appendingPathComponent("store.sqlite")
        do {
            let store = try DocumentStore.open(at: url)
            try SampleArchive.importInto(store)
        }
        let reopened = try DocumentStore.open(at: url)
        #expect(try reopened.count() == 9)
    }

    @Test func aFileThatIsNotAStoreIsReportedNotOverwritten() throws {
        let url = Fixtures.temporaryFolder().appendingPathComponent("store.sqlite")
        let garbage = String(repeating: "not a database ", count: 200)
        try garbage.write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: StoreError.self) { try DocumentStore.open(at: url) }
        do {
            _ = try DocumentStore.open(at: url)
        } catch {
            #expect(
                error.description.hasPrefix(
                    "Cannot open the document store '\(url.path)': it is not a dossier store, or it is damaged."))
        }
        #expect(try String(contentsOf: url, encoding: .utf8) == garbage)
    }

    @Test func recordsByIdKeepTheOrderAsked() throws {
        let (_, store) = try Fixtures.sampleWorkspace()
        _ = try store.importFile(at: Fixtures.file("records.csv"))
        let records = try store.records(ids: ["test-003", "missing", "test-001"])
        #expect(records.map(\.id) == ["test-003", "test-001"])
        #expect(try store.ids(withPrefix: "test-01", limit: 3) == ["test-010", "test-011", "test-012"])
    }
}

@Suite struct RecordRowTests {
    @Test func everyFieldSurvivesTheRoundTripThroughTheStore() throws {
        let (_, store) = try Fixtures.sampleWorkspace()
        let record = Record(
            id: "round-1", date: try PartialDate.parse("1956-09-20"), dateEnd: try PartialDate.parse("1956-09-23"),
            dateText: "20–23 September 1956", title: "Title", summary: "Summary", text: "Text", archive: "Archive",
            archiveRef: "F. 1", collections: ["C"], people: ["Kim Il Sung", "Mikoyan"], places: ["Pyongyang"],
            subjects: ["S"], language: "Russian", originalLanguage: "Korean", type: "letter",
            author: [PersonName(family: "Rhee", given: "Syngman")], recipient: [PersonName(family: "Oliver", given: "Robert T.")],
            translator: [PersonName(family: "Tolstoy", given: "T."), PersonName(literal: "Foreign Ministry")],
            editor: [PersonName(family: "Mabon", given: "David W.")], interviewer: [PersonName(literal: "Radio Free Asia")],
            containerTitle: "Foreign Relations of the United States, 1955–1957", collectionTitle: "FRUS", volume: "XXIII",
            number: "127", page: "301–303", archivePlace: "Moscow", publisher: "Government Printing Office",
            publisherPlace: "Washington", originalDate: try PartialDate.parse("1950-03"), originalTitle: "Письмо",
            accessed: try PartialDate.parse("2026-12-04"), url: "https://example.org/1", extra: ["pages": "12"])
        let file = Fixtures.write(
            String(decoding: try JSONEncoder().encode(record.json), as: UTF8.self) + "\n", named: "round.jsonl")
        _ = try store.importFile(at: file, origin: "round.jsonl")
        var stored = try #require(try store.record(id: "round-1"))
        #expect(stored.provenance == Provenance(file: "round.jsonl", format: "jsonl"))
        stored.provenance = nil
        #expect(stored == record)
        // Every field of the vocabulary is in the JSON, under its own name.
        let json = record.json
        for field in RecordField.all.map(\.name) { #expect(json[field] != nil, "\(field) is in the record's JSON") }
        #expect(json["author"] == [["family": "Rhee", "given": "Syngman"]])
        #expect(json["interviewer"] == [["literal": "Radio Free Asia"]])
    }

    @Test(arguments: [
        (
            #""translator": "Rhee, Syngman; Robert T. Oliver""#,
            [PersonName(family: "Rhee", given: "Syngman"), PersonName(literal: "Robert T. Oliver")]
        ),
        (#""author": {"family": "Pak", "given": "Chang-ok"}"#, [PersonName(family: "Pak", given: "Chang-ok")]),
        (
            #""author": ["Soviet Embassy, Pyongyang, 1956", {"literal": "KWP CC"}]"#,
            [PersonName(literal: "Soviet Embassy, Pyongyang, 1956"), PersonName(literal: "KWP CC")]
        ),
    ])
    func namesAreReadFromTextObjectsAndLists(field: String, names: [PersonName]) throws {
        let (_, store) = try Fixtures.sampleWorkspace()
        let file = Fixtures.write(#"{"id": "n-1", "title": "T", \#(field)}"# + "\n", named: "names.jsonl")
        _ = try store.importFile(at: file)
        let record = try #require(try store.record(id: "n-1"))
        #expect(record.author + record.translator == names)
    }

    @Test func aTypeOutsideCSLIsRefusedWithTheTypesThatAre() throws {
        let (_, store) = try Fixtures.sampleWorkspace()
        let file = Fixtures.write(#"{"id": "n-2", "title": "T", "type": "telegram"}"# + "\n", named: "type.jsonl")
        #expect {
            try store.importFile(at: file)
        } throws: { error in
            "\(error)".contains("type 'telegram' is not a CSL item type; use one of manuscript, letter")
        }
        #expect(try store.record(id: "n-2") == nil)
    }
}
