import DocumentStore
import Foundation
import REPLCore
import SearchCommands
import TestSupport
import Testing

@Suite struct SearchCommandTests {
    @Test func searchListsExactlyTheSampleRecordsThatMentionMikoyan() async throws {
        let repl = try await ScriptedREPL()
        let outcome = await repl.run("search Mikoyan")
        #expect(outcome.succeeded)
        #expect(outcome.output.hasPrefix("3 documents match 'Mikoyan'.\n"))
        let numbered = outcome.output.split(separator: "\n").filter { $0.wholeMatch(of: /\d+\.  .*/) != nil }
        #expect(numbered.count == 3)
        #expect(numbered[0] == "1.  1956-09-22  Telegram from A. Mikoyan to the CPSU Central Committee")
        #expect(repl.context.lastResults?.count == 3)
    }

    @Test func theQueryArrivesVerbatim() async throws {
        let repl = try await ScriptedREPL()
        #expect(await repl.run("search \"August Plenum\"").output.hasPrefix("2 documents match '\"August Plenum\"'.\n"))
        #expect(await repl.run("search Mikoyan -Peng").output.hasPrefix("1 document matches 'Mikoyan -Peng'.\n"))
        #expect(await repl.run("search Ch’oe").output.hasPrefix("1 document matches 'Ch’oe'.\n"))
        #expect(await repl.run("search Gromyko Beria").output == "No documents match 'Gromyko Beria'.\n")
    }

