import CSL
import Foundation

extension FuzzTarget {
    /// A style file as a user installs one: it parses or is refused with a `CSLError`, and a
    /// style that parses renders citations with positions and a bibliography in every
    /// format, or says why not; it never stops the program.
    static let cslStyle = FuzzTarget(name: "csl-style", about: "CSL style files: parsing, then rendering the sample items") {
        bytes in
        guard let style = try? CSLStyle(data: Data(bytes), name: "fuzzed") else { return }
        for format in [CSLOutputFormat.text, .html, .markdown] {
            let processor = CSLProcessor(style: style, items: CSLSample.items, locale: nil, format: format)
            _ = try? processor.citations(for: CSLSample.clusters)
            _ = try? processor.bibliography()
        }
    }

    /// CSL-JSON items as Zotero, pandoc or a hand-edited file give them: they decode or are
    /// refused, and items that decode render through a full bundled style.
    static let cslItems = FuzzTarget(name: "csl-items", about: "CSL-JSON items rendered through Chicago notes and APA") {
        bytes in
        guard let items = try? CSLItem.decodeList(from: Data(bytes)), !items.isEmpty else { return }
        let clusters = items.prefix(8).enumerated().map { index, item in
            CSLCluster(
                id: "c\(index)", cites: [CSLCite(id: item.id, locator: index % 2 == 0 ? "12" : nil)], noteIndex: index + 1)
        }
        for style in CSLSample.styles {
            let processor = CSLProcessor(style: style, items: Array(items.prefix(8)), locale: nil, format: .html)
            _ = try? processor.citations(for: clusters + clusters)
            _ = try? processor.bibliography()
        }
    }
}

/// What the CSL targets render with: items of the kinds an archive holds, and two of the
/// bundled styles.
enum CSLSample {
    static let items: [CSLItem] = {
        let json = """
            [{"id": "telegram", "type": "manuscript", "title": "Telegram from A. Mikoyan to the CPSU Central Committee",
              "translator": [{"family": "Goldberg", "given": "Gary"}], "issued": {"date-parts": [[1956, 9, 22]]},
              "archive": "Wilson Center Digital Archive", "archive_location": "AVPRF F. 0102, Op. 12", "URL": "https://example.org/1"},
             {"id": "frus", "type": "chapter", "title": "Memorandum of a Conversation", "container-title": "Foreign Relations of the United States",
              "editor": [{"family": "Mabon", "given": "David W."}], "volume": "XXIII", "number": "127", "page": "301-303",
              "publisher": "Government Printing Office", "publisher-place": "Washington", "issued": {"date-parts": [[1993]]}},
             {"id": "letter", "type": "letter", "title": "Letter", "author": [{"family": "Rhee", "given": "Syngman"}],
              "recipient": [{"literal": "Robert T. Oliver"}], "issued": {"date-parts": [[1950, 3], [1950, 4]]}},
             {"id": "circa", "type": "report", "title": "Записка о положении в КНДР", "language": "ru",
              "author": [{"literal": "Посольство СССР"}], "issued": {"date-parts": [[1950]], "circa": true}},
             {"id": "undated", "type": "document", "title": "조선로동당 결정", "language": "ko"}]
            """
        do {
            return try CSLItem.decodeList(from: Data(json.utf8))
        } catch {
            finding("the sample CSL items do not decode: \(error)")
        }
    }()

    static let clusters: [CSLCluster] =
        items.enumerated().map { index, item in
            CSLCluster(id: "c\(index)", cites: [CSLCite(id: item.id)], noteIndex: index + 1)
        } + [
            CSLCluster(id: "again", cites: [CSLCite(id: "undated", locator: "3r", label: "folio")], noteIndex: 6),
            CSLCluster(id: "two", cites: [CSLCite(id: "telegram"), CSLCite(id: "frus", locator: "302")], noteIndex: 7),
        ]

    static let styles: [CSLStyle] = ["chicago-notes-bibliography", "apa"].map { name in
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../../Sources/Citation/Styles/\(name).csl").standardizedFileURL
        do {
            return try CSLStyle(contentsOf: url)
        } catch {
            finding("the bundled style \(name) does not load: \(error)")
        }
    }
}
