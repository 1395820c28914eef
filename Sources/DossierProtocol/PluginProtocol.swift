/// The protocol Dossier speaks with external plugins: newline-delimited JSON over the
/// plugin's standard input and output, described for plugin authors in
/// `Plugins/PROTOCOL.md`. Its version is its own: it changes only when a message changes
/// in a way an existing plugin would misread, never with Dossier's version.
public enum PluginProtocol {
    /// The version this build speaks.
    public static let version = 1

    /// The prefix of every plugin executable's name: `dossier-plugin-wordfreq`.
    public static let executablePrefix = "dossier-plugin-"

    /// The longest line either side may send, in bytes.
    public static let maximumLineLength = 32 << 20

    /// What a message's `type` says it is.
    public enum MessageType: String, Sendable {
        // Both ways.
        case hello
        // Host to plugin.
        case signature, call, result, cancel, goodbye
        // Plugin to host.
        case response, request, progress
    }

    /// The requests a plugin may make of the host while it answers a call.
    public enum Method: String, Sendable, CaseIterable {
        case search, get
        case noteAdd = "note.add"
        case importRecords = "import"
    }

    /// One message as a line: compact JSON, no newline inside (JSON escapes them).
    public static func line(_ message: JSONValue) -> String {
        message.serialized(pretty: false) + "\n"
    }

    /// Reads one line as a message: a JSON object with a string `type`.
    public static func message(from line: Substring) throws(MessageError) -> (type: String, body: [String: JSONValue]) {
        guard let value = try? JSONValue.parse(line) else {
            throw .notJSON(excerpt: excerpt(line))
        }
        guard case .object(let object) = value else { throw .notAnObject(excerpt: excerpt(line)) }
        guard case .string(let type)? = object["type"] else { throw .noType(excerpt: excerpt(line)) }
        return (type, object)
    }

    /// The start of a line, for messages about it.
    public static func excerpt(_ line: Substring) -> String {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        let printable = String(trimmed.unicodeScalars.map { $0.value < 0x20 ? "?" : Character($0) })
        return printable.count > 60 ? String(printable.prefix(60)) + "…" : printable
    }

    /// Why a line is not a message.
    public enum MessageError: Error, Sendable, Equatable, CustomStringConvertible {
        case notJSON(excerpt: String)
        case notAnObject(excerpt: String)
        case noType(excerpt: String)

        public var description: String {
            switch self {
            case .notJSON(let excerpt): return "printed a line that is not JSON: '\(excerpt)'"
            case .notAnObject(let excerpt): return "printed JSON that is not an object: '\(excerpt)'"
            case .noType(let excerpt): return "printed a JSON object without a \"type\": '\(excerpt)'"
            }
        }
    }
}
