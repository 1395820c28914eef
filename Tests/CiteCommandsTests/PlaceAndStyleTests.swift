import Foundation
import REPLCore
import SessionStore
import TestSupport
import Testing

/// Where in a document a citation points, and which styles and languages `cite` can use.
@Suite struct PlaceAndStyleTests {
    static let telegram = "Gary Goldberg, “Telegram from A. Mikoyan to the CPSU Central Committee"

    @Test func aPageOrAFolioFollowsTheNoteAndDecidesIbid() async throws {
        let repl = try await awkwardREPL()
        // Chicago puts the page of an archival item before its repository.
        #expect(await repl.run("cite t-telegram --page 12").output.contains("Op. 12, P. 68, Delo 5, p. 12, Wilson Center"))
        #expect(await repl.run("cite t-telegram --page 12").output == "\(Self.telegram),” 12.\n")
        // The same place as the citation just before is "Ibid."; another place names it.
        #expect(await repl.run("cite t-telegram --style chicago-ibid --page 12").output == "Ibid.\n")
        #expect(await repl.run("cite t-telegram --style chicago-ibid --page 13").output == "Ibid., 13.\n")
        #expect(await repl.run("cite t-telegram --style chicago-ibid --folio 3r").output == "Ibid., fol. 3r.\n")
        // No place after a place is not "Ibid." (it would point at folio 3r).
        #expect(await repl.run("cite t-telegram --style chicago-ibid").output == "\(Self.telegram).”\n")
        await repl.run("cite t-year --style chicago-ibid")
        #expect(
            await repl.run("cite t-telegram --style chicago-ibid --locator 4 --label line").output
                == "\(Self.telegram),” line 4.\n")
        #expect(await repl.run("cite t-telegram --locator 2-3 --label paragraph").output.hasSuffix("” paras. 2–3.\n"))

        // The session file keeps each citation's place, so a later sitting counts from it.
        let citations = try #require(repl.context.session?.session.citations)
        #expect(citations.map(\.locator) == ["12", "12", "12", "13", "3r", nil, nil, "4", "2-3"])
        #expect(citations.map(\.label) == ["page", "page", "page", "page", "folio", nil, nil, "line", "paragraph"])
        let file = try #require(repl.context.session?.url)
        let reopened = try OpenSession.open(file).session
        #expect(reopened.citations == citations)
        #expect(await repl.run("cite t-telegram --style chicago-ibid --locator 2-3 --label paragraph").output == "Ibid.\n")
    }

    @Test func aShortTitleGivenByHandIsWhatShortNotesUse() async throws {
        let repl = try await awkwardREPL()
        #expect(await repl.run("edit t-telegram title_short Mikoyan Telegram").succeeded)
        #expect(await repl.run("cite t-telegram").output.contains("“Telegram from A. Mikoyan to the CPSU Central Committee,”"))
        #expect(await repl.run("cite t-telegram").output == "Gary Goldberg, “Mikoyan Telegram.”\n")
        #expect(try await repl.json("show t-telegram")["documents"]?.array?.first?["title_short"] == "Mikoyan Telegram")
        let ris = await repl.run("export t-telegram --format ris").output
        #expect(ris.contains("\nST  - Mikoyan Telegram\n"))
        #expect(await repl.run("export t-telegram --format biblatex").output.contains(/shorttitle +\= \{Mikoyan Telegram\}/))
    }

    @Test func aStyleInstalledInTheWorkspaceIsListedAndCanBeTheDefault() async throws {
        let repl = try await awkwardREPL()
        let styles = repl.workspace.root.appendingPathComponent("Styles")
        try FileManager.default.createDirectory(at: styles, withIntermediateDirectories: true)
        try Data(
            """
            <style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
              <info><title>Titles Only</title><id>titles-only</id></info>
              <citation><layout suffix="."><text variable="title" font-style="italic"/></layout></citation>
            </style>
            """.utf8
        ).write(to: styles.appendingPathComponent("titles-only.csl"))

        let listed = try await repl.json("cite styles --json")
        let names = listed.array?.compactMap { $0["name"]?.string } ?? []
        #expect(names.first == "titles-only")
        #expect(listed.array?.first?["kind"] == "note")
        #expect(listed.array?.first?["title"] == "Titles Only")
        for name in ["chicago-notes-bibliography", "modern-language-association", "wilson-center-digital-archive", "archive"] {
            #expect(names.contains(name), "cite styles lists \(name)")
        }
        #expect(listed.array?.first { $0["name"] == "mla" }?["stands_for"] == "modern-language-association")
        #expect(await repl.run("cite styles").output.contains("titles-only"))

        #expect(await repl.run("set style titles-only").succeeded)
        #expect(await repl.run("cite t-year").output == "Report.\n")
        // A style with no bibliography says so rather than printing nothing.
        let bib = await repl.run("bib")
        #expect(!bib.succeeded)
        #expect(bib.messages.contains("Style 'titles-only' has no bibliography"))
    }

    @Test func aLocaleGivesTheStylesTermsAndDatesInAnotherLanguage() async throws {
        let repl = try await awkwardREPL()
        #expect(await repl.run("set locale de-DE").succeeded)
        let german = await repl.run("cite t-telegram").output
        #expect(german.contains("„Telegram from A. Mikoyan to the CPSU Central Committee“"))
        #expect(german.contains("22. September 1956"))
        #expect(german.hasPrefix("Gary Goldberg, Übers.,"))
        #expect(await repl.run("cite t-telegram --locale fr-FR --full").output.contains("22 septembre 1956"))
        #expect(await repl.run("bib --locale en-GB").output.contains("22 September 1956"))
        let wrong = await repl.run("set locale Deutsch")
        #expect(!wrong.succeeded)
        #expect(wrong.messages.contains("'Deutsch' is not a value of the setting 'locale'"))
    }

    @Test func theResearchLogFollowsANoteStyleWithIbid() async throws {
        let repl = try await ScriptedREPL()
        #expect(await repl.run("set style chicago-ibid").succeeded)
        let log = await repl.run("session export august-plenum").output
        let notes = log.split(separator: "\n").filter { $0.hasPrefix("[^") }
        #expect(notes.count == 6)
        // Two notes on the same meeting in a row: the second is "Ibid."
        #expect(notes[1].hasPrefix("[^2]: “Record of a Meeting between the Sino-Soviet Delegation"))
        #expect(notes[2] == "[^3]: Ibid.")
        // An in-text style cannot footnote: the log stays in Chicago notes.
        #expect(await repl.run("set style apa").succeeded)
        let chicago = await repl.run("session export august-plenum").output
        #expect(
            chicago.contains(
                "[^3]: “Record of a Meeting between the Sino-Soviet Delegation and the Korean Workers’ Party Presidium.”"))
    }
}

