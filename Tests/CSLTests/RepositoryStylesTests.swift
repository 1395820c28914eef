import Foundation
import Testing

@testable import CSL

// Independent styles of the official CSL styles repository, unchanged (CC BY-SA 3.0), in
// RepositoryStyles/: each renders the kinds of item the archive holds, as notes or in-text
// citations with positions and as a bibliography, in plain text and HTML, without an error
// and without an empty citation or entry.

private let repositoryStyles: URL? = Bundle.module.url(forResource: "RepositoryStyles", withExtension: nil)

private let repositoryStyleNames: [String] = {
    guard let folder = repositoryStyles,
        let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
    else { return [] }
    return files.filter { $0.hasSuffix(".csl") }.sorted()
}()

/// A Wilson Center document with a translator, a letter with a recipient, a FRUS document in
/// an edited volume, an undated and a circa item, Russian and Korean items, an institution
/// as author, and two items dated by a range and by a season.
private let archiveItems = """
    [
      {"id": "mikoyan1956", "type": "manuscript",
       "title": "Telegram from A. Mikoyan to the CPSU Central Committee",
       "issued": {"date-parts": [[1956, 9, 22]]},
       "archive": "Wilson Center Digital Archive",
       "archive_location": "AVPRF F. 0102, Op. 12, P. 68, Delo 5",
       "translator": [{"family": "Goldberg", "given": "Gary"}],
       "URL": "https://digitalarchive.wilsoncenter.org/document/120169", "language": "en"},
      {"id": "kimletter1950", "type": "letter",
       "title": "Letter from Kim Il Sung to Joseph Stalin",
       "author": [{"family": "Kim", "given": "Il Sung"}],
       "recipient": [{"family": "Stalin", "given": "Joseph"}],
       "issued": {"date-parts": [[1950, 8, 31]]},
       "archive": "Wilson Center Digital Archive",
       "archive_location": "APRF, Fond 45, Opis 1, Delo 347", "genre": "Letter", "language": "en"},
      {"id": "frus1955", "type": "chapter",
       "title": "Memorandum of a Conversation, Department of State, Washington, January 5, 1955",
       "container-title": "Foreign Relations of the United States, 1955–1957, Korea, Volume XXIII, Part 2",
       "editor": [{"family": "Glennon", "given": "John P."}, {"family": "Kane", "given": "Edward C."}],
       "volume": "23", "number": "12", "page": "25-28",
       "publisher": "Government Printing Office", "publisher-place": "Washington",
       "issued": {"date-parts": [[1993]]}, "language": "en"},
      {"id": "undated", "type": "manuscript",
       "title": "Note on the Situation in the Korean Workers' Party",
       "archive": "Wilson Center Digital Archive",
       "archive_location": "RGANI, Fond 5, Opis 28, Delo 412"},
      {"id": "circa1950", "type": "manuscript",
       "title": "Report on Agricultural Cooperatives in North Korea",
       "author": [{"family": "Pak", "given": "Chang-ok"}],
       "issued": {"date-parts": [[1950]], "circa": true},
       "archive": "Wilson Center Digital Archive"},
      {"id": "russian1957", "type": "article-journal",
       "title": "О положении в Корейской Народно-Демократической Республике",
       "author": [{"family": "Пузанов", "given": "Александр Михайлович"}],
       "container-title": "Вопросы истории", "volume": "5", "issue": "3", "page": "112–130",
       "issued": {"date-parts": [[1957, 3]]}, "language": "ru"},
      {"id": "korean1958", "type": "book", "title": "조선로동당 력사 교재",
       "author": [{"family": "김", "given": "일성"}],
       "publisher": "조선로동당출판사", "publisher-place": "평양",
       "issued": {"date-parts": [[1958]]}, "language": "ko"},
      {"id": "cpsu1956", "type": "report",
       "title": "Resolution of the CPSU CC Presidium on the Situation in the Korean Workers' Party",
       "author": [{"literal": "Central Committee of the Communist Party of the Soviet Union"}],
       "publisher": "Central Committee of the CPSU", "publisher-place": "Moscow", "number": "P39/XVI",
       "issued": {"date-parts": [[1956, 9, 18]]}},
      {"id": "season1956", "type": "article-magazine", "title": "The August Plenum and Its Aftermath",
       "author": [{"family": "Lankov", "given": "Andrei"}],
       "container-title": "Cold War International History Project Bulletin", "issue": "16",
       "issued": {"date-parts": [[2007, 10], [2008, 3]]}, "page": "7-45"},
      {"id": "summer1956", "type": "article-journal", "title": "Soviet Policy toward North Korea",
       "author": [{"family": "Person", "given": "James F."}, {"family": "Szalontai", "given": "Balázs"}],
       "container-title": "Journal of Cold War Studies", "volume": "10", "issue": "2", "page": "3-29",
       "issued": {"season": "Summer", "date-parts": [[2008]]}, "DOI": "10.1162/jcws.2008.10.2.3"}
    ]
    """

