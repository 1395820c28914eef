import DossierProtocol
import Foundation

/// What a Swift plugin needs to speak the protocol: `PluginRuntime.run` answers the host's
/// hello and signature, and hands each call to the plugin's handler with a `HostConnection`
/// for the requests it makes back (search, get, note.add, import).
public enum PluginRuntime {
    /// Serves the host until it says goodbye or closes the plugin's input; never returns.
    public static func run(
        name: String, version: String, commands: [CommandSignature],
        handle: (PluginCall, HostConnection) throws -> PluginOutput
    ) -> Never {
        let host = HostConnection()
        while let line = Swift.readLine(strippingNewline: true) {
            guard let (type, message) = try? PluginProtocol.message(from: Substring(line)) else { continue }
            switch PluginProtocol.MessageType(rawValue: type) {
            case .hello:
                host.send([
                    "type": "hello", "protocol": .number(Double(PluginProtocol.version)),
                    "name": .string(name), "version": .string(version),
                ])
            case .signature:
                host.send([
                    "type": "signature", "id": message["id"] ?? .null,
                    "commands": .array(commands.compactMap { try? JSONValue(encoding: $0) }),
                ])
            case .call:
                let id = message["id"] ?? .null
                let call = PluginCall(message)
                do {
                    let output = try handle(call, host)
                    host.send(["type": "response", "id": id, "output": output.json])
                } catch {
                    let text = (error as? PluginFailure)?.message ?? String(describing: error)
                    host.send(["type": "response", "id": id, "error": ["message": .string(text)]])
                }
            case .goodbye:
                exit(0)
            default:
                continue
            }
        }
        exit(0)
    }
}

/// A call of one of the plugin's commands: the arguments and options the host parsed by
/// the signature, and the context the command runs in.
public struct PluginCall: Sendable {
    public var command: String
    public var arguments: [String: JSONValue]
    public var options: [String: JSONValue]
    public var context: [String: JSONValue]

    init(_ message: [String: JSONValue]) {
        command = message["command"]?.string ?? ""
        arguments = message["arguments"]?.object ?? [:]
        options = message["options"]?.object ?? [:]
        context = message["context"]?.object ?? [:]
    }

    /// A single argument's text.
    public func argument(_ name: String) -> String? { arguments[name]?.string }

    /// A repeating argument's values.
    public func arguments(_ name: String) -> [String] {
        arguments[name]?.array?.compactMap(\.string) ?? arguments[name]?.string.map { [$0] } ?? []
    }

    /// An option's value (its default when not given).
    public func option(_ name: String) -> String? { options[name]?.string }

    /// Whether a flag was given.
    public func flag(_ name: String) -> Bool { options[name] == .bool(true) }

    /// An option's value as a whole number of at least `minimum`, or a failure naming it.
    public func integer(_ name: String, minimum: Int = 1) throws -> Int? {
        guard let text = option(name) else { return nil }
        guard let value = Int(text), value >= minimum else {
            throw PluginFailure("--\(name) must be a whole number of at least \(minimum), not '\(text)'.")
        }
        return value
    }
}

/// What a command answers: any of text, a table, a numbered list of documents, and the
/// JSON `--json` prints.
public struct PluginOutput: Sendable {
    public var text: String?
    public var table: (columns: [String], rows: [[JSONValue]])?
    public var documents: [String]?
    public var heading: String?
    public var data: JSONValue?

    public init(
        text: String? = nil, table: (columns: [String], rows: [[JSONValue]])? = nil, documents: [String]? = nil,
        heading: String? = nil, data: JSONValue? = nil
    ) {
        self.text = text
        self.table = table
        self.documents = documents
        self.heading = heading
        self.data = data
    }

