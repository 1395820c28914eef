import Foundation
import REPLCore
import SessionStore
import TestSupport
import Testing

/// Records with every awkward field a citation meets, as JSON Lines.
let awkwardRecords = """
    {"id": "t-telegram", "date": "1956-09-22", "title": "Telegram from A. Mikoyan to the CPSU Central Committee", "archive": "Wilson Center Digital Archive", "archive_ref": "AVPRF F. 0102, Op. 12, P. 68, Delo 5", "collections": ["August Plenum Incident"], "translator": "Gary Goldberg", "original_language": "Russian", "url": "https://digitalarchive.wilsoncenter.org/document/120193"}
    {"id": "t-month", "date": "1956-09", "date_text": "September 1956", "title": "Report on the plenum", "archive": "Wilson Center Digital Archive", "archive_ref": "RGANI F. 5"}
    {"id": "t-year", "date": "1956", "title": "Report", "archive": "National Archives"}
    {"id": "t-undated", "title": "Undated report on the situation", "archive": "National Archives"}
    {"id": "t-circa", "date": "1950~", "title": "Memorandum on the Korean question", "archive": "National Archives"}
    {"id": "t-quotes", "date": "1956-09-01", "title": "Report on the \\"August Plenum\\" of the KWP", "archive": "Wilson Center Digital Archive"}
    {"id": "t-caps", "date": "1957-03", "title": "MEMORANDUM OF CONVERSATION WITH THE DPRK AMBASSADOR ON CPSU-KWP RELATIONS", "archive": "National Archives", "collections": ["Records of the Department of State", "Central Files"]}
    {"id": "t-cyrillic", "date": "1957-05-02", "title": "Записка Пузанова о положении в КНДР", "archive": "АВП РФ", "language": "ru"}
    {"id": "t-korean", "date": "1956-08-30", "title": "조선로동당 중앙위원회 8월 전원회의 결정", "archive": "Wilson Center Digital Archive", "url": "https://example.org/kr"}
    {"id": "t-unpublished", "date": "1956-09-20", "title": "Notes from the meeting", "translator": "Jane Roe"}
    """

/// A sample workspace with the awkward records imported, in a session of its own.
func awkwardREPL() async throws -> ScriptedREPL {
    let repl = try await ScriptedREPL(style: TextStyle(width: 400), session: "citing")
    let file = Fixtures.write(awkwardRecords, named: "awkward.jsonl")
    let imported = await repl.run("import \(file.path)")
    #expect(imported.succeeded, "\(imported.messages)")
    return repl
}

