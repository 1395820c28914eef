import DossierProtocol
import Foundation

/// One plugin executable as the host knows it: what its last handshake said, whether it
/// runs now, and why it was disabled if it was.
///
/// `@unchecked Sendable`: one task at a time uses a plugin (a call awaits its answer before
/// the next line is read; at load, each plugin's handshake is a task of its own), so its
/// fields are never touched by two threads at once.
final class ExternalPlugin: @unchecked Sendable {
    let candidate: PluginCandidate
    var version: String?
    var commands: [CommandSignature] = []
    /// Why the plugin is disabled, if it is.
    var failure: String?
    /// Whether the failure was found in the cache (an earlier sitting's handshake).
    var failureIsCached = false
    /// Commands left out because a built-in command or another plugin has the name.
    var refused: [String] = []
    /// Where another executable of the same name was passed over for this one.
    var shadowed: [URL] = []
    private(set) var process: PluginProcess?
    /// What the plugin last wrote to standard error.
    var stderr = ""
    private var nextCallID = 1

    var name: String { candidate.name }
    var isRunning: Bool { process != nil }

    /// Forgets a process that has ended since its last answer (a plugin that exits after
    /// each call), so that the next call starts it again.
    func forgetIfEnded() async {
        guard let process, process.hasEnded() else { return }
        await stop(politely: false)
    }

    init(candidate: PluginCandidate) {
        self.candidate = candidate
    }

    /// The module `help` lists its commands under.
    var moduleName: String { "Plugin: \(name)" }

    /// `wordfreq 1.0.0 (/path/dossier-plugin-wordfreq)`
    var label: String {
        "'\(name)'" + (version.map { " \($0)" } ?? "") + " (\(candidate.url.path))"
    }

    /// Starts the executable and makes the hello and signature exchange within `timeout`.
    func start(timeout: Duration) async throws(PluginProblem) {
        process = try await PluginProcess.start(candidate.url)
        let deadline = ContinuousClock.now + timeout
        let hello: JSONValue = [
            "type": "hello", "protocol": .number(Double(PluginProtocol.version)), "host": "dossier",
            "host_version": .string(PluginHost.hostVersion),
        ]
        try await send(hello, until: deadline, during: "the hello")
        let answer: (type: String, body: [String: JSONValue])
        do {
            answer = try await receive(until: deadline, during: "the hello", timeout: timeout)
        } catch  where error.timedOut {
            throw PluginProblem(
                error.reason + " (a plugin must answer the hello and flush its output after every line)", timedOut: true)
        }
        guard answer.type == PluginProtocol.MessageType.hello.rawValue else {
            throw PluginProblem("answered the hello with a '\(answer.type)' message instead of a hello")
        }
        guard let version = answer.body["protocol"]?.int else {
            throw PluginProblem(
                "said hello without a protocol version: it needs \"protocol\": \(PluginProtocol.version), a number")
        }
        guard version == PluginProtocol.version else {
            throw PluginProblem("speaks protocol version \(version); this dossier speaks version \(PluginProtocol.version)")
        }
        guard let name = answer.body["name"]?.string, name == candidate.name else {
            let said = answer.body["name"]?.string.map { "'\($0)'" } ?? "no name"
            throw PluginProblem(
                "said hello with \(said), but its file is named \(PluginProtocol.executablePrefix)\(candidate.name)")
        }
        self.version = answer.body["version"]?.string
        try await send(["type": "signature", "id": 0], until: deadline, during: "the signature")
        let signature = try await receive(until: deadline, during: "the signature", timeout: timeout)
        // A plugin that sends its signature unasked, without the id, is understood too.
        guard signature.type == PluginProtocol.MessageType.signature.rawValue, signature.body["id"].map({ $0 == 0 }) ?? true
        else {
            throw PluginProblem(
                "answered out of order: Dossier asked for its signature (id 0) and got a '\(signature.type)' message"
                    + (signature.body["id"].map { " with id \($0.serialized())" } ?? ""))
        }
        guard let commands = signature.body["commands"]?.array else {
            throw PluginProblem("sent a signature without a \"commands\" array")
        }
        let signatures: [CommandSignature]
        do {
            signatures = try commands.map { value throws(CommandSignature.SignatureError) in try CommandSignature(json: value) }
        } catch {
            throw PluginProblem("sent a signature Dossier cannot use: \(error.description)")
        }
        if let nested = signatures.first(where: { !$0.subcommands.isEmpty }) {
            throw PluginProblem(
                "sent a signature Dossier cannot use: command '\(nested.name)' has subcommands, which protocol version "
                    + "\(PluginProtocol.version) cannot call; offer them as commands of their own")
        }
        if Set(signatures.flatMap { [$0.name] + $0.aliases }).count != signatures.reduce(0, { $0 + 1 + $1.aliases.count }) {
            throw PluginProblem("sent a signature that names two commands the same")
        }
        self.commands = signatures
    }

