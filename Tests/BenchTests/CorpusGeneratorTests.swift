import DocumentStore
import DossierProtocol
import Foundation
import ProcessDriver
import Testing

@testable import dossier_bench

@Suite struct CorpusGeneratorTests {
    private func fields(_ item: CorpusGenerator.Item) throws -> [String: JSONValue] {
        guard case .object(let object) = try JSONDecoder().decode(JSONValue.self, from: Data(item.json.utf8)) else {
            throw BenchError.setup("not an object")
        }
        return object
    }

    @Test func theSameSeedGivesTheSameRecords() {
        var a = CorpusGenerator(seed: 7)
        var b = CorpusGenerator(seed: 7)
        var c = CorpusGenerator(seed: 8)
        let first = (0..<50).map { _ in a.next().json }
        #expect(first == (0..<50).map { _ in b.next().json })
        #expect(first != (0..<50).map { _ in c.next().json })
    }

    @Test func recordsHaveTheShapeOfArchiveRecords() throws {
        var generator = CorpusGenerator(seed: 1956)
        var undated = 0
        var partial = 0
        var withText = 0
        for _ in 0..<2_000 {
            let item = generator.next()
            let object = try fields(item)
            let titleWords = item.title.split(separator: " ").count
            #expect(titleWords >= 6 && titleWords <= 26)  // names add a word or two
            let summaryWords = item.summary.split(separator: " ").count
            #expect(summaryWords >= 30 && summaryWords <= 135)
            if !item.text.isEmpty { withText += 1 }
            switch object["date"] {
            case .string(let iso)?:
                let date = try #require(try PartialDate.parse(iso))
                #expect((1900...1999).contains(date.year))
                if date.day == nil { partial += 1 }
            default:
                undated += 1
            }
        }
        #expect(undated > 0 && partial > 0 && withText > 0 && withText < 2_000)
    }

    @Test func peopleComeInSeveralSpellings() {
        let people = NameLists.people()
        #expect(people.count >= 500)
        #expect(people.allSatisfy { $0.count >= 3 && Set($0).count == $0.count })
        #expect(people.contains { $0.contains("Choe Cheol-yeong") || $0.first?.hasPrefix("Choe") == true })
    }

    @Test func theVocabularyIsLargeAndZipfian() {
        var generator = CorpusGenerator(seed: 1)
        #expect(Set(generator.vocabulary).count >= 50_000)
        for _ in 0..<3_000 { _ = generator.next() }
        let frequency = generator.documentFrequency
        // The most frequent words are in nearly every record; words far down are rare.
        #expect(frequency[0] > 2_500)
        #expect(frequency[100] < frequency[10])
        #expect(frequency[10_000] < 20)
    }

    @Test func queriesAreChosenForEveryClass() throws {
        let folder = TemporaryFolders.make("bench")
        let corpus = try BenchCorpus.write(records: 2_000, seed: 3, real: nil, to: folder)
        #expect(corpus.queries.map(\.name) == ["rare term", "common term", "prefix", "phrase", "field-scoped", "date-filtered"])
        for (_, query) in corpus.queries { _ = try SearchQuery.parse(query) }
        let csvLines = try String(contentsOf: corpus.csv, encoding: .utf8).split(separator: "\n").count
        let jsonLines = try String(contentsOf: corpus.jsonl, encoding: .utf8).split(separator: "\n").count
        #expect(jsonLines == 2_000)
        #expect(csvLines == 2_001)  // with its header; no generated field holds a line break
        // --reuse reads back what the run chose.
        let reused = try BenchCorpus.load(from: folder)
        #expect(reused.queries.map(\.query) == corpus.queries.map(\.query))
        #expect(reused.records == 2_000 && reused.seed == 3)
        try FileManager.default.removeItem(at: folder.appendingPathComponent(BenchCorpus.manifestName))
        #expect(throws: BenchError.self) { try BenchCorpus.load(from: folder) }
    }

    @Test func figuresAreMediansWithTheirSpread() {
        let figure = Figure([5, 1, 3, 9, 4])
        #expect(figure.median == 4)
        #expect(figure.low == 1 && figure.high == 9)
        #expect(Figure([1, 2, 3, 10]).median == 2.5)
        #expect(figure.json["runs"] == 5)
    }
}
