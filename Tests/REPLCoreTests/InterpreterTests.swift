import DocumentStore
import DossierProtocol
import Foundation
import REPLCore
import TestSupport
import Testing

@Suite struct InterpreterTests {
    @Test func anUnknownCommandGetsDidYouMean() async throws {
        let repl = try await ScriptedREPL()
        let outcome = await repl.run("serch Mikoyan")
        #expect(!outcome.succeeded)
        #expect(outcome.output.isEmpty)
        #expect(outcome.messages == "Unknown command 'serch'. Did you mean 'search'?\n")
        #expect(await repl.run("frobnicate").messages == "Unknown command 'frobnicate'. Type 'help' to see the commands.\n")
    }

    @Test func blankLinesAndCommentsDoNothing() async throws {
        let repl = try await ScriptedREPL()
        for line in ["", "   ", "# a comment", "#search Mikoyan"] {
            let outcome = await repl.run(line)
            #expect(outcome.succeeded && outcome.output.isEmpty && outcome.messages.isEmpty)
        }
    }

    @Test func helpListsTheCommandsByModule() async throws {
        let repl = try await ScriptedREPL()
        let help = await repl.run("help").output
        let headings = help.split(separator: "\n").filter { !$0.hasPrefix(" ") && !$0.isEmpty }
        #expect(
            headings == [
                "Search", "Compare", "Notes and sessions", "Citations", "Workspace", "REPL",
                "Type 'help COMMAND' for its usage, options and examples.",
            ])
        #expect(help.contains(/\n  search +Find documents by words in their title, summary and text.\n/))
        #expect(help.contains(/\n  quit +Leave dossier \(Ctrl-D does the same\).\n/))
    }

    @Test func helpForACommandShowsUsageOptionsAndExamples() async throws {
        let repl = try await ScriptedREPL()
        let help = await repl.run("help search").output
        #expect(help.contains("USAGE: search <query> [--limit <limit>]"))
        #expect(help.contains("--limit <limit>         How many to show. (default: 20)"))
        #expect(help.contains("EXAMPLES:\n  search Mikoyan\n  search \"August Plenum\"\n"))
        #expect(help.contains("Every command also takes --json"))
        #expect(await repl.run("search --help").output == help)
        #expect(await repl.run("help serch").messages == "Unknown command 'serch'. Did you mean 'search'?\n")
        // A group's help points at the prompt's own way to a subcommand's help.
        let group = await repl.run("help note").output
        #expect(
            group.contains("add (default)")
                && group.contains("Type 'help note SUBCOMMAND' for a subcommand's options and examples."))
        #expect(!group.contains("note help"))
        #expect(await repl.run("help note edit").output.hasPrefix("OVERVIEW: Change a note: note edit N [NEW TEXT]."))
    }

    @Test func missingArgumentsGiveUsage() async throws {
        let repl = try await ScriptedREPL()
        let outcome = await repl.run("show")
        #expect(!outcome.succeeded)
        #expect(
            outcome.messages == """
                Missing expected argument '<ref>'.
                Usage: show <ref> [--history] [--provenance]
                Type 'help show' for details and examples.

                """)
        let limit = await repl.run("search Mikoyan --limit 0")
        #expect(limit.messages.hasPrefix("--limit must be at least 1, not 0.\n"))
    }

    @Test func jsonOutputIsJSONAloneWithRecordsInTheVocabulary() async throws {
        let repl = try await ScriptedREPL()
        let outcome = await repl.run("search Mikoyan --json")
        #expect(outcome.messages.isEmpty)
        let json = try JSONDecoder().decode(JSONValue.self, from: Data(outcome.output.utf8))
        #expect(json["total"] == 3)
        #expect(json["query"] == "Mikoyan")
        guard case .array(let results)? = json["results"] else {
            Issue.record("no results array")
            return
        }
        #expect(results.count == 3)
        let first = results[0]
        for field in [
            "id", "date", "date_text", "title", "summary", "archive", "people", "places", "collections", "rank", "snippet",
        ] {
            #expect(first[field] != nil, "missing \(field)")
        }
        #expect(first["rank"] == 1)
        #expect(first["date"] == "1956-09-22")
    }

    @Test func referencesAreResultNumbersOrIds() async throws {
        let repl = try await ScriptedREPL()
        #expect(
            await repl.run("show 1").messages
                == "There are no results to refer to yet. Run 'search' first, or give a document id.\n")
        await repl.run("search Puzanov")
        let first = await repl.run("show 1")
        #expect(first.output.hasPrefix("Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 3 September 1957\n"))
        #expect(
            await repl.run("show 4").messages
                == "There is no result 4; the last listing had 3. Use a number from 1 to 3, or a document id.\n")
        let id = try #require(repl.context.lastResults?.first)
        #expect(await repl.run("show \(id)").output == first.output)
        #expect(
            await repl.run("show wca-000000000000").messages
                == "No document has the id 'wca-000000000000'. Use a result number from the last listing, or an id as 'show' prints it.\n"
        )
    }

    @Test func errorsLeaveTheREPLRunning() async throws {
        let repl = try await ScriptedREPL()
        #expect(await !repl.run("search \"August").succeeded)
        #expect(await !repl.run("import /no/such/file.csv").succeeded)
        #expect(await repl.run("search Mikoyan").succeeded)
    }

    @Test func quitAsksTheLoopToEnd() async throws {
        let repl = try await ScriptedREPL()
        #expect(!repl.context.quitRequested)
        let outcome = await repl.run("quit")
        #expect(outcome.succeeded && outcome.output.isEmpty)
        #expect(repl.context.quitRequested)
    }

    @Test func everyExampleInEveryHelpRuns() async throws {
        let repl = try await ScriptedREPL()
        var ran = 0
        for entry in repl.context.registry.entries {
            for example in entry.signature.allExamples {
                let outcome = await repl.run(example)
                #expect(outcome.succeeded, "'\(example)' failed: \(outcome.messages)")
                ran += 1
            }
        }
        #expect(ran >= 10)
    }

    @Test func colourOnlyWhenTheStyleAllowsIt() async throws {
        let plain = try await ScriptedREPL()
        #expect(!(await plain.run("search Mikoyan").output.contains("\u{1B}[")))
        let coloured = try await ScriptedREPL(style: TextStyle(width: 80, color: true))
        let output = await coloured.run("search Mikoyan").output
        #expect(output.contains("\u{1B}[1;33mMikoyan\u{1B}[0m"))
    }
}

