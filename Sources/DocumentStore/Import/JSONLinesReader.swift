import DossierProtocol
import Foundation

/// JSON Lines: one object a line in the shared field vocabulary; blank lines are skipped.
struct JSONLinesReader: RecordReader {
    let data: Data
    let file: String
    let provenance: Provenance

    func read(_ consume: (Record) throws -> Void, warn: (ImportWarning) -> Void) throws {
        let endsWithNewline = data.last == 0x0A || data.last == 0x0D
        var count = 0
        try forEachLine(in: data) { number, line in
            var bytes = line
            // A byte order mark some editors put first: not part of the JSON.
            if number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                bytes = UnsafeRawBufferPointer(rebasing: bytes[3...])
            }
            guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
            let fields: [String: JSONValue]
            do throws(JSONLineParser.Failure) {
                fields = try JSONLineParser.object(in: bytes)
            } catch {
                throw ImportError.malformed(
                    file: file, line: number,
                    reason: reason(error, bytes, cutOff: error.atEnd && !endsWithNewline && isLast(number)))
            }
            try consume(RecordFields.record(from: fields, file: file, line: number, provenance: provenance))
            count += 1
        }
        if count == 0 { throw ImportError.noRecords(file: file, format: .jsonl) }
    }

    /// Whether line `number` is the file's last (counted only when a line is refused).
    private func isLast(_ number: Int) -> Bool {
        data.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 } + 1 == number
    }

    private func reason(_ failure: JSONLineParser.Failure, _ bytes: UnsafeRawBufferPointer, cutOff: Bool) -> String {
        if failure.tooDeep {
            return "the JSON is nested more than \(JSONLineParser.maximumDepth) levels deep, which no record is. "
                + "Check that the line is a record ('{\"title\": …}') and that its brackets close."
        }
        let start = bytes.first(where: { $0 != 0x20 && $0 != 0x09 })
        guard start == UInt8(ascii: "{") else { return "expected a JSON object ('{…}'), one record a line." }
        if cutOff {
            return "the last line is not valid JSON and the file does not end with a line end: it looks cut off "
                + "in the middle of a record. Restore the whole file, or remove the broken last line."
        }
        return "not valid JSON (a missing quote, comma or brace?)."
    }
}
