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
            (jsonl), a JSON array (json; CSL items in it are read as CSL-JSON, csl-json), \
            CSV with a header row (csv), RIS as archives and \
            reference managers export it (ris), BibTeX or BibLaTeX (bibtex), TEI XML as the Office of the Historian \
            publishes FRUS (tei), or Markdown and text files with YAML front matter \
            (markdown); the format is guessed when not given. A folder is read file by file, \
            subfolders included, each file in the format its extension names (.xml, .json, \
            .jsonl, .csv, .ris, .bib, .md, .markdown, .txt; other files are passed over); with \
            --format, only files of that format. The whole file (or folder) is imported in one step: if any record is malformed, the import \
            stops with the file, line and reason, and the archive is left as it was. A \
            record whose id is already stored is merged into it, field by field: a field \
            the file gives with another value is updated, a field the file does not give \
            (a text from a full-text import, a translator, collections) is kept, and the \
            earlier version stays in the record's history (show ID --history). Importing \
            a file again changes nothing and says so. --replace replaces stored records \
            whole instead, still keeping their earlier versions. Ctrl-C cancels an import \
            and leaves the archive unchanged. A file that is not UTF-8 text (Latin-1, \
            UTF-16, a binary file) or that is cut off mid-record is refused with the fix; \
            what import repairs on the way in (control characters, empty cells past the \
            header, a results page that looks cut off) is named in a 'warning:' line after \
            the summary.
            """)

    static let examples = [
        "import Tests/dossierTests/Fixtures/records.csv",
        "import Tests/dossierTests/Fixtures/records.jsonl --format jsonl",
        "import Tests/dossierTests/Fixtures/frus-sample.xml",
        "import Tests/dossierTests/Fixtures/records.ris",
        "import Tests/dossierTests/Fixtures/records.ris --replace",
        "import Tests/dossierTests/Fixtures/transcriptions",
    ]

    @Argument(help: ArgumentHelp("The file, or folder of files, to import.", valueName: "file"))
    var file: String

    @Option(help: "The file's format: results, jsonl, json, csl-json, csv, ris, bibtex, tei or markdown (guessed when omitted).")
    var format: ImportFormat?

    @Flag(
        help:
            "Replace stored records with the same ids whole, instead of merging field by field (their earlier versions are kept)."
    )
    var replace = false

    func run(in context: CommandContext) async throws -> any CommandOutput {
        let url = URL(fileURLWithPath: (file as NSString).expandingTildeInPath)
        let started = Date()
        let summary: ImportSummary
        do {
            summary = try context.store.importFile(
                at: url, format: format, name: file, replace: replace,
                progress: { count in
                    let rate = Double(count) / max(Date().timeIntervalSince(started), 0.001)
                    context.progress("Importing '\(file)': \(count.grouped) records (\(Int(rate).grouped)/s)…")
                },
                isCancelled: { context.isInterrupted })
        } catch  where context.isInterrupted && !(error is ImportError) {
            // Ctrl-C stopped the store mid-statement; the transaction was rolled back.
            throw ImportError.cancelled(file: file)
        }
        return ImportDone(file: file, summary: summary, replace: replace, documents: try context.store.count())
    }
}

/// What `import` did: new, changed and unchanged records, the fields that changed, what
/// was repaired on the way in, and what the archive holds now.
struct ImportDone: SentenceResult {
    var file: String
    var summary: ImportSummary
    var replace: Bool
    /// The documents the archive holds after the import.
    var documents: Int

    enum CodingKeys: String, CodingKey {
        case file, format, added, changed, unchanged, updated, replace, seconds, documents, warnings
        case changedFields = "changed_fields"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(summary.format.rawValue, forKey: .format)
        try container.encode(summary.added, forKey: .added)
        try container.encode(summary.changed, forKey: .changed)
        try container.encode(summary.unchanged, forKey: .unchanged)
        try container.encode(summary.updated, forKey: .updated)
        try container.encode(summary.changedFields, forKey: .changedFields)
        try container.encode(replace, forKey: .replace)
        try container.encode(summary.seconds, forKey: .seconds)
        try container.encode(documents, forKey: .documents)
        try container.encode(summary.warnings.map(\.description), forKey: .warnings)
    }

    var sentence: String {
        var message =
            "Imported \(summary.total.grouped) \(summary.total == 1 ? "record" : "records") from '\(file)' "
            + "(\(summary.format.rawValue)): \(summary.added.grouped) new, \(summary.changed.grouped) changed, "
            + "\(summary.unchanged.grouped) unchanged."
        let fields = summary.changedFieldList
        if !fields.isEmpty {
            message +=
                " Fields changed: " + fields.map { "\($0.field) (\($0.records.grouped))" }.joined(separator: ", ")
                + "; the earlier versions are kept (show ID --history)."
        }
        message +=
            " The archive holds \(documents.grouped) documents (\(String(format: "%.2f", summary.seconds)) s, "
            + "\(Int(summary.recordsPerSecond).grouped) records/s)."
        // What was repaired or left out, each on a line of its own after the summary.
        for warning in summary.warnings { message += "\n" + warning.description }
        return message
    }
}

extension ImportFormat: ExpressibleByArgument {}
