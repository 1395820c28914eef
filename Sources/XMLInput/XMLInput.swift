import Foundation

/// What Foundation's XML parser must be given so that no input stops the program: the
/// readers of TEI files and of CSL styles and locales hand it their bytes through here.
public enum XMLInput {
    /// The bytes with `_` as the data of every processing instruction that has none; nil
    /// when there is no such instruction (nearly always), so that the bytes are read as they
    /// are. Foundation's parser reads an instruction without data (`<?target?>`, legal XML)
    /// through a null pointer and ends the process; the placeholder keeps it on its line.
    public static func processingInstructionsGivenData(_ bytes: UnsafeRawBufferPointer) -> Data? {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        var insertions: [Int] = []
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "?") else {
                index += 1
                continue
            }
            var end = index + 2
            while end < bytes.count, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: "?") { end += 1 }
            let named = end > index + 2
            while end < bytes.count, isSpace(bytes[end]) { end += 1 }
            if named, end + 1 < bytes.count, bytes[end] == UInt8(ascii: "?"), bytes[end + 1] == UInt8(ascii: ">") {
                insertions.append(end)
            }
            index = end
        }
        guard !insertions.isEmpty else { return nil }
        var patched = Data(capacity: bytes.count + insertions.count * 2)
        var start = 0
        for position in insertions {
            patched.append(contentsOf: bytes[start..<position])
            patched.append(contentsOf: Array(" _".utf8))
            start = position
        }
        patched.append(contentsOf: bytes[start...])
        return patched
    }

    /// Whether the XML declaration names an ISO-8859 or Windows code page, which the parser
    /// converts to UTF-8 itself: bytes that are not UTF-8 are then expected. Any other
    /// file whose bytes are not UTF-8 must be refused before parsing (the parser stops the
    /// program on an element name that is not).
    public static func declaresASingleByteEncoding(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let head = String(decoding: bytes.prefix(256), as: UTF8.self)
        guard head.hasPrefix("<?xml") || head.hasPrefix("\u{FEFF}<?xml"), let end = head.range(of: "?>"),
            let encoding = head[..<end.lowerBound].firstMatch(of: /encoding\s*=\s*["']([^"']+)["']/)
        else { return false }
        return encoding.1.lowercased().wholeMatch(of: /(iso[-_ ]?8859-[0-9]{1,2}|latin-?[0-9]|(windows|cp)-?125[0-8])/) != nil
    }

    /// Where the first byte sequence that is not UTF-8 begins (the count when all is).
    public static func firstInvalidUTF8(_ bytes: UnsafeRawBufferPointer) -> Int {
        var index = 0
        while index < bytes.count {
            let length =
                switch bytes[index] {
                case 0x00..<0x80: 1
                case 0xC2...0xDF: 2
                case 0xE0...0xEF: 3
                case 0xF0...0xF4: 4
                default: 0
                }
            guard length > 0, index + length <= bytes.count,
                (index + 1..<index + length).allSatisfy({ bytes[$0] & 0xC0 == 0x80 })
            else { return index }
            index += length
        }
        return index
    }
}
