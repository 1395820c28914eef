import DocumentStore
import Foundation
import REPLCore
import TestSupport
import Testing

@Suite struct RelatedTests {
    @Test func theDocumentsOfThePlenumAreMostLikeMikoyansTelegram() async throws {
        let repl = try await ScriptedREPL()
        _ = await repl.run("search Mikoyan")
        let outcome = await repl.run("related 1 --limit 2")
        #expect(outcome.succeeded)
        #expect(
            outcome.output.hasPrefix(
                "Documents most like wca-2a20b1851ab2, “Telegram from A. Mikoyan to the CPSU\nCentral Committee”:\n"))
        let json = try await repl.json("related wca-2a20b1851ab2 --limit 2")
        guard case .array(let results)? = json["results"] else {
            Issue.record("no results")
            return
        }
        // The meeting of 20 September and the plenum of 23 September, both naming Mikoyan.
        #expect(Set(results.compactMap { $0["date"] }) == ["1956-09-20", "1956-09-23"])
        for result in results {
            guard case .string(let why)? = result["why"] else {
                Issue.record("no reason")
                continue
            }
            #expect(why.hasPrefix("names Mikoyan; shares "))
            #expect(!why.contains("mikoyan"))
            #expect(why.hasSuffix("2 days earlier") || why.hasSuffix("1 day later"))
        }
        // The document itself is never its own relation.
        #expect(!results.contains { $0["id"] == "wca-2a20b1851ab2" })
        // A later 'show 1' opens the first related document.
        #expect(repl.context.lastResults?.count == 2)
    }

    @Test func aDocumentSharingNothingSaysSo() async throws {
        let repl = try await ScriptedREPL()
        let file = Fixtures.write(
            """
            {"id": "lone-1", "title": "zyxwv qwrtp", "date": "1960"}
            """, named: "lone.jsonl")
        _ = try repl.store.importFile(at: file)
        let outcome = await repl.run("related lone-1")
        #expect(outcome.output.hasPrefix("Documents most like lone-1, “zyxwv qwrtp”: none — it has no words or names"))
        let unknown = await repl.run("related nosuch-id")
        #expect(!unknown.succeeded && unknown.messages.contains("nosuch-id"))
    }
}
