/// Where the interpreter writes: command output (stdout) and messages (stderr). The
/// executable writes to the process's streams and pages long output; tests capture both.
public protocol OutputSink: AnyObject, Sendable {
    /// A command's output, without a final newline.
    func writeOutput(_ text: String)
    /// A message for the user (an error, a warning, a confirmation), without a final newline.
    func writeMessage(_ text: String)
}

/// A sink that keeps everything, for tests and for capturing output.
/// `@unchecked Sendable`: only the interpreter writes to it, and the caller reads it after a
/// line has run.
public final class CapturingSink: OutputSink, @unchecked Sendable {
    public private(set) var output: [String] = []
    public private(set) var messages: [String] = []

    public init() {}

    public func writeOutput(_ text: String) { output.append(text) }
    public func writeMessage(_ text: String) { messages.append(text) }

    /// Everything written to stdout, one output after another, each ending with a newline.
    public var outputText: String { output.map { $0 + "\n" }.joined() }
    public var messageText: String { messages.map { $0 + "\n" }.joined() }

    public func clear() {
        output = []
        messages = []
    }
}
