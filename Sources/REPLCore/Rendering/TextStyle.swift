/// How text output is laid out: the width to wrap to and whether colour may be used (only
/// on a terminal, and never when `NO_COLOR` is set).
public struct TextStyle: Sendable, Equatable {
    public var width: Int
    public var color: Bool

    public init(width: Int = 80, color: Bool = false) {
        self.width = max(20, width)
        self.color = color
    }

    /// Plain text at 80 columns: pipes, scripts and tests.
    public static let plain = TextStyle()

    public func bold(_ text: String) -> String { sgr("1", text) }
    public func dim(_ text: String) -> String { sgr("2", text) }
    /// A matched term in a snippet.
    public func highlight(_ text: String) -> String { sgr("1;33", text) }
    public func heading(_ text: String) -> String { sgr("1;36", text) }
    public func error(_ text: String) -> String { sgr("31", text) }
    /// Words a diff takes out (red, struck through) and puts in (green).
    public func deleted(_ text: String) -> String { sgr("31;9", text) }
    public func inserted(_ text: String) -> String { sgr("32", text) }

    private func sgr(_ code: String, _ text: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
