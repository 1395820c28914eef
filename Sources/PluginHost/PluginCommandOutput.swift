import CommandSupport
import DocumentStore
import DossierProtocol
import REPLCore

/// What a plugin's command answered, rendered like a built-in's output: its text, a
/// table, and a numbered list of documents that later commands can refer to (`show 2`).
/// Its JSON is what the plugin sent (the plugin's own vocabulary), so it stays a value of
/// the wire format rather than a typed result.
struct PluginCommandOutput: CommandOutput {
    var textBlock: String?
    var table: Table?
    /// The table as the plugin sent it, for `--json`.
    var tableJSON: JSONValue?
    var documents: DocumentList?
    var data: JSONValue?

    /// Reads the `output` of a response; a shape Dossier cannot read is the plugin's fault.
    init(_ output: JSONValue, store: DocumentStore) throws {
        guard let object = output.object else { throw PluginProblem("sent an \"output\" that is not a JSON object") }
        if let text = object["text"], text != .null {
            guard let string = text.string else { throw PluginProblem("sent an output whose \"text\" is not a string") }
            textBlock = string
        }
        if let value = object["table"], value != .null {
            guard let columns = value["columns"]?.array?.compactMap(\.string), !columns.isEmpty,
                columns.count == value["columns"]?.array?.count, let rows = value["rows"]?.array,
                rows.allSatisfy({ $0.array != nil })
            else {
                throw PluginProblem("sent an output whose \"table\" is not {\"columns\": [strings], \"rows\": [[values]]}")
            }
            let cells = rows.map { row in
                let values = row.array!.prefix(columns.count).map(\.text)
                return values + Array(repeating: "", count: columns.count - values.count)
            }
            table = Table(columns: columns, rows: cells)
            tableJSON = value
        }
        if let value = object["documents"], value != .null {
            guard let ids = value.array?.compactMap(\.string), ids.count == value.array?.count else {
                throw PluginProblem("sent an output whose \"documents\" is not an array of document ids")
            }
            let records = try store.records(ids: ids)
            let found = Set(records.map(\.id))
            let missing = ids.filter { !found.contains($0) }
            var heading = object["heading"]?.string ?? (records.count.counted("document") + ".")
            if !missing.isEmpty {
                heading +=
                    " Not in the store: " + missing.prefix(5).joined(separator: ", ") + (missing.count > 5 ? ", …" : "") + "."
            }
            documents = DocumentList(heading: heading, items: records.map { DocumentList.Item(record: $0) })
        }
        if let value = object["data"], value != .null { data = value }
    }

    func text(in style: TextStyle) -> String {
        var blocks: [String] = []
        if let textBlock, !textBlock.isEmpty { blocks.append(textBlock) }
        if let table { blocks.append(table.text(in: style)) }
        if let documents { blocks.append(documents.text(in: style)) }
        return blocks.joined(separator: "\n\n")
    }

    var json: JSONValue {
        if let data { return data }
        var object: [String: JSONValue] = [:]
        if let textBlock { object["text"] = .string(textBlock) }
        if let tableJSON { object["table"] = tableJSON }
        if let documents, case .object(let list) = documents.json { object["results"] = list["results"] }
        return .object(object)
    }

    var listedDocumentIDs: [String]? { documents?.items.map(\.record.id) }
}
