import DossierProtocol
import Foundation
import SessionStore
import TestSupport
import Testing

@testable import REPLCore

/// `set`: the defaults people change, for the sitting or (`--save`) for the workspace.
@Suite struct SettingsTests {
    @Test func aLimitSetForTheSittingChangesWhatSearchListsUntilItIsReset() async throws {
        let repl = try await ScriptedREPL()
        #expect(try await repl.json("search plenum")["results"]?.array?.count == 3)
        #expect(await repl.run("set limit 2").output == "limit is 2 (for this sitting).\n")
        #expect(try await repl.json("search plenum")["results"]?.array?.count == 2)
        // An option given still wins.
        #expect(try await repl.json("search plenum --limit 1")["results"]?.array?.count == 1)
        let listed = try await repl.json("set limit")
        #expect(listed["settings"]?.array?.first?["source"] == "this sitting")
        #expect(await repl.run("set --reset limit").output == "limit is 20 (the default).\n")
        #expect(try await repl.json("search plenum")["results"]?.array?.count == 3)
        // Nothing of it reached the workspace.
        #expect(!FileManager.default.fileExists(atPath: SavedSettings.file(of: repl.workspace).path))
    }

    @Test func aSavedSettingIsTheWorkspacesAtTheNextStart() async throws {
        let first = try await ScriptedREPL()
        #expect(await first.run("set --save style mla").succeeded)
        let again = try await ScriptedREPL(workspace: first.workspace)
        #expect(try await again.json("set style")["settings"]?.array?.first?["value"] == "mla")
        #expect(try await again.json("cite wca-2a20b1851ab2")["citations"]?.array?.first?["style"] == "mla")
        #expect(await again.run("set --save --reset style").succeeded)
        #expect(try SavedSettings.load(from: again.workspace).values.isEmpty)
    }

    @Test func aWrongNameOrValueIsNamedAndChangesNothing() async throws {
        let repl = try await ScriptedREPL()
        let unknown = await repl.run("set limt 3")
        #expect(!unknown.succeeded)
        #expect(unknown.messages.hasPrefix("There is no setting 'limt'. Did you mean 'limit'?"))
        let wrong = await repl.run("set limit lots")
        #expect(wrong.messages == "'lots' is not a value of the setting 'limit': it takes a whole number from 1 to 1,000.\n")
        #expect(await repl.run("set style harvard").messages.contains("it takes a style 'cite styles' lists"))
        #expect(await repl.run("set --save limit").messages.contains("Give the value to save"))
        #expect(repl.context.settings["limit"] == nil && repl.context.settings["style"] == nil)
    }

    @Test func aSettingsFileThatCannotBeReadIsNamedAndNeverWrittenOver() async throws {
        let (workspace, _) = try Fixtures.sampleWorkspace()
        let file = SavedSettings.file(of: workspace)
        try Data("{\"limit\": 3,".utf8).write(to: file)
        let repl = try await ScriptedREPL(workspace: workspace)
        #expect(repl.context.settingsProblem?.hasPrefix("The settings file \(file.path) is not a JSON object") == true)
        #expect(!(await repl.run("set --save limit 4")).succeeded)
        #expect(try String(contentsOf: file, encoding: .utf8) == "{\"limit\": 3,")
        // The sitting's settings still work.
        #expect(await repl.run("set limit 4").succeeded)
    }

    @Test func colourAndWidthChangeTheLayoutAtOnce() async throws {
        let repl = try await ScriptedREPL()
        #expect(await repl.run("set width 40").succeeded)
        #expect(repl.context.style.width == 40)
        #expect(await repl.run("set color on").succeeded)
        #expect(repl.context.style.color)
        #expect(await repl.run("search plenum").output.contains("\u{1B}["))
        #expect(await repl.run("set --reset color").succeeded)
        #expect(!repl.context.style.color)
    }

    @Test func theSnippetSettingSetsHowManyWordsAResultShows() async throws {
        let repl = try await ScriptedREPL()
        let long = try await repl.json("search plenum")
        #expect(await repl.run("set snippet 6").succeeded)
        let short = try await repl.json("search plenum")
        func words(_ value: JSONValue?) -> Int { (value?["snippet"]?.string ?? "").split(separator: " ").count }
        let first = long["results"]?.array?.first
        let shortFirst = short["results"]?.array?.first
        #expect(words(shortFirst) <= 7 && words(shortFirst) < words(first))
    }
}
