import Foundation
import REPLCore
import TestSupport
import Testing

/// Plugins/PROTOCOL.md is what a plugin's author reads: its whole example plugin, in
/// Python, must work as written.
@Suite struct ProtocolDocumentTests {
    static let document = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Plugins/PROTOCOL.md")

    /// The first fenced block of `language` in the document.
    static func block(_ language: String) throws -> String {
        let text = try String(contentsOf: document, encoding: .utf8)
        let start = try #require(text.range(of: "```\(language)\n"))
        let end = try #require(text.range(of: "\n```", range: start.upperBound..<text.endIndex))
        return String(text[start.upperBound..<end.lowerBound]) + "\n"
    }

    static var hasPython: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/python3") }
    }

    @Test(.enabled(if: hasPython || Fixtures.inCI, "python3 is not installed (CI has it)")) func thePythonExampleWorksAsWritten()
        async throws
    {
        let (workspace, _) = try Fixtures.sampleWorkspace()
        try FileManager.default.createDirectory(at: workspace.pluginsFolder, withIntermediateDirectories: true)
        let plugin = workspace.pluginsFolder.appendingPathComponent("dossier-plugin-titles")
        try Fixtures.writeExecutable(try Self.block("python"), to: plugin)
        let repl = try await ScriptedREPL(workspace: workspace)
        #expect(repl.pluginMessages.isEmpty, "\(repl.pluginMessages)")
        let outcome = await repl.run("titles Mikoyan --limit 2")
        #expect(outcome.succeeded, "\(outcome.messages)")
        #expect(outcome.output.hasPrefix("Date        Title\n1956-09-"))
        #expect(outcome.output.contains("3 documents match.\n\n1.  1956-09-"))
        // Its listing is numbered like a search's.
        #expect(await repl.run("show 1").output.contains("Mikoyan"))
        let bad = await repl.run("titles Mikoyan --limit lots")
        #expect(bad.messages.hasPrefix("titles: invalid literal for int()"))
        #expect(await repl.run("help titles").output.contains("EXAMPLES:\n  titles plenum\n  titles Mikoyan --limit 3"))
    }
}
