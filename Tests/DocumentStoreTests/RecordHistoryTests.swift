import DocumentStore
import DossierProtocol
import Foundation
import GRDB
import TestSupport
import Testing

/// Re-imports merge field by field and every change keeps the version it replaces.
@Suite struct RecordHistoryTests {
    private func sampleStore() throws -> DocumentStore {
        let store = try DocumentStore.open(at: Fixtures.temporaryFolder().appendingPathComponent("store.sqlite"))
        try SampleArchive.importInto(store)
        return store
    }

    /// A full-text import of two of the sample's records, as a translation would bring them.
    private func fullText(_ store: DocumentStore) throws -> (ids: [String], file: URL) {
        let ids = try store.ids(withPrefix: "wca-", limit: 2)
        let lines = ids.enumerated().map { index, id in
            JSONValue.object([
                "id": .string(id), "text": .string("The full translated text of document \(index), in many words."),
                "translator": "Gary Goldberg", "collections": ["August Plenum 1956", "Soviet Foreign Policy"],
                "subjects": ["rehabilitation"], "tags": ["#plenum"],
            ]).serialized()
        }
        return (ids, Fixtures.write(lines.joined(separator: "\n") + "\n", named: "full-text.jsonl"))
    }

    @Test func aResultsPageImportedAgainKeepsTextTranslatorAndCollections() throws {
        let store = try sampleStore()
        let (ids, file) = try fullText(store)
        let before = try #require(try store.record(id: ids[0]))
        let full = try store.importFile(at: file)
        #expect(full.added == 0 && full.changed == 2 && full.unchanged == 0)
        #expect(full.changedFields == ["text": 2, "translator": 2, "collections": 2, "subjects": 2, "extra.tags": 2])

        let again = try SampleArchive.importInto(store)
        #expect(again.added == 0 && again.changed == 0 && again.unchanged == 9)
        let record = try #require(try store.record(id: ids[0]))
        #expect(record.text == "The full translated text of document 0, in many words.")
        #expect(record.translator == [PersonName(literal: "Gary Goldberg")])
        #expect(record.collections == ["August Plenum 1956", "Soviet Foreign Policy"])
        #expect(record.subjects == ["rehabilitation"])
        #expect(record.extra["tags"] == ["#plenum"])
        // What the results page gives is still there, and the text is found by search.
        #expect(record.title == before.title && record.summary == before.summary && record.date == before.date)
        #expect(try store.search(SearchQuery.parse("translated"), limit: 5).total == 2)

        let history = try store.history(id: ids[0])
        #expect(history.map(\.number) == [1, 2])
        #expect(history[0].record == before)
        #expect(history[1].changed == ["collections", "subjects", "translator", "text", "extra.tags"])
        #expect(history[1].record.provenance?.format == "jsonl")
        #expect(history[1].isNewest && !history[0].isNewest)
    }

