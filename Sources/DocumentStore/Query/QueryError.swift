/// A query that cannot be read, with the position (0-based, in characters) of the problem
/// and what to do about it.
public struct QueryError: Error, Sendable, Equatable, CustomStringConvertible {
    public var query: String
    public var position: Int
    public var problem: String
    public var fix: String

    public init(query: String, position: Int, problem: String, fix: String) {
        self.query = query
        self.position = position
        self.problem = problem
        self.fix = fix
    }

    /// The message with the query and a caret under the position.
    public var description: String {
        let (shown, column) = Self.excerpt(of: query, around: position)
        let caret = String(repeating: " ", count: max(0, column)) + "^"
        return "Cannot read the query at position \(position + 1): \(problem). \(fix)\n  \(shown)\n  \(caret)"
    }

    /// Characters of a long query shown around the problem (a query pasted from a file can
    /// be thousands long): the excerpt, with control characters as spaces, and the column
    /// of the position in it.
    static func excerpt(of query: String, around position: Int, width: Int = 72) -> (String, Int) {
        let characters = Array(query).map { $0.unicodeScalars.allSatisfy({ $0.value < 0x20 || $0.value == 0x7F }) ? " " : $0 }
        let position = min(max(0, position), characters.count)
        guard characters.count > width else { return (String(characters), position) }
        let start = max(0, min(position - width / 3, characters.count - width))
        let end = min(characters.count, start + width)
        let lead = start > 0 ? "…" : ""
        let shown = lead + String(characters[start..<end]) + (end < characters.count ? "…" : "")
        return (shown, position - start + lead.count)
    }
}