@Suite struct CompleterTests {
    @Test func completesCommandsOptionsValuesAndReferences() async throws {
        let repl = try await ScriptedREPL()
        let completer = Completer(context: repl.context)
        #expect(completer.completions(for: "sea") == ["search"])
        // Every command that starts so, and only those, whatever commands are added later.
        let s = completer.completions(for: "s")
        #expect(Set(s) == Set(repl.context.registry.names.filter { $0.hasPrefix("s") }))
        #expect(Set(["show", "stats", "search", "session"]).isSubset(of: s))
        #expect(completer.completions(for: "session open aug") == ["august-plenum"])
        #expect(completer.completions(for: "session ").contains("export"))
        #expect(completer.completions(for: "search Mikoyan --li") == ["--limit"])
        #expect(
            completer.completions(for: "import x.csv --format ") == [
                "csv", "ris", "tei", "json", "jsonl", "bibtex", "results", "csl-json", "markdown",
            ])
        #expect(completer.completions(for: "help") == ["help"])
        #expect(completer.completions(for: "show ").isEmpty)
        await repl.run("search Puzanov")
        #expect(completer.completions(for: "show ") == ["1", "2", "3"])
        #expect(completer.completions(for: "show wca-d2d8") == ["wca-d2d80dd6e99c"])
        #expect(completer.completions(for: "note ") == ["rm", "add", "edit", "1", "2", "3"])
        #expect(completer.completions(for: "pin 2") == ["2"])
        #expect(completer.completions(for: "nonsense ").isEmpty)
    }
}

@Suite struct RenderingTests {
    @Test func wrappingKeepsWordsAndIndents() {
        let lines = Wrapping.wrap(
            "Journal of Soviet Ambassador to the DPRK A.M. Puzanov", width: 20, indent: "  ", firstIndent: "")
        #expect(lines == ["Journal of Soviet", "  Ambassador to the", "  DPRK A.M. Puzanov"])
        #expect(Wrapping.visibleWidth("\u{1B}[1mKim\u{1B}[0m") == 3)
        #expect(Wrapping.visibleWidth("김일성") == 6)
    }

    @Test func numbersAreGroupedTheSameEverywhere() {
        #expect(10238.grouped == "10,238")
        #expect(999.grouped == "999")
        #expect(1_000_000.grouped == "1,000,000")
        #expect((-4500).grouped == "-4,500")
    }

    @Test func jsonIsSerializedWithSortedKeysAndEscapes() {
        let value: JSONValue = ["b": [1, .number(2.5)], "a": "Ch’oe \"KWP\"\n", "c": [], "d": .null]
        #expect(value.serialized() == #"{"a":"Ch’oe \"KWP\"\n","b":[1,2.5],"c":[],"d":null}"#)
        #expect(
            value.serialized(pretty: true) == """
                {
                  "a": "Ch’oe \\"KWP\\"\\n",
                  "b": [
                    1,
                    2.5
                  ],
                  "c": [],
                  "d": null
                }
                """)
    }
}
