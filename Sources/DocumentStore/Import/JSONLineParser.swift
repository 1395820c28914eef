import DossierProtocol

/// Parses one JSON object from UTF-8 bytes into `JSONValue`s.
///
/// JSON Lines imports read a million objects; Foundation's `JSONDecoder` into a generic
/// value type spent most of an import's time. This parser reads the bytes once, makes
/// strings straight from them when they hold no escapes, and accepts exactly JSON.
struct JSONLineParser {
    /// Why the bytes are not what was asked for: not JSON, or JSON nested deeper than
    /// `maximumDepth` (which a record never is, and which would otherwise exhaust the stack).
    struct Failure: Error {
        var tooDeep = false
        /// The text ended inside the value: it is cut off.
        var atEnd = false
    }

    /// Arrays and objects inside each other at most this deep (as Foundation's decoder).
    static let maximumDepth = 512

    private let bytes: UnsafeRawBufferPointer
    private var index = 0
    private var depth = 0

    /// The object in `bytes`; throws `Failure` for anything but one JSON object.
    static func object(in bytes: UnsafeRawBufferPointer) throws(Failure) -> [String: JSONValue] {
        var parser = JSONLineParser(bytes: bytes)
        parser.skipSpace()
        guard parser.peek() == UInt8(ascii: "{") else { throw Failure() }
        let value: JSONValue
        do {
            value = try parser.value()
        } catch {
            throw Failure(tooDeep: error.tooDeep, atEnd: parser.index >= bytes.count)
        }
        guard case .object(let object) = value else { throw Failure() }
        parser.skipSpace()
        guard parser.index == bytes.count else { throw Failure() }
        return object
    }

    /// Any one JSON value in `bytes`.
    static func value(in bytes: UnsafeRawBufferPointer) throws(Failure) -> JSONValue {
        var parser = JSONLineParser(bytes: bytes)
        let value = try parser.value()
        parser.skipSpace()
        guard parser.index == bytes.count else { throw Failure() }
        return value
    }

    /// Calls `body` with each element of the JSON array in `bytes` and the byte offset where
    /// the element starts; throws `Failure` with the offset where the text stops being JSON.
    static func forEachElement(
        inArray bytes: UnsafeRawBufferPointer, _ body: (JSONValue, Int) throws -> Void
    ) throws {
        var parser = JSONLineParser(bytes: bytes)
        parser.skipSpace()
        guard parser.peek() == UInt8(ascii: "[") else { throw ArrayFailure(offset: parser.index) }
        parser.index += 1
        parser.skipSpace()
        if parser.peek() == UInt8(ascii: "]") {
            parser.index += 1
        } else {
            while true {
                parser.skipSpace()
                let start = parser.index
                let element: JSONValue
                do {
                    element = try parser.value()
                } catch {
                    throw ArrayFailure(
                        offset: max(start, min(parser.index, bytes.count - 1)), tooDeep: error.tooDeep,
                        atEnd: parser.index >= bytes.count)
                }
                try body(element, start)
                parser.skipSpace()
                guard let next = parser.peek() else { throw ArrayFailure(offset: max(0, parser.index - 1), atEnd: true) }
                parser.index += 1
                if next == UInt8(ascii: "]") { break }
                guard next == UInt8(ascii: ",") else { throw ArrayFailure(offset: parser.index - 1) }
            }
        }
        parser.skipSpace()
        guard parser.index == bytes.count else { throw ArrayFailure(offset: parser.index) }
    }

    /// Where a JSON array stops being JSON.
    struct ArrayFailure: Error {
        var offset: Int
        var tooDeep = false
        /// The text ended before the array did: the file is cut off.
        var atEnd = false
    }

    private init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    private func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private mutating func skipSpace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D {
            index += 1
        }
    }

    private mutating func expect(_ byte: UInt8) throws(Failure) {
        skipSpace()
        guard peek() == byte else { throw Failure() }
        index += 1
    }

    private mutating func value() throws(Failure) -> JSONValue {
        skipSpace()
        guard let byte = peek() else { throw Failure() }
        if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
            guard depth < Self.maximumDepth else { throw Failure(tooDeep: true) }
            depth += 1
        }
        defer { if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { depth -= 1 } }
        switch byte {
        case UInt8(ascii: "{"):
            index += 1
            var object: [String: JSONValue] = [:]
            skipSpace()
            if peek() == UInt8(ascii: "}") {
                index += 1
                return .object(object)
            }
            while true {
                skipSpace()
                guard peek() == UInt8(ascii: "\"") else { throw Failure() }
                let key = try string()
                try expect(UInt8(ascii: ":"))
                object[key] = try value()
                skipSpace()
                guard let next = peek() else { throw Failure() }
                index += 1
                if next == UInt8(ascii: "}") { return .object(object) }
                guard next == UInt8(ascii: ",") else { throw Failure() }
            }
        case UInt8(ascii: "["):
            index += 1
            var array: [JSONValue] = []
            skipSpace()
            if peek() == UInt8(ascii: "]") {
                index += 1
                return .array(array)
            }
            while true {
                array.append(try value())
                skipSpace()
                guard let next = peek() else { throw Failure() }
                index += 1
                if next == UInt8(ascii: "]") { return .array(array) }
                guard next == UInt8(ascii: ",") else { throw Failure() }
            }
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        default:
            return .number(try number())
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw Failure() }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { throw Failure() }
        index += count
    }

    private mutating func number() throws(Failure) -> Double {
        let start = index
        while index < bytes.count, let byte = peek(),
            (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e")
                || byte == UInt8(ascii: "E")
        {
            index += 1
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard !text.isEmpty, let first = text.first, first == "-" || first.isNumber, let value = Double(text) else {
            throw Failure()
        }
        return value
    }

    /// A string starting at the opening quote.
    private mutating func string() throws(Failure) -> String {
        index += 1
        let start = index
        // The common case: no escapes, so the bytes are the string.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw Failure() }
            index += 1
        }
        var utf8 = Array(UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let escaped = peek() else { throw Failure() }
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escaped)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        // A surrogate pair: the low half must follow as \uDC00–\uDFFF.
                        guard peek() == UInt8(ascii: "\\") else { throw Failure() }
                        index += 1
                        guard peek() == UInt8(ascii: "u") else { throw Failure() }
                        index += 1
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw Failure() }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw Failure() }
                    utf8.append(contentsOf: Array(String(Character(unicode)).utf8))
                default: throw Failure()
                }
            default:
                if byte < 0x20 { throw Failure() }
                utf8.append(byte)
            }
        }
        throw Failure()
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard index + 4 <= bytes.count else { throw Failure() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            index += 1
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw Failure()
            }
            value = value << 4 | digit
        }
        return value
    }
}
