import DocumentStore
import Foundation
import TestSupport
import Testing

@Suite struct ImportTests {
    private func emptyStore() throws -> DocumentStore {
        try DocumentStore.open(at: Fixtures.temporaryFolder().appendingPathComponent("store.sqlite"))
    }

    @Test func theSampleResultsPageGivesNineRecords() throws {
        let store = try emptyStore()
        let summary = try SampleArchive.importInto(store)
        #expect(summary.added == 9)
        #expect(summary.format == .results)
        #expect(try store.count() == 9)
        let page = try store.search(SearchQuery.parse("Shytkov"), limit: 5)
        let record = try #require(page.hits.first?.record)
        #expect(record.title == "Telegram from Shtykov to Gromyko and Stalin")
        #expect(record.date?.iso == "1950-09-29")
        #expect(record.dateText == "September 29, 1950")
        #expect(record.archive == "Wilson Center Digital Archive")
        #expect(record.summary.hasPrefix("Shtykov gives an insider’s report"))
        #expect(record.summary.hasSuffix("nervousness and desperation of the Korean officials."))
        #expect(record.id.hasPrefix("wca-"))
    }

    @Test func csvRecordsKeepEveryField() throws {
        let store = try emptyStore()
        let summary = try store.importFile(at: Fixtures.file("records.csv"))
        #expect(summary.format == .csv)
        #expect(summary.added == 15)
        let first = try #require(try store.record(id: "test-001"))
        #expect(first.title == "Memorandum on the Soviet Delegation's Visit to Pyongyang")
        #expect(first.people == ["Kim Il Sung", "Ch'oe Yong-gŏn"])
        #expect(first.collections == ["Korean War", "North Korea in the Cold War"])
        #expect(first.archiveRef == "F. 5 Op. 28 D. 410")
        #expect(first.translator == [PersonName(literal: "Gary Goldberg")])
        #expect(first.url == "https://example.org/test-001")
        let quoted = try #require(try store.record(id: "test-011"))
        #expect(quoted.title == "Note on the \"Second Arduous March\"")
        #expect(quoted.summary == "A note with a quoted title, multi-line\nsummary text and a comma, inside quotes.")
        #expect(try store.record(id: "test-007")?.date?.iso == "1950~")
        #expect(try store.record(id: "test-008")?.date == nil)
    }

