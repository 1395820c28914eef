import CSL
import CSLTestSuite
import Foundation
import Testing

private let chicagoNotes = """
    <style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
      <info><title>Mini Chicago</title><id>mini</id></info>
      <citation>
        <layout suffix="." delimiter="; ">
          <group delimiter=" ">
            <group delimiter=", ">
              <names variable="author"><name and="text"/></names>
              <text variable="title" font-style="italic"/>
            </group>
            <group prefix="(" suffix=")" delimiter=", ">
              <group delimiter=": ">
                <text variable="publisher-place"/>
                <text variable="publisher"/>
              </group>
              <date variable="issued"><date-part name="year"/></date>
            </group>
          </group>
        </layout>
      </citation>
    </style>
    """

private func book() -> CSLItem {
    CSLItem(
        id: "b1", type: "book",
        strings: ["title": "The Origin of Species", "publisher": "John Murray", "publisher-place": "London"],
        names: ["author": [CSLName(family: "Darwin", given: "Charles")]],
        dates: ["issued": CSLDate(from: CSLDateParts(year: 1859))])
}

@Test func chicagoNoteForABook() throws {
    guard let url = Bundle.module.url(forResource: "Styles/chicago-notes-bibliography", withExtension: "csl") else {
        Issue.record("bundled Chicago style is missing")
        return
    }
    let style = try CSLStyle(contentsOf: url)
    let processor = CSLProcessor(style: style, items: [book()], format: .html)
    let clusters = [
        CSLCluster(id: "c1", cites: [CSLCite(id: "b1", locator: "12")], noteIndex: 1),
        CSLCluster(id: "c2", cites: [CSLCite(id: "b1", locator: "15")], noteIndex: 2),
    ]
    let notes = try processor.citations(for: clusters)
    // Chicago 18th edition no longer prints the place of publication.
    #expect(notes.first == "Charles Darwin, <i>The Origin of Species</i> (John Murray, 1859), 12.")
    #expect(notes.last == "Darwin, <i>The Origin of Species</i>, 15.")
    let bibliography = try processor.bibliography()
    #expect(bibliography == ["Darwin, Charles. <i>The Origin of Species</i>. John Murray, 1859."])
}

@Test func miniStyleNote() throws {
    let style = try CSLStyle(data: Data(chicagoNotes.utf8), name: "mini.csl")
    let processor = CSLProcessor(style: style, items: [book()], format: .html)
    let notes = try processor.citations(for: [CSLCluster(id: "c1", cites: [CSLCite(id: "b1")], noteIndex: 1)])
    #expect(notes == ["Charles Darwin, <i>The Origin of Species</i> (London: John Murray, 1859)."])
}

@Test func markdownAndPlainTextOutput() throws {
    let style = try CSLStyle(data: Data(chicagoNotes.utf8), name: "mini.csl")
    let cluster = CSLCluster(id: "c1", cites: [CSLCite(id: "b1")], noteIndex: 1)
    let md = try CSLProcessor(style: style, items: [book()], format: .markdown).citations(for: [cluster])
    let text = try CSLProcessor(style: style, items: [book()], format: .text).citations(for: [cluster])
    #expect(md == ["Charles Darwin, *The Origin of Species* (London: John Murray, 1859)."])
    #expect(text == ["Charles Darwin, The Origin of Species (London: John Murray, 1859)."])
}

@Test func malformedStyleNamesTheElementAndFix() {
    let bad = """
        <style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">
          <citation><layout>
            <text font-style="italic"/>
          </layout></citation>
        </style>
        """
    #expect(throws: CSLError.self) { try CSLStyle(data: Data(bad.utf8), name: "x.csl") }
    do {
        _ = try CSLStyle(data: Data(bad.utf8), name: "x.csl")
    } catch {
        let expected = "Style 'x.csl': element <text> at line 3 has none of variable, macro, term or value; add one of them."
        #expect(error.description == expected)
    }
}

@Test func brokenXMLAndRecursiveMacrosAreErrors() {
    #expect(throws: CSLError.self) { try CSLStyle(data: Data("<style><citation>".utf8), name: "broken.csl") }
    let recursive = """
        <style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">
          <macro name="a"><text macro="b"/></macro>
          <macro name="b"><text macro="a"/></macro>
          <citation><layout><text macro="a"/></layout></citation>
        </style>
        """
    do {
        _ = try CSLStyle(data: Data(recursive.utf8), name: "loop.csl")
        Issue.record("recursive macros were accepted")
    } catch {
        #expect(error == .recursiveMacro(file: "loop.csl", name: "a"))
    }
}

@Test func localeFallsBackThroughPrimaryDialect() throws {
    let store = CSLLocaleStore.bundled
    #expect(store.fallbackChain(for: "de-AT") == ["de-AT", "de-DE", "en-US"])
    let style = try CSLStyle(
        data: Data(
            """
            <style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">
              <citation><layout><text term="and"/><text value=" "/><date variable="issued" form="text"/></layout></citation>
            </style>
            """.utf8), name: "terms.csl")
    let item = CSLItem(id: "a", type: "book", dates: ["issued": CSLDate(from: CSLDateParts(year: 2001, month: 3, day: 4))])
    let out = try CSLProcessor(style: style, items: [item], locale: "de-AT")
        .citations(for: [CSLCluster(id: "c", cites: [CSLCite(id: "a")])])
    #expect(out == ["und 4. März 2001"])
}

@Test func suiteFixturesKeepPassing() throws {
    guard let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil),
        let listURL = Bundle.module.url(forResource: "passing", withExtension: "txt")
    else {
        Issue.record("test resources are missing")
        return
    }
    let expected = try String(contentsOf: listURL, encoding: .utf8).split(separator: "\n").map(String.init)
    let report = try SuiteReport.run(folder: fixtures)
    let passing = Set(report.passing)
    let regressed = expected.filter { !passing.contains($0) }
    #expect(regressed.isEmpty, "fixtures that stopped passing: \(regressed.joined(separator: ", "))")
}
