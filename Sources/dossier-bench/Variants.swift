import DocumentStore
import Foundation
import REPLCore

extension Bench {
    /// Name searches in a spelling other than the one most records use: how long they take
    /// with variants and with `--exact` (which is what stock FTS5 finds), and how many of
    /// the records that name the person each finds.
    struct VariantFigure {
        var person: String
        var query: String
        /// Records whose people field names the person in any spelling.
        var naming: Int
        var variantHits: Int
        var exactHits: Int
        /// Of `naming`, found with variants and as typed.
        var variantRecall: Double
        var exactRecall: Double
        /// Of the first ten results with variants, how many name the person.
        var precisionAt10: Double
        var variantMS: Figure
        var exactMS: Figure
    }

    /// One Korean, one Chinese and one Russian person of the generated names, each searched
    /// in the spelling of another system than the first (McCune–Reischauer, Wade–Giles,
    /// German).
    static func variantPeople() -> [[String]] {
        let people = NameLists.people()
        let korean = people.filter { $0.first?.contains("-") == true && $0.count >= 3 }
        let chinese = people.filter { $0.count == 3 && !$0[0].contains("-") && $0[1].contains("-") }
        let russian = people.filter { $0.count >= 3 && !$0[0].contains(" ") }
        return [
            korean[korean.count / 3], chinese[chinese.count / 2], russian.first { $0[0].hasPrefix("Khrushch") } ?? russian[0],
        ]
    }

    func measureVariants(_ corpus: BenchCorpus, store: DocumentStore, interpreter: Interpreter, sink: CapturingSink) async throws
        -> [VariantFigure]
    {
        var figures: [VariantFigure] = []
        for spellings in Self.variantPeople() {
            let query = spellings[1]
            // Which records name the person: their people field holds one of the spellings.
            let marks = Set(spellings.map { "\"\($0)\"" })
            var naming = Set<String>()
            try Self.forEachLine(of: corpus.jsonl) { line in
                guard let peopleStart = line.range(of: "\"people\":") else { return }
                let people = line[peopleStart.upperBound...]
                guard marks.contains(where: { people.contains($0) }),
                    let idStart = line.range(of: "\"id\": \"") ?? line.range(of: "\"id\":\"")
                else { return }
                let rest = line[idStart.upperBound...]
                naming.insert(String(rest[..<(rest.firstIndex(of: "\"") ?? rest.endIndex)]))
            }
            let variant = try store.query(query)
            let exact = try store.query(query, exact: true)
            let variantPage = try store.search(variant, limit: max(naming.count * 2, 10))
            let exactPage = try store.search(exact, limit: max(naming.count * 2, 10))
            let variantIDs = Set(variantPage.hits.map(\.record.id))
            let exactIDs = Set(exactPage.hits.map(\.record.id))
            let first10 = variantPage.hits.prefix(10)
            let precise = first10.filter { hit in
                hit.record.people.contains { spellings.contains($0) } || naming.contains(hit.record.id)
            }.count
            func time(_ line: String) async throws -> Figure {
                _ = await interpreter.execute(line)
                var samples: [Double] = []
                for _ in 0..<runs {
                    sink.clear()
                    let start = DispatchTime.now().uptimeNanoseconds
                    guard await interpreter.execute(line) else { throw BenchError.setup("'\(line)' failed: \(sink.messageText)") }
                    samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                }
                return Figure(samples)
            }
            let figure = VariantFigure(
                person: spellings[0], query: query, naming: naming.count,
                variantHits: variantPage.total, exactHits: exactPage.total,
                variantRecall: Double(naming.intersection(variantIDs).count) / Double(max(naming.count, 1)),
                exactRecall: Double(naming.intersection(exactIDs).count) / Double(max(naming.count, 1)),
                precisionAt10: Double(precise) / Double(max(first10.count, 1)),
                variantMS: try await time("search \(query)"), exactMS: try await time("search \(query) --exact"))
            note(
                "Variants '\(query)' (\(spellings[0])): \(naming.count.grouped) records name him; variants find \(figure.variantHits.grouped) (recall \(format(figure.variantRecall, 3))) in \(figure.variantMS.text(digits: 2)) ms, --exact \(figure.exactHits.grouped) (recall \(format(figure.exactRecall, 3))) in \(figure.exactMS.text(digits: 2)) ms"
            )
            figures.append(figure)
        }
        return figures
    }

    /// Calls `body` with each line of a file, without reading it all into memory.
    static func forEachLine(of url: URL, _ body: (Substring) throws -> Void) throws {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var pending = Data()
        while true {
            let chunk = handle.readData(ofLength: 8 << 20)
            if chunk.isEmpty { break }
            pending.append(chunk)
            guard let last = pending.lastIndex(of: UInt8(ascii: "\n")) else { continue }
            let text = String(decoding: pending[pending.startIndex...last], as: UTF8.self)
            for line in text.split(separator: "\n") { try body(line) }
            pending = Data(pending[(last + 1)...])
        }
        if !pending.isEmpty { try body(Substring(String(decoding: pending, as: UTF8.self))) }
    }
}
