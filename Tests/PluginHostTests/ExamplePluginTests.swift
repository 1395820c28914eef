import DocumentStore
import Foundation
import REPLCore
import TestSupport
import Testing

/// The two example plugins, built with the package, run end to end through the REPL.
@Suite struct ExamplePluginTests {
    @Test func wordfreqCountsTheWordsOfAQuerysHits() async throws {
        let repl = try await ScriptedREPL(pluginFolders: PluginFixtures.buildFolders)
        #expect(repl.pluginMessages.isEmpty)
        let outcome = await repl.run("wordfreq Mikoyan --top 3")
        #expect(outcome.succeeded, "\(outcome.messages)")
        #expect(
            outcome.output == """
                Words used most in the 3 documents matching 'Mikoyan': 97 words counted.

                Word       Occurrences  Documents  Per 1,000 words
                party      8            3          82.5
                central    4            2          41.2
                committee  4            2          41.2

                """)

        let json = try await repl.json("wordfreq Mikoyan --top 50")
        #expect(json["total"] == 3)
        #expect(json["words_counted"] == 97)
        let words = try #require(json["words"]?.array)
        let mikoyan = try #require(words.first { $0["word"] == "mikoyan" })
        #expect(mikoyan["documents"] == 3)
        // Common words are left out unless --all.
        #expect(!words.contains { ["the", "of", "and", "to"].contains($0["word"]?.string ?? "") })
        let all = try await repl.json("wordfreq Mikoyan --all --top 3")
        #expect(all["words"]?.array?.first?["word"] == "the")
        #expect(all["words"]?.array?.first?["occurrences"] == 21)

