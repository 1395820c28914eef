import Foundation
import REPLCore
import TestSupport
import Testing

@Suite struct ResearchLogTests {
    /// Runs pandoc on `markdown`; the tests need it (`apt-get install pandoc`), as the
    /// research log is written for it.
    private func pandoc(_ markdown: String, to format: String) throws -> String {
        let path = "/usr/bin/pandoc"
        guard FileManager.default.isExecutableFile(atPath: path) else {
            Issue.record("pandoc is needed to check the research log: apt-get install pandoc")
            return ""
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-f", "markdown", "-t", format, "--wrap=none"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    @Test func theSampleSessionsLogCitesInFullFirstAndShortAfter() async throws {
        let repl = try await ScriptedREPL()
        let log = await repl.run("session export august-plenum").output
        #expect(
            log.hasPrefix(
                "---\ntitle: \"Research log: august-plenum\"\n---\n\n**Question.** How did Moscow and Beijing make the Korean Workers' Party undo"
            ))
        #expect(log.contains("7 notes on 5 documents, written 27 November 2026."))
        // Documents in date order.
        let headings = log.split(separator: "\n").filter { $0.hasPrefix("### ") }.map { String($0.dropFirst(4)) }
        #expect(
            headings == [
                "February 25, 1956: Record of a Conversation between Soviet Embassy Counsellor S. Filatov and Pak Yeong-bin",
                "September 20, 1956: Record of a Meeting between the Sino-Soviet Delegation and the Korean Workers' Party Presidium",
                "September 22, 1956: Telegram from A. Mikoyan to the CPSU Central Committee",
                "September 23, 1956: Minutes of the KWP CC Plenum Held on 23 September 1956",
                "September 3, 1957: Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 3 September 1957",
            ])
        #expect(
            log.contains(
                "[^2]: “Record of a Meeting between the Sino-Soviet Delegation and the Korean Workers’ Party Presidium,” September 20, 1956, Wilson Center Digital Archive."
            ))
        #expect(
            log.contains(
                "[^3]: “Record of a Meeting between the Sino-Soviet Delegation and the Korean Workers’ Party Presidium.”"))
        #expect(log.contains("> “restored to the Central Committee, but not necessarily to their original positions”"))
        let bibliography = log.components(separatedBy: "## Bibliography\n\n")[1].components(separatedBy: "\n\n[^1]")[0]
        #expect(
            bibliography.split(separator: "\n").filter { !$0.isEmpty }.map { $0.prefix(20) } == [
                "“Journal of Soviet A", "“Minutes of the KWP ", "“Record of a Convers", "“Record of a Meeting",
                "“Telegram from A. Mi",
            ])

        let html = try pandoc(log, to: "html")
        #expect(html.components(separatedBy: "<li id=\"fn").count - 1 == 6)
        #expect(html.contains("<h3 id="))
        #expect(!html.contains("<ul>"))
    }

    @Test func noteTextRendersAsTypedThroughPandoc() async throws {
        let repl = try await ScriptedREPL(session: "tricky")
        let tricky = [
            "1956. Begins like a list; *not emphasis*, [not a link](x), <b>not html</b>, $1 and $2, ~sub~ ^sup^ @cite #tag",
            "- not a bullet, a) not a list, B. Russell and iv. either",
            "> not a quote | not a table | \\ a backslash `not code`",
        ]
        for line in tricky { #expect(await repl.run("note --free \(line)").succeeded) }
        #expect(await repl.run("note wca-2a20b1851ab2 Two paragraphs:").succeeded)
        // A note with paragraphs (as the editor can write them).
        repl.context.session?.update { $0.notes[3].text = "First paragraph,\nits second line.\n\nSecond paragraph." }
        let log = await repl.run("session export").output
        let plain = try pandoc(log, to: "plain")
        for line in tricky { #expect(plain.contains(line), "\(line) is not in:\n\(plain)") }
        #expect(plain.contains("First paragraph,\nits second line.\n\nSecond paragraph.[1]"))
        let html = try pandoc(log, to: "html")
        for tag in [
            "<em>not", "<a href=\"x\">", "<b>", "<code>", "<blockquote>", "<table", "<ul>", "<ol type", "class=\"math", "<sub>",
            "<sup>sup", "class=\"citation",
        ] {
            #expect(!html.contains(tag), "\(tag) in \(html)")
        }
    }

    @Test func htmlIsAPageWithTheSameLog() async throws {
        let repl = try await ScriptedREPL()
        let html = await repl.run("session export august-plenum --format html").output
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<h1>Research log: august-plenum</h1>"))
        #expect(html.contains("<blockquote>“repeal the decisions reached at the August Plenum”</blockquote>"))
        #expect(html.components(separatedBy: "<li id=\"fn").count - 1 == 6)
        #expect(html.contains("Pak Ui-wan fears the investigations into &quot;accused factionalists&quot;."))
    }

    @Test func theLogGoesToAFileWhenAsked() async throws {
        let repl = try await ScriptedREPL(style: TextStyle(width: 200))
        let file = Fixtures.temporaryFolder().appendingPathComponent("log.md")
        #expect(
            await repl.run("session export august-plenum --out \(file.path)").output
                == "Wrote the research log of 'august-plenum' (7 notes on 5 documents) to '\(file.path)'.\n")
        #expect(try String(contentsOf: file, encoding: .utf8).hasPrefix("---\ntitle:"))
        #expect(
            await repl.run("session export august-plenum --out /no/such/folder/log.md").messages
                .hasPrefix("The folder of '/no/such/folder/log.md' (/no/such/folder) does not exist."))
        #expect(await repl.run("session export nobody").messages.hasPrefix("There is no session 'nobody'."))
    }
}
