import Foundation

/// A JSON array of objects in the shared field vocabulary (as many tools export), or an
/// object holding such an array under `documents` or `records`; an object that is a CSL
/// item (CSL-JSON, as Zotero, pandoc and Dossier's own export write it) is read as one.
struct JSONArrayReader: RecordReader {
    let data: Data
    let file: String
    let provenance: Provenance
    /// Whether every object is a CSL item (`--format csl-json`), rather than each saying so.
    var cslItems = false

    func read(_ consume: (Record) throws -> Void, warn: (ImportWarning) -> Void) throws {
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var count = 0
            do {
                try JSONLineParser.forEachElement(inArray: arrayBytes(bytes)) { element, offset in
                    let line = lineNumber(of: offset + arrayStart(bytes), in: bytes)
                    guard case .object(let fields) = element else {
                        throw ImportError.malformed(
                            file: file, line: line, reason: "expected an object ('{…}') for each record in the array.")
                    }
                    let fail = { (reason: String) in ImportError.malformed(file: file, line: line, reason: reason) }
                    let vocabulary =
                        cslItems || CSLItemFields.isItem(fields) ? try CSLItemFields.vocabulary(from: fields, fail: fail) : fields
                    try consume(RecordFields.record(from: vocabulary, file: file, line: line, provenance: provenance))
                    count += 1
                }
            } catch let failure as JSONLineParser.ArrayFailure {
                let line = lineNumber(of: failure.offset + arrayStart(bytes), in: bytes)
                if failure.tooDeep {
                    throw ImportError.malformed(
                        file: file, line: line,
                        reason: "the JSON is nested more than \(JSONLineParser.maximumDepth) levels deep, which no record is. "
                            + "Check that its brackets close. \(ImportFormat.json.shapeHint)")
                }
                if failure.atEnd {
                    throw ImportError.malformed(
                        file: file, line: line,
                        reason: "the file ends before the array is closed: it looks cut off in the middle of a record. "
                            + "Restore the whole file, or end it after the last complete record with ']'.")
                }
                throw ImportError.malformed(
                    file: file, line: line,
                    reason: "not valid JSON here (a missing quote, comma or bracket?). \(ImportFormat.json.shapeHint)")
            }
            if count == 0 { throw ImportError.noRecords(file: file, format: .json) }
        }
    }

    /// Where the array starts: at the top, or inside `{"documents": […]}`.
    private func arrayStart(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard let first = bytes.firstIndex(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }),
            bytes[first] == UInt8(ascii: "{")
        else { return 0 }
        for key in ["\"documents\"", "\"records\""] {
            if let range = Data(bytes).range(of: Data(key.utf8)),
                let open = bytes[range.upperBound...].firstIndex(of: UInt8(ascii: "["))
            {
                return open
            }
        }
        return 0
    }

    /// The array's bytes; for a wrapping object, from its array to the array's end (the
    /// wrapper's closing brace is then left over and ignored).
    private func arrayBytes(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        let start = arrayStart(bytes)
        guard start > 0 else { return bytes }
        // Drop the wrapper's closing brace and white space after the array.
        var end = bytes.count
        while end > start, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[end - 1]) { end -= 1 }
        if end > start, bytes[end - 1] == UInt8(ascii: "}") { end -= 1 }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
    }

    private func lineNumber(of offset: Int, in bytes: UnsafeRawBufferPointer) -> Int {
        var line = 1
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A { line += 1 }
        return line
    }
}