@Suite struct CiteTests {
    @Test func aSecondCitationInTheSessionIsShort() async throws {
        let repl = try await awkwardREPL()
        #expect(
            await repl.run("cite t-telegram").output
                == "Gary Goldberg, trans., “Telegram from A. Mikoyan to the CPSU Central Committee,” August Plenum Incident, September 22, 1956, AVPRF F. 0102, Op. 12, P. 68, Delo 5, Wilson Center Digital Archive, https://digitalarchive.wilsoncenter.org/document/120193.\n"
        )
        #expect(
            await repl.run("cite t-telegram").output
                == "Gary Goldberg, “Telegram from A. Mikoyan to the CPSU Central Committee.”\n")
        #expect(await repl.run("cite t-telegram --full").output.hasPrefix("Gary Goldberg, trans., “Telegram"))
        #expect(await repl.run("cite t-telegram --style chicago-ibid").output == "Ibid.\n")
        await repl.run("cite t-year --style chicago-ibid")
        #expect(
            await repl.run("cite t-telegram --style chicago-ibid").output
                == "Gary Goldberg, “Telegram from A. Mikoyan to the CPSU Central Committee.”\n")
        // Another style starts its own count; the session keeps every citation.
        #expect(
            await repl.run("cite t-telegram --style archive").output
                == "\"Telegram from A. Mikoyan to the CPSU Central Committee,\" September 22, 1956, Wilson Center Digital Archive, AVPRF F. 0102, Op. 12, P. 68, Delo 5. Translated by Gary Goldberg. https://digitalarchive.wilsoncenter.org/document/120193\n"
        )
        let citations = try #require(repl.context.session?.session.citations)
        #expect(
            citations.map(\.style) == [
                "chicago", "chicago", "chicago", "chicago-ibid", "chicago-ibid", "chicago-ibid", "archive",
            ])
        #expect(await repl.run("cite t-telegram --style turabian").messages.contains("'turabian'"))
    }

    @Test func awkwardFieldsRenderCleanlyInEveryStyle() async throws {
        let repl = try await awkwardREPL()
        let expected: [(String, String, String)] = [
            ("t-month", "chicago", "“Report on the Plenum,” September 1956, RGANI F. 5, Wilson Center Digital Archive."),
            ("t-undated", "archive", "\"Undated report on the situation,\" National Archives."),
            ("t-circa", "chicago", "“Memorandum on the Korean Question” [1950?], National Archives."),
            ("t-circa", "mla", "“Memorandum on the Korean Question.” Circa 1950, National Archives."),
            ("t-circa", "apa", "Memorandum on the Korean question. (ca. 1950). National Archives."),
            ("t-circa", "archive", "\"Memorandum on the Korean question,\" c. 1950, National Archives."),
            (
                "t-quotes", "chicago",
                "“Report on the ‘August Plenum’ of the KWP,” September 1, 1956, Wilson Center Digital Archive."
            ),
            (
                "t-quotes", "archive",
                "\"Report on the 'August Plenum' of the KWP,\" September 1, 1956, Wilson Center Digital Archive."
            ),
            (
                "t-caps", "chicago",
                "“Memorandum of Conversation with the DPRK Ambassador on CPSU-KWP Relations,” Records of the Department of State; Central Files, March 1957, National Archives."
            ),
            (
                "t-caps", "apa",
                "Memorandum of Conversation with the DPRK Ambassador on CPSU-KWP Relations. (1957). National Archives."
            ),
            ("t-cyrillic", "mla", "“Записка Пузанова о положении в КНДР.” 2 May 1957, АВП РФ."),
            (
                "t-korean", "chicago",
                "“조선로동당 중앙위원회 8월 전원회의 결정,” August 30, 1956, Wilson Center Digital Archive, https://example.org/kr."
            ),
            (
                "t-unpublished", "chicago",
                "Jane Roe, trans., “Notes from the Meeting,” unpublished manuscript, September 20, 1956."
            ),
            ("t-unpublished", "apa", "Notes from the meeting (Jane Roe, Trans.). (1956). [Unpublished manuscript]."),
        ]
        for (id, style, citation) in expected {
            #expect(await repl.run("cite \(id) --style \(style) --full").output == citation + "\n", "\(id) in \(style)")
        }
    }

    @Test func theBibliographyHoldsWhatWasCitedOrNotedSorted() async throws {
        let repl = try await awkwardREPL()
        await repl.run("cite t-year t-circa")
        await repl.run("note t-telegram Moscow presses")
        let bib = await repl.run("bib").output
        #expect(
            bib == """
                Gary Goldberg, trans. “Telegram from A. Mikoyan to the CPSU Central Committee.” August Plenum Incident. September 22, 1956. AVPRF F. 0102, Op. 12, P. 68, Delo 5. Wilson Center Digital Archive. https://digitalarchive.wilsoncenter.org/document/120193.

                “Memorandum on the Korean Question.” [1950?]. National Archives.

                “Report.” 1956. National Archives.

                """)
        #expect(await repl.run("bib --style apa").output.hasPrefix("Memorandum on the Korean question. (ca. 1950)."))
        #expect(
            await repl.run("bib --session august-plenum --style mla").output.hasPrefix(
                "“Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 3 September 1957.” 3 Sept. 1957, Wilson Center Digital Archive."
            ))
        await repl.run("session new empty")
        #expect(
            await repl.run("bib").output
                == "Session 'empty' has cited or noted no documents yet. 'cite REF' or 'note REF TEXT' adds them.\n")
    }
}
