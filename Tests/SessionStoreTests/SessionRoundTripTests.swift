import Foundation
import SessionStore
import TestSupport
import Testing

/// A session read from its file is written back as it was read: found by fuzzing the
/// loader, a date before the Gregorian calendar (typed into a file by hand) moved by days
/// at every save.
@Suite struct SessionRoundTripTests {
    @Test(arguments: ["1012-12-03T15:37:09Z", "1582-10-04T00:00:00Z", "0999-01-01T00:00:00Z", "1600-03-01T12:00:00Z"])
    func anEarlyDateReadsBackAsItWasWritten(_ date: String) throws {
        let text = """
            {"format": "dossier-session", "version": 1, "name": "early", "description": "",
             "created": "\(date)", "modified": "2026-11-27T15:37:09Z", "notes": [], "pinned": [], "results": [],
             "citations": [], "history": [{"line": "search plenum", "at": "\(date)", "sitting": 1}]}
            """
        let session = try SessionFormat.decode(Data(text.utf8), path: "early.json")
        let written = SessionFormat.encode(session)
        let again = try SessionFormat.decode(written, path: "early.json")
        #expect(again == session)
        #expect(SessionFormat.encode(again) == written)
        #expect(String(decoding: written, as: UTF8.self).contains("\"created\": \"\(date)\""))
    }
}
