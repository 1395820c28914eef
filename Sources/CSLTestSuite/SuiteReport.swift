import Foundation

/// Results of running a folder of fixtures.
public struct SuiteReport: Sendable {
    /// Fixture name -> outcome.
    public var outcomes: [(name: String, outcome: FixtureOutcome)] = []

    /// Names of passing fixtures, sorted.
    public var passing: [String] { outcomes.filter { $0.outcome.isPassed }.map(\.name).sorted() }

    /// Runs every top-level `*.txt` fixture in `folder`.
    public static func run(folder: URL, runner: FixtureRunner = FixtureRunner()) throws -> SuiteReport {
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        var report = SuiteReport()
        for file in files {
            let fixture = try Fixture(url: file)
            report.outcomes.append((fixture.name, runner.run(fixture)))
        }
        return report
    }

    /// A human-readable summary with failures grouped by category.
    public func summary() -> String {
        let total = outcomes.count
        let passed = outcomes.filter { $0.outcome.isPassed }.count
        let errored = outcomes.filter { if case .errored = $0.outcome { return true } else { return false } }.count
        let failed = total - passed - errored
        let pct = total == 0 ? 0 : Double(passed) * 100 / Double(total)
        var lines = [String(format: "passed %d / failed %d / errored %d of %d (%.1f%%)", passed, failed, errored, total, pct)]
        var byCategory: [String: [String]] = [:]
        for o in outcomes where !o.outcome.isPassed {
            byCategory[String(o.name.split(separator: "_").first ?? ""), default: []].append(o.name)
        }
        for (cat, names) in byCategory.sorted(by: { $0.value.count > $1.value.count }) {
            lines.append("\(cat) (\(names.count)): " + names.joined(separator: " "))
        }
        return lines.joined(separator: "\n")
    }
}