    @Test func aFieldImportedWithAnotherValueIsUpdatedAndTheOldOneKept() throws {
        let store = try sampleStore()
        let id = try #require(try store.ids(withPrefix: "wca-", limit: 1).first)
        let old = try #require(try store.record(id: id))
        let file = Fixtures.write(#"{"id": "\#(id)", "title": "A corrected title", "summary": ""}"# + "\n", named: "fix.jsonl")
        let summary = try store.importFile(at: file)
        #expect(summary.changed == 1 && summary.changedFields == ["title": 1])
        let record = try #require(try store.record(id: id))
        #expect(record.title == "A corrected title")
        // An empty summary is a field the import does not carry: kept.
        #expect(record.summary == old.summary)
        #expect(try store.version(id: id, number: 1)?.record.title == old.title)
        // Search sees the newest version only.
        #expect(try store.search(SearchQuery.parse("corrected"), limit: 5).hits.map(\.record.id) == [id])
        let oldWord = try #require(old.title.split(separator: " ").first { $0.count > 6 }.map(String.init))
        #expect(!(try store.search(SearchQuery.parse("title:\(oldWord)"), limit: 50).hits.map(\.record.id).contains(id)))
    }

    @Test func importingTheSameFileTwiceWritesNothing() throws {
        let store = try sampleStore()
        let (_, file) = try fullText(store)
        try store.importFile(at: file)
        let rows = try StoreContent(store)
        let again = try store.importFile(at: file)
        #expect(again.added == 0 && again.changed == 0 && again.unchanged == 2 && again.changedFields.isEmpty)
        #expect(try StoreContent(store) == rows)
    }

    @Test func replaceReplacesWholeRecordsAndKeepsTheEarlierVersion() throws {
        let store = try sampleStore()
        let (ids, file) = try fullText(store)
        try store.importFile(at: file)
        let merged = try #require(try store.record(id: ids[0]))
        let replacement = Fixtures.write(#"{"id": "\#(ids[0])", "title": "Only a title"}"# + "\n", named: "replace.jsonl")
        let summary = try store.importFile(at: replacement, replace: true)
        #expect(summary.changed == 1)
        let record = try #require(try store.record(id: ids[0]))
        #expect(record.title == "Only a title" && record.text.isEmpty && record.translator.isEmpty && record.collections.isEmpty)
        let history = try store.history(id: ids[0])
        #expect(history.count == 3 && history[1].record == merged)
        #expect(history[2].action == .replaced)
        #expect(history[2].changed.contains("text") && history[2].changed.contains("title"))
    }

    @Test func revertRestoresAVersionAsANewOne() throws {
        let store = try sampleStore()
        let (ids, file) = try fullText(store)
        let first = try #require(try store.record(id: ids[0]))
        try store.importFile(at: file)
        let full = try #require(try store.record(id: ids[0]))

        let reverted = try #require(try store.revert(id: ids[0], to: 1))
        #expect(reverted.number == 3 && reverted.action == .reverted(to: 1))
        #expect(try store.record(id: ids[0])?.text == "")
        #expect(try store.record(id: ids[0])?.title == first.title)
        #expect(try store.search(SearchQuery.parse("translated"), limit: 5).total == 1)
        // Nothing is lost: the full text is version 2, and can come back.
        #expect(try store.version(id: ids[0], number: 2)?.record == full)
        #expect(try store.revert(id: ids[0], to: 3) == nil)
        let again = try #require(try store.revert(id: ids[0], to: 2))
        #expect(again.number == 4)
        #expect(try store.record(id: ids[0])?.text == full.text)
        #expect(throws: StoreError.self) { try store.revert(id: ids[0], to: 9) }
    }

    @Test func provenanceNamesTheImportThatSetEachField() throws {
        let store = try sampleStore()
        let (ids, file) = try fullText(store)
        try store.importFile(at: file)
        let sources = Dictionary(uniqueKeysWithValues: try store.provenance(id: ids[0]).map { ($0.field, $0.version) })
        #expect(sources["title"]?.number == 1 && sources["title"]?.record.provenance?.format == "results")
        #expect(sources["text"]?.number == 2 && sources["text"]?.record.provenance?.format == "jsonl")
        #expect(sources["translator"]?.number == 2)
        #expect(sources["url"] == nil)
    }

    @Test func aStoreFromBeforeHistoryIsMigratedWithEveryRecordAtVersionOne() throws {
        let folder = Fixtures.temporaryFolder()
        let url = folder.appendingPathComponent("store.sqlite")
        do {
            let store = try DocumentStore.open(at: url)
            try SampleArchive.importInto(store)
        }
        // The store as the release before history left it, when a translator was a line of text.
        let queue = try DatabaseQueue(path: url.path)
        let first = try queue.read { db in try String.fetchOne(db, sql: "SELECT min(id) FROM document") }
        try queue.write { db in
            try db.execute(
                sql: """
                    DROP TABLE document_history;
                    ALTER TABLE document DROP COLUMN version;
                    ALTER TABLE document DROP COLUMN changed;
                    ALTER TABLE document DROP COLUMN action;
                    ALTER TABLE document DROP COLUMN bibliographic;
                    ALTER TABLE document ADD COLUMN translator TEXT;
                    UPDATE document SET translator = 'Goldberg, Gary' WHERE id = ?;
                    DELETE FROM grdb_migrations WHERE identifier LIKE 'v11:%' OR identifier LIKE 'v12:%';
                    """, arguments: [first])
        }
        try queue.close()
        let store = try DocumentStore.open(at: url)
        #expect(try store.count() == 9)
        let id = try #require(first)
        // The translator becomes a name with its parts, nothing else changes.
        #expect(try store.record(id: id)?.translator == [PersonName(family: "Goldberg", given: "Gary")])
        #expect(try store.record(id: id)?.author == [])
        #expect(try store.history(id: id).map(\.number) == [1])
        let (_, file) = try fullText(store)
        #expect(try store.importFile(at: file).changed == 2)
        #expect(try store.history(id: id).map(\.number) == [1, 2])
    }
}

extension RecordHistoryTests {
    @Test func aRecordWithoutATitleMayOnlyAddToAStoredOne() throws {
        let store = try sampleStore()
        let rows = try StoreContent(store)
        let file = Fixtures.write(#"{"id": "wca-not-stored", "text": "Some text."}"# + "\n", named: "orphan.jsonl")
        #expect(throws: ImportError.untitledNewRecord(file: file.path, id: "wca-not-stored")) { try store.importFile(at: file) }
        #expect(try StoreContent(store) == rows)
    }
}

extension RecordHistoryTests {
    /// Enough records for a bulk load (the index built once at the end) when they are new.
    private func manyRecords(_ count: Int, retitled: Set<Int> = []) -> String {
        (0..<count).map { index in
            JSONValue.object([
                "id": .string("many-\(index)"), "date": .string("1956-09-\(String(format: "%02d", index % 28 + 1))"),
                "title": .string("Report number \(index) on the plenum" + (retitled.contains(index) ? " revised upstream" : "")),
                "summary": .string("A summary of report \(index), long enough to make the file look like a real export."),
            ]).serialized()
        }.joined(separator: "\n") + "\n"
    }

    @Test func aLargeReimportChangesOnlyWhatDiffersAndTheIndexFollows() throws {
        let store = try sampleStore()
        let file = Fixtures.write(manyRecords(3_000), named: "many.jsonl")
        #expect(try store.importFile(at: file).added == 3_000)
        let rows = try StoreContent(store)

        // The same file again: not a row written, the index taken down for a bulk load put back.
        let again = try store.importFile(at: file)
        #expect(again.added == 0 && again.changed == 0 && again.unchanged == 3_000)
        #expect(try StoreContent(store) == rows)
        #expect(try store.search(SearchQuery.parse("plenum report"), limit: 1).total == 3_000)

        // A few records changed upstream: those get a new version, and search sees it at once.
        let retitled: Set<Int> = [7, 1_500, 2_999]
        let changed = try store.importFile(at: Fixtures.write(manyRecords(3_000, retitled: retitled), named: "many-2.jsonl"))
        #expect(changed.added == 0 && changed.changed == 3 && changed.unchanged == 2_997 && changed.changedFields == ["title": 3])
        #expect(
            Set(try store.search(SearchQuery.parse("upstream"), limit: 10).hits.map(\.record.id))
                == Set(retitled.map { "many-\($0)" }))
        #expect(try store.search(SearchQuery.parse("plenum report"), limit: 1).total == 3_000)
        #expect(try store.history(id: "many-7").map(\.number) == [1, 2])
        #expect(try store.history(id: "many-8").map(\.number) == [1])
    }
}
