/// Something an import repaired or left out, and said so: the records were imported, but
/// the user should know what was changed on the way in.
public struct ImportWarning: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// The line the warning is about, when it is about one.
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `warning: records.csv:4: …`
    public var description: String {
        "warning: " + (line.map { "\(file):\($0): " } ?? "'\(file)': ") + message
    }
}