    /// Sends a message, failing with the plugin's problem.
    func send(
        _ message: JSONValue, until deadline: ContinuousClock.Instant, during step: String
    ) async throws(PluginProblem) {
        guard let process else { throw PluginProblem("is not running") }
        do {
            try await process.write(PluginProtocol.line(message), until: deadline)
        } catch {
            throw problem(error, during: step, timeout: nil)
        }
    }

    /// The next message, failing with the plugin's problem: it ended, it was silent until
    /// `deadline`, or it printed something that is not a message.
    func receive(
        until deadline: ContinuousClock.Instant, during step: String, timeout: Duration?
    ) async throws(PluginProblem) -> (type: String, body: [String: JSONValue]) {
        guard let process else { throw PluginProblem("is not running") }
        var line: Substring = ""
        // Blank lines (a print that adds a newline of its own) are no messages: pass them.
        while line.allSatisfy(\.isWhitespace) {
            do {
                line = try await process.readLine(until: deadline)
            } catch {
                throw problem(error, during: step, timeout: timeout)
            }
        }
        do {
            return try PluginProtocol.message(from: line)
        } catch {
            throw PluginProblem(error.description)
        }
    }

    private func problem(_ failure: PluginProcess.Failure, during step: String, timeout: Duration?) -> PluginProblem {
        switch failure {
        case .timedOut:
            let seconds = timeout.map { " in \(PluginHost.seconds($0))" } ?? ""
            return PluginProblem("did not answer \(step)\(seconds)", timedOut: true)
        case .interrupted: return PluginProblem("was interrupted", interrupted: true)
        case .exited(let how): return PluginProblem("\(how) during \(step)")
        case .lineTooLong: return PluginProblem("sent a line longer than \(PluginProtocol.maximumLineLength >> 20) MB")
        case .notUTF8(let excerpt): return PluginProblem("printed a line that is not UTF-8 text: '\(excerpt)'")
        }
    }

    /// A new call id.
    func takeCallID() -> Int {
        nextCallID += 1
        return nextCallID
    }

    /// Ends the process and its whole group, keeping what it wrote to standard error.
    func stop(politely: Bool = true) async {
        guard let process else { return }
        await process.end(goodbye: politely ? Self.goodbye : nil)
        forget(process)
    }

    /// Ends the process at once, when nothing may wait (at exit): a goodbye, then its
    /// whole group goes.
    func stopNow() {
        guard let process else { return }
        process.endNow(goodbye: Self.goodbye)
        forget(process)
    }

    private static let goodbye = PluginProtocol.line(["type": "goodbye"])

    private func forget(_ process: PluginProcess) {
        let tail = process.stderrTail.text
        if !tail.isEmpty { stderr = tail }
        self.process = nil
    }

    /// Disables the plugin for the sitting, ending it.
    func disable(because reason: String) async {
        failure = reason
        failureIsCached = false
        await stop(politely: false)
    }
}

/// What went wrong with a plugin, as the end of a sentence that starts with its name.
struct PluginProblem: Error {
    var reason: String
    var timedOut = false
    var interrupted = false

    init(_ reason: String, timedOut: Bool = false, interrupted: Bool = false) {
        self.reason = reason
        self.timedOut = timedOut
        self.interrupted = interrupted
    }
}