    /// An output whose `data` (what `--json` prints) is a typed value of the plugin's,
    /// encoded with its `CodingKeys`.
    public init(
        text: String? = nil, table: (columns: [String], rows: [[JSONValue]])? = nil, documents: [String]? = nil,
        heading: String? = nil, value: some Encodable
    ) throws {
        self.init(text: text, table: table, documents: documents, heading: heading, data: try JSONValue(encoding: value))
    }

    var json: JSONValue {
        var object: [String: JSONValue] = [:]
        if let text { object["text"] = .string(text) }
        if let table {
            object["table"] = [
                "columns": .array(table.columns.map(JSONValue.string)), "rows": .array(table.rows.map(JSONValue.array)),
            ]
        }
        if let documents { object["documents"] = .array(documents.map(JSONValue.string)) }
        if let heading { object["heading"] = .string(heading) }
        if let data { object["data"] = data }
        return .object(object)
    }
}

/// An error a command reports to the user: the message is shown as it is.
public struct PluginFailure: Error, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// The way back to the host while a call runs.
/// `@unchecked Sendable`: a plugin serves one call at a time, and only that call's handler
/// uses the connection.
public final class HostConnection: @unchecked Sendable {
    private var nextID = 0

    func send(_ message: JSONValue) {
        FileHandle.standardOutput.write(Data(PluginProtocol.line(message).utf8))
    }

    /// Asks the host to do `method` with `params` and waits for the answer; an error the
    /// host reports becomes a `PluginFailure` with its message.
    public func request(_ method: PluginProtocol.Method, _ params: [String: JSONValue]) throws -> JSONValue {
        nextID += 1
        let id = "r\(nextID)"
        send(["type": "request", "id": .string(id), "method": .string(method.rawValue), "params": .object(params)])
        while let line = Swift.readLine(strippingNewline: true) {
            guard let (type, message) = try? PluginProtocol.message(from: Substring(line)) else { continue }
            switch PluginProtocol.MessageType(rawValue: type) {
            case .result where message["id"]?.string == id:
                if let error = message["error"]?["message"]?.string { throw PluginFailure(error) }
                return message["result"] ?? .null
            case .cancel:
                throw PluginFailure("Cancelled.")
            case .goodbye:
                exit(0)
            default:
                continue
            }
        }
        exit(0)
    }

    /// Tells the user how far the command has got (and the host that the plugin is alive).
    public func progress(_ message: String) {
        send(["type": "progress", "message": .string(message)])
    }

    /// The documents matching `query` (Dossier's query language), best first.
    public func search(_ query: String, limit: Int = 20, fields: [String]? = nil) throws -> (total: Int, documents: [JSONValue]) {
        var params: [String: JSONValue] = ["query": .string(query), "limit": .number(Double(limit))]
        if let fields { params["fields"] = .array(fields.map(JSONValue.string)) }
        let result = try request(.search, params)
        return (result["total"]?.int ?? 0, result["documents"]?.array ?? [])
    }

    /// Documents by result number or id.
    public func get(_ refs: [String]) throws -> (documents: [JSONValue], missing: [String]) {
        let result = try request(.get, ["refs": .array(refs.map(JSONValue.string))])
        return (result["documents"]?.array ?? [], result["missing"]?.array?.compactMap(\.string) ?? [])
    }

    /// Adds a note to the user's session (about the document `ref`, if given).
    public func addNote(_ text: String, about ref: String? = nil, quote: String? = nil) throws -> JSONValue {
        var params: [String: JSONValue] = ["text": .string(text)]
        if let ref { params["ref"] = .string(ref) }
        if let quote { params["quote"] = .string(quote) }
        return try request(.noteAdd, params)
    }

    /// Imports records (in Dossier's field names) in one transaction; `source` names them
    /// in messages and in their provenance.
    public func importRecords(_ records: [JSONValue], source: String) throws -> (added: Int, updated: Int) {
        let result = try request(.importRecords, ["records": .array(records), "source": .string(source)])
        return (result["added"]?.int ?? 0, result["updated"]?.int ?? 0)
    }
}
