import DocumentStore
import Foundation
import REPLCore

/// The figures of one benchmark run, as a table for people or one JSON object.
struct Report {
    var records: Int
    var realRecords: Int
    var seed: UInt64
    /// Nil with --reuse, which measures no import.
    var importFigures: Bench.ImportFigures?
    var search: [Bench.SearchFigure]
    var startup: Bench.StartupFigures

    private func ratio(_ a: Figure, _ b: Figure) -> Double { a.median / b.median }

    var json: JSONValue {
        var object: [String: JSONValue] = [
            "records": .number(Double(records)),
            "real_records": .number(Double(realRecords)),
            "seed": .number(Double(seed)),
            "search": .array(search.map { figure in
                [
                    "class": .string(figure.name), "query": .string(figure.query),
                    "hits": .number(Double(figure.hits)),
                    "dossier_ms": figure.dossierMS.json, "sqlite3_ms": figure.sqliteMS.json,
                    "ratio": .number(Figure.round(ratio(figure.dossierMS, figure.sqliteMS))),
                ]
            }),
            "startup": ["prompt_ms": startup.promptMS.json, "first_result_ms": startup.firstResultMS.json],
            "rss_mb": startup.peakRSSMB.json,
        ]
        if let importFigures {
            object["import"] = [
                "dossier_rps": importFigures.dossierRPS.json,
                "sqlite3_rps": importFigures.sqliteRPS.json,
                "ratio": .number(Figure.round(ratio(importFigures.dossierRPS, importFigures.sqliteRPS))),
                "store_bytes": .number(Double(importFigures.storeBytes)),
                "sqlite3_bytes": .number(Double(importFigures.sqliteBytes)),
            ]
        }
        return .object(object)
    }

    var text: String {
        let runs = startup.promptMS.samples.count
        var lines = [
            "dossier-bench: \(records.grouped) records (\(realRecords.grouped) real), seed \(seed); medians of \(runs) runs (fastest–slowest)",
            "",
        ]
        if let importFigures {
            lines += [
                "Import (JSON Lines)          dossier \(Int(importFigures.dossierRPS.median).grouped) records/s (\(Int(importFigures.dossierRPS.low).grouped)–\(Int(importFigures.dossierRPS.high).grouped))",
                "                             sqlite3 \(Int(importFigures.sqliteRPS.median).grouped) records/s (\(Int(importFigures.sqliteRPS.low).grouped)–\(Int(importFigures.sqliteRPS.high).grouped)); ratio \(format(ratio(importFigures.dossierRPS, importFigures.sqliteRPS), 2))",
                "Store on disk                dossier \(format(Double(importFigures.storeBytes) / 1_048_576, 1)) MB, sqlite3 \(format(Double(importFigures.sqliteBytes) / 1_048_576, 1)) MB",
                "",
            ]
        } else {
            lines += ["Import                       not measured (--reuse)", ""]
        }
        lines.append("Search (ms)       hits       dossier                sqlite3                ratio")
        for figure in search {
            lines.append(
                Wrapping.pad(figure.name, to: 18) + Wrapping.pad(figure.hits.grouped, to: 11)
                    + Wrapping.pad(figure.dossierMS.text(digits: 2), to: 23) + Wrapping.pad(figure.sqliteMS.text(digits: 2), to: 23)
                    + format(ratio(figure.dossierMS, figure.sqliteMS), 2))
        }
        lines += [
            "",
            "Start to first prompt        \(startup.promptMS.text()) ms",
            "Start to first -c result     \(startup.firstResultMS.text()) ms",
            "Peak RSS of a search session \(startup.peakRSSMB.text()) MB",
        ]
        return lines.joined(separator: "\n")
    }
}