    @Test func anImpossibleDateRefusesTheWholeFileNamingItsLine() throws {
        let store = try emptyStore()
        try SampleArchive.importInto(store)
        let before = try store.stats()
        #expect(
            throws: ImportError.malformed(
                file: "records-bad-date.csv", line: 14,
                reason:
                    "date '1956-02-31' is not a date: February 1956 has 29 days. Use YYYY, YYYY-MM or YYYY-MM-DD, with ~ for an uncertain date."
            )
        ) {
            try store.importFile(at: Fixtures.file("records-bad-date.csv"), name: "records-bad-date.csv")
        }
        #expect(try store.stats() == before)
        #expect(try store.record(id: "test-001") == nil)
        // Fixed, the same file imports; imported twice, nothing is duplicated.
        let fixed = try store.importFile(at: Fixtures.file("records.csv"))
        #expect(fixed.added == 15)
        let again = try store.importFile(at: Fixtures.file("records.csv"))
        #expect(again.added == 0 && again.updated == 15)
        #expect(try store.count() == before.documents + 15)
    }

    @Test func jsonLinesAcceptAlternativeNamesAndKeepUnknownFields() throws {
        let store = try emptyStore()
        let summary = try store.importFile(at: Fixtures.file("records.jsonl"))
        #expect(summary.format == .jsonl && summary.added == 3)
        let second = try #require(try store.record(id: "jl-002"))
        #expect(second.date?.iso == "1956-09-22")
        #expect(second.people == ["Mikoyan"])
        #expect(second.places == ["DPRK"])
        #expect(second.archiveRef == "AVPRF F. 0102, Op. 12, P. 68, Delo 5")
        let first = try #require(try store.record(id: "jl-001"))
        #expect(first.collections == ["North Korea in the Cold War"])
        #expect(first.extra == ["folder": "Box 3"])
        let derived = try store.search(SearchQuery.parse("derived"), limit: 1).hits.first?.record
        #expect(derived?.id.hasPrefix("doc-") == true)
        // Derived ids are stable: a second import updates the same record.
        let again = try store.importFile(at: Fixtures.file("records.jsonl"))
        #expect(again.added == 0 && again.updated == 3)
    }

    @Test func realRecordsImportCompletely() throws {
        let store = try emptyStore()
        let lines = try String(contentsOf: Fixtures.file("hsg-subset.jsonl"), encoding: .utf8)
            .split(separator: "\n").count
        let summary = try store.importFile(at: Fixtures.file("hsg-subset.jsonl"))
        #expect(summary.added == lines)
        #expect(try store.count() == lines)
        let travel = try #require(try store.search(SearchQuery.parse("Acheson"), limit: 1).hits.first?.record)
        #expect(travel.extra["kind"] == "secretary_travel")
        #expect(travel.provenance?.format == "jsonl")
    }

    @Test(arguments: [
        ("{\"title\": \"ok\"}\n{\"title\": \"broken\"\n", 2, "not valid JSON (a missing quote, comma or brace?)."),
        ("{\"title\": \"ok\"}\n\n[1, 2]\n", 3, "expected a JSON object ('{…}'), one record a line."),
        (
            "{\"summary\": \"no title\"}\n", 1,
            "the record has no title. Every record needs a 'title' field (or an 'id' of a stored record it adds fields to)."
        ),
        (
            "{\"title\": \"t\", \"date\": \"next Tuesday\"}\n", 1,
            "date 'next Tuesday' is not a date. Use YYYY, YYYY-MM or YYYY-MM-DD, with ~ for an uncertain date."
        ),
        ("{\"title\": [\"a\"]}\n", 1, "field 'title' must be text, not a list or an object."),
        (
            "{\"title\": \"t\", \"date\": \"1957\", \"date_end\": \"1956\"}\n", 1,
            "date_end '1956' is before date '1957'. Swap them or correct one."
        ),
    ])
    func malformedJSONLinesAreRefusedWithLineAndReason(_ content: String, _ line: Int, _ reason: String) throws {
        let store = try emptyStore()
        let url = Fixtures.write(content, named: "bad.jsonl")
        #expect(throws: ImportError.malformed(file: "bad.jsonl", line: line, reason: reason)) {
            try store.importFile(at: url, name: "bad.jsonl")
        }
        #expect(try store.count() == 0)
    }

    @Test(arguments: [
        (
            "id,title\n1,ok\n2,\"unclosed\n", 3,
            "a quoted field is never closed. Add the closing '\"'; if the file was cut off, restore the whole file."
        ),
        ("id,title\n1,ok,extra\n", 2, "3 fields, but the header has 2. Quote fields that contain commas."),
        (
            "id,summary\n1,no title column\n", 1,
            "the header has no 'title' column. Expected a header row naming fields such as id, date, title, summary, then one record a row."
        ),
        (
            "id,title\n1,a \"quoted\" word\n", 2,
            "a '\"' stands inside an unquoted field. Quote the whole field and double the inner quote (\"\")."
        ),
    ])
    func malformedCSVIsRefusedWithLineAndReason(_ content: String, _ line: Int, _ reason: String) throws {
        let store = try emptyStore()
        let url = Fixtures.write(content, named: "bad.csv")
        #expect(throws: ImportError.malformed(file: "bad.csv", line: line, reason: reason)) {
            try store.importFile(at: url, name: "bad.csv")
        }
    }

    @Test func aResultsPageWithAnImpossibleDateOrNoRecordsIsRefused() throws {
        let store = try emptyStore()
        let bad = Fixtures.write("Results:\n\nFebruary 30, 1956\n\nA title\n\nA summary.\n", named: "page.txt")
        #expect(
            throws: ImportError.malformed(
                file: "page.txt", line: 3,
                reason:
                    "'February 30, 1956' is not a date: February 1956 has 29 days. Use YYYY, YYYY-MM or YYYY-MM-DD, with ~ for an uncertain date."
            )
        ) { try store.importFile(at: bad, name: "page.txt") }
        let empty = Fixtures.write("Just some notes\n\nwith no dates at all\n", named: "notes.txt")
        #expect(throws: ImportError.noRecords(file: "notes.txt", format: .results)) {
            try store.importFile(at: empty, name: "notes.txt")
        }
        #expect(throws: ImportError.unreadableFile(file: "missing.csv", reason: "there is no such file")) {
            try store.importFile(at: URL(fileURLWithPath: "/no/such/missing.csv"), name: "missing.csv")
        }
    }

    @Test func theFormatIsGuessedFromNameAndContent() {
        let url = URL(fileURLWithPath: "/tmp/export.txt")
        #expect(ImportFormat.guess(url: url, prefix: Data("{\"title\": 1}".utf8)) == .jsonl)
        #expect(ImportFormat.guess(url: url, prefix: Data("id,date,title\n".utf8)) == .csv)
        #expect(ImportFormat.guess(url: url, prefix: Data("Skip to content\n\nResults:".utf8)) == .results)
        #expect(ImportFormat.guess(url: URL(fileURLWithPath: "/tmp/x.csv"), prefix: Data()) == .csv)
    }

    @Test func aCancelledImportLeavesTheStoreAsItWas() throws {
        let store = try emptyStore()
        try SampleArchive.importInto(store)
        #expect(throws: ImportError.cancelled(file: "hsg-subset.jsonl")) {
            try store.importFile(at: Fixtures.file("hsg-subset.jsonl"), name: "hsg-subset.jsonl", isCancelled: { true })
        }
        #expect(try store.count() == 9)
    }
}

