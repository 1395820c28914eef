import CSL
import Foundation

/// The outcome of running one fixture.
public enum FixtureOutcome: Sendable {
    case passed
    case failed(expected: String, actual: String)
    case errored(String)

    /// Whether the fixture passed.
    public var isPassed: Bool { if case .passed = self { return true } else { return false } }
}

/// Runs fixtures against the CSL processor.
public struct FixtureRunner: Sendable {
    let locales: CSLLocaleStore

    /// A runner using locale files from `localesFolder` (the bundled ones when nil).
    public init(localesFolder: URL? = nil) {
        locales = localesFolder.map { CSLLocaleStore(folder: $0) } ?? .bundled
    }

    /// Runs one fixture and compares with its RESULT.
    public func run(_ fixture: Fixture) -> FixtureOutcome {
        guard let mode = fixture.sections["MODE"]?.trimmingCharacters(in: .whitespacesAndNewlines),
            let csl = fixture.sections["CSL"], let expectedRaw = fixture.sections["RESULT"]
        else {
            return .errored("fixture lacks MODE, CSL or RESULT")
        }
        do {
            let style = try CSLStyle(data: Data(csl.utf8), name: fixture.name + ".csl")
            let items = try CSLItem.decodeList(from: Data((fixture.sections["INPUT"] ?? "[]").utf8))
            let clusters = try makeClusters(fixture, items: items)
            let processor = CSLProcessor(style: style, locales: locales, items: items, format: .html)
            switch mode {
            case "citation":
                let rendered = try processor.citations(for: clusters)
                let expectedLines = expectedRaw.trimmingCharacters(in: .newlines)
                    .split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                        var l = String(line)
                        if l.hasPrefix(">>[") || l.hasPrefix("..["), let close = l.firstIndex(of: "]") {
                            l = String(l[l.index(after: close)...])
                        }
                        return Normalizer.normalize(l)
                    }
                let expected = expectedLines.joined(separator: "\n")
                let actual = rendered.map(Normalizer.normalize).joined(separator: "\n")
                return expected == actual ? .passed : .failed(expected: expected, actual: actual)
            case "bibliography":
                if fixture.sections["CITATION-ITEMS"] != nil || fixture.sections["CITATIONS"] != nil {
                    _ = try processor.citations(for: clusters)
                }
                let expected = Normalizer.bibliographyEntries(expectedRaw)
                let actual = try processor.bibliography().map(Normalizer.normalize)
                return expected == actual
                    ? .passed
                    : .failed(expected: expected.joined(separator: "\n"), actual: actual.joined(separator: "\n"))
            default:
                return .errored("unsupported mode \(mode)")
            }
        } catch let e as CSLError {
            return .errored(e.description)
        } catch {
            return .errored(String(describing: error))
        }
    }

    private func makeClusters(_ fixture: Fixture, items: [CSLItem]) throws -> [CSLCluster] {
        if let raw = fixture.sections["CITATIONS"] {
            let data = Data(raw.utf8)
            guard let calls = try JSONSerialization.jsonObject(with: data) as? [[Any]] else {
                throw CSLError.invalidItems(reason: "CITATIONS is not an array of calls")
            }
            var byID: [String: CSLCluster] = [:]
            var lastOrder: [(String, Int?)] = []
            for call in calls {
                guard let first = call.first else { continue }
                let clusterData = try JSONSerialization.data(withJSONObject: first)
                let cluster = try JSONDecoder().decode(CSLCluster.self, from: clusterData)
                byID[cluster.id] = cluster
                func pairs(_ any: Any?) -> [(String, Int?)] {
                    (any as? [[Any]] ?? []).compactMap { p in
                        guard let id = p.first as? String else { return nil }
                        return (id, p.count > 1 ? (p[1] as? Int) : nil)
                    }
                }
                lastOrder =
                    pairs(call.count > 1 ? call[1] : nil) + [(cluster.id, cluster.noteIndex)]
                    + pairs(call.count > 2 ? call[2] : nil)
            }
            return lastOrder.compactMap { id, note in
                guard var c = byID[id] else { return nil }
                if let note { c.noteIndex = note }
                return c
            }
        }
        if let raw = fixture.sections["CITATION-ITEMS"] {
            let lists = try JSONDecoder().decode([[CSLCite]].self, from: Data(raw.utf8))
            return lists.enumerated().map { i, cites in CSLCluster(id: "CITATION-\(i + 1)", cites: cites, noteIndex: i + 1) }
        }
        return [CSLCluster(id: "CITATION-1", cites: items.map { CSLCite(id: $0.id) }, noteIndex: 1)]
    }
}
