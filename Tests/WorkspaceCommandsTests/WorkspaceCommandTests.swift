import DocumentStore
import Foundation
import REPLCore
import TestSupport
import Testing
import WorkspaceCommands

@Suite struct WorkspaceCommandTests {
    @Test func importReportsCountsAndARate() async throws {
        let repl = try await ScriptedREPL()
        let path = Fixtures.file("records.csv").path
        let outcome = await repl.run("import \(path)")
        #expect(outcome.succeeded)
        let text = outcome.output.replacingOccurrences(of: "\n", with: " ")
        #expect(
            text.hasPrefix(
                "Imported 15 records from '\(path)' (csv): 15 new, 0 changed, 0 unchanged. The archive holds 24 documents ("))
        #expect(text.hasSuffix(" records/s). "))
        let again = try await repl.json("import \(path)")
        #expect(again["added"] == 0)
        #expect(again["changed"] == 0 && again["unchanged"] == 15 && again["changed_fields"] == [:])
        #expect(again["updated"] == 15)
        #expect(again["documents"] == 24)
    }

    @Test func aRefusedImportChangesNothingThatStatsShows() async throws {
        let repl = try await ScriptedREPL()
        let before = await repl.run("stats --json").output
        let bad = Fixtures.file("records-bad-date.csv").path
        let outcome = await repl.run("import \(bad)")
        #expect(!outcome.succeeded)
        #expect(
            outcome.messages
                == "\(bad):14: date '1956-02-31' is not a date: February 1956 has 29 days. Use YYYY, YYYY-MM or YYYY-MM-DD, with ~ for an uncertain date. Nothing was imported; the store is unchanged.\n"
        )
        #expect(await repl.run("stats --json").output == before)
    }

    @Test func anUnknownFormatIsNamed() async throws {
        let repl = try await ScriptedREPL()
        let outcome = await repl.run("import x.csv --format xml")
        #expect(!outcome.succeeded)
        #expect(outcome.messages.hasPrefix("The value 'xml' is invalid for '--format <format>'."))
    }

    @Test func statsCountsWhatTheArchiveHolds() async throws {
        let repl = try await ScriptedREPL()
        let json = try await repl.json("stats")
        #expect(json["documents"] == 9)
        #expect(json["dated"] == 9)
        #expect(json["undated"] == 0)
        #expect(json["earliest"] == "1950-09-29")
        #expect(json["latest"] == "1957-09-03")
        #expect(json["archives"] == ["Wilson Center Digital Archive": 9])
        let text = await repl.run("stats").output
        #expect(
            text.hasPrefix(
                "Documents:   9\nDates:       September 29, 1950 to September 3, 1957\nArchives:    Wilson Center Digital Archive (9)\n"
            ))
    }
}