@Suite struct MoreImporterTests {
    private func emptyStore() throws -> DocumentStore {
        try DocumentStore.open(at: Fixtures.temporaryFolder().appendingPathComponent("store.sqlite"))
    }

    @Test func jsonArraysImportWithUnknownFieldsKept() throws {
        let store = try emptyStore()
        let summary = try store.importFile(at: Fixtures.file("records.json"))
        #expect(summary.format == .json && summary.added == 2)
        let first = try #require(try store.record(id: "ja-001"))
        #expect(first.people == ["Mikoyan", "Peng Dehuai"])
        #expect(first.extra == ["box": 12])
        #expect(try store.record(id: "ja-002")?.collections == ["North Korea in the Cold War"])
        #expect(try store.importFile(at: Fixtures.file("records.json")).updated == 2)
    }

    @Test func aBrokenJSONArrayNamesTheLine() throws {
        let store = try emptyStore()
        let url = Fixtures.write(
            "[\n  {\"title\": \"one\"},\n  {\"title\": \"two\"\n  {\"title\": \"three\"}\n]\n", named: "bad.json")
        #expect(throws: ImportError.self) { try store.importFile(at: url, name: "bad.json") }
        do {
            _ = try store.importFile(at: url, name: "bad.json")
        } catch let ImportError.malformed(file, line, _) {
            #expect(file == "bad.json")
            #expect(line == 4)
        }
        #expect(try store.count() == 0)
        let notObjects = Fixtures.write("[1, 2]", named: "numbers.json")
        #expect(
            throws: ImportError.malformed(
                file: "numbers.json", line: 1, reason: "expected an object ('{…}') for each record in the array.")
        ) {
            try store.importFile(at: notObjects, name: "numbers.json")
        }
    }

    @Test func teiDocumentsBecomeRecordsWithDatesPlacesAndSources() throws {
        let store = try emptyStore()
        let summary = try store.importFile(at: Fixtures.file("frus-sample.xml"))
        #expect(summary.format == .tei && summary.added == 3)
        let telegram = try #require(try store.record(id: "frus-sample-d101"))
        #expect(telegram.title == "Telegram From the Embassy in Korea to the Department of State")
        #expect(telegram.date?.iso == "1956-09-20")
        #expect(telegram.dateText == "Seoul, September 20, 1956—4 p.m.")
        #expect(telegram.places == ["Seoul"])
        #expect(telegram.archiveRef == "Source: Test Archive, Central Files, 795B.00/9–2056. Secret.")
        #expect(telegram.archive == "Test Publisher of Historical Documents")
        #expect(telegram.collections == ["A Test Volume of Foreign Relations, 1955–1957, Korea"])
        #expect(
            telegram.text
                == "Reports from P’yŏngyang suggest the plenum of August was followed by a purge.\n\nThe Embassy will report further."
        )
        #expect(try store.record(id: "frus-sample-d102")?.date?.iso == "1956-10")
        #expect(try store.record(id: "frus-sample-d103")?.date?.iso == "1993")
    }

    @Test func aFRUSVolumesDocumentsAreItemsInTheVolume() throws {
        let store = try emptyStore()
        let summary = try store.importFile(at: Fixtures.file("frus-volume.xml"))
        #expect(summary.added == 2)
        let telegram = try #require(try store.record(id: "frus-volume-d127"))
        #expect(telegram.title == "Telegram From the Embassy in Korea to the Department of State")
        #expect(telegram.type == "chapter")
        #expect(telegram.containerTitle == "Foreign Relations of the United States, 1955–1957, Korea, Volume XXIII, Part 2")
        #expect(telegram.editor == [PersonName(family: "Smith", given: "Louis J.")])
        #expect(telegram.publisher == "United States Government Printing Office")
        #expect(telegram.publisherPlace == "Washington")
        #expect(telegram.number == "127")
        // It begins on page 300 and runs onto 301.
        #expect(telegram.page == "300–301")
        #expect(telegram.date?.iso == "1956-09-20")
        #expect(telegram.collections.isEmpty && telegram.archive == nil)
        #expect(telegram.archiveRef == "Department of State, Central Files, 795B.00/9–2056. Secret.")
        let memorandum = try #require(try store.record(id: "frus-volume-d128"))
        #expect(memorandum.page == "302" && memorandum.number == "128")
        #expect(memorandum.title == "Memorandum of a Conversation, Department of State, Washington, October 2, 1956")
    }

    @Test func theRealHistorianTEIImports() throws {
        let store = try emptyStore()
        let summary = try store.importFile(at: Fixtures.file("1988-11-10-spiers-to-redman.xml"))
        #expect(summary.added == 1)
        let record = try #require(try store.search(SearchQuery.parse("Spiers"), limit: 1).hits.first?.record)
        #expect(record.date?.iso == "1988-11-10")
        #expect(record.title.hasPrefix("Memorandum From Ronald Spiers"))
        #expect(!record.text.isEmpty)
    }

    @Test func malformedXMLIsRefusedWithItsLine() throws {
        let store = try emptyStore()
        do {
            _ = try store.importFile(at: Fixtures.file("broken.xml"), name: "broken.xml")
            Issue.record("accepted")
        } catch let ImportError.malformed(file, line, reason) {
            #expect(file == "broken.xml")
            #expect((5...8).contains(line))  // where libxml2 notices the unclosed <p>
            #expect(reason.hasPrefix("the XML is not well-formed"))
        }
        #expect(try store.count() == 0)
    }
}

