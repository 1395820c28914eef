import Foundation
import TextAnalysis

/// An archive's search-results page saved as text, as the Wilson Center Digital Archive
/// prints it: header lines, then for each record a date line, a title and a summary, each
/// separated by blank lines. Everything before the first date is page furniture.
struct ResultsPageReader: RecordReader {
    let data: Data
    let file: String
    let provenance: Provenance

    /// The archive whose page layout this is; it becomes each record's `archive`.
    static let archive = "Wilson Center Digital Archive"

    private struct Paragraph {
        var line: Int
        var text: String
    }

    func read(_ consume: (Record) throws -> Void, warn: (ImportWarning) -> Void) throws {
        guard let content = String(data: data, encoding: .utf8) else {
            throw ImportError.unreadableFile(file: file, reason: "it is not UTF-8 text")
        }
        var count = 0
        var current: (date: PartialDate?, dateLine: Paragraph, title: Paragraph?, summary: [String])?
        let paragraphs = paragraphs(of: content)

        func finish(last: Bool = false) throws {
            guard let record = current else { return }
            guard let title = record.title else {
                throw ImportError.malformed(
                    file: file, line: record.dateLine.line,
                    reason:
                        "the record dated '\(record.dateLine.text)' has no title. Each date line must be followed by a title line."
                        + (last ? " It is the last thing in the file: if the file was cut off, restore the whole page." : ""))
            }
            if let problem = RecordFields.titleProblem(title.text) {
                throw ImportError.malformed(
                    file: file, line: title.line,
                    reason:
                        "\(problem) A results page gives a date line, a title line and a summary, each after a blank line: check the blank lines."
                )
            }
            if last { warnIfCutOff(title: title, summary: record.summary, warn: warn) }
            let date = record.date
            try consume(
                Record(
                    id: Record.derivedID(prefix: "wca", url: nil, title: title.text, date: date?.iso),
                    date: date, dateText: record.dateLine.text, title: title.text,
                    summary: record.summary.joined(separator: "\n\n"), archive: Self.archive,
                    provenance: provenance))
            count += 1
        }

        for paragraph in paragraphs {
            switch try dateLine(paragraph) {
            case .date(let date):
                try finish()
                current = (date, paragraph, nil, [])
            case .notADate:
                guard current != nil else { continue }  // page furniture before the first record
                if current!.title == nil {
                    current!.title = paragraph
                } else {
                    current!.summary.append(paragraph.text)
                }
            }
        }
        try finish(last: true)
        if count == 0 { throw ImportError.noRecords(file: file, format: .results) }
    }

    /// A page cut off while being saved or copied ends in its last record: with no summary,
    /// or in the middle of a sentence without a final line end. The record is imported as it
    /// is, and the user told.
    private func warnIfCutOff(title: Paragraph, summary: [String], warn: (ImportWarning) -> Void) {
        let name = title.text.count > 60 ? String(title.text.prefix(60)) + "…" : title.text
        guard let last = summary.last else {
            warn(
                ImportWarning(
                    file: file, line: title.line,
                    message: "the last record ('\(name)') has no summary: the page may be cut off. The record was imported "
                        + "without one (a summary stored before is kept); import the whole page again to add it."))
            return
        }
        let endsWithNewline = data.last == 0x0A || data.last == 0x0D
        let closing: Set<Character> = [".", "!", "?", "…", "\"", "”", "'", "’", ")", "]", ":", ";"]
        guard !endsWithNewline, let final = last.last, !closing.contains(final) else { return }
        let words = last.split(separator: " ").suffix(4).joined(separator: " ")
        warn(
            ImportWarning(
                file: file, line: title.line,
                message:
                    "the file ends in the middle of a sentence ('…\(words)'): it may be cut off, and the summary of its last "
                    + "record ('\(name)') incomplete. It was imported as it is; import the whole page again to complete it."))
    }

    private enum DateLine {
        case date(PartialDate?)
        case notADate
    }

    /// Whether a paragraph is a record's date line. One that looks like a date but names
    /// an impossible day (`February 31, 1956`) is an error, not a title.
    private func dateLine(_ paragraph: Paragraph) throws -> DateLine {
        let text = paragraph.text
        guard text.count <= 40, text.contains(where: \.isNumber) || text.lowercased().hasPrefix("n.d")
        else { return .notADate }
        do {
            return .date(try PartialDate.parse(text))
        } catch DateError.invalid(let reason) {
            throw ImportError.malformed(
                file: file, line: paragraph.line,
                reason: "'\(text)' is not a date: \(reason). \(PartialDate.formatHint)")
        } catch {
            return .notADate
        }
    }

    /// Blank-line separated paragraphs, each with the number of its first line and its
    /// lines joined by spaces.
    private func paragraphs(of content: String) -> [Paragraph] {
        var result: [Paragraph] = []
        var lines: [String] = []
        var start = 0
        var number = 0
        for raw in content.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = Folding.nfc(raw.trimmingCharacters(in: .whitespacesAndNewlines))
            if line.isEmpty {
                if !lines.isEmpty { result.append(Paragraph(line: start, text: lines.joined(separator: " "))) }
                lines = []
            } else {
                if lines.isEmpty { start = number }
                lines.append(line)
            }
        }
        if !lines.isEmpty { result.append(Paragraph(line: start, text: lines.joined(separator: " "))) }
        return result
    }
}
