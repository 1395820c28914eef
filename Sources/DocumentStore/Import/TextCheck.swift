import Foundation

/// Checks the bytes of a text file before any record is read: a file that is not UTF-8
/// text (another encoding, a binary file, NUL bytes from a damaged copy) is refused with
/// the line and column of the first bad byte and how to convert it, rather than read with
/// replacement characters that would be stored as if they were the archive's text.
enum TextCheck {
    /// The refusal for `data`, or nil when it is UTF-8 text without NUL bytes.
    static func problem(in data: Data, file: String) -> ImportError? {
        data.withUnsafeBytes { problem(in: $0, file: file) }
    }

    static func problem(in bytes: UnsafeRawBufferPointer, file: String) -> ImportError? {
        if let problem = binaryProblem(in: bytes, file: file) { return problem }
        if let bigEndian = utf16(bytes) {
            let encoding = bigEndian ? "UTF-16BE" : "UTF-16LE"
            return .malformed(
                file: file, line: 1,
                reason: "the file is UTF-16 text; import reads UTF-8. Save it as UTF-8, e.g. "
                    + "iconv -f \(encoding) -t UTF-8 '\(file)' > '\(converted(file))', and import that.")
        }
        guard let bad = firstBadByte(bytes) else { return nil }
        let (line, column) = position(of: bad, in: bytes)
        if bytes[bad] == 0 {
            return .malformed(
                file: file, line: line,
                reason: "a NUL byte (0x00) at column \(column): the file is damaged or not a text file. "
                    + "Import the archive's text export, or remove the NUL bytes if the rest is sound, e.g. "
                    + "tr -d '\\000' < '\(file)' > '\(converted(file, "clean"))'.")
        }
        let hex = String(format: "0x%02X", bytes[bad])
        return .malformed(
            file: file, line: line,
            reason: "byte \(hex) at column \(column) is not UTF-8 (the file may be Latin-1 or Windows-1252). "
                + "Convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8 '\(file)' > '\(converted(file))', and import that.")
    }

    /// The refusal for a file of a known binary kind (a PDF, a ZIP archive, an image…).
    static func binaryProblem(in bytes: UnsafeRawBufferPointer, file: String) -> ImportError? {
        guard let kind = binaryKind(bytes) else { return nil }
        return .malformed(file: file, line: 1, reason: "the file is \(kind.what), not text. \(kind.fix)")
    }

    /// `data/records.jsonl` → `data/records-utf8.jsonl`, the name a fix suggests for the
    /// converted file, beside the file.
    private static func converted(_ file: String, _ suffix: String = "utf8") -> String {
        let folder = file.lastIndex(of: "/").map { String(file[...$0]) } ?? ""
        let name = String(file.dropFirst(folder.count))
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return folder + name + "-" + suffix }
        return folder + name[..<dot] + "-" + suffix + name[dot...]
    }

    private struct BinaryKind {
        var what: String
        var fix: String
    }

    /// Files people mistake for an export: recognized by their first bytes.
    private static func binaryKind(_ bytes: UnsafeRawBufferPointer) -> BinaryKind? {
        func starts(_ prefix: [UInt8]) -> Bool {
            bytes.count >= prefix.count && zip(bytes, prefix).allSatisfy { $0 == $1 }
        }
        if starts(Array("%PDF".utf8)) {
            return BinaryKind(
                what: "a PDF", fix: "Extract its text first (pdftotext -layout FILE.pdf FILE.txt) and import the text.")
        }
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            return BinaryKind(
                what: "a ZIP archive (a .docx, .xlsx or .zip?)",
                fix: "Save the records as CSV or text from the program that made it, or unzip it, and import that.")
        }
        if starts([0x1F, 0x8B]) {
            return BinaryKind(what: "gzip-compressed", fix: "Uncompress it first (gunzip FILE.gz) and import the result.")
        }
        if starts(Array("SQLite format 3".utf8) + [0]) {
            return BinaryKind(
                what: "an SQLite database", fix: "Export its records as CSV or JSON Lines and import that.")
        }
        if starts([0x89, 0x50, 0x4E, 0x47]) || starts([0xFF, 0xD8, 0xFF]) || starts(Array("GIF8".utf8)) {
            return BinaryKind(what: "an image", fix: "Import a text export of the records it shows.")
        }
        return nil
    }

    /// Whether the bytes are UTF-16: a byte order mark, or NUL in every other byte of
    /// mostly ASCII text. Returns whether big-endian.
    private static func utf16(_ bytes: UnsafeRawBufferPointer) -> Bool? {
        if bytes.count >= 2 {
            if bytes[0] == 0xFF && bytes[1] == 0xFE { return false }
            if bytes[0] == 0xFE && bytes[1] == 0xFF { return true }
        }
        let sample = min(bytes.count, 512) & ~1
        guard sample >= 8 else { return nil }
        var evenNUL = 0
        var oddNUL = 0
        for index in 0..<sample where bytes[index] == 0 {
            if index % 2 == 0 { evenNUL += 1 } else { oddNUL += 1 }
        }
        let pairs = sample / 2
        if oddNUL * 10 >= pairs * 9 && evenNUL * 10 <= pairs { return false }
        if evenNUL * 10 >= pairs * 9 && oddNUL * 10 <= pairs { return true }
        return nil
    }

    /// The offset of the first NUL byte or byte that is not part of valid UTF-8.
    static func firstBadByte(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let count = bytes.count
        var index = 0
        while index < count {
            // Plain ASCII, eight bytes at a time.
            if index + 8 <= count {
                let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                // No high bit set, and no zero byte.
                if word & 0x8080_8080_8080_8080 == 0, (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            if byte == 0 { return index }
            if byte < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                upper = 0x9F
            case 0xF0:
                length = 4
                lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                upper = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            let second = bytes[index + 1]
            guard second >= lower && second <= upper else { return index }
            for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 { return index }
            index += length
        }
        return nil
    }

    /// The line (from 1) and column (in characters, from 1) of a byte offset.
    static func position(of offset: Int, in bytes: UnsafeRawBufferPointer) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for index in 0..<min(offset, bytes.count) {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