/// Notes with page and folio locators; repeats give subsequent, ibid and ibid-with-locator
/// positions; some notes cite several items.
private let archiveClusters = """
    [
      {"citationID": "n1", "citationItems": [{"id": "mikoyan1956", "locator": "2", "label": "page"}],
       "properties": {"noteIndex": 1}},
      {"citationID": "n2", "citationItems": [{"id": "mikoyan1956", "locator": "3", "label": "page"}],
       "properties": {"noteIndex": 2}},
      {"citationID": "n3", "citationItems": [{"id": "mikoyan1956"}], "properties": {"noteIndex": 3}},
      {"citationID": "n4", "citationItems": [{"id": "kimletter1950", "locator": "14r", "label": "folio"}],
       "properties": {"noteIndex": 4}},
      {"citationID": "n5", "citationItems": [{"id": "frus1955", "locator": "26", "label": "page"},
       {"id": "undated"}, {"id": "circa1950"}], "properties": {"noteIndex": 5}},
      {"citationID": "n6", "citationItems": [{"id": "russian1957", "locator": "115"}],
       "properties": {"noteIndex": 6}},
      {"citationID": "n7", "citationItems": [{"id": "korean1958", "locator": "45-47"}, {"id": "cpsu1956"}],
       "properties": {"noteIndex": 7}},
      {"citationID": "n8", "citationItems": [{"id": "season1956", "locator": "12"},
       {"id": "summer1956", "locator": "5"}], "properties": {"noteIndex": 8}},
      {"citationID": "n9", "citationItems": [{"id": "kimletter1950", "locator": "15", "label": "folio"}],
       "properties": {"noteIndex": 9}},
      {"citationID": "n10", "citationItems": [{"id": "mikoyan1956", "locator": "4"},
       {"id": "frus1955", "locator": "27"}], "properties": {"noteIndex": 10}},
      {"citationID": "n11", "citationItems": [{"id": "frus1955", "locator": "27"}],
       "properties": {"noteIndex": 11}}
    ]
    """

/// The first markup tag that closes out of order or stays open, if any.
private func unbalancedTag(_ html: String) -> String? {
    guard let regex = try? NSRegularExpression(pattern: "<(/?)([a-z]+)[^>]*>") else { return "?" }
    var open: [String] = []
    let range = NSRange(html.startIndex..., in: html)
    for match in regex.matches(in: html, range: range) {
        guard let slash = Range(match.range(at: 1), in: html), let name = Range(match.range(at: 2), in: html) else {
            continue
        }
        let tag = String(html[name])
        if html[slash].isEmpty {
            open.append(tag)
        } else if open.last == tag {
            open.removeLast()
        } else {
            return "</\(tag)>"
        }
    }
    return open.last.map { "<\($0)>" }
}

@Test func repositoryStylesArePresent() {
    #expect(repositoryStyleNames.count >= 40, "RepositoryStyles/ holds \(repositoryStyleNames.count) styles")
}

