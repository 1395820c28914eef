import DocumentStore
import TestSupport
import Testing

@Suite struct QueryFilterTests {
    @Test func fieldScopesConfineAWord() throws {
        let (_, store) = try Fixtures.sampleWorkspace()
        func titles(_ query: String) throws -> [String] {
            try store.search(SearchQuery.parse(query), limit: 20).hits.map(\.record.title)
        }
        #expect(try titles("title:Mikoyan") == ["Telegram from A. Mikoyan to the CPSU Central Committee"])
        #expect(try titles("summary:Mikoyan").count == 3)
        #expect(try titles("title:\"August Plenum\"").isEmpty)
        #expect(try titles("summary:\"August Plenum\"").count == 2)
    }

    @Test func dateFiltersCompareSpansWithInclusiveBounds() throws {
        let (_, store) = try Fixtures.sampleWorkspace()
        _ = try store.importFile(at: Fixtures.file("records.csv"))
        func ids(_ query: String) throws -> Set<String> {
            Set(try store.search(SearchQuery.parse(query), limit: 50).hits.map(\.record.id).filter { $0.hasPrefix("test-") })
        }
        // test-002 is dated July 1956: its month overlaps any day of July.
        #expect(try ids("report after:1956-07-31").contains("test-002"))
        #expect(try ids("report before:1956-07-01").contains("test-002"))
        #expect(try !ids("report after:1956-08-01").contains("test-002"))
        // test-006 is dated 1956 as a whole year.
        #expect(try ids("trade date:1956-03..1956-04") == ["test-006"])
        #expect(try ids("trade year:1957").isEmpty)
        // Undated test-008 never passes a date filter; bounds are inclusive.
        #expect(try ids("fragment").contains("test-008"))
        #expect(try ids("fragment after:1000").isEmpty)
        #expect(try ids("rehabilitation date:1957-01-10..1957-01-10") == ["test-009"])
    }

    @Test func dateFiltersAloneListEveryDocumentOfThePeriodInDateOrder() throws {
        let (_, store) = try Fixtures.sampleWorkspace()
        _ = try store.importFile(at: Fixtures.file("records.csv"))
        let page = try store.search(SearchQuery.parse("date:1956-07..1956-09-05"), limit: 10)
        // test-006 is dated 1956 as a whole: its span starts first.
        #expect(page.hits.map(\.record.id) == ["test-006", "test-002", "test-003", "test-004"])
        #expect(page.total == 4)
        #expect(page.undatedExcluded == 1)  // test-008
        let newest = try store.search(SearchQuery.parse("year:1957"), limit: 1, sort: .newest)
        #expect(newest.hits.first?.record.date?.iso == "1957-09-03")
        #expect(newest.total == 9)  // six of the fixture's, three of the sample's
        let year = try SearchQuery.parse("year:1956")
        let counts = try store.dateCounts(year)
        #expect(counts.byYear == ["1956": try store.search(year, limit: 1).total])
    }

    @Test func dateFiltersFollowBulkImportsReimportsAndUpdates() throws {
        let (_, store) = try Fixtures.sampleWorkspace()
        // Enough bytes for the bulk path, which loads without triggers.
        let filler = String(repeating: "words of a summary ", count: 16)
        let lines = (1...3_000).map { n in
            "{\"id\": \"bulk-\(n)\", \"title\": \"Bulk telegram \(n)\", \"summary\": \"\(filler)\", \"date\": \"\(1950 + n % 10)-0\(1 + n % 9)\"}"
        }
        let file = Fixtures.write(lines.joined(separator: "\n") + "\n", named: "bulk.jsonl")
        _ = try store.importFile(at: file)
        let query = try SearchQuery.parse("bulk year:1956")
        #expect(try store.search(query, limit: 1).total == 300)
        // A small re-import updates through the triggers: one record moves to 1957.
        let moved = Fixtures.write(
            "{\"id\": \"bulk-6\", \"title\": \"Bulk telegram 6\", \"date\": \"1957-01\"}\n", named: "moved.jsonl")
        _ = try store.importFile(at: moved)
        #expect(try store.search(query, limit: 1).total == 299)
        // A merge keeps a date the file leaves out; a replacing import takes it away.
        let undated = Fixtures.write("{\"id\": \"bulk-16\", \"title\": \"Bulk telegram 16\"}\n", named: "undated.jsonl")
        _ = try store.importFile(at: undated)
        #expect(try store.search(query, limit: 1).total == 299)
        _ = try store.importFile(at: undated, replace: true)
        let page = try store.search(query, limit: 1)
        #expect(page.total == 298)
        #expect(page.undatedExcluded == 1)
    }

    @Test(arguments: [
        ("plenum after:1956-02-31", 13, "'1956-02-31' is not a date: February 1956 has 29 days"),
        ("plenum year:56", 12, "'56' is not a year"),
        ("subject:plenum", 0, "'subject:' is not a field that can be searched"),
        ("plenum after:", 7, "'after:' needs a date right after it"),
        ("plenum date: x", 7, "'date:' needs a date right after it"),
        ("Kim after:1957 before:1950", 0, "the date filters leave no days between 1957-01-01 and 1950-12-31"),
        ("plenum date:1956..1957..1958", 12, "'1956..1957..1958' is not a date range"),
    ])
    func badFiltersAreExplainedAtTheirPosition(_ query: String, _ position: Int, _ problem: String) {
        #expect(throws: QueryError.self) { try SearchQuery.parse(query) }
        do {
            _ = try SearchQuery.parse(query)
        } catch {
            #expect(error.position == position)
            #expect(error.problem == problem)
        }
    }

    @Test func anEmptyDateFilterShowsADateAsTheExample() {
        #expect {
            try SearchQuery.parse("plenum year:")
        } throws: { error in
            (error as? QueryError)?.description.contains("Write for example 'year:1956', with no space.") == true
        }
    }

    @Test func aColonInsideAWordIsNotAField() throws {
        let (_, store) = try Fixtures.sampleWorkspace()
        #expect(try store.search(SearchQuery.parse("Note: plenum"), limit: 5).total == 0)
    }
}
