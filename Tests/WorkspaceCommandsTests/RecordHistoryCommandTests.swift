import Foundation
import REPLCore
import TestSupport
import Testing

/// `show --history`, `show --provenance`, `revert` and version references, as a user types them.
@Suite struct RecordHistoryCommandTests {
    let id = "wca-2a20b1851ab2"

    /// Text with its line breaks and indents taken out: where a line wraps depends on the fixture's path.
    static func unwrapped(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A sample workspace where the translation fixture has added to one record.
    private func translated() async throws -> ScriptedREPL {
        let repl = try await ScriptedREPL(style: TextStyle(width: 80))
        #expect(await repl.run("import \(Fixtures.file("translation.jsonl").path)").succeeded)
        return repl
    }

    @Test func historyListsEveryVersionWithItsImportAndChanges() async throws {
        let repl = try await translated()
        let lines = await repl.run("show \(id) --history").output.components(separatedBy: "\n")
        #expect(lines[0] == "\(id) has 2 versions:")
        #expect(lines[2].hasPrefix("1.  ") && lines[2].contains("first import, from 'the bundled sample archive,"))
        #expect(lines[4] == "    set: title, date, date_text, archive, summary")
        // The second entry wraps where the fixture's path (which depends on the checkout) allows.
        #expect(lines[5].hasPrefix("2.  "))
        let second = Self.unwrapped(lines[5...].prefix { !$0.hasPrefix("    changed:") }.joined(separator: "\n"))
        #expect(second.hasSuffix("import of '\(Fixtures.file("translation.jsonl").path)' (jsonl) (newest)"))
        #expect(lines.contains("    changed: collections, translator, text"))
        let json = try await repl.json("show \(id) --history")
        let versions = try #require(json["versions"]?.array)
        #expect(versions.map { $0["version"] } == [1, 2])
        #expect(versions[1]["changed"] == ["collections", "translator", "text"])
        #expect(versions[1]["importer"] == "jsonl" && versions[1]["action"] == "import" && versions[1]["newest"] == true)
        #expect(versions[0]["record"]?["translator"] == [])
        #expect(versions[1]["record"]?["translator"] == [["literal": "Gary Goldberg"]])
    }

    @Test func provenanceNamesTheImportOfEachField() async throws {
        let repl = try await translated()
        let json = try await repl.json("show \(id) --provenance")
        let fields = try #require(json["fields"]?.array)
        let byField = Dictionary(uniqueKeysWithValues: fields.compactMap { f in f["field"]?.string.map { ($0, f) } })
        #expect(byField["title"]?["version"] == 1 && byField["title"]?["importer"] == "results")
        #expect(byField["translator"]?["version"] == 2 && byField["translator"]?["importer"] == "jsonl")
        let text = await repl.run("show \(id) --provenance").output
        #expect(text.hasPrefix("Where each field of \(id) comes from (version 2):\n\ntitle"))
        #expect(
            Self.unwrapped(text).contains("translator version 2, import of '\(Fixtures.file("translation.jsonl").path)' (jsonl),")
        )
        #expect(
            await repl.run("show \(id) --history --provenance").messages
                .hasPrefix("--history and --provenance show different things; give one of them.\n"))
    }

    @Test func revertRestoresAVersionAndKeepsTheOneItReplaces() async throws {
        let repl = try await translated()
        #expect(
            await repl.run("revert \(id)@1").output == """
                Restored version 1 of \(id) as version 3 (changed: collections,
                translator, text). Version 2 is kept in its history.

                """)
        #expect(try await repl.json("show \(id)")["documents"]?.array?.first?["translator"] == [])
        #expect(try await repl.json("show \(id)@2")["documents"]?.array?.first?["translator"] == [["literal": "Gary Goldberg"]])
        #expect(
            Self.unwrapped(await repl.run("show \(id)@2").output).contains(
                "This is version 2 of 3 (import of '\(Fixtures.file("translation.jsonl").path)'"))
        #expect(
            await repl.run("revert \(id)~0").output == "Version 3 of \(id) is the document as it is now; nothing was changed.\n")
        #expect(
            await repl.run("revert \(id)").messages
                == "'\(id)' names no version. Give one as ID@N or ID~N; 'show \(id) --history' lists the versions.\n")
        #expect(
            await repl.run("revert \(id)@9").messages
                == "'\(id)@9' is not a version of \(id): its versions are 1 to 3. 'show \(id) --history' lists them.\n")
        #expect(await repl.run("show nothing-here@2").messages.hasPrefix("No document has the id 'nothing-here'."))
        // A result number takes a version too.
        #expect(await repl.run("search Mikoyan telegram").succeeded)
        #expect(try await repl.json("show 1@1")["documents"]?.array?.first?["id"] == .string(id))
    }
}
