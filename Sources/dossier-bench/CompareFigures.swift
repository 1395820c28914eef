import BuiltinCommands
import DocumentStore
import Foundation
import REPLCore
import SessionStore

extension Bench {
    /// `compare` of two documents, and of two query sets of up to 10,000 documents each,
    /// rendered in full as at the prompt.
    struct CompareFigures {
        var documentsMS: Figure
        var setsMS: Figure
        var setQueries: (String, String)
        var setSizes: (Int, Int)
    }

    func measureCompare(_ corpus: BenchCorpus, workspace: Workspace, store: DocumentStore) async throws -> CompareFigures {
        let context = CommandContext(
            workspace: workspace, store: store, registry: CommandRegistry(modules: BuiltinCommands.modules),
            isInteractive: false, style: .plain)
        let sink = CapturingSink()
        let interpreter = Interpreter(context: context, sink: sink)
        // The two sets: the two queries of the corpus with the most hits.
        var sized: [(String, Int)] = []
        for (_, query) in corpus.queries {
            sized.append((query, try store.search(try store.query(query), limit: 1).total))
        }
        sized.sort { $0.1 > $1.1 }
        guard sized.count >= 2 else { throw BenchError.setup("The corpus has fewer than two queries.") }
        let (first, second) = (sized[0], sized[1])
        let pair = try store.documents(matching: try store.query(first.0), limit: 2).records.map(\.id)
        guard pair.count == 2 else { throw BenchError.setup("'\(first.0)' finds fewer than two documents.") }

        func time(_ line: String) async throws -> [Double] {
            _ = await interpreter.execute(line)
            var samples: [Double] = []
            for _ in 0..<runs {
                sink.clear()
                let start = DispatchTime.now().uptimeNanoseconds
                guard await interpreter.execute(line), !sink.output.isEmpty else {
                    throw BenchError.setup("'\(line)' failed: \(sink.messageText)")
                }
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            return samples
        }
        let documents = Figure(try await time("compare \(pair[0]) \(pair[1])"))
        note("Compare two documents: \(documents.text()) ms")
        func quoted(_ query: String) -> String { query.contains("\"") ? "'\(query)'" : "\"\(query)\"" }
        let sets = Figure(try await time("compare \(quoted(first.0)) vs \(quoted(second.0))"))
        note("Compare '\(first.0)' vs '\(second.0)': \(sets.text()) ms")
        return CompareFigures(
            documentsMS: documents, setsMS: sets, setQueries: (first.0, second.0),
            setSizes: (min(first.1, 10_000), min(second.1, 10_000)))
    }
}
