import DossierProtocol
import Foundation
import PluginHost
import REPLCore
import TestSupport
import Testing

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
            let repl = try await ScriptedREPL(
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

/// The README's command table is made from `help --json`, so that it lists every command
/// with the usage its help gives. `DOSSIER_UPDATE_README=1 swift test --filter
/// theCommandTableIsHelpsOwn` writes it anew after a command changes.
@Suite struct ReadmeCommandTableTests {
    static let start = "<!-- The table below is made from 'help --json'; Tests/dossierTests/ReadmeTests.swift checks it. -->"
    static let end = "<!-- end of the command table -->"

    /// The table for the commands `help --json` lists: a row for each command, or for each
    /// subcommand of a command that has them.
    static func table(from help: JSONValue) -> String {
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        var lines = ["| command | what it does |", "|---|---|"]
        for module in help["modules"]?.array ?? [] {
            let commands = module["commands"]?.array ?? []
            guard !commands.isEmpty else { continue }
            let name = module["name"]?.string ?? ""
            lines.append("| **\(cell(name.hasPrefix("Plugin: ") ? name + " (example plugin)" : name))** | |")
            for command in commands {
                let rows = command["subcommands"]?.array ?? [command]
                for row in rows {
                    var about = row["abstract"]?.string ?? ""
                    if let group = command["default_subcommand"]?.string, row["name"]?.string?.hasSuffix(" " + group) == true {
                        about += " (also `\(command["name"]?.string ?? "")` alone)"
                    }
                    lines.append("| `\(cell(row["usage"]?.string ?? ""))` | \(cell(about)) |")
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    @Test func theCommandTableIsHelpsOwn() async throws {
        let repl = try await ScriptedREPL(pluginFolders: [PluginFolder(url: Fixtures.buildFolder, kind: .dossier)])
        let table = Self.table(from: try await repl.json("help"))
        let url = Fixtures.packageRoot.appendingPathComponent("README.md")
        let readme = try String(contentsOf: url, encoding: .utf8)
        let startRange = try #require(readme.range(of: Self.start + "\n"), "README.md has no command table marker")
        let endRange = try #require(readme.range(of: "\n" + Self.end, range: startRange.upperBound..<readme.endIndex))
        let current = String(readme[startRange.upperBound..<endRange.lowerBound])
        if current != table, ProcessInfo.processInfo.environment["DOSSIER_UPDATE_README"] == "1" {
            try (String(readme[..<startRange.upperBound]) + table + String(readme[endRange.lowerBound...]))
                .write(to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(
            current == table,
            "The README's command table differs from 'help --json'; DOSSIER_UPDATE_README=1 swift test --filter theCommandTableIsHelpsOwn writes it anew."
        )
        // Every command is in it, whatever commands are added later.
        for module in try await repl.json("help")["modules"]?.array ?? [] {
            for command in module["commands"]?.array ?? [] {
                #expect(current.contains("| `" + (command["name"]?.string ?? "?")), "\(command)")
            }
        }
    }
}

/// The other examples and descriptions a newcomer reads.
@Suite struct DocumentationTests {
    static func read(_ name: String) throws -> String {
        try String(contentsOf: Fixtures.packageRoot.appendingPathComponent(name), encoding: .utf8)
    }

    /// The README's example `~/.dossierrc` runs without an error.
    @Test func theReadmesRcFileExampleRuns() async throws {
        let readme = try Self.read("README.md")
        let start = try #require(readme.range(of: "For example, `~/.dossierrc`:\n\n```\n"))
        let end = try #require(readme.range(of: "\n```", range: start.upperBound..<readme.endIndex))
        let file = Fixtures.temporaryFolder("dossier-rc-example").appendingPathComponent(".dossierrc")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        try String(readme[start.upperBound..<end.lowerBound]).write(to: file, atomically: true, encoding: .utf8)
        let repl = try await ScriptedREPL()
        #expect(await repl.interpreter.runStartupFile(file, shownAs: "~/.dossierrc") == 0)
        #expect(repl.context.settings["limit"] == "10" && repl.context.settings["style"] == "chicago-short")
    }

    /// ARCHITECTURE.md names every target Package.swift declares (test targets aside).
    @Test func theArchitectureNamesEveryTarget() throws {
        let manifest = try Self.read("Package.swift")
        let architecture = try Self.read("ARCHITECTURE.md")
        let declared = manifest.matches(of: /\.(?:target|executableTarget|systemLibrary)\(\s*name: "([^"]+)"/).map {
            String($0.1)
        }
        #expect(declared.count >= 15)
        for name in declared {
            #expect(architecture.contains("`\(name)`"), "ARCHITECTURE.md does not name the target \(name)")
        }
    }
}
