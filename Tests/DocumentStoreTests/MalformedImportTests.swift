import DocumentStore
import Foundation
import TestSupport
import Testing

/// Inputs that used to be imported without a word, or to end the process: each is refused
/// with its line and the fix, or imported with a warning that says what was repaired.
@Suite struct MalformedImportTests {
    private func sampleStore() throws -> DocumentStore {
        let store = try DocumentStore.open(at: Fixtures.temporaryFolder().appendingPathComponent("store.sqlite"))
        try SampleArchive.importInto(store)
        return store
    }

    private func file(_ bytes: [UInt8], named name: String) throws -> URL {
        let url = Fixtures.temporaryFolder().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    @Test(
        arguments: [
            (
                Array(#"{"title": "ok"}"#.utf8) + [0x0A] + Array(#"{"title": "Caf"#.utf8) + [0xE9] + Array("\"}\n".utf8),
                "bad.jsonl", 2,
                "byte 0xE9 at column 15 is not UTF-8 (the file may be Latin-1 or Windows-1252). Convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8 'bad.jsonl' > 'bad-utf8.jsonl', and import that."
            ),
            (
                Array("TY  - GEN\nTI  - A ti".utf8) + [0] + Array("tle\nER  - \n".utf8), "bad.ris", 2,
                "a NUL byte (0x00) at column 11: the file is damaged or not a text file. Import the archive's text export, or remove the NUL bytes if the rest is sound, e.g. tr -d '\\000' < 'bad.ris' > 'bad-clean.ris'."
            ),
            (
                [0xFF, 0xFE] + Array("id,title\n".utf8).flatMap { [$0, 0] }, "bad.csv", 1,
                "the file is UTF-16 text; import reads UTF-8. Save it as UTF-8, e.g. iconv -f UTF-16LE -t UTF-8 'bad.csv' > 'bad-utf8.csv', and import that."
            ),
            (
                Array("%PDF-1.4\n".utf8), "page.txt", 1,
                "the file is a PDF, not text. Extract its text first (pdftotext -layout FILE.pdf FILE.txt) and import the text."
            ),
            (
                Array(
                    ("{\"title\": \"deep\", \"a\": " + String(repeating: "[", count: 100_000)
                        + String(repeating: "]", count: 100_000) + "}\n").utf8), "deep.jsonl", 1,
                "the JSON is nested more than 512 levels deep, which no record is. Check that the line is a record ('{\"title\": …}') and that its brackets close."
            ),
            (
                Array("{\"title\": \"ok\"}\n{\"title\": \"cut".utf8), "cut.jsonl", 2,
                "the last line is not valid JSON and the file does not end with a line end: it looks cut off in the middle of a record. Restore the whole file, or remove the broken last line."
            ),
            (
                Array("[{\"title\": \"ok\"},\n{\"title\": \"cut".utf8), "cut.json", 2,
                "the file ends before the array is closed: it looks cut off in the middle of a record. Restore the whole file, or end it after the last complete record with ']'."
            ),
            (
                Array("id,title,summary\n1,One,\"first\n2,Two,\"second\"\n".utf8), "quotes.csv", 2,
                "the quoted field that opens on this line runs on to line 3, where text follows its closing quote: a closing '\"' is probably missing on line 2. Add it, and double any quote inside the field (\"\")."
            ),
            (
                Array("id,title,summary\n1,One,First.\n2,Tw".utf8), "cut.csv", 3,
                "the last row has 2 of the header's 3 fields and the file does not end with a line end: it looks cut off. Restore the whole file, or remove the incomplete row."
            ),
            (
                Array("<TEI><text><body><div type=\"document\"><head>A</head>\n<p>text</p></div>\n".utf8), "cut.xml", 1,
                "the element <TEI> opened here is never closed: the file ends first (cut off?). Restore the whole file, or close the element with </TEI>."
            ),
            (
                Array("<TEI><text><body>\n<div type=\"document\"><head>A &nbsp; B</head></div></body></text></TEI>\n".utf8),
                "entity.xml", 2,
                "the XML is not well-formed: an entity such as '&nbsp;' is used but not declared (write it as '&#160;'). Fix the file in an XML editor (xmllint --noout 'entity.xml' lists every problem), then import it again."
            ),
            (
                Array(("September 20, 1956\n\n" + String(repeating: "A title ", count: 300) + "\n\nA summary.\n").utf8),
                "page.txt", 3,
                "the title is 2399 characters long; a title has at most 2,000. Put long text in 'summary' or 'text'. A results page gives a date line, a title line and a summary, each after a blank line: check the blank lines."
            ),
            // Found by fuzzing: a date attribute that is no date at all ended the import with "unreadable".
            (
                Array(
                    "<TEI><text><body>\n<div type=\"document\"><head>A</head><dateline>Seoul, <date when=\"1956-'13-45\">September 20, 1956</date></dateline></div></body></text></TEI>\n"
                        .utf8), "when.xml", 2,
                "the date '1956-'13-45' is not a date. Use YYYY, YYYY-MM or YYYY-MM-DD, with ~ for an uncertain date."
            ),
            // Found by fuzzing: a name that is not UTF-8 stopped the process inside Foundation's XML parser.
            (
                Array("<".utf8) + [0xFF] + Array("on>".utf8), "name.xml", 1,
                "byte 0xFF at column 2 is not UTF-8 (the file may be Latin-1 or Windows-1252). Convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8 'name.xml' > 'name-utf8.xml', and import that."
            ),
            // Found by fuzzing: the same behind a declared encoding that is no encoding's name.
            (
                Array("<?xml version=\"1.0\" encoding=\"UTF-8".utf8) + [0xFF] + Array("s\"?>\n<TEI><te".utf8) + [0xFF]
                    + Array("/></TEI>\n".utf8),
                "declared.xml", 1,
                "byte 0xFF at column 36 is not UTF-8 (the file may be Latin-1 or Windows-1252). Convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8 'declared.xml' > 'declared-utf8.xml', and import that."
            ),
            ([], "empty.jsonl", 0, ""),
        ] as [([UInt8], String, Int, String)])
    func aMalformedFileIsRefusedWithItsLineAndTheFix(_ bytes: [UInt8], _ name: String, _ line: Int, _ reason: String) throws {
        let store = try sampleStore()
        let before = try StoreContent(store)
        let url = try file(bytes, named: name)
        let expected =
            line == 0
            ? ImportError.noRecords(file: name, format: .jsonl) : ImportError.malformed(file: name, line: line, reason: reason)
        #expect(throws: expected) { try store.importFile(at: url, name: name) }
        #expect(try StoreContent(store) == before)
    }

    /// Found by fuzzing: a processing instruction without data (`<?xmltext?>`, legal XML)
    /// made Foundation's parser read a null pointer and end the process.
    @Test func aProcessingInstructionWithoutDataIsReadNotACrash() throws {
        let store = try DocumentStore.open(at: Fixtures.temporaryFolder().appendingPathComponent("store.sqlite"))
        let tei =
            "<?xml version=\"1.0\"?>\n<?xmltext?><TEI><text><body>\n<div type=\"document\"><head>Telegram from Seoul</head>"
            + "<?note   ?></div></body></text></TEI>\n"
        let summary = try store.importFile(at: try file(Array(tei.utf8), named: "pi.xml"), name: "pi.xml")
        #expect(summary.added == 1)
        #expect(try store.search(SearchQuery.parse("Seoul"), limit: 1).hits.first?.record.title == "Telegram from Seoul")
        // The fuzzer's own input: no records, and a message, not a crash.
        let found = "<?xmltext?><body>\n<div type=\"document\" xml:id=\"h\n    </div>\n  </body></text>\n</TEI>\n"
        #expect(throws: ImportError.self) {
            try store.importFile(at: try file(Array(found.utf8), named: "found.xml"), name: "found.xml")
        }
    }

    @Test func teiInAnotherDeclaredEncodingIsTheParsersToConvert() throws {
        let store = try DocumentStore.open(at: Fixtures.temporaryFolder().appendingPathComponent("store.sqlite"))
        let latin1 =
            Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<TEI><text><body><div type=\"document\"><head>T".utf8)
            + [0xE9] + Array("l\u{E9}gramme de P".utf8).filter { $0 < 0x80 } + [0xE9]
            + Array("kin</head></div></body></text></TEI>\n".utf8)
        let summary = try store.importFile(at: try file(latin1, named: "latin1.xml"), name: "latin1.xml")
        #expect(summary.added == 1)
        #expect(try store.search(SearchQuery.parse("Pékin"), limit: 1).hits.first?.record.title == "Télgramme de Pékin")
    }