@Suite struct RISImportTests {
    @Test func risRecordsMapOntoTheVocabulary() throws {
        let store = try DocumentStore.open(at: Fixtures.temporaryFolder().appendingPathComponent("store.sqlite"))
        let summary = try store.importFile(at: Fixtures.file("records.ris"))
        #expect(summary.format == .ris && summary.added == 2)
        let telegram = try #require(try store.record(id: "ris-001"))
        #expect(telegram.date?.iso == "1956-09-22")
        #expect(
            telegram.summary
                == "Mikoyan stresses that the Central Committee needs to repeal the decisions reached at the August Plenum.")
        #expect(telegram.archive == "Test Digital Archive")
        #expect(telegram.archiveRef == "AVPRF F. 0102, Op. 12, P. 68, Delo 5")
        #expect(telegram.collections == ["North Korea in the Cold War"])
        #expect(telegram.subjects == ["August Plenum", "Rehabilitation"])
        #expect(telegram.translator == [PersonName(literal: "Gary Goldberg")])
        #expect(telegram.url == "https://example.org/document/ris-001")
        #expect(telegram.extra == ["ris_N1": "A note the vocabulary has no field for."])
        let minutes = try #require(try store.search(SearchQuery.parse("title:Minutes"), limit: 1).hits.first?.record)
        #expect(minutes.date?.iso == "1956")
        #expect(try store.importFile(at: Fixtures.file("records.ris")).updated == 2)
    }

    @Test func anUnendedRISRecordIsRefusedAtItsStart() throws {
        let store = try DocumentStore.open(at: Fixtures.temporaryFolder().appendingPathComponent("store.sqlite"))
        #expect(
            throws: ImportError.malformed(
                file: "broken.ris", line: 1,
                reason:
                    "the record that starts here has no 'ER  - ' line to end it before the next record on line 5. Add an 'ER  - ' line before line 5."
            )
        ) {
            try store.importFile(at: Fixtures.file("broken.ris"), name: "broken.ris")
        }
        #expect(try store.count() == 0)
    }
}

@Suite struct MarkdownImportTests {
    private func emptyStore() throws -> DocumentStore {
        try DocumentStore.open(at: Fixtures.temporaryFolder().appendingPathComponent("store.sqlite"))
    }

