import DocumentStore
import Foundation
import REPLCore
import TestSupport
import Testing

@Suite struct NamesTests {
    @Test func spellingsOfOnePersonAreGroupedWithCounts() async throws {
        let repl = try await ScriptedREPL()
        _ = try repl.store.importFile(
            at: Fixtures.write(
                """
                {"id":"n1","title":"Pak Hon Yong and Kim Tu-bong","date":"1956-09-01","summary":"Pak Hon Yong met Kim Tu-bong."}
                {"id":"n2","title":"Note on Pak Heon-yeong","date":"1956-09-02","summary":"Pak Heon-yeong and Kim Du-bong spoke with Kim Il Sung."}
                """, named: "names.jsonl"))
        let json = try await repl.json("names Tu-bong")
        #expect(json["total"] == 2)
        guard case .array(let people) = try #require(json["people"]) else {
            Issue.record("no people array")
            return
        }
        #expect(
            people[1] == [
                "name": "Pak Heon-yeong", "documents": 2,
                "spellings": [["spelling": "Pak Heon-yeong", "documents": 1], ["spelling": "Pak Hon Yong", "documents": 1]],
            ])
        #expect(people[0]["name"] == "Kim Du-bong")
        #expect(people[0]["documents"] == 2)
        #expect(people[2]["name"] == "Kim Il Sung")
        let text = await repl.run("names Tu-bong").output
        #expect(
            text.hasPrefix(
                "2 documents match 'Tu-bong'; they name 3 people.\n\n  2  Kim Du-bong\n     spelt Kim Du-bong (1), Kim Tu-bong (1)\n  2  Pak Heon-yeong\n"
            ))
    }

    @Test func showSaysWhichSpellingTheLastSearchMatched() async throws {
        let repl = try await ScriptedREPL()
        _ = await repl.run("search Kim Il-sŏng --limit 1")
        let shown = await repl.run("show 1").output.replacingOccurrences(of: "\n", with: " ")
        #expect(shown.contains("Matched 'Kim Il-sŏng' ~ 'Kim Il Sung': McCune–Reischauer (searching 'Kim Il-sŏng')."))
        let json = try await repl.json("search Shytkov")
        #expect(json["total"] == 2)
        // Two letters off: no hits, and the name the archive has is suggested; ~ finds it.
        let none = await repl.run("search Puzamvo")
        #expect(none.output == "No documents match 'Puzamvo'.\n\nDid you mean 'search Puzanov'?\n")
        #expect(try await repl.json("search Puzamvo~")["total"] == repl.json("search Puzanov")["total"])
    }

    @Test func aQueryWithNoHitsSaysSo() async throws {
        let repl = try await ScriptedREPL()
        #expect(await repl.run("names Zhukov").output == "No documents match 'Zhukov'.\n")
    }
}
