import Foundation

/// A JSON value: the shape of a record's extra metadata, of `--json` output and of
/// anything else that crosses a process or file boundary as JSON.
public enum JSONValue: Sendable, Equatable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The value as plain text, as a CSV cell or a field of `show` prints it.
    public var text: String {
        switch self {
        case .null: return ""
        case .bool(let value): return value ? "true" : "false"
        case .number(let value):
            return value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .string(let value): return value
        case .array(let values): return values.map(\.text).joined(separator: "; ")
        case .object: return (try? String(decoding: encoded(), as: UTF8.self)) ?? ""
        }
    }

    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// The value as JSON text with keys sorted, so output diffs cleanly; `pretty` indents
    /// it by two spaces for people. Written here rather than by `JSONEncoder`, whose layout
    /// differs between platforms.
    public func serialized(pretty: Bool = false) -> String {
        var out = ""
        write(to: &out, pretty: pretty, depth: 0)
        return out
    }

    public func encoded(pretty: Bool = false) throws -> Data {
        Data(serialized(pretty: pretty).utf8)
    }

    private func write(to out: inout String, pretty: Bool, depth: Int) {
        let newline = pretty ? "\n" + String(repeating: "  ", count: depth + 1) : ""
        let closing = pretty ? "\n" + String(repeating: "  ", count: depth) : ""
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let value):
            if value.rounded() == value && abs(value) < 1e15 {
                out += String(Int64(value))
            } else if value.isFinite {
                out += String(value)
            } else {
                out += "null"
            }
        case .string(let value): Self.writeString(value, to: &out)
        case .array(let values):
            if values.isEmpty {
                out += "[]"
                return
            }
            out += "["
            for (index, value) in values.enumerated() {
                if index > 0 { out += "," }
                out += newline
                value.write(to: &out, pretty: pretty, depth: depth + 1)
            }
            out += closing + "]"
        case .object(let object):
            if object.isEmpty {
                out += "{}"
                return
            }
            out += "{"
            for (index, (key, value)) in object.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { out += "," }
                out += newline
                Self.writeString(key, to: &out)
                out += pretty ? ": " : ":"
                value.write(to: &out, pretty: pretty, depth: depth + 1)
            }
            out += closing + "}"
        }
    }

    private static func writeString(_ value: String, to out: inout String) {
        out += quoted(value)
    }

    /// `text` as a JSON string: quotes, backslashes and control characters escaped (and the
    /// line separators JavaScript reads as line ends); everything else, accents and other
    /// scripts included, as it is.
    public static func quoted(_ text: String) -> String {
        // Most strings need no escape: check their bytes and copy them whole.
        let needsEscape = text.utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xC2 || $0 == 0xE2 }
        guard needsEscape else { return "\"" + text + "\"" }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case let control
            where control.value < 0x20 || (0x7F...0x9F).contains(control.value)
                || control == "\u{2028}" || control == "\u{2029}":
                let hex = String(control.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

extension JSONValue: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value):
            if value.rounded() == value && abs(value) < 1e15 {
                try container.encode(Int64(value))
            } else {
                try container.encode(value)
            }
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension JSONValue {
    /// Parses JSON text.
    public static func parse(_ text: some StringProtocol) throws -> JSONValue {
        try parse(Data(text.utf8))
    }

    /// Parses JSON bytes.
    public static func parse(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// The string, when the value is one.
    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The number as an integer, when the value is a whole number.
    public var int: Int? {
        if case .number(let value) = self, value.rounded() == value, abs(value) < 1e15 { return Int(value) }
        return nil
    }

    /// The values, when the value is an array.
    public var array: [JSONValue]? {
        if case .array(let values) = self { return values }
        return nil
    }

    /// The members, when the value is an object.
    public var object: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }
}

extension JSONValue {
    /// An `Encodable` value as JSON: how a command's typed result becomes its `--json`.
    public init(encoding value: some Encodable) throws {
        self = try JSONValue.parse(JSONEncoder().encode(value))
    }

    /// The value read as `type`, by its `Decodable` conformance.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(type, from: encoded())
    }
}

extension JSONValue {
    /// A member name as a coding key.
    public struct MemberKey: CodingKey, Sendable {
        public var stringValue: String
        public var intValue: Int? { nil }
        public init(_ name: String) { stringValue = name }
        public init(stringValue: String) { self.init(stringValue) }
        public init?(intValue: Int) { nil }
    }

    /// Writes an object's members into `encoder`'s keyed container, beside the members that
    /// other values encode there: how a record's fields and a command's own fields become
    /// one JSON object. A value that is not an object is encoded as itself.
    public func encodeMembers(to encoder: any Encoder) throws {
        guard case .object(let members) = self else { return try encode(to: encoder) }
        var container = encoder.container(keyedBy: MemberKey.self)
        for (name, value) in members { try container.encode(value, forKey: MemberKey(name)) }
    }
}
