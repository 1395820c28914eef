import DocumentStore
import Foundation
import REPLCore
import TestSupport
import Testing

/// `edit`: a field corrected by hand, as a version of the record that imports respect.
@Suite struct EditTests {
    let id = "wca-2a20b1851ab2"

    @Test func aCorrectionIsAVersionThatCitationsUseAndRevertUndoes() async throws {
        let repl = try await ScriptedREPL(style: TextStyle(width: 400))
        let set = await repl.run("edit \(id) author \"Mikoyan, A. I.\"")
        #expect(set.output == "Set the author of \(id) to Mikoyan, A. I., as version 2; 'revert \(id)@1' undoes it.\n")
        #expect(await repl.run("edit \(id) recipient CPSU Central Committee").succeeded)
        let record = try #require(try repl.store.record(id: id))
        #expect(record.author == [PersonName(family: "Mikoyan", given: "A. I.")])
        #expect(record.recipient == [PersonName(literal: "CPSU Central Committee")])
        // The bibliography inverts the name it now has.
        #expect(await repl.run("cite \(id) --style chicago-bib").output.hasPrefix("Mikoyan, A. I. “Telegram from A. Mikoyan"))

        let history = try await repl.json("show \(id) --history")
        let versions = try #require(history["versions"]?.array)
        #expect(versions.map { $0["action"] } == ["import", "edit", "edit"])
        #expect(versions[1]["changed"] == ["author"])
        #expect(await repl.run("show \(id) --history").output.contains("edited by hand"))

        // Setting a value the field has is no version.
        #expect(await repl.run("edit \(id) recipient CPSU Central Committee").output.contains("nothing was changed"))
        #expect(try repl.store.history(id: id).count == 3)
        #expect(await repl.run("revert \(id)@1").succeeded)
        #expect(try repl.store.record(id: id)?.author == [])
        let json = try await repl.json("edit \(id) page 12-14")
        #expect(json["value"] == "12-14" && json["version"]?["action"] == "edit")
        #expect(await repl.run("edit \(id) page --clear").succeeded)
        #expect(try repl.store.record(id: id)?.page == nil)
    }

    @Test(arguments: [
        ("edit wca-2a20b1851ab2 date 1956-13-01", "Cannot set 'date': '1956-13-01' is not a date: there is no month 13."),
        ("edit wca-2a20b1851ab2 autor X", "there is no such field (did you mean 'author'?)"),
        ("edit wca-2a20b1851ab2 type telegram", "'telegram' is not a CSL item type; use one of manuscript, letter"),
        ("edit wca-2a20b1851ab2 title --clear", "a document keeps a title"),
        ("edit wca-2a20b1851ab2 date_end 1950", "date_end '1950' would be before date '1956-09-22'"),
        ("edit wca-2a20b1851ab2 page", "Give the new value of 'page' after it, or --clear to empty it."),
        ("edit wca-nosuch type letter", "No document has the id 'wca-nosuch'"),
    ])
    func aValueTheFieldCannotHoldIsRefusedAndChangesNothing(line: String, said: String) async throws {
        let repl = try await ScriptedREPL()
        let before = try StoreContent(repl.store)
        let outcome = await repl.run(line)
        #expect(!outcome.succeeded)
        #expect(outcome.messages.contains(said), "\(outcome.messages)")
        #expect(try StoreContent(repl.store) == before)
    }

    @Test func anImportKeepsACorrectionAndSaysSoAndReplaceTakesTheFilesValue() async throws {
        let repl = try await ScriptedREPL(style: TextStyle(width: 400))
        #expect(await repl.run("edit \(id) translator \"Goldberg, Gary\"").succeeded)
        let file = Fixtures.write(
            #"{"id": "\#(id)", "translator": "G. Goldberg", "text": "The telegram in full."}"# + "\n", named: "again.jsonl")
        let merged = await repl.run("import \(file.path)")
        #expect(merged.succeeded)
        #expect(merged.output.contains("record '\(id)': kept your correction of 'translator'; the file has another value."))
        let record = try #require(try repl.store.record(id: id))
        #expect(record.translator == [PersonName(family: "Goldberg", given: "Gary")])
        // The rest of the file's record came in.
        #expect(record.text == "The telegram in full.")
        // Importing it again changes nothing and still says so.
        #expect(await repl.run("import \(file.path)").output.contains("kept your correction of 'translator'"))

        let replaced = await repl.run("import \(file.path) --replace")
        #expect(replaced.output.contains("the file's 'translator' replaced what you had corrected by hand"))
        #expect(try repl.store.record(id: id)?.translator == [PersonName(literal: "G. Goldberg")])
        // A correction that an import has since replaced is no longer protected.
        let other = Fixtures.write(#"{"id": "\#(id)", "translator": "Gary Goldberg"}"# + "\n", named: "third.jsonl")
        let third = await repl.run("import \(other.path)")
        #expect(!third.output.contains("correction"))
        #expect(try repl.store.record(id: id)?.translator == [PersonName(literal: "Gary Goldberg")])
    }
}