    @Test func aFolderOfTranscriptionsImportsWithFrontMatter() throws {
        let store = try emptyStore()
        let summary = try store.importFile(at: Fixtures.file("transcriptions"), name: "transcriptions")
        #expect(summary.format == .markdown && summary.added == 2)
        let letter = try #require(try store.search(SearchQuery.parse("title:letter"), limit: 1).hits.first?.record)
        #expect(letter.title == "Letter from Ch'oe Ch'ang-ik to the Central Committee")
        #expect(letter.date?.iso == "1956-08-29")
        #expect(letter.people == ["Ch'oe Ch'ang-ik"])
        #expect(letter.places == ["Pyongyang"])
        #expect(letter.extra == ["folder": "Box 4"])
        #expect(
            letter.text == "My own transcription of the letter, made from a photocopy.\n\nSecond paragraph of the transcription.")
        #expect(letter.provenance?.file.hasSuffix("transcriptions/1956/choe-letter.md") == true)
        let notes = try #require(try store.search(SearchQuery.parse("\"working notes\""), limit: 1).hits.first?.record)
        #expect(notes.title == "Notes on the August Plenum")
        #expect(notes.date == nil)
        #expect(try store.importFile(at: Fixtures.file("transcriptions")).updated == 2)
    }

    @Test func badFrontMatterNamesTheFileAndLine() throws {
        let store = try emptyStore()
        let folder = Fixtures.temporaryFolder()
        try "---\ntitle: fine\n---\nBody\n".write(to: folder.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        try "---\ntitle: [unclosed\n---\nBody\n".write(
            to: folder.appendingPathComponent("b.md"), atomically: true, encoding: .utf8)
        do {
            _ = try store.importFile(at: folder, name: "notes")
            Issue.record("accepted")
        } catch let ImportError.malformed(file, line, reason) {
            #expect(file == "notes/b.md")
            #expect(line >= 2)
            #expect(reason.hasPrefix("the front matter is not valid YAML"))
        }
        #expect(try store.count() == 0)  // a.md was not kept either
        let unclosed = Fixtures.write("---\ntitle: x\nno end\n", named: "c.md")
        #expect(
            throws: ImportError.malformed(
                file: "c.md", line: 1, reason: "the front matter that starts here has no closing '---' line.")
        ) {
            try store.importFile(at: unclosed, name: "c.md")
        }
    }
}

@Suite struct FolderImportTests {
    /// A folder holding copies of fixtures, by their names in the folder.
    func folder(_ files: [String: String]) throws -> URL {
        let folder = Fixtures.temporaryFolder("dossier-folder").appendingPathComponent("volumes")
        for (name, fixture) in files {
            let target = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Fixtures.file(fixture), to: target)
        }
        return folder
    }

    @Test func aFolderOfTEIVolumesIsReadFileByFileInOneImport() throws {
        let (_, store) = try Fixtures.sampleWorkspace()
        let volumes = try folder([
            "frus-1952-54.xml": "frus-sample.xml", "1988/spiers.xml": "1988-11-10-spiers-to-redman.xml",
            "scan.pdf": "records.csv",
        ])
        let summary = try store.importFile(at: volumes, name: "volumes")
        let expected =
            try store.importFile(at: Fixtures.file("frus-sample.xml")).total
            + store.importFile(at: Fixtures.file("1988-11-10-spiers-to-redman.xml")).total
        #expect(summary.format == .tei)
        #expect(summary.total == expected)
        // Again: every record is updated, none added; each keeps its own file as provenance.
        let again = try store.importFile(at: volumes, name: "volumes")
        #expect(again.added == 0 && again.updated == expected)
    }

    @Test func aFormatNarrowsTheFilesAndAnErrorNamesTheFileInTheFolder() throws {
        let (_, store) = try Fixtures.sampleWorkspace()
        let mixed = try folder(["a.xml": "frus-sample.xml", "b.jsonl": "records.jsonl"])
        let teiOnly = try store.importFile(at: mixed, format: .tei, name: "mixed")
        #expect(teiOnly.total == (try store.importFile(at: Fixtures.file("frus-sample.xml")).total))
        let broken = try folder(["1.xml": "frus-sample.xml", "2.xml": "broken.xml"])
        let before = try store.count()
        #expect {
            try store.importFile(at: broken, name: "broken")
        } throws: { error in
            (error as? ImportError)?.description.hasPrefix("broken/2.xml:") == true
        }
        #expect(try store.count() == before)
        let empty = try folder(["notes.pdf": "records.csv"])
        #expect(throws: ImportError.emptyFolder(file: "empty", format: nil)) {
            try store.importFile(at: empty, name: "empty")
        }
    }
}
