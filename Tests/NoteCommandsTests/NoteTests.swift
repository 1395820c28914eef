import Foundation
import REPLCore
import SessionStore
import TestSupport
import Testing

/// Answers and edits as a person at the terminal would, for `session rm` and `note edit`.
final class ScriptedInteraction: Interaction, @unchecked Sendable {
    var answer: Bool
    var edited: EditOutcome
    private(set) var questions: [String] = []

    init(answer: Bool = true, edited: EditOutcome = .failed(reason: "no editor in this test", draft: nil)) {
        self.answer = answer
        self.edited = edited
    }

    func confirm(_ question: String) -> Bool {
        questions.append(question)
        return answer
    }

    func edit(_ text: String) -> EditOutcome { edited }
}

@Suite struct NoteTests {
    @Test func aNoteIsAboutTheDocumentItsFirstWordNames() async throws {
        let repl = try await ScriptedREPL(session: "plenum")
        await repl.run("search plenum --sort date")
        #expect(await repl.run("note 2 Moscow wants the decisions repealed #moscow #Rehabilitation").messages.isEmpty)
        #expect(await repl.run("note wca-e483cb3033ce The plenum gives in").succeeded)
        #expect(await repl.run("note Hungary, a month later #context").succeeded)
        #expect(await repl.run("note 1956 was a hard year --free").succeeded)
        let notes = try #require(repl.context.session?.session.notes)
        #expect(notes.map(\.doc) == ["wca-2a20b1851ab2", "wca-e483cb3033ce", nil, nil])
        #expect(
            notes.map(\.text) == [
                "Moscow wants the decisions repealed #moscow #Rehabilitation", "The plenum gives in",
                "Hungary, a month later #context", "1956 was a hard year",
            ])
        #expect(notes[0].tags == ["moscow", "rehabilitation"])
        // What the screen confirms is on disk already.
        let onDisk = try OpenSession.open(repl.context.session!.url).session
        #expect(onDisk.notes.map(\.text) == notes.map(\.text))
    }

    @Test func confirmationsAndMistakesAreWordedForTheResearcher() async throws {
        let repl = try await ScriptedREPL(style: TextStyle(width: 200), session: "plenum")
        await repl.run("search plenum --sort date")
        #expect(
            await repl.run("note 2 Moscow asks for repeal #moscow").output
                == "Note 1 added to 'plenum' about wca-2a20b1851ab2 (September 22, 1956); tags: #moscow.\n")
        #expect(
            await repl.run("note 9 text").messages
                == "There is no result 9; the last listing had 3. Use a number from 1 to 3, or a document id. (To begin a free note with a number, add --free.)\n"
        )
        #expect(
            await repl.run("note 2").messages
                == "Write the note after the reference, e.g. note 2 Mikoyan presses for rehabilitation.\n")
        #expect(
            await repl.run("note").messages
                == "Write the note after 'note', e.g. note 2 Mikoyan presses for rehabilitation #plenum.\n")
        #expect(
            await repl.run("note Free --quote \"anything\"").messages
                == "A quotation needs the document it comes from: note REF --quote \"…\" TEXT.\n")
        #expect(
            await repl.run("note 2 --quote \"the decisions of Yalta\" no").messages
                == "The passage 'the decisions of Yalta' is not in wca-2a20b1851ab2 (its title, summary or text). Copy it from 'show wca-2a20b1851ab2', or leave out --quote.\n"
        )
        #expect(repl.context.session?.session.notes.count == 1)
    }

    @Test func aQuoteIsFoundAsAReaderWouldAndItsPlaceKept() async throws {
        let repl = try await ScriptedREPL(style: TextStyle(width: 200), session: "plenum")
        let outcome = await repl.run(
            "note wca-2a20b1851ab2 --quote \"REPEAL the decisions   reached at the August Plenum\" The demand")
        #expect(outcome.output == "Note 1 added to 'plenum' about wca-2a20b1851ab2 (September 22, 1956), quoting its summary.\n")
        let quote = try #require(repl.context.session?.session.notes.first?.quote)
        #expect(quote.text == "repeal the decisions reached at the August Plenum")
        #expect(quote.field == "summary")
        let record = try #require(try repl.store.record(id: "wca-2a20b1851ab2"))
        #expect(String(Array(record.summary)[quote.start..<quote.end]) == quote.text)
        // A quote alone is a note.
        #expect(await repl.run("note wca-2a20b1851ab2 --quote \"a less harsh punishment\"").succeeded)
    }

    @Test func notesFilterByTagDocumentAndSession() async throws {
        let repl = try await ScriptedREPL(session: "plenum")
        await repl.run("note wca-2a20b1851ab2 Moscow asks for repeal #moscow")
        await repl.run("note wca-e483cb3033ce The plenum gives in #plenum")
        await repl.run("note Hungary next #context")
        let tagged = try await repl.json("notes --tag '#Moscow'")
        guard case .array(let notes)? = tagged["notes"] else {
            Issue.record("no notes array")
            return
        }
        #expect(notes.count == 1)
        let note = notes[0]
        #expect(note["id"] == .number(1))
        #expect(note["text"] == .string("Moscow asks for repeal #moscow"))
        #expect(note["tags"] == .array([.string("moscow")]))
        #expect(note["doc"] == .string("wca-2a20b1851ab2"))
        #expect(note["session"] == .string("plenum"))
        #expect(
            note["created"].flatMap { if case .string(let s) = $0 { ISO8601DateFormatter().date(from: s) } else { nil } } != nil)
        #expect(await repl.run("notes --doc wca-e483cb3033ce").output.contains("The plenum gives in"))
        #expect(!(await repl.run("notes --doc wca-e483cb3033ce").output.contains("Hungary")))
        // The sample session's notes, and every session's.
        #expect(
            await repl.run("notes --session august-plenum --tag rehabilitation").output.hasPrefix(
                "4 notes tagged #rehabilitation in 'august-plenum':"))
        let all = await repl.run("notes --all").output
        #expect(all.hasPrefix("10 notes in every session:"))
        #expect(all.contains("august-plenum #7") && all.contains("plenum #3"))
        #expect(await repl.run("notes --tag nothing").output == "No notes tagged #nothing in 'plenum'.\n")
    }

    @Test func editingAndRemovingKeepTheOtherNumbers() async throws {
        let repl = try await ScriptedREPL(session: "plenum")
        await repl.run("note First #a")
        await repl.run("note Second")
        await repl.run("note Third")
        #expect(await repl.run("note edit 1 First, revised #b").output == "Note 1 changed.\n")
        #expect(repl.context.session?.session.note(1)?.tags == ["b"])
        #expect(
            await repl.run("note edit 2").messages
                == "Give the new text: note edit 2 NEW TEXT (the editor opens only at a terminal).\n")
        let person = ScriptedInteraction(edited: .saved("Second, from the editor\n"))
        repl.context.interaction = person
        #expect(await repl.run("note edit 2").output == "Note 2 changed.\n")
        #expect(repl.context.session?.session.note(2)?.text == "Second, from the editor")
        person.edited = .failed(reason: "'vi' exited with status 1", draft: nil)
        #expect(
            await repl.run("note edit 2").messages
                == "The editor did not save ('vi' exited with status 1); note 2 is unchanged.\n")
        person.edited = .failed(reason: "'vi' exited with status 1", draft: URL(fileURLWithPath: "/tmp/drafts/note-1.txt"))
        #expect(await repl.run("note edit 2").messages.contains("What you wrote is kept in '/tmp/drafts/note-1.txt'"))
        person.edited = .noEditor("No editor is set and this system has no 'editor': \(EditorChoice.howToSet).")
        #expect(await repl.run("note edit 2").messages.hasSuffix("Or give the new text: note edit 2 NEW TEXT.\n"))
        #expect(repl.context.session?.session.note(2)?.text == "Second, from the editor")
        #expect(await repl.run("note rm 2").output == "Removed note 2 from 'plenum'; the other notes keep their numbers.\n")
        #expect(
            await repl.run("note rm 2").messages == "Session 'plenum' has no note 2. 'notes' lists the notes and their numbers.\n"
        )
        #expect(repl.context.session?.session.notes.map(\.id) == [1, 3])
        await repl.run("note Fourth")
        #expect(repl.context.session?.session.notes.map(\.id) == [1, 3, 4])
    }

    @Test func notesSearchFindsNotesInEverySession() async throws {
        let repl = try await ScriptedREPL(session: "plenum")
        await repl.run("note wca-2a20b1851ab2 Moscow's demand for repeal, spelled out #moscow")
        await repl.run("note Rehabilitation happened in stages")
        let found = await repl.run("notes search rehabilitation").output
        #expect(found.hasPrefix("5 notes match 'rehabilitation':"))
        #expect(found.contains("plenum #2") && found.contains("august-plenum #"))
        #expect(await repl.run("notes search \"repeal, not revision\"").output.contains("august-plenum #3"))
        #expect(await repl.run("notes search #moscow -spelled").output.contains("august-plenum #3"))
        #expect(!(await repl.run("notes search #moscow -spelled").output.contains("plenum #1")))
        #expect(await repl.run("notes search stage*").output.hasPrefix("1 note matches 'stage*':"))
        // Edits reach the index.
        await repl.run("note edit 2 Rebuilt in phases")
        #expect(await repl.run("notes search stages").output == "No note in any session matches 'stages'.\n")
        #expect(
            await repl.run("notes search -x").messages.hasPrefix(
                "Cannot read the query at position 1: there is no word to look for."))
        #expect(await repl.run("notes search \"(\" NEAR(").succeeded)
    }
}
