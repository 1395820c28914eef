import ArgumentParser
import CSLTestSuite
import Foundation

/// `dossier-bench csl PATH`: runs every CSL test-suite fixture under PATH through the CSL
/// processor and prints how many pass, fail and end in an error, with the failures by
/// category (the fixture name's first word).
struct CSLBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csl",
        abstract: "Run the CSL processor test suite's fixtures and print passed / failed / errored, by category.",
        discussion: """
            PATH is a folder of fixtures (the suite's processor-tests/humans) or one fixture. \
            Outputs are compared after the suite's own normalisation: entities canonicalised, \
            surrounding whitespace trimmed, a bibliography entry by entry.
            """)

    @Argument(help: ArgumentHelp("The fixtures' folder, e.g. Tests/CSLTests/Fixtures.", valueName: "path"))
    var path: String

    @Option(help: ArgumentHelp("Write the names of the passing fixtures to this file.", valueName: "file"))
    var listPassing: String?

    @Option(help: ArgumentHelp("Print expected and actual output for this fixture; repeat for more.", valueName: "name"))
    var show: [String] = []

    func validate() throws {
        var folder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &folder), folder.boolValue else {
            throw ValidationError("'\(path)' is not a folder of CSL fixtures. Give the suite's processor-tests/humans folder.")
        }
    }

    func run() throws {
        let started = ContinuousClock.now
        let report = try SuiteReport.run(folder: URL(fileURLWithPath: path, isDirectory: true))
        print(report.summary())
        print("Ran in \(started.duration(to: .now).formatted(.units(allowed: [.seconds, .milliseconds], width: .narrow))).")
        for (name, outcome) in report.outcomes where show.contains(name) {
            switch outcome {
            case .passed: print("== \(name): passed")
            case .failed(let expected, let actual): print("== \(name)\n-- expected:\n\(expected)\n-- actual:\n\(actual)")
            case .errored(let message): print("== \(name): error: \(message)")
            }
        }
        if let listPassing {
            try (report.passing.joined(separator: "\n") + "\n").write(toFile: listPassing, atomically: true, encoding: .utf8)
        }
    }
}
