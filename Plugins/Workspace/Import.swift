import ArgumentParser
import DocumentStore
import Foundation
import REPLCore

/// `import FILE`: adds a file's records to the store, in one transaction.
struct Import: DossierCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add the records of a file to the archive.",
        discussion: """
            Reads an archive's search-results page saved as text (results), JSON Lines \
            (jsonl), a JSON array (json), CSV with a header row (csv), RIS as archives and \
            reference managers export it (ris), TEI XML as the Office of the Historian \
            publishes FRUS (tei), or Markdown and text files with YAML front matter \
            (markdown); the format is guessed when not given. A folder is read file by file, \
            subfolders included, each file in the format its extension names (.xml, .json, \
            .jsonl, .csv, .ris, .md, .markdown, .txt; other files are passed over); with \
            --format, only files of that format. The whole file (or folder) is imported in one step: if any record is malformed, the import \
            stops with the file, line and reason, and the archive is left as it was. A \
            record whose id is already stored is updated, so importing a file again adds \
            no duplicates. Ctrl-C cancels an import and leaves the archive unchanged.
            """)

    static let examples = [
        "import Tests/dossierTests/Fixtures/records.csv",
        "import Tests/dossierTests/Fixtures/records.jsonl --format jsonl",
        "import Tests/dossierTests/Fixtures/frus-sample.xml",
        "import Tests/dossierTests/Fixtures/records.ris",
        "import Tests/dossierTests/Fixtures/transcriptions",
    ]

    @Argument(help: ArgumentHelp("The file, or folder of files, to import.", valueName: "file"))
    var file: String

    @Option(help: "The file's format: results, jsonl, json, csv, ris, tei or markdown (guessed when omitted).")
    var format: ImportFormat?

    func run(in context: CommandContext) async throws -> any CommandOutput {
        let url = URL(fileURLWithPath: (file as NSString).expandingTildeInPath)
        let started = Date()
        let summary = try context.store.importFile(
            at: url, format: format, name: file,
            progress: { count in
                let rate = Double(count) / max(Date().timeIntervalSince(started), 0.001)
                context.progress("Importing '\(file)': \(count.grouped) records (\(Int(rate).grouped)/s)…")
            },
            isCancelled: { context.isInterrupted })
        let counts = summary.updated == 0
            ? "\(summary.added.grouped) new"
            : "\(summary.added.grouped) new, \(summary.updated.grouped) updated"
        let total = try context.store.count()
        let message = "Imported \(summary.total.grouped) \(summary.total == 1 ? "record" : "records") from '\(file)' "
            + "(\(summary.format.rawValue); \(counts)) in \(String(format: "%.2f", summary.seconds)) s, "
            + "\(Int(summary.recordsPerSecond).grouped) records/s. The archive holds \(total.grouped) documents."
        return Message(message, data: [
            "file": .string(file), "format": .string(summary.format.rawValue),
            "added": .number(Double(summary.added)), "updated": .number(Double(summary.updated)),
            "seconds": .number(summary.seconds), "documents": .number(Double(total)),
        ])
    }
}

extension ImportFormat: ExpressibleByArgument {}
