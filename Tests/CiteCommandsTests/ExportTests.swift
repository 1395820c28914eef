import DocumentStore
import Foundation
import REPLCore
import TestSupport
import Testing

@Suite struct ExportTests {
    @Test func cslJSONCarriesTheArchiveFieldsUnderTheDocumentID() async throws {
        let repl = try await awkwardREPL()
        await repl.run("cite t-telegram")
        let text = await repl.run("export t-telegram t-circa t-cyrillic --format csl-json").output
        let items = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(items.map { $0["id"] as? String } == ["t-telegram", "t-circa", "t-cyrillic"])
        let telegram = items[0]
        #expect(telegram["type"] as? String == "manuscript")
        #expect(telegram["archive"] as? String == "Wilson Center Digital Archive")
        #expect(telegram["archive_location"] as? String == "AVPRF F. 0102, Op. 12, P. 68, Delo 5")
        #expect(telegram["collection-title"] as? String == "August Plenum Incident")
        #expect((telegram["translator"] as? [[String: String]])?.first?["literal"] == "Gary Goldberg")
        #expect(telegram["URL"] as? String == "https://digitalarchive.wilsoncenter.org/document/120193")
        #expect(telegram["note"] as? String == "Original language: Russian")
        #expect((telegram["issued"] as? [String: Any])?["date-parts"] as? [[Int]] == [[1956, 9, 22]])
        // The day it was first cited in the session is the access date.
        #expect(telegram["accessed"] != nil)
        #expect((items[1]["issued"] as? [String: Any])?["circa"] as? Bool == true)
        #expect(items[2]["language"] as? String == "ru")
    }

    @Test func bibTeXAndBibLaTeXKeepEveryField() async throws {
        let repl = try await awkwardREPL()
        let bibtex = await repl.run("export t-telegram --format bibtex").output
        #expect(
            bibtex == """
                @unpublished{t-telegram,
                  title            = {{Telegram from A. Mikoyan to the CPSU Central Committee}},
                  year             = {1956},
                  month            = {sep},
                  translator       = {Gary Goldberg},
                  archive          = {Wilson Center Digital Archive},
                  archive_location = {AVPRF F. 0102, Op. 12, P. 68, Delo 5},
                  note             = {AVPRF F. 0102, Op. 12, P. 68, Delo 5, August Plenum Incident, Wilson Center Digital Archive. Translated by Gary Goldberg from the Russian},
                  url              = {https://digitalarchive.wilsoncenter.org/document/120193},
                  howpublished     = {\\url{https://digitalarchive.wilsoncenter.org/document/120193}}
                }

                """)
        let biblatex = await repl.run("export t-circa t-caps --format biblatex").output
        #expect(
            biblatex.contains("@unpublished{t-circa,\n  title   = {{Memorandum on the Korean question}},\n  date    = {1950~},"))
        #expect(
            biblatex.contains(
                "  library  = {National Archives},\n  addendum = {Records of the Department of State; Central Files},"))
        #expect(biblatex.contains("{{Memorandum of Conversation with the DPRK Ambassador on CPSU-KWP Relations}}"))
    }

    @Test func risComesBackThroughDossiersOwnImport() async throws {
        let repl = try await awkwardREPL()
        await repl.run("cite t-telegram t-month t-caps t-cyrillic")
        let file = Fixtures.temporaryFolder().appendingPathComponent("citing.ris")
        #expect(
            await repl.run("export --session citing --format ris --out \(file.path)").output
                == "Wrote 4 documents as ris to '\(file.path)'.\n")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(
            text.hasPrefix(
                "TY  - MANSCPT\nID  - t-telegram\nTI  - Telegram from A. Mikoyan to the CPSU Central Committee\nDA  - 1956/09/22/\nPY  - 1956\nA4  - Gary Goldberg\nDB  - Wilson Center Digital Archive\nAV  - AVPRF F. 0102, Op. 12, P. 68, Delo 5\nT3  - August Plenum Incident\nUR  - https://digitalarchive.wilsoncenter.org/document/120193\n"
            ))
        let (_, store) = try Fixtures.sampleWorkspace()
        _ = try store.importFile(at: file, format: .ris)
        let telegram = try #require(try store.record(id: "t-telegram"))
        let original = try #require(try repl.store.record(id: "t-telegram"))
        #expect(telegram.title == original.title && telegram.date == original.date)
        #expect(telegram.archive == original.archive && telegram.archiveRef == original.archiveRef)
        #expect(telegram.collections == original.collections && telegram.translator == original.translator)
        #expect(telegram.url == original.url && telegram.originalLanguage == original.originalLanguage)
        #expect(try store.record(id: "t-month")?.date == original.date.flatMap { _ in try? PartialDate(year: 1956, month: 9) })
    }

    @Test func mistakesAreNamed() async throws {
        let repl = try await awkwardREPL()
        #expect(
            await repl.run("export --format ris").messages.hasPrefix(
                "Give the documents to export (numbers or ids), or --session NAME."))
        #expect(await repl.run("export t-year --format endnote").messages.contains("'endnote'"))
        // --out is one option of every command that writes a file, checked before any work.
        for line in [
            "export t-year --format ris --out /no/such/folder/x.ris", "session export --out /no/such/folder/x.ris",
            "alias export --out /no/such/folder/x.ris",
        ] {
            #expect(
                await repl.run(line).messages.hasPrefix(
                    "The folder of '/no/such/folder/x.ris' (/no/such/folder) does not exist. Create it first"), "\(line)")
        }
        let folder = Fixtures.temporaryFolder("dossier-out")
        #expect(
            await repl.run("export t-year --format ris --out \(folder.path)").messages.contains(
                "is a folder; --out needs a file in it"))
        #expect(
            await repl.run("export --session citing --format ris").messages
                == "Session 'citing' has cited or noted no documents to export.\n")
    }
}
