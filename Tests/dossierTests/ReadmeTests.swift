import Foundation
import PluginHost
import REPLCore
import Testing
import TestSupport

/// The README's tour is real output: each `dossier>` example in it is run, in order, in a
/// fresh sample workspace, and what it prints must be what the README shows. A line `…`
/// ends the part of an output that is compared (the rest varies: timings, paths).
@Suite struct ReadmeTests {
    struct Example {
        var command: String
        var expected: [String]
    }

    static func blocks() throws -> [[Example]] {
        let readme = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        var blocks: [[Example]] = []
        var inBlock = false
        var current: [Example] = []
        for line in readme.components(separatedBy: "\n") {
            if line == "```text" {
                inBlock = true
                current = []
            } else if inBlock && line == "```" {
                inBlock = false
                if !current.isEmpty { blocks.append(current) }
            } else if inBlock {
                if line.hasPrefix("dossier> ") {
                    current.append(Example(command: String(line.dropFirst("dossier> ".count)), expected: []))
                } else if !current.isEmpty {
                    current[current.count - 1].expected.append(line)
                }
            }
        }
        return blocks
    }

    @Test func theReadmeHasATour() throws {
        let examples = try Self.blocks().flatMap { $0 }
        #expect(examples.count >= 10)
        #expect(examples.contains { $0.command == "search Mikoyan" })
    }

    @Test func everyTourExamplePrintsWhatTheReadmeShows() async throws {
        for block in try Self.blocks() {
            // The example plugins are found where `dossier` finds them: beside it.
            let repl = try ScriptedREPL(
                style: TextStyle(width: 80), pluginFolders: [PluginFolder(url: Fixtures.buildFolder, kind: .dossier)])
            for example in block {
                let outcome = await repl.run(example.command)
                let printed = (outcome.output + outcome.messages).components(separatedBy: "\n").dropLast()
                if let cut = example.expected.firstIndex(of: "…") {
                    let shown = Array(example.expected[..<cut])
                    #expect(Array(printed.prefix(shown.count)) == shown, "README example '\(example.command)'")
                } else {
                    #expect(Array(printed) == example.expected, "README example '\(example.command)'")
                }
            }
        }
    }
}
