import DossierProtocol
import Testing

@testable import REPLCore

@Suite struct TokenizerTests {
    @Test func splitsLikeAShell() throws {
        #expect(
            try LineTokenizer.split(#"import "my records.csv" --format csv"#) == ["import", "my records.csv", "--format", "csv"])
        #expect(try LineTokenizer.split(#"note 'it''s' a\ b"#) == ["note", "its", "a b"])
        #expect(try LineTokenizer.split(#"say "a \"quoted\" word""#) == ["say", #"a "quoted" word"#])
        #expect(try LineTokenizer.split("  ") == [])
    }

    @Test func anApostropheInAWordIsALetter() throws {
        #expect(try LineTokenizer.split("search Ch'oe P'eng --why") == ["search", "Ch'oe", "P'eng", "--why"])
        #expect(try LineTokenizer.split("search Workers' Party") == ["search", "Workers'", "Party"])
        #expect(try LineTokenizer.split("note 'a quote' Ch'oe") == ["note", "a quote", "Ch'oe"])
    }

    @Test func anUnclosedQuoteIsReportedWithItsPosition() {
        #expect(throws: REPLError.unclosedQuote(position: 7)) { try LineTokenizer.split(#"import "records.csv"#) }
        #expect(
            REPLError.unclosedQuote(position: 7).description
                == "The quote at position 8 is never closed. Add the closing quote, or escape it with '\\'.")
    }

    @Test func theCommandNameComesOffAndTheRestStaysVerbatim() throws {
        let split = try #require(try LineTokenizer.commandName(of: #"  search "Kim Il-sŏng" -Mikoyan #tag"#))
        #expect(split.name == "search")
        #expect(split.rest == #" "Kim Il-sŏng" -Mikoyan #tag"#)
    }
}

@Suite struct InvocationTests {
    let search = CommandSignature(
        name: "search", abstract: "",
        arguments: [.init("query")],
        options: [.init("limit"), .init("sort", choices: ["relevance", "date"])],
        freeText: true)

    let session = CommandSignature(
        name: "session", abstract: "",
        subcommands: [
            CommandSignature(name: "new", abstract: "", arguments: [.init("name")]),
            CommandSignature(name: "list", abstract: "", options: [.init("all", flag: true)]),
        ])

    @Test func freeTextKeepsQuotesDashesAndTagsAndLosesOnlyItsOwnFlags() throws {
        let invocation = try Invocation.parse(#" "August Plenum" -Mikoyan --limit 5 #rehabilitation Ch’oe"#, for: search)
        #expect(invocation.arguments == ["--limit=5", "--", #""August Plenum" -Mikoyan #rehabilitation Ch’oe"#])
        #expect(invocation.options == ["limit": ["5"]])
        #expect(invocation.text == #""August Plenum" -Mikoyan #rehabilitation Ch’oe"#)
        #expect(!invocation.json)
    }

    @Test func sharedFlagsComeOutAnywhere() throws {
        let invocation = try Invocation.parse(" --json Mikoyan --limit=3", for: search)
        #expect(invocation.json)
        #expect(invocation.arguments == ["--limit=3", "--", "Mikoyan"])
        #expect(try Invocation.parse(" Kim --sort -date", for: search).arguments == ["--sort=-date", "--", "Kim"])
        #expect(try Invocation.parse(" --help", for: search).help)
    }

    @Test func aQuotedFlagInFreeTextIsText() throws {
        let invocation = try Invocation.parse(#" "--limit" plenum"#, for: search)
        #expect(invocation.arguments == ["--", #""--limit" plenum"#])
    }

    @Test func unknownOptionsGetASuggestion() {
        #expect(throws: REPLError.unknownOption(command: "search", given: "--limt", suggestions: ["--limit"])) {
            try Invocation.parse(" Mikoyan --limt 3", for: search)
        }
        #expect(
            REPLError.unknownOption(command: "search", given: "--limt", suggestions: ["--limit"]).description
                == "Unknown option '--limt' for 'search'. Did you mean '--limit'?")
        #expect(throws: REPLError.missingOptionValue(command: "search", option: "--limit", values: [])) {
            try Invocation.parse(" Mikoyan --limit", for: search)
        }
        // An option with named values says which.
        #expect(throws: REPLError.missingOptionValue(command: "search", option: "--sort", values: ["relevance", "date"])) {
            try Invocation.parse(" Mikoyan --sort", for: search)
        }
        #expect(
            REPLError.missingOptionValue(command: "timeline", option: "--by", values: ["year", "month"]).description
                == "Option '--by' of 'timeline' needs a value: year or month, e.g. '--by year'.")
    }

    @Test func subcommandsAreFoundAndUnknownOnesSuggested() throws {
        let invocation = try Invocation.parse(" new plenum-1956 --json", for: session)
        #expect(invocation.path == ["new"])
        #expect(invocation.arguments == ["new", "plenum-1956"])
        #expect(invocation.json)
        #expect(throws: REPLError.unknownSubcommand(command: "session", given: "nwe", suggestions: ["new"])) {
            try Invocation.parse(" nwe plenum", for: session)
        }
        #expect(
            REPLError.unknownSubcommand(command: "session", given: "nwe", suggestions: ["new"]).description
                == "Unknown subcommand 'nwe' of 'session'. Did you mean 'new'?")
    }

    @Test func plainArgumentsMayStartWithADashAfterTheTerminator() throws {
        let list = try Invocation.parse(" list --all", for: session)
        #expect(list.arguments == ["list", "--all"])
        #expect(throws: REPLError.self) { try Invocation.parse(" list --everything", for: session) }
        let new = try Invocation.parse(" new -- -1956", for: session)
        #expect(new.positionals == ["-1956"])
        #expect(new.arguments == ["new", "--", "-1956"])
        #expect(throws: REPLError.self) { try Invocation.parse(" list --all=yes", for: session) }
    }

    /// A plugin's command gets the same parsed line as a call: arguments by name, options
    /// by canonical name, defaults filled in, choices and counts checked.
    @Test func aParsedLineBecomesAPluginsCall() throws {
        let wordfreq = CommandSignature(
            name: "wordfreq", abstract: "Count words.", arguments: [.init("query")],
            options: [
                .init("top", short: "n", defaultValue: "10"), .init("field", choices: ["title", "text"]),
                .init("all", flag: true),
            ],
            freeText: true)
        let call = try Invocation.parse(" Mikoyan Peng --all --field title", for: wordfreq).call(
            for: wordfreq, command: "wordfreq")
        #expect(call.arguments == ["query": "Mikoyan Peng"])
        #expect(call.options == ["top": "10", "field": "title", "all": true])
        #expect(throws: REPLError.self) {
            try Invocation.parse(" Mikoyan --field summary", for: wordfreq).call(for: wordfreq, command: "wordfreq")
        }
        #expect(throws: REPLError.self) { try Invocation.parse(" --all", for: wordfreq).call(for: wordfreq, command: "wordfreq") }

        let pair = CommandSignature(
            name: "pair", abstract: "Two documents.",
            arguments: [.init("ref"), .init("others", optional: true, repeating: true)],
            options: [.init("top", short: "n")])
        let both = try Invocation.parse(" 1 2 3 -n 4", for: pair)
        #expect(both.options == ["top": ["4"]])
        #expect(try both.call(for: pair, command: "pair").arguments == ["ref": "1", "others": ["2", "3"]])
    }
}
