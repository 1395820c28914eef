import DocumentStore
import DossierProtocol
import Foundation
import REPLCore

/// The requests a plugin makes of the host while it answers a call: the store and the
/// session are the host's, so a plugin never opens them itself.
extension PluginHost {
    /// The reply to one request: a `result` message with the result, or with an error whose
    /// message names the problem. A failed request does not disable the plugin.
    func serve(_ request: [String: JSONValue], context: CommandContext) async -> JSONValue {
        let id = request["id"] ?? .null
        func reply(error message: String) -> JSONValue {
            ["type": "result", "id": id, "error": ["message": .string(message)]]
        }
        guard let methodName = request["method"]?.string else { return reply(error: "The request has no \"method\".") }
        guard let method = PluginProtocol.Method(rawValue: methodName) else {
            let known = PluginProtocol.Method.allCases.map(\.rawValue).joined(separator: ", ")
            return reply(error: "Dossier has no method '\(methodName)'; it answers \(known).")
        }
        let params = request["params"]?.object ?? [:]
        do {
            let result: JSONValue
            switch method {
            case .search: result = try search(params, context: context)
            case .get: result = try get(params, context: context)
            case .noteAdd: result = try await addNote(params, context: context)
            case .importRecords: result = try importRecords(params, context: context)
            }
            return ["type": "result", "id": id, "result": result]
        } catch let error as RequestError {
            return reply(error: error.message)
        } catch {
            return reply(error: Interpreter.message(for: error))
        }
    }

    private struct RequestError: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    private func string(_ key: String, in params: [String: JSONValue], method: String) throws -> String {
        guard let value = params[key]?.string, !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw RequestError("'\(method)' needs \"\(key)\", a non-empty string.")
        }
        return value
    }

    private func integer(_ key: String, in params: [String: JSONValue], default value: Int, range: ClosedRange<Int>) throws -> Int
    {
        guard let given = params[key], given != .null else { return value }
        guard let number = given.int, range.contains(number) else {
            throw RequestError("\"\(key)\" must be a whole number from \(range.lowerBound) to \(range.upperBound.grouped).")
        }
        return number
    }

    /// `search`: the documents matching a query in Dossier's query language, best first.
    private func search(_ params: [String: JSONValue], context: CommandContext) throws -> JSONValue {
        let text = try string("query", in: params, method: "search")
        let limit = try integer("limit", in: params, default: 20, range: 1...10_000)
        let offset = try integer("offset", in: params, default: 0, range: 0...10_000_000)
        let sortName = params["sort"]?.string ?? "relevance"
        guard let sort = SearchSort(rawValue: sortName) else {
            throw RequestError("\"sort\" must be one of: " + SearchSort.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        let fields = try fieldList(params)
        let query = try context.store.query(text, exact: params["exact"] == .bool(true))
        let page = try context.store.search(query, limit: limit, offset: offset, sort: sort)
        return [
            "total": .number(Double(page.total)),
            "documents": .array(
                page.hits.enumerated().map { index, hit in
                    var record = Self.fields(hit.record.json, keeping: fields)
                    if case .object(var object) = record {
                        object["rank"] = .number(Double(offset + index + 1))
                        record = .object(object)
                    }
                    return record
                }),
        ]
    }

    /// `get`: documents by result number (of the last listing) or id.
    private func get(_ params: [String: JSONValue], context: CommandContext) throws -> JSONValue {
        guard let refs = params["refs"]?.array, refs.allSatisfy({ $0.string != nil || $0.int != nil }) else {
            throw RequestError("'get' needs \"refs\", an array of result numbers or document ids.")
        }
        let fields = try fieldList(params)
        var documents: [JSONValue] = []
        var missing: [JSONValue] = []
        for ref in refs {
            let text = ref.string ?? String(ref.int!)
            if let record = try? context.resolve(text) {
                documents.append(Self.fields(record.json, keeping: fields))
            } else {
                missing.append(.string(text))
            }
        }
        return ["documents": .array(documents), "missing": .array(missing)]
    }

    /// `note.add`: a note in the session, made by the `note` command itself.
    private func addNote(_ params: [String: JSONValue], context: CommandContext) async throws -> JSONValue {
        let text = try string("text", in: params, method: "note.add")
        guard let note = context.registry.entry(named: "note"), context.registry.isBuiltIn("note") else {
            throw RequestError("This dossier has no 'note' command to add notes with.")
        }
        var invocation = Invocation(path: ["add"], text: text)
        if let quote = params["quote"]?.string { invocation.options["quote"] = [quote] }
        if let ref = params["ref"]?.string ?? params["ref"]?.int.map(String.init) {
            invocation.text = try context.resolve(ref).id + " " + text
        } else {
            invocation.options["free"] = []
        }
        let output = try await note.invoke(invocation, context)
        return output.json["note"] ?? output.json
    }

    /// `import`: records in Dossier's field names, imported in one transaction with the
    /// rules of every importer (a bad record rejects them all; a known id is updated).
    private func importRecords(_ params: [String: JSONValue], context: CommandContext) throws -> JSONValue {
        guard let records = params["records"]?.array else {
            throw RequestError("'import' needs \"records\", an array of records (objects with Dossier's field names).")
        }
        // No records is nothing to do, not a file without records.
        if records.isEmpty { return ["added": 0, "updated": 0, "warnings": []] }
        let source = params["source"]?.string ?? "plugin records"
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("dossier-plugin-import-\(getpid())-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        let lines = records.map { $0.serialized() }.joined(separator: "\n") + "\n"
        do {
            try Data(lines.utf8).write(to: file)
        } catch {
            throw RequestError("The records could not be staged for import: \(error.localizedDescription)")
        }
        let summary = try context.store.importFile(
            at: file, format: .jsonl, name: source, origin: source, isCancelled: { context.isInterrupted })
        return [
            "added": .number(Double(summary.added)), "updated": .number(Double(summary.updated)),
            "warnings": .array(summary.warnings.map { .string($0.description) }),
        ]
    }

    private func fieldList(_ params: [String: JSONValue]) throws -> Set<String>? {
        guard let value = params["fields"], value != .null else { return nil }
        guard let fields = value.array?.compactMap(\.string), fields.count == value.array?.count else {
            throw RequestError("\"fields\" must be an array of field names (id, date, title, summary, text, …).")
        }
        return Set(fields + ["id"])
    }

    private static func fields(_ record: JSONValue, keeping fields: Set<String>?) -> JSONValue {
        guard let fields, case .object(let object) = record else { return record }
        return .object(object.filter { fields.contains($0.key) })
    }
}