        // The query reaches the plugin verbatim: a phrase, a negation, a field.
        let phrase = try await repl.json("wordfreq \"August Plenum\" -Peng --field title")
        #expect(phrase["query"] == "\"August Plenum\" -Peng")
        #expect(phrase["field"] == "title")
        let nothing = await repl.run("wordfreq zzyzx")
        #expect(nothing.output == "No documents match 'zzyzx'.\n")
        let broken = await repl.run("wordfreq \"August")
        #expect(!broken.succeeded)
        #expect(broken.messages.contains("wordfreq: "))
        #expect(!broken.messages.lowercased().contains("fts5"))
    }

    @Test func wordfreqIsInHelpAndCompletionLikeABuiltInCommand() async throws {
        let repl = try await ScriptedREPL(pluginFolders: PluginFixtures.buildFolders)
        let overview = await repl.run("help").output
        #expect(overview.contains("Plugin: wordfreq\n  wordfreq "))
        #expect(overview.contains("Plugin: webpages\n  import-html "))
        let help = await repl.run("help wordfreq").output
        #expect(help.contains("USAGE: wordfreq <query> [--top <N>] [--docs <N>] [--field <FIELD>] [--all]"))
        #expect(help.contains("\n  --top <N>  "))
        let flat = help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("Which part of the documents to count. (values: all, title, summary, text; default: all)"))
        // Laid out from the same kind of signature as a built-in command's: the same
        // sections in the same order, the same shared options.
        func sections(_ text: String) -> [Substring] {
            text.split(separator: "\n").filter { $0.hasSuffix(":") && $0 == $0.uppercased() }
        }
        let search = await repl.run("help search").output
        #expect(sections(help) == sections(search))
        #expect(sections(help) == ["ARGUMENTS:", "OPTIONS:", "EXAMPLES:"])
        for line in ["  -h, --help              Show help information.", "Every command also takes --json"] {
            #expect(help.contains(line) && search.contains(line))
        }
        #expect(help.contains("EXAMPLES:\n  wordfreq plenum\n"))
        #expect(await repl.run("wordfreq --help").output == help)
        let completer = Completer(context: repl.context)
        #expect(completer.completions(for: "wordf").contains("wordfreq"))
        #expect(completer.completions(for: "wordfreq plenum --fi").contains("--field"))
    }

    @Test func everyExampleOfThePluginsRuns() async throws {
        let repl = try await ScriptedREPL(pluginFolders: PluginFixtures.buildFolders)
        // The examples' file names stand for the fixture pages.
        let paths = [
            "saved-pages/": PluginFixtures.pages.path + "/",
            "mikoyan-telegram.html": PluginFixtures.pages.appendingPathComponent("mikoyan-telegram.html").path,
        ]
        for name in ["wordfreq", "import-html"] {
            let examples = try #require(repl.context.registry.entry(named: name)).signature.allExamples
            #expect(!examples.isEmpty)
            for example in examples {
                let line = paths.reduce(example) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
                let outcome = await repl.run(line)
                #expect(outcome.succeeded, "\(example): \(outcome.messages)")
            }
        }
    }

    @Test func importHTMLReadsSavedPagesInOneTransaction() async throws {
        let repl = try await ScriptedREPL(pluginFolders: PluginFixtures.buildFolders)
        let before = try repl.store.count()
        let dry = await repl.run("import-html \(PluginFixtures.pages.path) --dry-run")
        #expect(
            dry.output.hasPrefix(
                "Would import 2 of 3 pages; nothing was imported. Left out (no title, not a document page): not-a-document.html.")
        )
        #expect(try repl.store.count() == before)

        let imported = await repl.run("import-html \(PluginFixtures.pages.path)")
        #expect(imported.succeeded, "\(imported.messages)")
        #expect(imported.output.hasPrefix("Imported 2 pages: 1 new, 1 updated."))
        #expect(try repl.store.count() == before + 1)

        // The page of a document the sample already has (same title and date) completes it.
        let telegram = try #require(try repl.store.record(id: "wca-2a20b1851ab2"))
        #expect(telegram.archiveRef == "AVPRF F. 0102, Op. 12, P. 68, Delo 5")
        #expect(telegram.translator == [PersonName(family: "Goldberg", given: "Gary")])
        #expect(telegram.originalLanguage == "Russian")
        #expect(telegram.collections == ["August Plenum Incident, 1956", "North Korea in the Cold War"])
        #expect(telegram.subjects == ["Rehabilitation", "Korean Workers' Party"])
        #expect(
            telegram.text.hasPrefix("TELEGRAM\n\nToday, on 22 September, we met with the Presidium of the CC KWP & discussed"))
        #expect(!telegram.text.contains("not a title") && !telegram.text.contains("footer"))
        #expect(telegram.url == "https://digitalarchive.wilsoncenter.org/document/telegram-mikoyan-cpsu-central-committee")
        #expect(telegram.extra["record_id"] == "120801")

        // The listing is numbered like a search's: show 2 is the new document.
        let shown = await repl.run("show 2")
        #expect(
            shown.output.hasPrefix(
                "Conversation between Mao Zedong and Peng Dehuai on the Korean Question\nDate:              September 18, 1956"))
        #expect(shown.output.contains("Reference:         Chinese Foreign Ministry Archive, 109-01234-05"))
        #expect(shown.output.contains("Peng: We should go to P'yŏngyang together with Mikoyan."))

        // Again: nothing new.
        let again = await repl.run("import-html \(PluginFixtures.pages.path)")
        #expect(again.output.hasPrefix("Imported 2 pages: 0 new, 2 updated."))
        #expect(try repl.store.count() == before + 1)
        #expect(await repl.run("search P'yŏngyang").output.contains("Conversation between Mao Zedong and Peng Dehuai"))
    }

    @Test func importHTMLNamesAPathThatIsNotThere() async throws {
        let repl = try await ScriptedREPL(pluginFolders: PluginFixtures.buildFolders)
        let outcome = await repl.run("import-html no/such/folder")
        #expect(!outcome.succeeded)
        #expect(
            outcome.messages
                == "import-html: There is no file or folder 'no/such/folder'. Give the path of a saved page (.html) or a folder of them.\n"
        )
        // A failed command does not disable the plugin.
        #expect(await repl.run("import-html \(PluginFixtures.pages.path) --dry-run").succeeded)
    }
}
