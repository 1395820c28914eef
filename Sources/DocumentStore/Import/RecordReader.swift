import Foundation

/// Reads records from a file one at a time, so that an import of any size streams through
/// one transaction without holding the whole file's records in memory.
protocol RecordReader {
    /// Calls `consume` with each record in file order and `warn` with what it repaired or
    /// left out; throws `ImportError` at the first malformed record, or whatever `consume`
    /// throws.
    func read(_ consume: (Record) throws -> Void, warn: (ImportWarning) -> Void) throws
}

/// A reader of a text format behind the check that the file is UTF-8 text at all.
struct CheckedTextReader: RecordReader {
    let data: Data
    let file: String
    let inner: any RecordReader

    func read(_ consume: (Record) throws -> Void, warn: (ImportWarning) -> Void) throws {
        if let problem = TextCheck.problem(in: data, file: file) { throw problem }
        try inner.read(consume, warn: warn)
    }
}

extension ImportFormat {
    func reader(data: Data, url: URL, file: String, provenance: Provenance) -> any RecordReader {
        // XML declares its own encoding (UTF-16 and Latin-1 TEI are well-formed XML), and
        // the XML parser reports bytes that do not match it.
        guard self != .tei else { return TEIReader(url: url, data: data, file: file, provenance: provenance) }
        return CheckedTextReader(
            data: data, file: file, inner: textReader(data: data, url: url, file: file, provenance: provenance))
    }

    private func textReader(data: Data, url: URL, file: String, provenance: Provenance) -> any RecordReader {
        switch self {
        case .results: return ResultsPageReader(data: data, file: file, provenance: provenance)
        case .jsonl: return JSONLinesReader(data: data, file: file, provenance: provenance)
        case .csv: return CSVReader(data: data, file: file, provenance: provenance)
        case .json: return JSONArrayReader(data: data, file: file, provenance: provenance)
        case .cslJSON: return JSONArrayReader(data: data, file: file, provenance: provenance, cslItems: true)
        case .tei: return TEIReader(url: url, data: data, file: file, provenance: provenance)
        case .ris: return RISReader(data: data, file: file, provenance: provenance)
        case .bibtex: return BibTeXReader(data: data, file: file, provenance: provenance)
        case .markdown: return MarkdownReader(url: url, file: file, provenance: provenance)
        }
    }
}

/// Splits UTF-8 data into lines with `memchr`, numbering them from 1 and dropping a
/// trailing carriage return.
func forEachLine(in data: Data, _ body: (_ line: Int, _ bytes: UnsafeRawBufferPointer) throws -> Void) rethrows {
    try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
        guard let base = buffer.baseAddress else { return }
        var start = 0
        var number = 0
        while start < buffer.count {
            number += 1
            let remaining = buffer.count - start
            let end: Int
            if let hit = memchr(base + start, 0x0A, remaining) {
                end = base.distance(to: UnsafeRawPointer(hit))
            } else {
                end = buffer.count
            }
            var lineEnd = end
            if lineEnd > start, buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            try body(number, UnsafeRawBufferPointer(rebasing: buffer[start..<lineEnd]))
            start = end + 1
        }
    }
}