/// Dependent styles: a journal's style that names an independent parent.
@Suite struct DependentStyleTests {
    static func dependent(_ id: String, parent: String) -> String {
        """
        <style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" default-locale="en-GB">
          <info>
            <title>Journal of \(id)</title><id>http://www.zotero.org/styles/\(id)</id>
            <link href="http://www.zotero.org/styles/\(parent)" rel="independent-parent"/>
            <category citation-format="note"/>
          </info>
        </style>
        """
    }

    @Test func aDependentStyleCitesAsItsParentWithItsOwnLocale() async throws {
        let repl = try await awkwardREPL()
        let styles = repl.workspace.root.appendingPathComponent("Styles")
        try FileManager.default.createDirectory(at: styles, withIntermediateDirectories: true)
        try Data(Self.dependent("korean-history", parent: "chicago-notes-bibliography").utf8)
            .write(to: styles.appendingPathComponent("korean-history.csl"))
        let listed = try await repl.json("cite styles --json")
        #expect(listed.array?.first { $0["name"] == "korean-history" }?["kind"] == "dependent")
        // Chicago's note in the dependent style's British English: its quotation marks and date order.
        #expect(
            await repl.run("cite t-year --style korean-history").output == "‘Report’, 1956, National Archives.\n")
        #expect(await repl.run("cite t-telegram --style korean-history").output.contains("22 September 1956"))

        // Beside a style given by path, its parent is looked for in the same folder.
        let folder = Fixtures.temporaryFolder("downloaded")
        try Data(Self.dependent("plenum-studies", parent: "titles").utf8).write(
            to: folder.appendingPathComponent("plenum-studies.csl"))
        let missing = await repl.run("cite t-year --style \(folder.path)/plenum-studies.csl")
        #expect(!missing.succeeded)
        #expect(missing.messages.contains("its parent 'http://www.zotero.org/styles/titles' could not be found; put titles.csl"))
        try Data(
            #"<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0"><citation><layout><text variable="title"/></layout></citation></style>"#
                .utf8
        ).write(to: folder.appendingPathComponent("titles.csl"))
        #expect(await repl.run("cite t-year --style \(folder.path)/plenum-studies.csl").output == "Report\n")

        // Two styles that name each other as parent are refused, not followed for ever.
        try Data(Self.dependent("titles", parent: "plenum-studies").utf8).write(to: folder.appendingPathComponent("titles.csl"))
        let loop = await repl.run("cite t-year --style \(folder.path)/plenum-studies.csl")
        #expect(!loop.succeeded)
        #expect(loop.messages.contains("leads back to itself"))
    }
}
