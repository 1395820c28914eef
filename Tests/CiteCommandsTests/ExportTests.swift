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
                  translator       = {{Gary Goldberg}},
                  archive          = {Wilson Center Digital Archive},
                  archive_location = {AVPRF F. 0102, Op. 12, P. 68, Delo 5},
                  note             = {AVPRF F. 0102, Op. 12, P. 68, Delo 5, August Plenum Incident, Wilson Center Digital Archive. Translated by Gary Goldberg from the Russian},
                  url              = {https://digitalarchive.wilsoncenter.org/document/120193},
                  howpublished     = {\\url{https://digitalarchive.wilsoncenter.org/document/120193}}
                }

                """)
        let biblatex = await repl.run("export t-circa t-caps --format biblatex").output
        #expect(
            biblatex.contains(
                "@unpublished{t-circa,\n  title   = {{Memorandum on the Korean question}},\n  date    = {1950~},\n  library = {National Archives}\n}"
            ))
        #expect(
            biblatex.contains(
                "  library  = {National Archives},\n  addendum = {Records of the Department of State; Central Files}\n}"))
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
                "TY  - MANSCPT\nID  - t-telegram\nTI  - Telegram from A. Mikoyan to the CPSU Central Committee\nA4  - Gary Goldberg\nDA  - 1956/09/22/\nPY  - 1956\nT2  - August Plenum Incident\nDB  - Wilson Center Digital Archive\nAN  - AVPRF F. 0102, Op. 12, P. 68, Delo 5\nUR  - https://digitalarchive.wilsoncenter.org/document/120193\n"
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

    @Test func risCarriesTypesRolesAndTheVolumeAsZoteroReadsThem() async throws {
        let repl = try await awkwardREPL()
        #expect(await repl.run("import \(Fixtures.file("frus-volume.xml").path)").succeeded)
        let letter = Fixtures.write(
            #"{"id": "t-letter", "title": "Letter to Robert T. Oliver", "date": "1950-03-08", "type": "letter", "author": "Rhee, Syngman", "recipient": "Oliver, Robert T.", "summary": "Rhee asks for help.", "subjects": ["aid", "diplomacy"], "archive": "Rhee Institute", "archive_ref": "Box 3", "language": "en"}"#
                + "\n", named: "letter.jsonl")
        #expect(await repl.run("import \(letter.path)").succeeded)
        let file = Fixtures.temporaryFolder().appendingPathComponent("items.ris")
        #expect(await repl.run("export t-letter frus-volume-d127 --format ris --out \(file.path)").succeeded)
        let text = try String(contentsOf: file, encoding: .utf8)
        for line in [
            "TY  - PCOMM", "AU  - Rhee, Syngman", "A2  - Oliver, Robert T.", "AB  - Rhee asks for help.", "KW  - aid",
            "KW  - diplomacy", "DB  - Rhee Institute", "AN  - Box 3", "LA  - en", "TY  - CHAP", "A2  - Smith, Louis J.",
            "T2  - Foreign Relations of the United States, 1955–1957, Korea, Volume XXIII, Part 2", "M1  - 127",
            "SP  - 300–301", "PB  - United States Government Printing Office", "CY  - Washington",
        ] {
            #expect(("\n" + text).contains("\n" + line + "\n"), "the RIS holds '\(line)'")
        }
        // Into a fresh workspace and back, field by field: every field RIS has a tag for.
        // The dateline as printed, the places named in it and the full text have none
        // (CSL-JSON carries them).
        let fresh = try await ScriptedREPL(workspace: nil)
        #expect(await fresh.run("import \(file.path)").succeeded)
        let untagged: Set<String> = ["date_text", "places", "text"]
        for id in ["t-letter", "frus-volume-d127"] {
            var original = try #require(try repl.store.record(id: id))
            var back = try #require(try fresh.store.record(id: id))
            original.provenance = nil
            back.provenance = nil
            for field in RecordField.fields(of: original, back)
            where !untagged.contains(field.name) && !field.isSame(original, back) {
                Issue.record(
                    "\(id): '\(field.name)' is \(original.json[field.name] ?? .null) but came back \(back.json[field.name] ?? .null)"
                )
            }
        }
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

/// CSL-JSON is the canonical exchange: what Dossier exports imports back as the same records.
@Suite struct CSLJSONRoundTripTests {
    @Test func anExportImportsIntoAFreshWorkspaceFieldByField() async throws {
        let repl = try await awkwardREPL()
        #expect(await repl.run("import \(Fixtures.file("frus-volume.xml").path)").succeeded)
        let every = Fixtures.write(
            #"""
            {"id": "t-every", "date": "1956-09-20", "date_end": "1956-09-23", "date_text": "20–23 September 1956", "title": "Letter, Syngman Rhee to Robert T. Oliver", "summary": "Rhee asks for help.", "text": "Dear Bob, …", "archive": "Syngman Rhee Institute", "archive_ref": "Box 3", "collections": ["Korean War"], "people": ["Syngman Rhee"], "places": ["Seoul"], "subjects": ["diplomacy", "aid"], "language": "en", "original_language": "Korean", "type": "letter", "author": [{"family": "Rhee", "given": "Syngman"}], "recipient": [{"family": "Oliver", "given": "Robert T."}], "translator": [{"literal": "Institute staff"}], "editor": [{"family": "Kim", "given": "Hakjoon"}], "interviewer": [], "container_title": "Papers of Syngman Rhee", "collection_title": "Rhee Papers", "volume": "3", "number": "41", "page": "12–14", "archive_place": "Seoul", "publisher": "Yonsei University Press", "publisher_place": "Seoul", "original_date": "1950-03", "original_title": "이승만 서한", "accessed": "2026-11-30", "url": "https://example.org/rhee/41", "shelf": "A-12"}
            """# + "\n", named: "every.jsonl")
        #expect(await repl.run("import \(every.path)").succeeded)
        await repl.run("cite t-telegram")
        let ids = ["t-telegram", "t-circa", "t-cyrillic", "t-korean", "t-month", "t-undated", "t-every", "frus-volume-d127"]
        let file = Fixtures.temporaryFolder().appendingPathComponent("items.json")
        #expect(await repl.run("export \(ids.joined(separator: " ")) --format csl-json --out \(file.path)").succeeded)

        // CSL reads a language tag: the TEI record's "English" is written "en", so styles set
        // its title in title case, and comes back as the record had it.
        let items = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [[String: Any]])
        #expect(items.first { $0["id"] as? String == "frus-volume-d127" }?["language"] as? String == "en")
        let fresh = try await ScriptedREPL(workspace: nil)
        let imported = await fresh.run("import \(file.path)")
        #expect(imported.succeeded, "\(imported.messages)")
        for id in ids {
            var original = try #require(try repl.store.record(id: id))
            var back = try #require(try fresh.store.record(id: id), "\(id) came back")
            original.provenance = nil
            back.provenance = nil
            for field in RecordField.fields(of: original, back) where !field.isSame(original, back) {
                Issue.record(
                    "\(id): '\(field.name)' is \(original.json[field.name] ?? .null) but came back \(back.json[field.name] ?? .null)"
                )
            }
        }
        // Said outright, the format reads the same file.
        let again = try await ScriptedREPL(workspace: nil)
        #expect(await again.run("import \(file.path) --format csl-json").succeeded)
        #expect(try again.store.record(id: "t-every")?.author == [PersonName(family: "Rhee", given: "Syngman")])
    }

    @Test func zoterosCSLJSONIsReadAsCSLItems() async throws {
        let repl = try await ScriptedREPL()
        let file = Fixtures.write(
            #"""
            [{"id": "http://zotero.org/users/1/items/ABC", "type": "chapter", "title": "Memorandum of a Conversation",
              "container-title": "Foreign Relations of the United States, 1955–1957", "volume": "23",
              "editor": [{"family": "Smith", "given": "Louis J."}], "page": "301-303", "publisher": "GPO",
              "publisher-place": "Washington", "issued": {"date-parts": [["1993"]]}, "accessed": {"date-parts": [[2026, 11, 2]]},
              "abstract": "Talks on Korea.", "keyword": "Korea, aid", "URL": "https://history.state.gov/x", "title-short": "Memorandum", "call-number": "E183.8"}]
            """#, named: "zotero.json")
        let imported = await repl.run("import \(file.path)")
        #expect(imported.succeeded, "\(imported.messages)")
        let record = try #require(try repl.store.record(id: "http://zotero.org/users/1/items/ABC"))
        #expect(record.type == "chapter" && record.containerTitle == "Foreign Relations of the United States, 1955–1957")
        #expect(record.date?.iso == "1993" && record.accessed?.iso == "2026-11-02")
        #expect(record.summary == "Talks on Korea." && record.subjects == ["Korea", "aid"])
        #expect(record.editor == [PersonName(family: "Smith", given: "Louis J.")])
        #expect(record.url == "https://history.state.gov/x")
        // A CSL variable Dossier has no field for is kept.
        #expect(record.titleShort == "Memorandum")
        #expect(record.extra["call-number"] == "E183.8")
        // A date that is none is refused with its place.
        let bad = Fixtures.write(
            #"[{"id": "b", "type": "book", "title": "B", "issued": {"date-parts": [["spring"]]}}]"#, named: "bad.json")
        let refused = await repl.run("import \(bad.path)")
        #expect(!refused.succeeded)
        #expect(refused.messages.contains("'issued' must give its date-parts as lists of numbers"))
    }
}

/// BibTeX and BibLaTeX read back: Dossier's own export, and what another tool writes.
@Suite struct BibTeXImportTests {
    @Test(arguments: ["biblatex", "bibtex"])
    func anExportImportsBackWithEveryFieldItCarries(format: String) async throws {
        let repl = try await awkwardREPL()
        #expect(await repl.run("import \(Fixtures.file("frus-volume.xml").path)").succeeded)
        #expect(await repl.run("edit t-telegram author \"Mikoyan, A. I.\"").succeeded)
        let ids = ["t-telegram", "t-circa", "t-caps", "t-cyrillic", "t-month", "frus-volume-d127"]
        let file = Fixtures.temporaryFolder().appendingPathComponent("refs.bib")
        #expect(await repl.run("export \(ids.joined(separator: " ")) --format \(format) --out \(file.path)").succeeded)
        let fresh = try await ScriptedREPL(workspace: nil)
        let imported = await fresh.run("import \(file.path)")
        #expect(imported.succeeded, "\(imported.messages)")
        // What neither format has a field for: the dateline as printed, places, the full text;
        // BibTeX also has no field for the original language or the collections (its note
        // says them, and comes back as a note), and its year and month hold neither a day
        // nor an uncertain date.
        var untagged: Set<String> = ["date_text", "places", "text", "people"]
        if format == "bibtex" {
            untagged.formUnion(["original_language", "collections", "extra.bib_note", "extra.bib_howpublished", "date"])
        }
        for id in ids {
            var original = try #require(try repl.store.record(id: id))
            var back = try #require(try fresh.store.record(id: id), "\(id) came back")
            original.provenance = nil
            back.provenance = nil
            // An ALL-CAPS title is exported as citations set it: in title case, acronyms kept.
            if id == "t-caps" { original.title = "Memorandum of Conversation with the DPRK Ambassador on CPSU-KWP Relations" }
            for field in RecordField.fields(of: original, back)
            where !untagged.contains(field.name) && !field.isSame(original, back) {
                Issue.record(
                    "\(format) \(id): '\(field.name)' is \(original.json[field.name] ?? .null) but came back \(back.json[field.name] ?? .null)"
                )
            }
        }
    }

    @Test func entriesAsZoteroWritesThemMapOntoTheVocabulary() async throws {
        let repl = try await ScriptedREPL()
        let file = Fixtures.write(
            #"""
            % Exported from a reference manager
            @string{gpo = "Government Printing Office"}
            @incollection{smith_memorandum_1993,
              title = {Memorandum of a {Conversation}},
              booktitle = {Foreign {Relations} of the {United} {States}, 1955--1957},
              author = {Dulles, John Foster and {Department of State}},
              editor = {Smith, Louis J.},
              year = {1993},
              month = sep,
              pages = {301--303},
              publisher = gpo,
              address = {Washington},
              keywords = {Korea, aid},
              abstract = {Talks on Korea \& Japan.},
              note = {Secret},
            }
            @book{pak_1956, title = "Kim Il Sung's {P}yŏngyang", author = "Pak Hŏn-yŏng", date = {1956~}}
            """#, named: "zotero.bib")
        let imported = await repl.run("import \(file.path)")
        #expect(imported.succeeded, "\(imported.messages)")
        let memo = try #require(try repl.store.record(id: "smith_memorandum_1993"))
        #expect(memo.type == "chapter" && memo.title == "Memorandum of a Conversation")
        #expect(memo.containerTitle == "Foreign Relations of the United States, 1955--1957")
        #expect(memo.author == [PersonName(family: "Dulles", given: "John Foster"), PersonName(literal: "Department of State")])
        #expect(memo.editor == [PersonName(family: "Smith", given: "Louis J.")])
        #expect(memo.date?.iso == "1993-09" && memo.page == "301--303" && memo.publisherPlace == "Washington")
        #expect(memo.subjects == ["Korea", "aid"] && memo.summary == "Talks on Korea & Japan.")
        #expect(memo.extra["bib_note"] == "Secret")
        let book = try #require(try repl.store.record(id: "pak_1956"))
        #expect(book.type == "book" && book.date?.isUncertain == true)
        #expect(book.title == "Kim Il Sung's Pyŏngyang")
        // An entry cut off is refused with the line it starts on, and nothing is stored.
        let before = try StoreContent(repl.store)
        let cut = Fixtures.write("@book{a, title = {A}}\n\n@article{b, title = {B},\n  year = {19", named: "cut.bib")
        let refused = await repl.run("import \(cut.path)")
        #expect(!refused.succeeded)
        #expect(refused.messages.contains("cut.bib:4: a value that opens here is never closed"), "\(refused.messages)")
        #expect(try StoreContent(repl.store) == before)
    }
}
