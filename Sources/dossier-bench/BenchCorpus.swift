import DocumentStore
import DossierProtocol
import Foundation

/// The benchmark's records on disk: JSON Lines for Dossier and CSV for the sqlite3 shell,
/// the same records in the same order.
struct BenchCorpus {
    let jsonl: URL
    let csv: URL
    let records: Int
    let realRecords: Int
    let seed: UInt64
    /// Queries of each class, chosen from the generated words' document frequencies.
    let queries: [(name: String, query: String)]

    /// Generates `records` records with `seed`, mixing in every record of `real` (JSON Lines)
    /// when given, evenly spread.
    static func write(records: Int, seed: UInt64, real: URL?, to folder: URL) throws -> BenchCorpus {
        let realLines: [Substring]
        if let real {
            guard let text = try? String(contentsOf: real, encoding: .utf8) else {
                throw BenchError.setup("Cannot read the real records '\(real.path)'. Give a JSON Lines file with --real.")
            }
            realLines = Array(text.split(separator: "\n").prefix(records))
        } else {
            realLines = []
        }
        let generatedCount = records - realLines.count
        let jsonl = folder.appendingPathComponent("records.jsonl")
        let csv = folder.appendingPathComponent("records.csv")
        _ = FileManager.default.createFile(atPath: jsonl.path, contents: nil)
        _ = FileManager.default.createFile(atPath: csv.path, contents: nil)
        let jsonlHandle = try FileHandle(forWritingTo: jsonl)
        let csvHandle = try FileHandle(forWritingTo: csv)
        defer {
            try? jsonlHandle.close()
            try? csvHandle.close()
        }
        var jsonlBuffer = ""
        var csvBuffer = "id,title,summary,text,date_min,date_max\n"
        func flush(force: Bool = false) {
            if force || jsonlBuffer.utf8.count > 4 << 20 {
                jsonlHandle.write(Data(jsonlBuffer.utf8))
                csvHandle.write(Data(csvBuffer.utf8))
                jsonlBuffer = ""
                csvBuffer = ""
            }
        }
        func csvField(_ text: String?) -> String {
            guard let text else { return "" }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }

        var generator = CorpusGenerator(seed: seed)
        let decoder = JSONDecoder()
        let spacing = realLines.isEmpty ? Int.max : max(1, records / realLines.count)
        var realIndex = 0
        for row in 1...max(records, 1) where records > 0 {
            if realIndex < realLines.count && (row % spacing == 0 || records - row < realLines.count - realIndex) {
                let line = realLines[realIndex]
                realIndex += 1
                let fields = (try? decoder.decode([String: JSONValue].self, from: Data(line.utf8))) ?? [:]
                func text(_ key: String) -> String? {
                    if case .string(let value)? = fields[key], !value.isEmpty { return value }
                    return nil
                }
                let start = (text("date") ?? text("date_iso")).flatMap { try? PartialDate.parse($0) }
                let end = (text("date_end") ?? text("date_end_iso")).flatMap { try? PartialDate.parse($0) } ?? start
                jsonlBuffer += line + "\n"
                csvBuffer +=
                    "\(row),\(csvField(text("title"))),\(csvField(text("summary"))),\(csvField(text("text"))),\(start?.lowerBound ?? ""),\(end?.upperBound ?? "")\n"
            } else {
                let item = generator.next()
                jsonlBuffer += item.json + "\n"
                csvBuffer +=
                    "\(row),\(csvField(item.title)),\(csvField(item.summary)),\(csvField(item.text)),\(item.dateMin ?? ""),\(item.dateMax ?? "")\n"
            }
            flush()
        }
        flush(force: true)
        let corpus = BenchCorpus(
            jsonl: jsonl, csv: csv, records: records, realRecords: realLines.count, seed: seed,
            queries: chooseQueries(generator, generated: generatedCount))
        try corpus.manifest.serialized(pretty: true).write(
            to: folder.appendingPathComponent(manifestName), atomically: true, encoding: .utf8)
        return corpus
    }

    static let manifestName = "corpus.json"

    /// What `--reuse` needs to measure again without generating: the counts and queries.
    var manifest: JSONValue {
        [
            "records": .number(Double(records)), "real_records": .number(Double(realRecords)),
            "seed": .number(Double(seed)),
            "queries": .array(queries.map { [.string($0.name), .string($0.query)] }),
        ]
    }

    /// The corpus an earlier run wrote to `folder`.
    static func load(from folder: URL) throws -> BenchCorpus {
        let file = folder.appendingPathComponent(manifestName)
        guard let data = try? Data(contentsOf: file),
            let manifest = try? JSONDecoder().decode(JSONValue.self, from: data),
            case .number(let records)? = manifest["records"], case .number(let real)? = manifest["real_records"],
            case .array(let pairs)? = manifest["queries"], case .number(let seed)? = manifest["seed"]
        else {
            throw BenchError.setup(
                "'\(file.path)' is missing or damaged: run once without --reuse, with --work \(folder.path), to make it.")
        }
        let queries = pairs.compactMap { pair -> (String, String)? in
            guard case .array(let items) = pair, items.count == 2, case .string(let name) = items[0],
                case .string(let query) = items[1]
            else { return nil }
            return (name, query)
        }
        return BenchCorpus(
            jsonl: folder.appendingPathComponent("records.jsonl"), csv: folder.appendingPathComponent("records.csv"),
            records: Int(records), realRecords: Int(real), seed: UInt64(seed), queries: queries)
    }

    /// One query per class, picked by how many generated documents use each word.
    private static func chooseQueries(_ generator: CorpusGenerator, generated: Int) -> [(String, String)] {
        let frequency = generator.documentFrequency
        let words = generator.vocabulary
        let headCount = CorpusGenerator.head.count
        func word(near target: Double, from: Int = 0) -> String {
            var best = from
            for rank in from..<frequency.count where frequency[rank] > 0 {
                if abs(Double(frequency[rank]) - target) < abs(Double(frequency[best]) - target) { best = rank }
            }
            return words[best]
        }
        let n = Double(max(generated, 1))
        let rare = word(near: 8, from: 1_000)
        let common = word(near: max(n * 0.03, 1), from: headCount)
        let prefixWord = word(near: max(n * 0.003, 1), from: headCount)
        let titled = word(near: max(n * 0.01, 1), from: headCount)
        return [
            ("rare term", rare),
            ("common term", common),
            ("prefix", String(prefixWord.prefix(4)) + "*"),
            ("phrase", "\"August Plenum\""),
            ("field-scoped", "title:\(titled)"),
            ("date-filtered", "\(common) year:1956"),
        ]
    }
}
