import DocumentStore
import Foundation
import GRDB
import TestSupport
import Testing

/// The store ranks with a function of its own (the documents' lengths from memory); its
/// scores must be FTS5's `bm25()` with the store's column weights, read here from the file
/// through a connection of the test's own, for every kind of query and whatever has
/// happened to the store.
@Suite struct RankingTests {
    static let queries = [
        "Korea", "Kim", "visit*", "\"Prime Minister\"", "title:King", "Korea OR Japan", "president -Kennedy",
        "NEAR(Kim Il, 3)", "(Soviet OR Chinese) delegation", "summary:Moscow", "Korea year:1956",
        "visit* after:1950", "Mikoyan", "President before:1960", "Korea after:1956-06", "Kim date:1950-03..1950-05",
    ]

    /// Each document's score by FTS5's own BM25 with the store's weights, by id.
    func fts5Scores(_ store: URL, match: String) throws -> [String: Double] {
        let queue = try DatabaseQueue(path: store.path)
        return try queue.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT d.id, bm25(document_fts, 10.0, 5.0, 1.0, 5.0, 5.0, 2.0, 1.0)
                    FROM document_fts JOIN document d ON d.rowid = document_fts.rowid WHERE document_fts MATCH ?
                    """,
                arguments: [match])
            return Dictionary(uniqueKeysWithValues: rows.map { ($0[0] as String, $0[1] as Double) })
        }
    }

    /// Equal but for the last bits (scores of words most documents have are a millionth).
    static func same(_ score: Double, _ expected: Double) -> Bool {
        abs(score - expected) <= 1e-9 * abs(expected) + 1e-18
    }

    func expectFTS5Ranking(_ store: DocumentStore, _ url: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for text in Self.queries {
            let query = try SearchQuery.parse(text)
            let page = try store.search(query, limit: 25)
            let expected = try fts5Scores(url, match: query.match)
            #expect(!page.hits.isEmpty, "\(text) finds nothing", sourceLocation: sourceLocation)
            for hit in page.hits {
                let score = try #require(expected[hit.record.id], sourceLocation: sourceLocation)
                #expect(Self.same(hit.score, score), "\(text): \(hit.record.id)", sourceLocation: sourceLocation)
            }
            #expect(
                page.hits.map(\.score) == page.hits.map(\.score).sorted(), "\(text) is not best first",
                sourceLocation: sourceLocation)
            if query.earliest != nil || query.latest != nil {
                // The hits the date filter keeps, counted by SQL over the same dates.
                let kept = try DatabaseQueue(path: url.path).read { db in
                    try Int.fetchOne(
                        db,
                        sql: """
                            SELECT count(*) FROM document_fts JOIN document d ON d.rowid = document_fts.rowid
                            WHERE document_fts MATCH ? AND d.date_max >= ? AND d.date_min <= ?
                            """,
                        arguments: [query.match, query.earliest ?? "", query.latest ?? "9999"])
                }
                #expect(page.total == kept, "\(text)", sourceLocation: sourceLocation)
                // Sorted by date, the same documents, oldest first.
                let byDate = try store.search(query, limit: 25, sort: .date)
                #expect(byDate.total == kept, "\(text) by date", sourceLocation: sourceLocation)
                let starts = byDate.hits.compactMap { $0.record.date?.lowerBound }
                #expect(
                    starts.count == byDate.hits.count && starts == starts.sorted(), "\(text) by date",
                    sourceLocation: sourceLocation)
            } else {
                // The page is FTS5's best 25: the same scores, best first.
                let best = expected.values.sorted().prefix(25)
                #expect(
                    zip(page.hits.map(\.score), best).allSatisfy(Self.same),
                    "\(text) misses a better hit", sourceLocation: sourceLocation)
                #expect(page.total == expected.count, sourceLocation: sourceLocation)
            }
        }
    }

    @Test func scoresAreFTS5sBM25AfterEveryKindOfChange() throws {
        let (workspace, store) = try Fixtures.sampleWorkspace()
        let url = workspace.storeFile
        // A bulk import (large beside the store): the lengths are built at once.
        let folder = Fixtures.temporaryFolder()
        let bulk = folder.appendingPathComponent("bulk.jsonl")
        try Self.records(count: 2_500, seed: 7).write(to: bulk, atomically: true, encoding: .utf8)
        #expect(try store.importFile(at: bulk).added == 2_500)
        try expectFTS5Ranking(store, url)

        // A small import adds records one by one, with their lengths.
        #expect(try store.importFile(at: Fixtures.file("hsg-subset.jsonl")).added > 200)
        try expectFTS5Ranking(store, url)

        // Records updated in place: their lengths change, their rowids do not.
        let updates = folder.appendingPathComponent("updates.jsonl")
        try Self.records(count: 40, seed: 8, words: 300).write(to: updates, atomically: true, encoding: .utf8)
        #expect(try store.importFile(at: updates).updated == 40)
        try expectFTS5Ranking(store, url)

        // Documents too long for the digest's two bytes a length (a whole transcription):
        // their lengths come from FTS5.
        let long = folder.appendingPathComponent("long.jsonl")
        let transcriptions = [66_000, 70_000, 90_000].enumerated().map { index, words in
            let text = (0..<words).map { ["transcription", "of", "the", "plenum", "Korea"][($0 * (index + 2)) % 5] }
            return #"{"id": "long-\#(index)", "title": "Transcription \#(index)", "text": "\#(text.joined(separator: " "))"}"#
        }
        try (transcriptions.joined(separator: "\n") + "\n").write(to: long, atomically: true, encoding: .utf8)
        #expect(try store.importFile(at: long).added == 3)
        let transcription = try store.search(SearchQuery.parse("transcription"), limit: 10)
        let fts5 = try fts5Scores(url, match: "transcription")
        #expect(transcription.hits.count == 3)
        for hit in transcription.hits {
            #expect(Self.same(hit.score, try #require(fts5[hit.record.id])), "\(hit.record.id)")
        }
        try expectFTS5Ranking(store, url)

        // Lengths lost (as an older dossier would leave them): ranked the slow way, the same.
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { db in try db.execute(sql: "DELETE FROM document_digest WHERE chunk = 0") }
        try expectFTS5Ranking(store, url)
    }

    @Test func aStoreFromBeforeTheDigestGetsItWhenOpened() throws {
        let (workspace, store) = try Fixtures.sampleWorkspace()
        let before = try store.search(SearchQuery.parse("Kim"), limit: 10).hits.map(\.score)
        let queue = try DatabaseQueue(path: workspace.storeFile.path)
        try queue.write { db in
            try db.execute(
                sql: """
                    DROP TABLE document_digest; DROP TABLE document_digest_generation;
                    DROP TRIGGER document_digest_ai; DROP TRIGGER document_digest_ad; DROP TRIGGER document_digest_au;
                    DELETE FROM grdb_migrations WHERE identifier LIKE 'v10%';
                    """)
        }
        try queue.close()
        let reopened = try DocumentStore.open(at: workspace.storeFile)
        #expect(try reopened.search(SearchQuery.parse("Kim"), limit: 10).hits.map(\.score) == before)
        let chunks = try DatabaseQueue(path: workspace.storeFile.path).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM document_digest")
        }
        #expect(chunks == 1)
    }

    @Test func aPrefixWithThousandsOfHitsStillMarksItsWordsInTheSnippets() throws {
        let (_, store) = try Fixtures.sampleWorkspace()
        let file = Fixtures.temporaryFolder().appendingPathComponent("records.jsonl")
        try Self.records(count: 2_500, seed: 9).write(to: file, atomically: true, encoding: .utf8)
        _ = try store.importFile(at: file)
        let page = try store.search(SearchQuery.parse("visit*"), limit: 20)
        #expect(page.total > 2_000)
        let withWord = page.hits.filter { $0.record.summary.lowercased().contains("visit") }
        #expect(!withWord.isEmpty)
        for hit in withWord {
            #expect(hit.snippet.contains("\u{2}visit") || hit.snippet.contains("\u{2}Visit"), "\(hit.snippet)")
            let words = hit.snippet.split(separator: " ").count
            #expect(words <= 32, "\(hit.snippet)")
        }
    }

    /// Records of very different lengths, with the words the queries look for.
    static func records(count: Int, seed: UInt64, words: Int = 0) -> String {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let vocabulary = [
            "Korea", "Kim", "Il", "Sung", "visit", "visited", "visitors", "Prime", "Minister", "King", "Japan",
            "president", "Kennedy", "Soviet", "Chinese", "delegation", "Moscow", "Mikoyan", "treaty", "plenum",
            "party", "committee", "embassy", "report", "telegram", "conversation", "with", "the", "of", "and",
        ]
        func sentence(_ length: Int) -> String {
            (0..<length).map { _ in vocabulary[next(vocabulary.count)] }.joined(separator: " ")
        }
        return (0..<count).map { index in
            let year = 1940 + next(40)
            let fields: [String: Any] = [
                "id": "ranking-\(index)",
                "title": sentence(3 + next(12)),
                "summary": sentence(words > 0 ? words : 5 + next(120)),
                "text": next(4) == 0 ? sentence(next(600)) : "",
                // Some undated, some a year or a month: spans that cross a filter's bounds.
                "date": [
                    "", "\(year)", "\(year)-0\(1 + next(9))", "\(year)-0\(1 + next(9))-1\(next(10))",
                ][min(3, next(12))],
            ]
            let data = try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }.joined(separator: "\n") + "\n"
    }
}
