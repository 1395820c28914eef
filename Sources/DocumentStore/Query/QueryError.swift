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
        let caret = String(repeating: " ", count: max(0, position)) + "^"
        return "Cannot read the query at position \(position + 1): \(problem). \(fix)\n  \(query)\n  \(caret)"
    }
}
