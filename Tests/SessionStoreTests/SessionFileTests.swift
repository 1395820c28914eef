import Foundation
import SessionStore
import TestSupport
import Testing

@Suite struct SessionFileTests {
    private func library() throws -> SessionLibrary {
        let workspace = Workspace(root: Fixtures.temporaryFolder("sessions"))
        try workspace.create()
        return SessionLibrary(workspace: workspace)
    }

    @Test func aSessionSurvivesTheRoundTripThroughItsFile() throws {
        let library = try library()
        let open = try library.create("plenum", description: "Who reversed the August Plenum?")
        open.update { session in
            session.notes.append(Note(id: 1, text: "Mikoyan and Peng arrive together #delegation #Plenum", doc: "wca-1"))
            session.pinned = ["wca-1", "wca-2"]
        }
        open.record("search Mikoyan", failed: false)
        try open.save()
        let reopened = try library.open("plenum").session
        #expect(reopened == open.session)
        #expect(reopened.notes[0].tags == ["delegation", "plenum"])
        let text = try String(contentsOf: open.url, encoding: .utf8)
        #expect(text.contains("\"format\": \"dossier-session\""))
        #expect(text.contains("\"version\": 1"))
    }

    @Test func theFileReadsTopDownAndKeepsEveryCharacter() throws {
        let library = try library()
        let open = try library.create("Ким Ир Сен \"quoted\"")
        let awkward = "Quotes \" and \\ backslash, tab\there, line\nbreak, bell \u{7}, separator \u{2028}, 김일성, 毛泽东, emoji 📜"
        open.update { session in
            session.notes.append(
                Note(
                    id: 1, text: awkward, doc: "wca-1",
                    quote: Quote(text: "a \"quoted\" passage", field: "summary", start: 3, end: 21, paragraph: 2)))
            session.history.append(HistoryEntry(line: "note 1 \(awkward)", sitting: 1, failed: true))
            session.citations.append(CitationMade(doc: "wca-1", style: "chicago"))
            session.citations.append(
                CitationMade(doc: "wca-1", style: "chicago-ibid", locator: "3r", label: "folio", full: true))
        }
        try open.save()
        let text = try String(contentsOf: open.url, encoding: .utf8)
        #expect(
            text.hasPrefix(
                "{\n  \"format\": \"dossier-session\",\n  \"version\": 1,\n  \"name\": \"Ким Ир Сен \\\"quoted\\\"\",\n"))
        #expect(text.contains("\n    {\"line\": \"note 1 Quotes"))
        #expect(text.hasSuffix("\"failed\": true}\n  ]\n}\n"))
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any])
        #expect(try library.open(open.name).session == open.session)
        // A citation's place in the document comes back with it; one without has no such keys.
        #expect(text.contains("\"locator\": \"3r\", \"label\": \"folio\", \"full\": true"))
        #expect(try library.open(open.name).session.citations.map(\.locator) == [nil, "3r"])
        #expect(!text.contains("\"locator\": null"))
    }

    /// The sample session is the format's witness: a file this version wrote must keep
    /// opening in every later one.
    @Test func theSampleSessionOpens() throws {
        let session = try OpenSession.open(Fixtures.sampleSession).session
        #expect(session.name == "august-plenum")
        #expect(session.notes.count == 7)
        #expect(session.notes.contains { $0.quote?.text == "repeal the decisions reached at the August Plenum" })
        #expect(session.pinned.count == 3)
        #expect(session.history.count >= 10)
    }

    @Test(arguments: [
        ("", "the file is empty"),
        (
            "{\"format\": \"dossier-session\", \"version\": 1, \"name\": \"x\"",
            "it ends too soon (cut off while being written or copied?)"
        ),
        ("{\"format\": \"dossier-session\",\n \"version\": 1, \"name\": x}", "it is not valid JSON at line 2, column 24"),
        ("[1, 2]", "it is JSON but not an object"),
        ("{\"format\": \"dossier-session\", \"version\": 1, \"name\": \"x\"}", "the field 'description' is missing"),
        ("{\"format\": \"dossier-session\", \"version\": \"one\"}", "its 'version' is missing or not a number"),
    ])
    func aDamagedFileIsNamedWithTheProblemAndLeftAlone(content: String, reason: String) throws {
        let library = try library()
        let url = library.folder.appendingPathComponent("broken.json")
        try Data(content.utf8).write(to: url)
        #expect(throws: SessionError.damaged(path: url.path, reason: reason)) { try library.open("broken") }
        #expect(try Data(contentsOf: url) == Data(content.utf8))
    }

    @Test func aFileFromANewerVersionIsRefusedAndNeverOverwritten() throws {
        let library = try library()
        let open = try library.create("future")
        var text = try String(contentsOf: open.url, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 7")
        try text.write(to: open.url, atomically: true, encoding: .utf8)
        let error = #expect(throws: SessionError.self) { try library.open("future") }
        #expect(
            error?.description
                == "The session file '\(open.url.path)' has format version 7, written by a newer dossier; this dossier reads versions 1–1. Update dossier to open it; the file is left untouched."
        )
        // The process that had it open keeps its changes in memory and does not write over it.
        open.update { $0.description = "changed" }
        #expect(throws: SessionError.self) { try open.save() }
        #expect(try String(contentsOf: open.url, encoding: .utf8) == text)
    }

    @Test(arguments: [
        ("1956/57", "1956%2F57.json"),
        ("..", "%2E..json"),
        ("../../etc/passwd", "%2E.%2F..%2Fetc%2Fpasswd.json"),
        ("Pléнум 8월 종파사건", "Pléнум 8월 종파사건.json"),
        ("with spaces", "with spaces.json"),
    ])
    func anyNameStaysOneFileInsideSessions(name: String, file: String) throws {
        let library = try library()
        let open = try library.create(name)
        #expect(open.url.lastPathComponent == file)
        #expect(open.url.deletingLastPathComponent().standardizedFileURL.path == library.folder.standardizedFileURL.path)
        #expect(library.names() == [name])
        #expect(try library.open(name).session.name == name)
    }

    @Test func unusableNamesAreRefusedWithTheReason() throws {
        let library = try library()
        #expect(throws: SessionError.invalidName("  ", reason: "it is empty")) { try library.create("  ") }
        #expect(throws: SessionError.invalidName("a\tb", reason: "it holds a control character (a tab or a line break)")) {
            try library.create("a\tb")
        }
        #expect(throws: SessionError.self) { try library.create(String(repeating: "x", count: 101)) }
        _ = try library.create("plenum")
        #expect(throws: SessionError.alreadyExists("plenum")) { try library.create("plenum") }
    }

    @Test func twoProcessesAddingNotesAtOnceKeepBoth() throws {
        let library = try library()
        let first = try library.create("shared")
        let second = try library.open("shared")
        first.update { $0.notes.append(Note(id: $0.nextNoteID, text: "from the first")) }
        second.update { $0.notes.append(Note(id: $0.nextNoteID, text: "from the second")) }
        first.record("note from the first", failed: false)
        second.record("note from the second", failed: false)
        try first.save()
        let report = try #require(try second.save())
        #expect(report.renumbered.map(\.from) == [1] && report.renumbered.map(\.to) == [2])
        #expect(report.theirChanges == 1)
        let merged = try library.open("shared").session
        #expect(merged.notes.map(\.text) == ["from the first", "from the second"])
        #expect(merged.notes.map(\.id) == [1, 2])
        #expect(merged.history.map(\.line) == ["note from the first", "note from the second"])
        // The first process takes in the second's note before its next command.
        try first.refresh()
        #expect(first.session.notes.count == 2)
    }

    @Test func anEditOnOneSideAndARemovalOnTheOtherKeepTheEdit() throws {
        let library = try library()
        let first = try library.create("shared")
        first.update { $0.notes = [Note(id: 1, text: "one"), Note(id: 2, text: "two")] }
        try first.save()
        let second = try library.open("shared")
        first.update { $0.notes.removeAll { $0.id == 1 } }
        second.update { $0.notes[0].text = "one, edited" }
        second.update { $0.notes.removeAll { $0.id == 2 } }
        try first.save()
        try second.save()
        let merged = try library.open("shared").session
        #expect(merged.notes.map(\.text) == ["one, edited"])
    }

    @Test func renamingAndRemovingMoveTheFile() throws {
        let library = try library()
        let open = try library.create("draft")
        try library.saveAs(open, newName: "final", removingOld: true)
        #expect(library.names() == ["final"])
        #expect(open.session.name == "final")
        let copy = try library.create("copy")
        try library.saveAs(copy, newName: "copy 2", removingOld: false)
        #expect(library.names() == ["copy", "copy 2", "final"])
        let trashed = try library.remove("copy")
        #expect(FileManager.default.fileExists(atPath: trashed.path))
        #expect(trashed.path.contains("/.dossier/trash/"))
        #expect(library.names() == ["copy 2", "final"])
    }

    @Test func tagsAreWordsAfterAHash() {
        #expect(
            Note.tags(in: "#Plenum reversal (#moscow) and #1956 or a#b, #rehab-ilitation. #Plenum") == [
                "plenum", "moscow", "rehab-ilitation",
            ])
    }
}
