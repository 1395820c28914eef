import DocumentStore
import Foundation
import REPLCore
import TestSupport
import Testing

@Suite struct FacetsTests {
    @Test func facetsCountEveryHitByWhoWhenAndWhere() async throws {
        let repl = try await ScriptedREPL()
        let facets = try await repl.json("facets Kim")
        #expect(facets["total"] == .number(6))
        // The sample has no people fields: the names come from titles and summaries.
        let people = try #require(facets["person"]?["values"])
        #expect(
            people
                == .array([
                    ["value": "Kim Il Sung", "count": .number(6)],
                    ["value": "Puzanov", "count": .number(3)],
                    ["value": "Choe Yong-geon", "count": .number(1)],
                    ["value": "Filatov", "count": .number(1)],
                    ["value": "Gromyko", "count": .number(1)],
                    ["value": "Mikoyan", "count": .number(1)],
                    ["value": "Pak Chang-ok", "count": .number(1)],
                    ["value": "Pak Heon-yeong", "count": .number(1)],
                    ["value": "Pak Ui-wan", "count": .number(1)],
                    // A record names him Shtykov and misspells him Shytkov: one person, one document.
                    ["value": "Shtykov", "count": .number(1), "variants": ["Shytkov"]],
                ]))
        #expect(
            facets["year"]?["values"]
                == .array([
                    ["value": "1950", "count": .number(1)],
                    ["value": "1956", "count": .number(2)],
                    ["value": "1957", "count": .number(3)],
                ]))
        #expect(facets["archive"]?["values"] == .array([["value": "Wilson Center Digital Archive", "count": .number(6)]]))
    }

    @Test func fieldsComeBeforeRecognisedNamesAndDateFiltersApply() async throws {
        let repl = try await ScriptedREPL()
        _ = try repl.store.importFile(at: Fixtures.file("records.csv"))
        let facets = try await repl.json("facets plenum year:1956 --limit 3")
        let people = try #require(facets["person"]?["values"])
        // test-003 lists Choe Chang-ik in its people field (and only it matches); Mikoyan is
        // recognised in three sample summaries.
        #expect(
            people
                == .array([
                    ["value": "Mikoyan", "count": .number(3)],
                    ["value": "Peng Dehuai", "count": .number(2)],
                    ["value": "Choe Chang-ik", "count": .number(1)],
                ]))
        #expect(facets["collection"]?["values"] == .array([["value": "North Korea in the Cold War", "count": .number(1)]]))
    }

    @Test func theTextListsEachFacetWithCountsAndBars() async throws {
        let repl = try await ScriptedREPL()
        let outcome = await repl.run("facets Mikoyan --limit 2")
        #expect(outcome.output.hasPrefix("3 documents match 'Mikoyan'.\n\nYears\n  1956  "))
        #expect(outcome.output.contains("People (2 of 4, the most frequent)\n  Mikoyan   "))
        #expect(outcome.output.contains("  Peng Dehuai   "))
        #expect(outcome.output.contains("Collections — none"))
        #expect(await repl.run("facets Beria").output == "No documents match 'Beria'.\n")
        let broken = await repl.run("facets (Mikoyan")
        #expect(!broken.succeeded && broken.messages.contains("position"))
    }
}