    @Test func linesWithTheSameFlagsEachRunTheirOwnText() async throws {
        // The flags of a free-text line are parsed once for every line with the same flags.
        let repl = try await ScriptedREPL()
        #expect(await repl.run("search Kim --limit 2").output.hasPrefix("6 documents match 'Kim'; the best 2 are shown.\n"))
        #expect(
            await repl.run("search Mikoyan --limit 2").output.hasPrefix("3 documents match 'Mikoyan'; the best 2 are shown.\n"))
        #expect(await repl.run("search --limit 2 Mikoyan -Peng").output.hasPrefix("1 document matches 'Mikoyan -Peng'.\n"))
        #expect(await repl.run("search Mikoyan").output.hasPrefix("3 documents match 'Mikoyan'.\n"))
        #expect(await repl.run("timeline Mikoyan --by year").output != (await repl.run("timeline Kim --by year")).output)
        // Other flags are parsed anew, and their mistakes reported as ever.
        let wrong = await repl.run("search Kim --limit 0")
        #expect(!wrong.succeeded && wrong.messages.contains("--limit must be at least 1, not 0."), "\(wrong.messages)")
        #expect(await repl.run("search Kim --limit 1").output.hasPrefix("6 documents match 'Kim'; the best is shown.\n"))
    }

    @Test func aLimitShowsTheBestAndSaysHowToSeeMore() async throws {
        let repl = try await ScriptedREPL()
        let outcome = await repl.run("search Kim --limit 2")
        #expect(outcome.output.hasPrefix("6 documents match 'Kim'; the best 2 are shown.\n"))
        #expect(outcome.output.hasSuffix("Type 'next' for results 3–4; 'show N' prints result N in full.\n"))
        #expect(repl.context.lastResults?.count == 2)
    }

    @Test func aBrokenQueryPointsAtTheProblem() async throws {
        let repl = try await ScriptedREPL()
        let outcome = await repl.run("search plenum \"August")
        #expect(!outcome.succeeded)
        #expect(outcome.messages.hasPrefix("Cannot read the query at position 8: the phrase that starts here is never closed."))
        #expect(!outcome.messages.lowercased().contains("fts5"))
    }

    @Test func showPrintsEveryFieldWrapped() async throws {
        let repl = try await ScriptedREPL(style: TextStyle(width: 60))
        _ = try repl.store.importFile(at: Fixtures.file("records.csv"))
        let outcome = await repl.run("show test-001")
        // The provenance line holds this machine's path; the rest is checked word for word.
        let provenance = try #require(outcome.output.range(of: "Imported from: "))
        let summary = try #require(outcome.output.range(of: "\n\nSummary\n"))
        #expect(outcome.output[provenance.upperBound..<summary.lowerBound].contains("records.csv"))
        let fixed = outcome.output.replacingCharacters(in: provenance.lowerBound..<summary.lowerBound, with: "")
        #expect(
            fixed == """
                Memorandum on the Soviet Delegation's Visit to Pyongyang
                Date:          June 1, 1956
                Archive:       Test Archive
                Reference:     F. 5 Op. 28 D. 410
                Collections:   Korean War; North Korea in the Cold War
                People:        Kim Il Sung; Ch'oe Yong-gŏn
                Places:        Pyongyang
                Language:      Russian
                Translator:    Gary Goldberg
                URL:           https://example.org/test-001
                Id:            test-001


                Summary
                Notes on the itinerary of the delegation, the reception by
                Kim Il Sung and talks with Ch'oe Yong-gŏn.

                """)
        let json = try await repl.json("show test-001")
        guard case .array(let documents)? = json["documents"] else {
            Issue.record("no documents array")
            return
        }
        #expect(documents.first?["people"] == ["Kim Il Sung", "Ch'oe Yong-gŏn"])
    }

    @Test func nextAndPrevTurnThePagesAndNumbersCarryOn() async throws {
        let repl = try await ScriptedREPL()
        #expect(await repl.run("next").messages == "There are no results to page through. Run 'search' first.\n")
        await repl.run("search Kim --limit 2")
        let second = await repl.run("next")
        #expect(second.output.hasPrefix("6 documents match 'Kim'; 3–4 are shown.\n"))
        #expect(second.output.contains("\n3.  "))
        #expect(await repl.run("show 3").succeeded)
        #expect(
            await repl.run("show 1").messages
                == "There is no result 1; the last listing showed 3–4. Use a number from 3 to 4, or a document id.\n")
        let third = await repl.run("next")
        #expect(third.output.hasSuffix("That is the last page; 'prev' goes back.\n"))
        #expect(await repl.run("next").messages == "That was the last page: the search found 6 documents. 'prev' goes back.\n")
        #expect(await repl.run("prev").output.hasPrefix("6 documents match 'Kim'; 3–4 are shown.\n"))
        await repl.run("prev")
        #expect(await repl.run("prev").messages == "This is the first page already; 'next' goes forward.\n")
    }

    @Test func resultsSortByDateEitherWayWithUndatedLast() async throws {
        let repl = try await ScriptedREPL()
        _ = try repl.store.importFile(at: Fixtures.file("records.csv"))
        func dates(_ line: String) async throws -> [String] {
            let json = try await repl.json(line)
            guard case .array(let results)? = json["results"] else { return [] }
            return results.map { $0["date"]?.text ?? "" }
        }
        let oldest = try await dates("search party OR plenum OR resolution OR report --sort date")
        #expect(oldest.first == "1950~" || oldest.first == "1950-09-29")
        #expect(oldest.last == "")  // the undated fragment comes last
        #expect(Array(oldest.dropLast()).allSatisfy { !$0.isEmpty })
        let newest = try await dates("search party OR plenum OR resolution OR report --sort -date")
        let dated = newest.filter { !$0.isEmpty }
        #expect(dated == dated.sorted(by: >))
        #expect(dated.count >= 5)
        #expect(newest.last == "")
    }

    @Test func undatedMatchesAreCountedApartFromADateFilter() async throws {
        let repl = try await ScriptedREPL()
        _ = try repl.store.importFile(at: Fixtures.file("records.csv"))
        let outcome = await repl.run("search resolution after:1950")
        #expect(
            outcome.output.replacingOccurrences(of: "\n", with: " ").hasPrefix(
                "No documents match 'resolution after:1950'. 1 undated document matches too but is left out by the date filter."))
        let json = try await repl.json("search resolution after:1950")
        #expect(json["undated_excluded"] == 1)
    }
}
