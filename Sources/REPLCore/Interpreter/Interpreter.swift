import ArgumentParser
import DocumentStore
import Foundation
import SessionStore

/// Runs command lines: splits a line, finds the command, parses its arguments, runs it and
/// renders what it returns as text or JSON. Errors become messages; nothing here ends the
/// process.
public final class Interpreter: @unchecked Sendable {
    public let context: CommandContext
    let sink: any OutputSink

    public init(context: CommandContext, sink: any OutputSink) {
        self.context = context
        self.sink = sink
    }

    /// Runs one line and reports whether it succeeded. Blank lines and `#` comments succeed
    /// and do nothing. `location` (`script.txt:3`) starts any error message, so that a
    /// script's author can find the line.
    @discardableResult
    public func execute(_ line: String, location: String? = nil) async -> Bool {
        context.resetInterruption()
        do {
            guard let (name, rest) = try LineTokenizer.commandName(of: line), !name.hasPrefix("#") else {
                return true
            }
            guard let entry = context.registry.entry(named: name) else {
                throw REPLError.unknownCommand(name, suggestions: context.registry.suggestions(for: name))
            }
            let invocation = try Invocation.parse(rest, for: entry.signature)
            if invocation.help {
                let help = Help.screen(for: entry, path: invocation.path, width: context.style.width)
                try render(PreformattedText(help), json: invocation.json)
                return true
            }
            let output = try await entry.invoke(invocation.arguments, context)
            context.clearProgress()
            if context.isInterrupted { throw REPLError.interrupted }
            try render(output, json: invocation.json)
            if let ids = output.listedDocumentIDs {
                context.lastResults = ids
                context.lastResultsStart = output.listedFirstNumber
            }
            return true
        } catch {
            context.clearProgress()
            let message = Self.message(for: error, interrupted: context.isInterrupted)
            sink.writeMessage(location.map { "\($0): " + message } ?? message)
            return false
        }
    }

    private func render(_ output: any CommandOutput, json: Bool) throws {
        if json {
            let data = try output.json.encoded(pretty: true)
            sink.writeOutput(String(decoding: data, as: UTF8.self))
        } else {
            let text = output.text(in: context.style)
            if !text.isEmpty { sink.writeOutput(text) }
        }
    }

    /// The user-facing sentence for any error a command can throw.
    public static func message(for error: any Error, interrupted: Bool = false) -> String {
        if interrupted, !(error is ImportError) { return REPLError.interrupted.description }
        switch error {
        case let error as REPLError: return error.description
        case let error as StoreError: return error.description
        case let error as ImportError:
            if case .cancelled = error { return error.description + " The store is unchanged." }
            return error.description + " Nothing was imported; the store is unchanged."
        case let error as QueryError: return error.description
        case let error as WorkspaceError: return error.description
        case let error as ValidationError: return error.message
        case is CancellationError: return REPLError.interrupted.description
        case let error as CustomStringConvertible: return error.description
        default: return error.localizedDescription
        }
    }
}
