import Foundation

/// JSON Lines: one object a line in the shared field vocabulary; blank lines are skipped.
struct JSONLinesReader: RecordReader {
    let data: Data
    let file: String
    let provenance: Provenance

    func read(_ consume: (Record) throws -> Void) throws {
        try forEachLine(in: data) { number, bytes in
            guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
            let fields: [String: JSONValue]
            do {
                fields = try JSONLineParser.object(in: bytes)
            } catch {
                let start = bytes.first(where: { $0 != 0x20 && $0 != 0x09 })
                let reason = start == UInt8(ascii: "{")
                    ? "not valid JSON (a missing quote, comma or brace?)."
                    : "expected a JSON object ('{…}'), one record a line."
                throw ImportError.malformed(file: file, line: number, reason: reason)
            }
            try consume(RecordFields.record(from: fields, file: file, line: number, provenance: provenance))
        }
    }
}
