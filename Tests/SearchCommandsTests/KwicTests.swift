import DocumentStore
import Foundation
import REPLCore
import TestSupport
import Testing

@Suite struct KwicTests {
    @Test func everyOccurrenceIsALineWithTheKeywordInOneColumn() async throws {
        let repl = try await ScriptedREPL()
        let outcome = await repl.run("kwic plenum")
        #expect(outcome.output.hasPrefix("4 occurrences of plenum in 3 documents, oldest first.\n\n"))
        let lines = outcome.output.split(separator: "\n").dropFirst()
        #expect(lines.count == 4)
        let columns = lines.map { $0.distance(from: $0.startIndex, to: $0.range(of: "Plenum")!.lowerBound) }
        #expect(Set(columns).count == 1)
        #expect(lines[3].hasPrefix("3.  1956-09-23  "))
        #expect(lines[4].hasSuffix("…decision of the September Plenum is to rehabilitate the…"))
        // The listing numbers documents: show 2 is the second document of the lines.
        #expect(await repl.run("show 2").output.hasPrefix("Telegram from A. Mikoyan"))
    }

    @Test func aQueryNarrowsAndPrefixesAndPhrasesMatch() async throws {
        let repl = try await ScriptedREPL()
        let json = try await repl.json("kwic \"Kim Il Sung\" year:1957 --limit 2")
        #expect(json["occurrences"] == .number(3))
        guard case .array(let lines)? = json["lines"] else {
            Issue.record("no lines")
            return
        }
        #expect(lines.count == 2)
        #expect(lines[0]["keyword"] == "Kim Il Sung")
        #expect(lines[0]["date"] == "1957-05-02")
        let prefix = try await repl.json("kwic rehabilit* Mikoyan")
        guard case .array(let words)? = prefix["lines"] else {
            Issue.record("no lines")
            return
        }
        #expect(words.map { $0["keyword"] } == ["rehabilitating", "rehabilitating", "rehabilitate"])
    }

    @Test func badTermsAreNamedWithTheFix() async throws {
        let repl = try await ScriptedREPL()
        #expect(await repl.run("kwic Beria").output == "No documents use Beria.\n")
        let negated = await repl.run("kwic -Kim")
        #expect(!negated.succeeded && negated.messages.contains("e.g. kwic plenum year:1956"))
        let open = await repl.run("kwic \"Kim Il")
        #expect(!open.succeeded && open.messages.contains("never closed"))
    }
}
