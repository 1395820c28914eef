import Foundation
import REPLCore
import TestSupport
import Testing

@Suite struct CompareTests {
    @Test func twoDocumentsSideBySide() async throws {
        let repl = try await ScriptedREPL(style: TextStyle(width: 100))
        let text = await repl.run("compare wca-2a20b1851ab2 wca-e483cb3033ce").output
        #expect(text.hasPrefix("Comparing 2 documents:\n\n            1. wca-2a20b1851ab2"))
        #expect(text.contains("\nDate        September 22, 1956"))
        #expect(text.contains("Between them: 1 day.\nIn common: Mikoyan.\nSimilarity: 0."))
        #expect(text.contains("Distinctive of 1 (wca-2a20b1851ab2) — G², count here / there:\n  against 2:\n"))
        #expect(text.contains("  against the archive:\n"))
        // Words only the minutes use, with their figures and an example.
        #expect(
            text.contains(/rehabilitate +5\.5  1 \/ 0 +…the September Plenum is to rehabilitate the accused party\n +members…/))
        let json = try await repl.json("compare wca-2a20b1851ab2 wca-e483cb3033ce")
        guard case .array(let documents)? = json["documents"], case .array(let keys)? = documents[1]["distinctive_against_others"]
        else {
            Issue.record("no documents")
            return
        }
        #expect(documents.count == 2)
        #expect(keys.count == 6)
        #expect(json["gaps"] == .array([.string("1 day")]))
        #expect(json["shared_people"] == .array([.string("Mikoyan")]))
    }

    @Test func threeDocumentsAndLongGaps() async throws {
        let repl = try await ScriptedREPL(style: TextStyle(width: 120))
        let text = await repl.run("compare wca-5f927b186378 wca-2a20b1851ab2 wca-d2d80dd6e99c").output
        #expect(
            text.contains(
                "Between them: 1–2: 2,185 days, about 6 years; 1–3: 2,531 days, about 6 years 11 months; 2–3: 346 days, about 11 months."
            ))
        #expect(text.contains("Similarity (1–2): "))
        #expect(text.contains("  against the others:"))
    }

    @Test func shortAndUndatedDocumentsExplainThemselves() async throws {
        let repl = try await ScriptedREPL(style: TextStyle(width: 100))
        let file = Fixtures.write(
            """
            {"id": "short-1", "title": "Note on the plenum", "summary": "Kim speaks."}
            {"id": "short-2", "title": "Note on the plenum", "summary": "Kim speaks."}
            """, named: "short.jsonl")
        #expect(await repl.run("import \(file.path)").succeeded)
        let text = await repl.run("compare short-1 short-2").output
        #expect(text.contains("\nDate        undated"))
        #expect(!text.contains("Between them"))
        #expect(text.contains("Similarity: 1.00, the same words."))
        #expect(text.contains("short-1 has only 6 words (a title and a summary): its distinctive words say little."))
        #expect(text.contains("  against 2: none"))
        #expect(await repl.run("compare short-1").messages.hasPrefix("Give two documents or more"))
        #expect(await repl.run("compare short-1 nosuchdoc").messages.hasPrefix("No document has the id 'nosuchdoc'."))
    }

    @Test func twoSetsOfDocuments() async throws {
        let repl = try await ScriptedREPL(style: TextStyle(width: 100))
        let text = await repl.run("compare Puzanov vs \"plenum OR Mikoyan\"").output
        #expect(text.hasPrefix("Comparing 'Puzanov' (3 documents) with 'plenum OR Mikoyan' (3 documents):"))
        #expect(
            text.contains(/Distinctive of 'Puzanov' against 'plenum OR Mikoyan' — G², count here \/ there:\n  dprk +9\.7  7 \/ 0/)
        )
        #expect(text.contains("People only in 'Puzanov': Puzanov (3), Pak Ui-wan (1)."))
        #expect(text.contains("People only in 'plenum OR Mikoyan': Mikoyan (3), Peng Dehuai (2), Choe Yong-geon (1)."))
        #expect(text.contains("People in both: Kim Il Sung (3 / 1)."))
        #expect(text.contains("Over time:\n█ 'Puzanov'   ▓ 'plenum OR Mikoyan'"))
        #expect(
            await repl.run("compare Puzanov vs Xylophone").output
                .hasPrefix("'Xylophone' matches no documents, so there is nothing to compare it with."))
        // The session's pinned documents against the last listing.
        await repl.run("search Shtykov")
        await repl.run("pin 1")
        await repl.run("search Puzanov")
        let sets = await repl.run("compare pinned vs results").output
        #expect(sets.hasPrefix("Comparing 'pinned' (1 document) with 'results' (3 documents):"))
        #expect(await repl.run("compare Puzanov vs").messages.hasPrefix("Compare two sets at a time, each side non-empty"))
    }

    @Test func diffWordByWord() async throws {
        let repl = try await ScriptedREPL(style: TextStyle(width: 80))
        let file = Fixtures.write(
            """
            {"id": "tr-1", "title": "Telegram", "text": "Mikoyan stresses that the decisions of the August Plenum must be repealed."}
            {"id": "tr-2", "title": "Telegram", "text": "Mikoyan insists that the decisions of the August Plenum must be revoked at once."}
            """, named: "translations.jsonl")
        #expect(await repl.run("import \(file.path)").succeeded)
        let text = await repl.run("diff tr-1 tr-2").output
        #expect(
            text == """
                tr-1 against tr-2: 1 field differs (text); every other field is the same.

                text: 10 words kept, 2 taken out, 4 put in.
                Mikoyan [-stresses-] {+insists+} that the decisions of the August Plenum must be
                [-repealed.-] {+revoked at once.+}

                """)
        let json = try await repl.json("diff tr-1 tr-2")
        #expect(json["same"] == false)
        #expect(json["fields"]?.array?.count == 1)
        #expect(json["fields"]?.array?.first?["field"] == "text")
        #expect(
            json["fields"]?.array?.first?["operations"]
                == .array([
                    ["op": "equal", "words": ["Mikoyan"]], ["op": "delete", "words": ["stresses"]],
                    ["op": "insert", "words": ["insists"]],
                    ["op": "equal", "words": ["that", "the", "decisions", "of", "the", "August", "Plenum", "must", "be"]],
                    ["op": "delete", "words": ["repealed."]], ["op": "insert", "words": ["revoked", "at", "once."]],
                ]))
        #expect(
            await repl.run("diff tr-1 tr-1").output == "tr-1 against tr-1: the two are the same in every field, word for word.\n")
        #expect(try await repl.json("diff tr-1 tr-1") == ["first": "tr-1", "second": "tr-1", "same": true, "fields": []])
        let coloured = try await ScriptedREPL(style: TextStyle(width: 80, color: true))
        await coloured.run("import \(file.path)")
        #expect(await coloured.run("diff tr-1 tr-2").output.contains("\u{1B}[31;9mstresses\u{1B}[0m \u{1B}[32minsists\u{1B}[0m"))
    }

    @Test func diffComparesEveryFieldAndNeverCallsTitlesAlikeWhenTheyDiffer() async throws {
        let repl = try await ScriptedREPL(style: TextStyle(width: 80))
        let file = Fixtures.write(
            """
            {"id": "a", "title": "Telegram from Mikoyan to Khrushchev", "date": "1956-09-20", "summary": "Same summary.", "people": ["Mikoyan", "Kim Il Sung"], "archive_ref": "AVPRF F. 5"}
            {"id": "b", "title": "Telegram from Mikoyan to the CC CPSU", "date": "1956-09-20", "summary": "Same summary.", "people": ["Mikoyan", "Kim Il Sung"], "archive_ref": "AVPRF F. 5"}
            {"id": "c", "title": "Telegram from Mikoyan to Khrushchev", "date": "1956-09-21", "summary": "Same summary.", "people": ["Mikoyan", "Peng Dehuai"], "archive_ref": "AVPRF F. 6", "translator": "Gary Goldberg"}
            """, named: "pairs.jsonl")
        #expect(await repl.run("import \(file.path)").succeeded)
        // Only the titles differ: the title is reported, and nothing else.
        #expect(
            await repl.run("diff a b").output == """
                a against b: 1 field differs (title); every other field is the same.

                title: 4 words kept, 1 taken out, 3 put in.
                Telegram from Mikoyan to [-Khrushchev-] {+the CC CPSU+}

                """)
        let json = try await repl.json("diff a c")
        #expect(json["same"] == false)
        let fields = try #require(json["fields"]?.array)
        #expect(fields.compactMap { $0["field"]?.string } == ["date", "archive_ref", "people", "translator"])
        #expect(
            fields[0]["operations"]
                == .array([["op": "delete", "words": ["1956-09-20"]], ["op": "insert", "words": ["1956-09-21"]]]))
        #expect(fields[2]["unit"] == "item")
        #expect(
            fields[2]["operations"]
                == .array([
                    ["op": "equal", "words": ["Mikoyan"]], ["op": "delete", "words": ["Kim Il Sung"]],
                    ["op": "insert", "words": ["Peng Dehuai"]],
                ]))
        let text = await repl.run("diff a c").output
        #expect(text.contains("people: 1 item kept, 1 taken out, 1 put in.\nMikoyan; [-Kim Il Sung-]; {+Peng Dehuai+}\n"))
        // A name list compares names, not words.
        #expect(text.contains("translator: 0 items kept, 0 taken out, 1 put in.\n{+Gary Goldberg+}"))
    }

    @Test func diffOfTwoVersionsShowsWhatAnImportChanged() async throws {
        let repl = try await ScriptedREPL(style: TextStyle(width: 80))
        let first = Fixtures.write(
            #"{"id": "v", "title": "Report on the plenum", "summary": "A short summary."}"# + "\n", named: "v1.jsonl")
        let second = Fixtures.write(
            #"{"id": "v", "title": "Report on the August Plenum", "text": "The full text."}"# + "\n", named: "v2.jsonl")
        #expect(await repl.run("import \(first.path)").succeeded)
        #expect(await repl.run("import \(second.path)").succeeded)
        let expected = """
            v@1 against v: 2 fields differ (title, text); every other field is the same.

            title: 3 words kept, 1 taken out, 2 put in.
            Report on the [-plenum-] {+August Plenum+}

            text: 0 words kept, 0 taken out, 3 put in.
            {+The full text.+}

            """
        #expect(await repl.run("diff v~1 v").output == expected)
        #expect(await repl.run("diff v@1 v@2").output == expected)
        #expect(
            await repl.run("diff v@1 v@3").messages
                == "'v@3' is not a version of v: its versions are 1 to 2. 'show v --history' lists them.\n")
    }

    @Test func timelineDrawsSeveralQueriesOnOneAxis() async throws {
        let repl = try await ScriptedREPL(style: TextStyle(width: 80))
        #expect(
            await repl.run("timeline Puzanov vs plenum").output.hasPrefix(
                "'Puzanov': 3 documents; 'plenum': 3 documents, 1956-09 to 1957-09, by month:"))
        let text = await repl.run("timeline Puzanov vs plenum --by year").output
        #expect(
            text.hasPrefix(
                "'Puzanov': 3 documents; 'plenum': 3 documents, 1956 to 1957, by year:\n\n█ 'Puzanov'   ▓ 'plenum'\n\n1956  'Puzanov'  0\n      'plenum'   3  ▓"
            ))
        let json = try await repl.json("timeline Puzanov vs plenum --by year")
        guard case .array(let series)? = json["series"] else {
            Issue.record("no series")
            return
        }
        #expect(series.map { $0["query"] } == [.string("Puzanov"), .string("plenum")])
        #expect(series[0]["periods"] == .array([["period": "1956", "count": 0], ["period": "1957", "count": 3]]))
        #expect(await repl.run("timeline Puzanov vs").messages.hasPrefix("Each side of 'vs' needs a query"))
    }
}
