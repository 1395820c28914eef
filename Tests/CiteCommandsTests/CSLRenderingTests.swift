import Foundation
import REPLCore
import TestSupport
import Testing

/// `cite --items`: CSL-JSON items rendered with any CSL style, without the store.
@Suite struct CSLRenderingTests {
    static let items = """
        [{"id": "darwin", "type": "book", "title": "The Origin of Species", "author": [{"family": "Darwin", "given": "Charles"}],
          "publisher": "John Murray", "issued": {"date-parts": [[1859]]}},
         {"id": "rhee", "type": "letter", "title": "Letter to Robert T. Oliver", "author": [{"family": "Rhee", "given": "Syngman"}],
          "issued": {"date-parts": [[1950, 3, 8]]}, "archive": "Wilson Center Digital Archive"}]
        """

    @Test func clustersGetPositionsAndLocatorsInTheJSONForm() async throws {
        let repl = try await ScriptedREPL()
        let items = Fixtures.write(Self.items, named: "items.json")
        let clusters = Fixtures.write(
            """
            [{"citationItems": [{"id": "darwin", "locator": "12"}], "properties": {"noteIndex": 1}},
             {"citationItems": [{"id": "darwin", "locator": "15"}], "properties": {"noteIndex": 2}}]
            """, named: "clusters.json")
        let json = try await repl.json("cite --items \(items.path) --clusters \(clusters.path) --style chicago")
        // The first note is full, the second short, each with its page.
        #expect(
            json == [
                "citations": [
                    "Charles Darwin, The Origin of Species (John Murray, 1859), 12.", "Darwin, The Origin of Species, 15.",
                ]
            ])
    }

    @Test func aBibliographyInAnyBundledStyleAndFormat() async throws {
        let repl = try await ScriptedREPL()
        let items = Fixtures.write(Self.items, named: "items.json")
        let apa = await repl.run("cite --items \(items.path) --style apa --format markdown --bibliography")
        #expect(apa.succeeded, "\(apa.messages)")
        #expect(apa.output.contains("Darwin, C. (1859). *The Origin of Species*. John Murray."))
        let authorDate = try await repl.json(
            "cite --items \(items.path) --style chicago-author-date --bibliography --format html")
        #expect(authorDate["bibliography"]?.array?.first == "Darwin, Charles. 1859. <i>The Origin of Species</i>. John Murray.")
    }

    @Test func aStyleFileInTheWorkspaceIsUsedByName() async throws {
        let repl = try await ScriptedREPL()
        let styles = repl.workspace.root.appendingPathComponent("Styles")
        try FileManager.default.createDirectory(at: styles, withIntermediateDirectories: true)
        try Data(
            """
            <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
              <citation><layout prefix="[" suffix="]"><text variable="title"/></layout></citation>
            </style>
            """.utf8
        ).write(to: styles.appendingPathComponent("titles-only.csl"))
        let items = Fixtures.write(Self.items, named: "items.json")
        let outcome = await repl.run("cite --items \(items.path) --style titles-only")
        #expect(outcome.output == "[The Origin of Species]\n[Letter to Robert T. Oliver]\n")
    }

    @Test func aStyleInLatin1ThatSaysSoIsReadAsLatin1AndAnyInstructionIsFine() async throws {
        let repl = try await ScriptedREPL()
        let items = Fixtures.write(Self.items, named: "items.json")
        let style = Fixtures.temporaryFolder().appendingPathComponent("latin1.csl")
        // With a processing instruction that has no data, which Foundation's parser would
        // stop the program on.
        let text = """
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <?dossier?>
            <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
              <citation><layout prefix="« " suffix=" »"><text variable="title"/></layout></citation>
            </style>
            """
        try #require(text.data(using: .isoLatin1)).write(to: style)
        let outcome = await repl.run("cite --items \(items.path) --style \(style.path)")
        #expect(outcome.output == "« The Origin of Species »\n« Letter to Robert T. Oliver »\n", "\(outcome.messages)")
    }

    @Test func badStylesItemsAndLinesAreNamedWithTheFix() async throws {
        let repl = try await ScriptedREPL()
        let items = Fixtures.write(Self.items, named: "items.json")
        let bad = Fixtures.write(
            #"<style xmlns="http://purl.org/net/xbiblio/csl"><citation><layout><text/></layout></citation></style>"#,
            named: "bad.csl")
        // Latin-1 bytes in an element's name (a file saved in another encoding): Foundation's
        // parser would stop the program on them.
        let latin1 = Fixtures.temporaryFolder().appendingPathComponent("latin1.csl")
        try Data(
            #"<style xmlns="http://purl.org/net/xbiblio/csl">"#.utf8 + [0x0A, 0x3C, 0xD5, 0x55, 0xD5, 0x55, 0x2F, 0x3E]
                + Data("</style>".utf8)
        )
        .write(to: latin1)
        let cases: [(String, String)] = [
            (
                "cite --items \(items.path) --style \(latin1.path)",
                "latin1.csl': line 2 is not UTF-8 text; save the file as UTF-8"
            ),
            (
                "cite --items \(items.path) --style \(bad.path)",
                "element <text> at line 1 has none of variable, macro, term or value"
            ),
            (
                "cite --items \(items.path) --style turabian",
                "Style 'turabian' is not a .csl file, an installed style or a bundled one"
            ),
            ("cite --items /no/such/items.json", "Cannot read '/no/such/items.json'"),
            ("cite --items \(Fixtures.write("[{\"id\": 3", named: "broken.json").path)", "does not hold CSL-JSON items"),
            ("cite wca-2a20b1851ab2 --items \(items.path)", "Give documents or --items FILE.json, not both."),
            ("cite wca-2a20b1851ab2 --clusters x.json", "--clusters goes with --items FILE.json"),
            (
                "cite wca-2a20b1851ab2 --style turabian",
                "Style 'turabian' is not a .csl file, an installed style or a bundled one"
            ),
            ("cite wca-2a20b1851ab2 --page 3 --folio 2r", "Give one of --page, --folio or --locator, not --page and --folio."),
            ("cite wca-2a20b1851ab2 --locator 3 --label leaf", "'leaf' is not a CSL locator label"),
            ("cite wca-2a20b1851ab2 --label folio", "--label says what --locator is"),
            ("cite wca-2a20b1851ab2 --locale xx-YY", "There is no locale 'xx-YY'"),
            ("cite wca-2a20b1851ab2 --style \(Fixtures.write("<style", named: "cut.csl").path)", "cut.csl"),
            ("bib --session august-plenum --style \(Fixtures.write("<style", named: "cut.csl").path)", "cut.csl"),
            ("cite --items \(items.path) --page 3", "a cluster's cites carry their locators"),
        ]
        for (line, said) in cases {
            let outcome = await repl.run(line)
            #expect(!outcome.succeeded, "\(line)")
            #expect(outcome.messages.contains(said), "\(line): \(outcome.messages)")
        }
        // The REPL goes on.
        #expect(await repl.run("cite wca-2a20b1851ab2").succeeded)
    }
}
