import DocumentStore
import DossierProtocol
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
    var variants: [Bench.VariantFigure]
    var startup: Bench.StartupFigures
    var sessions: Bench.SessionFigures
    var compare: Bench.CompareFigures

    private func ratio(_ a: Figure, _ b: Figure) -> Double { a.median / b.median }

    var json: JSONValue {
        var object: [String: JSONValue] = [
            "records": .number(Double(records)),
            "real_records": .number(Double(realRecords)),
            "seed": .number(Double(seed)),
            "search": .array(
                search.map { figure in
                    [
                        "class": .string(figure.name), "query": .string(figure.query),
                        "hits": .number(Double(figure.hits)),
                        "dossier_ms": figure.dossierMS.json, "sqlite3_ms": figure.sqliteMS.json,
                        "ratio": .number(Figure.round(ratio(figure.dossierMS, figure.sqliteMS))),
                    ]
                }),
            "variants": .array(
                variants.map { figure in
                    [
                        "person": .string(figure.person), "query": .string(figure.query),
                        "records_naming": .number(Double(figure.naming)),
                        "variant_hits": .number(Double(figure.variantHits)), "exact_hits": .number(Double(figure.exactHits)),
                        "variant_recall": .number(Figure.round(figure.variantRecall)),
                        "exact_recall": .number(Figure.round(figure.exactRecall)),
                        "variant_precision_at_10": .number(Figure.round(figure.precisionAt10)),
                        "variant_ms": figure.variantMS.json, "exact_ms": figure.exactMS.json,
                        "ratio": .number(Figure.round(ratio(figure.variantMS, figure.exactMS))),
                    ]
                }),
            "startup": ["prompt_ms": startup.promptMS.json, "first_result_ms": startup.firstResultMS.json],
            "rss_mb": startup.peakRSSMB.json,
            "session": [
                "notes": .number(Double(sessions.notes)), "commands": .number(Double(sessions.commands)),
                "file_bytes": .number(Double(sessions.bytes)), "open_ms": sessions.openMS.json,
                "save_ms": sessions.saveMS.json, "note_command_ms": sessions.noteMS.json,
            ],
            "compare": [
                "two_documents_ms": compare.documentsMS.json, "two_sets_ms": compare.setsMS.json,
                "set_queries": .array([.string(compare.setQueries.0), .string(compare.setQueries.1)]),
                "set_sizes": .array([.number(Double(compare.setSizes.0)), .number(Double(compare.setSizes.1))]),
            ],
        ]
        if let importFigures {
            object["import"] = [
                "dossier_rps": importFigures.dossierRPS.json,
                "sqlite3_rps": importFigures.sqliteRPS.json,
                "ratio": .number(Figure.round(ratio(importFigures.dossierRPS, importFigures.sqliteRPS))),
                "index_rps": importFigures.indexRPS.json,
                "folded_index_rps": importFigures.foldedIndexRPS.json,
                "folding_ratio": .number(Figure.round(ratio(importFigures.foldedIndexRPS, importFigures.indexRPS))),
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
                "Indexing                     unicode61 \(Int(importFigures.indexRPS.median).grouped) records/s; with variant folding \(Int(importFigures.foldedIndexRPS.median).grouped) records/s; ratio \(format(ratio(importFigures.foldedIndexRPS, importFigures.indexRPS), 2))",
                "Store on disk                dossier \(format(Double(importFigures.storeBytes) / 1_048_576, 1)) MB, sqlite3 \(format(Double(importFigures.sqliteBytes) / 1_048_576, 1)) MB",
                "",
            ]
        } else {
            lines += ["Import                       not measured (--reuse)", ""]
        }
        lines.append(Self.searchTable(search))
        lines += [
            "",
            "Name variants (ms)                   naming  recall variants/exact  p@10  variants               --exact                ratio",
        ]
        for figure in variants {
            lines.append(
                Wrapping.pad("'\(figure.query)'", to: 37) + Wrapping.pad(figure.naming.grouped, to: 8)
                    + Wrapping.pad("\(format(figure.variantRecall, 3)) / \(format(figure.exactRecall, 3))", to: 24)
                    + Wrapping.pad(format(figure.precisionAt10, 1), to: 6)
                    + Wrapping.pad(figure.variantMS.text(digits: 2), to: 23)
                    + Wrapping.pad(figure.exactMS.text(digits: 2), to: 23)
                    + format(ratio(figure.variantMS, figure.exactMS), 2))
        }
        lines += [
            "",
            "Start to first prompt        \(startup.promptMS.text()) ms",
            "Start to first -c result     \(startup.firstResultMS.text()) ms",
            "Peak RSS of a search session \(startup.peakRSSMB.text()) MB",
            "",
            "Session of \(sessions.notes.grouped) notes and \(sessions.commands.grouped) commands (\(sessions.bytes / 1024) KB):",
            "  open                       \(sessions.openMS.text()) ms",
            "  save after a change        \(sessions.saveMS.text()) ms",
            "  a 'note' command, saved    \(sessions.noteMS.text()) ms",
            "",
            "Compare two documents        \(compare.documentsMS.text()) ms",
            "Compare two sets             \(compare.setsMS.text()) ms ('\(compare.setQueries.0)', \(compare.setSizes.0.grouped) documents, vs '\(compare.setQueries.1)', \(compare.setSizes.1.grouped))",
        ]
        return lines.joined(separator: "\n")
    }

    /// The search figures as a table, each class beside the sqlite3 shell.
    static func searchTable(_ search: [Bench.SearchFigure]) -> String {
        var lines = ["Search (ms)       hits       dossier                sqlite3                ratio"]
        for figure in search {
            lines.append(
                Wrapping.pad(figure.name, to: 18) + Wrapping.pad(figure.hits.grouped, to: 11)
                    + Wrapping.pad(figure.dossierMS.text(digits: 2), to: 23)
                    + Wrapping.pad(figure.sqliteMS.text(digits: 2), to: 23)
                    + format(figure.dossierMS.median / figure.sqliteMS.median, 2))
        }
        return lines.joined(separator: "\n")
    }
}
