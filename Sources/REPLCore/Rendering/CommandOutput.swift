import DocumentStore
import DossierProtocol

/// What a command returns. REPLCore renders it as text for people, or as JSON with `--json`.
public protocol CommandOutput: Sendable {
    /// The text for people, laid out for `style`. Empty prints nothing.
    func text(in style: TextStyle) -> String
    /// The machine-readable form; records use the shared field vocabulary.
    var json: JSONValue { get }
    /// The documents this output numbers 1, 2, 3…, which later commands may refer to by
    /// number (`show 2`); nil when the output lists no documents.
    var listedDocumentIDs: [String]? { get }
    /// The number the first listed document has (21 on a second page of 20).
    var listedFirstNumber: Int { get }
}

extension CommandOutput {
    public var listedDocumentIDs: [String]? { nil }
    public var listedFirstNumber: Int { 1 }
}

/// A command's result as one typed value: `--json` is the value encoded (its keys those of
/// the field vocabulary, by its `CodingKeys`), and `text(in:)` lays out the same value for
/// people, so the two views cannot say different things.
public protocol CommandResult: CommandOutput, Encodable {}

extension CommandResult {
    public var json: JSONValue {
        do {
            return try JSONValue(encoding: self)
        } catch {
            return ["error": ["message": .string("The result could not be written as JSON: \(error)")]]
        }
    }
}

/// A sentence or two for the user, such as a confirmation; `{"message": …}` for a program.
public struct Message: CommandResult {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public func text(in style: TextStyle) -> String {
        message.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { Wrapping.wrap(String($0), width: style.width) }
            .joined(separator: "\n")
    }
}

/// Output that is already laid out; `{"text": …}` for a program.
public struct PreformattedText: CommandResult {
    public var text: String

    public init(_ text: String) {
        self.text = text
    }

    public func text(in style: TextStyle) -> String { text }
}

/// A value with more fields beside its own, in one JSON object: a record in the field
/// vocabulary and what a command adds to it (`rank`, `words`).
public struct Annotated<Value: Encodable & Sendable, Fields: Encodable & Sendable>: Encodable, Sendable {
    public var value: Value
    public var fields: Fields

    public init(_ value: Value, _ fields: Fields) {
        self.value = value
        self.fields = fields
    }

    public func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
        try fields.encode(to: encoder)
    }
}

/// Labelled values, one a line, with the labels aligned (`stats`): a layout that results
/// use for their text.
public struct FieldList: Sendable {
    public var title: String?
    public var fields: [(label: String, value: String)]

    public init(title: String? = nil, fields: [(label: String, value: String)]) {
        self.title = title
        self.fields = fields
    }

    public func text(in style: TextStyle) -> String {
        let labelWidth = (fields.map { Wrapping.visibleWidth($0.label) }.max() ?? 0) + 2
        var lines: [String] = []
        if let title { lines.append(style.bold(title)) }
        let indent = String(repeating: " ", count: labelWidth)
        for (label, value) in fields {
            let wrapped = Wrapping.wrap(value, width: style.width, indent: indent, firstIndent: indent)
            lines.append(style.dim(Wrapping.pad(label + ":", to: labelWidth)) + wrapped[0].dropFirst(labelWidth))
            lines += wrapped.dropFirst()
        }
        return lines.joined(separator: "\n")
    }
}

/// A result people read as a sentence or two (a confirmation, what changed): its text is
/// `sentence`, wrapped to the width, as a `Message` lays it out.
public protocol SentenceResult: CommandResult {
    var sentence: String { get }
}

extension SentenceResult {
    public func text(in style: TextStyle) -> String {
        Message(sentence).text(in: style)
    }
}