@Test(arguments: repositoryStyleNames)
func repositoryStyleRendersArchiveItems(_ file: String) throws {
    let folder = try #require(repositoryStyles)
    let style = try CSLStyle(contentsOf: folder.appendingPathComponent(file))
    let items = try CSLItem.decodeList(from: Data(archiveItems.utf8))
    let clusters = try JSONDecoder().decode([CSLCluster].self, from: Data(archiveClusters.utf8))
    for format in [CSLOutputFormat.text, .html] {
        let notes = try CSLProcessor(style: style, items: items, format: format).citations(for: clusters)
        #expect(notes.count == clusters.count, "\(file) \(format): \(notes.count) citations")
        for (cluster, note) in zip(clusters, notes) {
            #expect(!note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(file) \(format): \(cluster.id) is empty")
            if format == .html, let tag = unbalancedTag(note) {
                Issue.record("\(file): \(cluster.id) has unbalanced \(tag): \(note)")
            }
        }
        let entries = try CSLProcessor(style: style, items: items, format: format).bibliography()
        guard style.bibliography != nil else {
            #expect(entries.isEmpty, "\(file) has no bibliography but printed \(entries.count) entries")
            continue
        }
        #expect(entries.count == items.count, "\(file) \(format): \(entries.count) of \(items.count) entries")
        for entry in entries {
            #expect(!entry.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(file) \(format): an empty entry")
            if format == .html, let tag = unbalancedTag(entry) {
                Issue.record("\(file): entry has unbalanced \(tag): \(entry)")
            }
        }
    }
}

/// The bibliography of one repository style for the archive items, in `format`.
private func repositoryBibliography(_ file: String, _ format: CSLOutputFormat) throws -> [String] {
    let folder = try #require(repositoryStyles)
    let style = try CSLStyle(contentsOf: folder.appendingPathComponent(file))
    let items = try CSLItem.decodeList(from: Data(archiveItems.utf8))
    return try CSLProcessor(style: style, items: items, format: format).bibliography()
}

@Test func substitutedEditorStillSatisfiesConditions() throws {
    // ISO 690 substitutes the editor for the missing author, then tests
    // variable="author editor translator director" to print the year and the title.
    let entries = try repositoryBibliography("iso690-author-date-fr.csl", .text)
    let frus = try #require(entries.first { $0.hasPrefix("GLENNON") })
    #expect(frus.contains("1993. Memorandum of a Conversation"))
    let telegram = try #require(entries.first { $0.hasPrefix("GOLDBERG") })
    #expect(telegram.contains("1956. Telegram from A. Mikoyan"))
}

@Test func koreanGivenNamesAreNotInitialized() throws {
    for file in ["elsevier-with-titles.csl", "nature.csl", "vancouver.csl"] {
        let korean = try repositoryBibliography(file, .text).first { $0.contains("조선로동당") }
        #expect(korean?.contains("김일성") == true, "\(file): \(korean ?? "no entry")")
    }
}

@Test func plainTextLaysOutBlocksAndTheMargin() throws {
    let iso = try repositoryBibliography("iso690-author-date-fr.csl", .text)
    let telegram = try #require(iso.first { $0.hasPrefix("GOLDBERG") })
    #expect(telegram.hasSuffix("document/120169\nWilson Center Digital Archive:\u{00A0}AVPRF F. 0102, Op. 12, P. 68, Delo 5"))
    for file in ["vancouver.csl", "american-medical-association.csl", "elsevier-with-titles.csl", "nature.csl"] {
        for entry in try repositoryBibliography(file, .text) {
            #expect(!entry.contains("  "), "\(file): \(entry)")
        }
    }
    let vancouver = try repositoryBibliography("vancouver.csl", .text)
    #expect(vancouver.contains { $0.hasPrefix("2. Kim IS. Letter from Kim Il Sung to Joseph Stalin.") })
}
