import DocumentStore
import Foundation
import REPLCore
import TestSupport
import Testing

@Suite struct TimelineTests {
    @Test func byYearEveryYearIsDrawnAndLongGapsAreOneLine() async throws {
        let repl = try await ScriptedREPL()
        let outcome = await repl.run("timeline Kim")
        #expect(outcome.output.hasPrefix("6 documents match 'Kim', 1950 to 1957, by year:\n\n1950  1  ████"))
        #expect(outcome.output.contains("\n  ⋮   none from 1951 to 1955\n1956  2  "))
        #expect(outcome.output.contains("\n1957  3  " + String(repeating: "█", count: 60) + "\n"))
        let json = try await repl.json("timeline Kim --by year")
        guard case .array(let periods)? = json["periods"] else {
            Issue.record("no periods")
            return
        }
        #expect(periods.count == 8)
        #expect(periods[6] == ["period": "1956", "count": .number(2)])
    }

    @Test func byMonthYearOnlyAndUndatedDocumentsAreCountedApart() async throws {
        let repl = try await ScriptedREPL()
        let file = Fixtures.write(
            """
            {"id": "t-1", "title": "Telegram on the plenum", "date": "1956-08"}
            {"id": "t-2", "title": "Report on the plenum", "date": "1956-11-02"}
            {"id": "t-3", "title": "Plenum notes", "date": "1956"}
            {"id": "t-4", "title": "Undated plenum memo"}
            """, named: "timeline.jsonl")
        _ = try repl.store.importFile(at: file)
        // With the sample's minutes of the September plenum.
        let json = try await repl.json("timeline title:plenum")
        #expect(json["by"] == "month")
        #expect(
            json["periods"]
                == .array([
                    ["period": "1956-08", "count": .number(1)], ["period": "1956-09", "count": .number(1)],
                    ["period": "1956-10", "count": .number(0)], ["period": "1956-11", "count": .number(1)],
                ]))
        #expect(json["year_only"] == ["1956": .number(1)])
        #expect(json["undated"] == .number(1))
        let text = await repl.run("timeline title:plenum").output
        #expect(text.contains("1 document is dated only to the year and not shown by month (1956: 1)."))
        #expect(text.contains("1 undated document is not shown."))
    }

    @Test func dateFiltersNarrowTheChart() async throws {
        let repl = try await ScriptedREPL()
        let json = try await repl.json("timeline Kim after:1956-06 --by year")
        #expect(json["periods"] == .array([["period": "1956", "count": .number(1)], ["period": "1957", "count": .number(3)]]))
        #expect(await repl.run("timeline Beria").output == "No documents match 'Beria'.\n")
        let wrong = await repl.run("timeline Kim --by decade")
        #expect(!wrong.succeeded && wrong.messages.contains("decade"))
    }
}
