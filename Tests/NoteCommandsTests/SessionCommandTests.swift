import Foundation
import REPLCore
import SessionStore
import TestSupport
import Testing

@Suite struct SessionCommandTests {
    @Test func newOpenListRenameAndRemove() async throws {
        let repl = try await ScriptedREPL(style: TextStyle(width: 200))
        #expect(repl.context.session?.name == "default")
        #expect(
            await repl.run("session new Plenum 1956/57 --description \"Who reversed the purge?\"").output
                == "Started session 'Plenum 1956/57' (Plenum 1956%2F57.json in Sessions/). Notes, pins and commands now go to it.\n"
        )
        await repl.run("note A first thought")
        #expect(
            await repl.run("session new Plenum 1956/57").messages
                == "A session named 'Plenum 1956/57' already exists. Open it with 'session open Plenum 1956/57', or choose another name.\n"
        )
        #expect(
            await repl.run("session open august").messages
                == "There is no session 'august'. The sessions are: 'august-plenum', 'default', 'Plenum 1956/57'. Create it with 'session new august'.\n"
        )
        #expect(
            await repl.run("session open august-plenum").output
                == "Opened session 'august-plenum': 7 notes, 3 pinned documents, 14 commands in its history.\n")
        // The last listing of the session comes back with it.
        #expect(await repl.run("show 1").output.hasPrefix("Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 2 May 1957"))
        let list = await repl.run("session list").output
        #expect(list.contains("* august-plenum"))
        #expect(list.contains("  Plenum 1956/57") && list.contains("Who reversed the purge?"))
        #expect(
            await repl.run("session rm august-plenum").messages
                == "'august-plenum' is the session in use. Open another one first ('session open NAME'), then remove it.\n")
        #expect(
            await repl.run("session rename \"Plenum 1956/57\" plenum").output
                == "Renamed session 'Plenum 1956/57' to 'plenum' (plenum.json).\n")
        let person = ScriptedInteraction(answer: false)
        repl.context.interaction = person
        #expect(await repl.run("session rm plenum").output == "Kept session 'plenum'.\n")
        #expect(person.questions == ["Remove session 'plenum' (it goes to .dossier/trash/)?"])
        person.answer = true
        #expect(await repl.run("session rm plenum").output.hasPrefix("Removed session 'plenum'; its file is now "))
        #expect(repl.context.sessions.names() == ["august-plenum", "default"])
    }

    @Test func aSessionFileElsewhereIsOpenedByPathAndContinued() async throws {
        let repl = try await ScriptedREPL(style: TextStyle(width: 200))
        let elsewhere = Fixtures.temporaryFolder().appendingPathComponent("shared plenum.json")
        try FileManager.default.copyItem(at: Fixtures.sampleSession, to: elsewhere)
        #expect(
            await repl.run("session open \(elsewhere.path.replacingOccurrences(of: " ", with: "\\ "))").output.hasPrefix(
                "Opened session 'august-plenum': 7 notes"))
        await repl.run("note Written to the file elsewhere")
        #expect(try OpenSession.open(elsewhere).session.notes.count == 8)
        let next = try await ScriptedREPL(workspace: repl.workspace)
        #expect(next.context.session?.url.path == elsewhere.path)
        #expect(try OpenSession.open(Fixtures.sampleSession).session.notes.count == 7)
    }

    @Test func aFileDamagedWhileOpenIsNotOverwrittenAndTheWorkCanBeSavedElsewhere() async throws {
        let repl = try await ScriptedREPL(style: TextStyle(width: 300), session: "plenum")
        await repl.run("note Before the damage")
        let file = try #require(repl.context.session?.url)
        try Data("{\"format\": \"dossier-session\", \"vers".utf8).write(to: file)
        let outcome = await repl.run("note After the damage")
        #expect(outcome.messages.contains("is damaged: it ends too soon"))
        #expect(outcome.messages.contains("'session save NEW-NAME' writes them to a new session."))
        #expect(try String(contentsOf: file, encoding: .utf8) == "{\"format\": \"dossier-session\", \"vers")
        #expect(await repl.run("session save rescued").output.hasPrefix("Saved a copy of 'plenum' as 'rescued'"))
        let rescued = try repl.context.sessions.open("rescued").session
        #expect(rescued.notes.map(\.text) == ["Before the damage", "After the damage"])
        #expect(try String(contentsOf: file, encoding: .utf8) == "{\"format\": \"dossier-session\", \"vers")
    }

    @Test func saveUnderANewNameGoesOnInTheCopy() async throws {
        let repl = try await ScriptedREPL(style: TextStyle(width: 200), session: "draft")
        await repl.run("note Keep this")
        #expect(
            await repl.run("session save final").output
                == "Saved a copy of 'draft' as 'final' and went on in it; 'draft' stays as it was.\n")
        await repl.run("note Only in final")
        let draft = try repl.context.sessions.open("draft").session
        let final = try repl.context.sessions.open("final").session
        #expect(draft.notes.map(\.text) == ["Keep this"])
        #expect(final.notes.map(\.text) == ["Keep this", "Only in final"])
        #expect(repl.context.sessions.lastUsedName() == "final")
    }

    @Test func everyCommandIsRecordedAndFailuresMarked() async throws {
        let repl = try await ScriptedREPL(style: TextStyle(width: 200), session: "plenum")
        await repl.run("search Mikoyan")
        await repl.run("serch Mikoyan")
        await repl.run("show 1")
        let history = try await repl.json("history")
        guard case .array(let entries)? = history["history"] else {
            Issue.record("no history")
            return
        }
        #expect(entries.map { $0["line"] } == [.string("search Mikoyan"), .string("serch Mikoyan"), .string("show 1")])
        #expect(entries.map { $0["failed"] } == [.bool(false), .bool(true), .bool(false)])
        let text = await repl.run("history 2").output
        #expect(text.contains("3  ") && text.contains("show 1") && text.contains("history --json") && !text.contains("serch"))
        // !N runs a command again and is recorded as that command.
        let again = await repl.run("!1")
        #expect(again.messages == "search Mikoyan\n")
        #expect(again.output.hasPrefix("3 documents match 'Mikoyan'."))
        #expect(repl.context.session?.session.history.last?.line == "search Mikoyan")
        #expect(
            await repl.run("!99").messages
                == "There is no command !99 in the history; it holds commands 1 to 6. 'history' lists them.\n")
        #expect(await repl.run("!!").messages == "search Mikoyan\n")
    }

    @Test func replayRunsASessionsCommandsAgainstTheStore() async throws {
        let repl = try await ScriptedREPL(style: TextStyle(width: 200), session: "again")
        let dry = await repl.run("replay august-plenum --dry-run").output
        #expect(
            dry.hasPrefix(
                "12 commands of session 'august-plenum' would run (2 left out: failed, or managing sessions and history):"))
        let outcome = await repl.run("replay august-plenum")
        #expect(
            outcome.output.hasSuffix(
                "Replayed 12 commands of session 'august-plenum' (2 left out: failed, or managing sessions and history).\n"))
        #expect(outcome.messages.contains("dossier> note 1 Mikoyan and Peng Dehuai press Kim Il Sung"))
        let original = try repl.context.sessions.open("august-plenum").session
        let again = try #require(repl.context.session?.session)
        #expect(again.notes.map(\.text) == original.notes.map(\.text))
        #expect(again.notes.map(\.doc) == original.notes.map(\.doc))
        #expect(again.pinned == original.pinned)
        #expect(again.history.map(\.line) == ["replay august-plenum --dry-run", "replay august-plenum"])
        #expect(
            await repl.run("replay no-such-thing").messages
                == "Cannot read 'no-such-thing': give a session name, a session file, or a text file of commands.\n")
    }

    @Test func pinnedDocumentsAreAListLikeResults() async throws {
        let repl = try await ScriptedREPL(style: TextStyle(width: 200), session: "plenum")
        #expect(
            await repl.run("pin").output == "Nothing is pinned in 'plenum'. Pin results with 'pin 1 3', or documents by id.\n")
        await repl.run("search plenum --sort date")
        #expect(
            await repl.run("pin 3 1 3").output
                == "Pinned wca-e483cb3033ce, wca-29fbc986ee77; 2 documents pinned in 'plenum'. 'pin' lists them.\n")
        let listing = await repl.run("pin").output
        #expect(listing.hasPrefix("2 documents pinned in 'plenum':\n\n1.  1956-09-23  Minutes of the KWP CC Plenum"))
        #expect(await repl.run("show 2").output.hasPrefix("Record of a Meeting between the Sino-Soviet Delegation"))
        #expect(await repl.run("unpin 1").output == "Unpinned 1 document; 1 document still pinned.\n")
        #expect(repl.context.session?.session.pinned == ["wca-29fbc986ee77"])
        #expect(await repl.run("unpin").messages.hasPrefix("Give the documents to unpin (numbers or ids), or --all."))
    }

    @Test func withoutAReadableSessionCommandsSayHowToGetOne() async throws {
        let (workspace, _) = try Fixtures.sampleWorkspace()
        try Data("{ damaged".utf8).write(to: workspace.sessionsFolder.appendingPathComponent("default.json"))
        let repl = try await ScriptedREPL(style: TextStyle(width: 200), workspace: workspace)
        #expect(repl.context.session == nil)
        #expect(
            await repl.run("note A thought").messages
                == "No session is open (session 'default' could not be read). Start one with 'session new NAME' or open one with 'session open NAME'.\n"
        )
        #expect(await repl.run("search Mikoyan").succeeded)
        #expect(
            try String(contentsOf: workspace.sessionsFolder.appendingPathComponent("default.json"), encoding: .utf8)
                == "{ damaged")
        let list = await repl.run("session list").output
        #expect(list.contains("cannot be read: it is not valid JSON at line 1, column 3"))
    }
}
