import DocumentStore
import TestSupport
import Testing

@Suite struct QueryLanguageTests {
    private func titles(_ query: String) throws -> Set<String> {
        let (_, store) = try Fixtures.sampleWorkspace()
        return Set(try store.search(SearchQuery.parse(query), limit: 50).hits.map(\.record.title))
    }

    @Test func orWidensAndParenthesesGroup() throws {
        #expect(try titles("Mikoyan OR Shtykov").count == 5)
        #expect(try titles("(Mikoyan OR Shtykov) -Peng").count == 3)
        #expect(try titles("Mikoyan or Shtykov").isEmpty)  // lower-case 'or' is a word
        #expect(try titles("Puzanov AND (May OR September)").count == 3)
    }

    @Test func notAndMinusExclude() throws {
        #expect(try titles("plenum NOT Mikoyan").isEmpty)
        #expect(try titles("Puzanov NOT reception") == titles("Puzanov -reception"))
        #expect(try titles("Puzanov -reception").count == 2)
    }

    @Test func nearFindsWordsCloseTogether() throws {
        #expect(try titles("NEAR(Mikoyan Peng, 3)").count == 2)
        #expect(try titles("NEAR(Mikoyan Kim, 2)").isEmpty)
        #expect(try titles("NEAR(\"Peng Dehuai\" Mikoyan)").count == 2)
    }

    @Test func peopleAndPlacesAreFoundInFieldsAndInTitlesAndSummaries() throws {
        let (_, store) = try Fixtures.sampleWorkspace()
        _ = try store.importFile(at: Fixtures.file("records.csv"))
        func ids(_ query: String) throws -> Set<String> {
            Set(try store.search(SearchQuery.parse(query), limit: 50).hits.map(\.record.id))
        }
        // test-004 names Yun Gong-heum in its people field and title; test-003 only in people.
        #expect(try ids("person:Pak Chang-ok").contains("test-003"))
        #expect(try ids("person:Shtykov").count == 2)
        #expect(try ids("place:Beijing") == ["test-004", "test-013"])
        #expect(try ids("collection:\"Korean War\"") == ["test-001"])
        #expect(try ids("archive:Wilson Puzanov").count == 3)
        #expect(try ids("title:(Puzanov OR Mikoyan)").count == 4)
    }

    @Test(arguments: [
        ("(plenum", 0, "the parenthesis opened here is never closed"),
        ("plenum)", 6, "there is no '(' for this ')'"),
        ("plenum ()", 7, "the parentheses hold no words"),
        ("-", 0, "a lone '-' excludes nothing"),
        ("plenum - Mikoyan", 7, "a lone '-' excludes nothing"),
        ("NEAR(", 0, "'NEAR(' is never closed"),
        ("NEAR(Mikoyan)", 0, "'NEAR' needs two or more words"),
        ("NEAR(Mikoyan Peng, x)", 19, "the distance after ',' must be a number of words"),
        ("Mikoyan OR", 8, "'OR' needs a word on each side"),
        ("OR Mikoyan", 0, "'OR' needs a word on each side"),
        ("plenum NOT", 7, "'NOT' needs a word after it"),
        ("-Mikoyan -Peng", 0, "excluding a word leaves nothing to look for"),
        ("(Mikoyan OR Peng year:1956)", 17, "a date filter applies to the whole query"),
        ("title:", 0, "'title:' needs a word or phrase right after it"),
        ("Mikoyan after: 1956", 8, "'after:' needs a date right after it"),
        ("\"\"", 0, "the phrase has no words in it"),
        ("*", 0, "'*' must follow the start of a word"),
    ])
    func malformedQueriesPointAtTheProblem(_ query: String, _ position: Int, _ problem: String) {
        do {
            _ = try SearchQuery.parse(query)
            Issue.record("'\(query)' was accepted")
        } catch {
            #expect(error.position == position, "\(query)")
            #expect(error.problem == problem, "\(query)")
            #expect(!error.description.lowercased().contains("fts5"))
        }
    }

    @Test func aVeryLongQueryIsRefusedCleanlyNotSentToSQLite() throws {
        let long = String(repeating: "plenum ", count: 1_500)
        #expect(long.count > 10_000)
        do {
            _ = try SearchQuery.parse(long)
            Issue.record("accepted")
        } catch {
            #expect(error.problem == "the query has more than 200 words")
        }
        let oneWord = String(repeating: "x", count: 10_000)
        let (_, store) = try Fixtures.sampleWorkspace()
        #expect(try store.search(SearchQuery.parse(oneWord), limit: 5).total == 0)
    }

    @Test(arguments: [
        String(repeating: "(", count: 100_000) + "plenum" + String(repeating: ")", count: 100_000),
        String(repeating: "title:", count: 20_000) + "plenum",
        "plenum " + String(repeating: "-(", count: 50_000) + "x" + String(repeating: ")", count: 50_000),
    ])
    func queriesNestedPastAnyUseAreRefusedNotAStackOverflow(_ query: String) throws {
        do {
            _ = try SearchQuery.parse(query)
            Issue.record("accepted")
        } catch {
            #expect(error.problem == "parentheses and fields are nested more than 32 deep here")
            #expect(error.fix == "Write the query with fewer levels, e.g. '(Mikoyan OR Peng) plenum'.")
        }
    }

    @Test func aLongQueryIsShownAroundItsProblemWithTheCaretUnderIt() throws {
        let query = (1...300).map { "w\($0)" }.joined(separator: " ")
        do {
            _ = try SearchQuery.parse(query)
            Issue.record("accepted")
        } catch {
            let lines = error.description.split(separator: "\n").map(String.init)
            #expect(
                lines[0]
                    == "Cannot read the query at position \(error.position + 1): the query has more than 200 words. Search for the most telling words only."
            )
            #expect(lines[1].count <= 2 + 74 && lines[1].hasPrefix("  …") && lines[1].hasSuffix("…"))
            // The caret stands under the first word past the limit.
            let caret = try #require(lines[2].firstIndex(of: "^"))
            let column = lines[2].distance(from: lines[2].startIndex, to: caret)
            #expect(lines[1].dropFirst(column).hasPrefix("w201 "))
        }
    }
}
