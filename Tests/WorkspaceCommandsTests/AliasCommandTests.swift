import DocumentStore
import Foundation
import REPLCore
import TestSupport
import Testing

@Suite struct AliasCommandTests {
    @Test func anAliasWidensSearchAndFacetsAndCanBeRemoved() async throws {
        let repl = try await ScriptedREPL()
        _ = try repl.store.importFile(
            at: Fixtures.write(
                """
                {"id":"p1","title":"Report from Peking","date":"1956-09-01","summary":"Talks in Peking."}
                {"id":"p2","title":"Beijing talks","date":"1956-09-02","summary":"Talks in Beijing."}
                """, named: "cities.jsonl"))
        #expect(try await repl.json("search Peking")["total"] == 1)
        let added = await repl.run("alias add Peking Beijing Peiping")
        #expect(added.output == "'Peking' is also searched as 'Beijing', 'Peiping'.\n")
        let search = try await repl.json("search Peking")
        #expect(search["total"] == 2)
        let why = await repl.run("search Peking --why")
        #expect(why.output.contains("Matched 'Peking' ~ 'Beijing': alias."))
        // A variant already given is not added twice, whatever its case or accents.
        #expect(try await repl.json("alias add Peking beijing")["added"] == 0)
        #expect(await repl.run("alias list").output == "Peking: Beijing; Peiping\n")
        #expect(await repl.run("alias rm Peking Peiping").output == "Removed 1 alias of 'Peking'.\n")
        #expect(await repl.run("alias rm Beijing").output == "Removed 1 alias of 'Beijing'.\n")
        #expect(try await repl.json("search Peking")["total"] == 1)
        let unknown = await repl.run("alias rm Nanking")
        #expect(!unknown.succeeded)
        #expect(unknown.messages == "There is no alias for 'Nanking'. 'alias list' shows them.\n")
    }

    @Test func aliasesJoinPeopleInFacetsNamesAndRelated() async throws {
        let repl = try await ScriptedREPL()
        _ = try repl.store.importFile(
            at: Fixtures.write(
                """
                {"id":"c1","title":"Chiang Kai-shek on Korea","date":"1950-07-01","people":["Chiang Kai-shek"],"summary":"Chiang Kai-shek offers troops for Korea."}
                {"id":"c2","title":"Jiang Jieshi and Korea","date":"1950-07-03","people":["Jiang Jieshi"],"summary":"Jiang Jieshi offers troops for Korea."}
                """, named: "chiang.jsonl"))
        _ = await repl.run("alias add \"Chiang Kai-shek\" \"Jiang Jieshi\"")
        let facets = try await repl.json("facets troops")
        #expect(facets["person"]?["values"] == [["value": "Chiang Kai-shek", "count": 2, "variants": ["Jiang Jieshi"]]])
        let names = try await repl.json("names troops")
        #expect(
            names["people"] == [
                [
                    "name": "Chiang Kai-shek", "documents": 2,
                    "spellings": [
                        ["spelling": "Chiang Kai-shek", "documents": 1], ["spelling": "Jiang Jieshi", "documents": 1],
                    ],
                ]
            ])
        _ = await repl.run("search Chiang Kai-shek --exact --limit 1")
        let related = await repl.run("related 1").output.replacingOccurrences(of: "\n", with: " ")
        #expect(related.contains("Jiang Jieshi and Korea"))
        #expect(related.contains("names Chiang Kai-shek (as Jiang Jieshi)"))
    }

    @Test func importReadsTheVariantFileAndExportWritesItBack() async throws {
        let repl = try await ScriptedREPL()
        let file = Fixtures.write(
            """
            # names\tand their other spellings
            Chiang Kai-shek\tJiang Jieshi
            Kim Il Sung\tKim Il-sung\tKim Ir Sen\t김일성

            """, named: "variants.tsv")
        let imported = await repl.run("alias import \(file.path)")
        #expect(imported.output == "Read 2 names from '\(file.path)': 3 new aliases.\n")
        let out = file.deletingLastPathComponent().appendingPathComponent("out.tsv")
        #expect(await repl.run("alias export --out \(out.path)").succeeded)
        #expect(try String(contentsOf: out, encoding: .utf8) == "Chiang Kai-shek\tJiang Jieshi\nKim Il Sung\tKim Ir Sen\t김일성\n")
        // Kim Ir Sen is a Russian spelling no rule derives: the alias finds Kim Il Sung.
        #expect(try await repl.json("search Kim Ir Sen")["total"] == 6)
    }

    @Test func aMalformedFileChangesNothing() async throws {
        let repl = try await ScriptedREPL()
        let file = Fixtures.write("Peking\tBeijing\nNanking\n", named: "bad.tsv")
        let outcome = await repl.run("alias import \(file.path)")
        #expect(!outcome.succeeded)
        #expect(
            outcome.messages
                == "\(file.path):2: 'Nanking' has no other spelling: put them after the name, separated by tabs. No aliases were imported.\n"
        )
        #expect(try await repl.json("alias list")["aliases"] == .array([]))
        let missing = await repl.run("alias import /nonexistent/aliases.tsv")
        #expect(missing.messages == "Cannot read '/nonexistent/aliases.tsv': there is no such file.\n")
        let empty = await repl.run("alias add Peking")
        #expect(!empty.succeeded)
        #expect(empty.messages.hasPrefix("Give 'Peking' one or more other names, e.g. alias add Peking Beijing."))
    }
}