    @Test func aResultsPageCutOffIsImportedWithAWarningNamingTheLastRecord() throws {
        let store = try DocumentStore.open(at: Fixtures.temporaryFolder().appendingPathComponent("store.sqlite"))
        let page =
            "September 20, 1956\n\nRecord of a Meeting\n\nA summary.\n\nSeptember 22, 1956\n\nTelegram from Mikoyan\n\nMikoyan stresses that the"
        let cut = try store.importFile(at: Fixtures.write(page, named: "page.txt"), name: "page.txt")
        #expect(cut.added == 2)
        #expect(
            cut.warnings.map(\.description) == [
                "warning: page.txt:9: the file ends in the middle of a sentence ('…Mikoyan stresses that the'): it may be cut off, and the summary of its last record ('Telegram from Mikoyan') incomplete. It was imported as it is; import the whole page again to complete it."
            ])
        let noSummary = try store.importFile(
            at: Fixtures.write("September 23, 1956\n\nMinutes of the Plenum\n", named: "short.txt"), name: "short.txt")
        #expect(
            noSummary.warnings.map(\.description) == [
                "warning: short.txt:3: the last record ('Minutes of the Plenum') has no summary: the page may be cut off. The record was imported without one (a summary stored before is kept); import the whole page again to add it."
            ])
        // The sample page ends as a page should: no warning.
        #expect(try SampleArchive.importInto(store).warnings.isEmpty)
    }

    @Test func controlCharactersAreTakenOutAndSaid() throws {
        let store = try DocumentStore.open(at: Fixtures.temporaryFolder().appendingPathComponent("store.sqlite"))
        let lines =
            #"{"id": "c-1", "title": "Report\u0007 on the plenum", "summary": "Page one.\fPage two \u001b[1mbold\u001b[0m."}"#
            + "\n"
        let summary = try store.importFile(at: Fixtures.write(lines, named: "c.jsonl"), name: "c.jsonl")
        #expect(
            summary.warnings.map(\.description) == [
                "warning: 'c.jsonl': removed 4 control characters (U+0007, U+000C, U+001B) from the title, summary of record 'c-1' ('Report on the plenum'): they are not text. The rest of the record was imported as it is."
            ])
        let record = try #require(try store.record(id: "c-1"))
        #expect(record.title == "Report on the plenum")
        #expect(record.summary == "Page one.\nPage two [1mbold[0m.")
    }

    @Test func emptyFieldsPastTheHeaderAreLeftOutWithAWarning() throws {
        let store = try DocumentStore.open(at: Fixtures.temporaryFolder().appendingPathComponent("store.sqlite"))
        let csv = "id,title\np-1,One,,\np-2,Two\np-3,Three,\n"
        let summary = try store.importFile(at: Fixtures.write(csv, named: "p.csv"), name: "p.csv")
        #expect(summary.added == 3)
        #expect(
            summary.warnings.map(\.description) == [
                "warning: p.csv:2: 2 rows end with empty fields past the header's 2 columns (lines 2, 4); the empty fields were left out."
            ])
    }
}
