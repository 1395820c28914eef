import Foundation

/// One thing fuzzed: a name, what it covers, and what it does with one input. An input that
/// breaks a promise the code makes (a parsed query the store cannot run, a session that does
/// not read back as it was written) stops the process with `finding`, so that the fuzzer
/// keeps the input as it keeps a crash.
struct FuzzTarget: Sendable {
    var name: String
    var about: String
    var run: @Sendable (UnsafeRawBufferPointer) -> Void

    /// The target being run (the C callback cannot carry context).
    nonisolated(unsafe) static var current: FuzzTarget?

    static let all: [FuzzTarget] =
        [
            query, line, tokenizer, variants,
        ] + ImportTargets.all + [store, session, plugin, cslStyle, cslItems]
}

/// Stops the run: the input broke a promise.
func finding(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("FINDING: " + message + "\n").utf8))
    abort()
}

extension UnsafeRawBufferPointer {
    /// The bytes as text, invalid UTF-8 replaced (what a user's terminal or a file gives).
    var text: String { String(decoding: self, as: UTF8.self) }
}
