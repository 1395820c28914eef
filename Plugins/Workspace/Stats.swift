import ArgumentParser
import DocumentStore
import DossierProtocol
import Foundation
import REPLCore

/// `stats`: what the archive holds.
struct Stats: DossierCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show what the archive holds: documents, dates, collections, size.")

    static let examples = ["stats", "stats --json"]

    func run(in context: CommandContext) async throws -> any CommandOutput {
        let stats = try context.store.stats()
        var fields: [(label: String, value: String)] = [
            ("Documents", stats.documents.grouped),
            ("Dates", dateRange(stats)),
        ]
        if !stats.archives.isEmpty {
            fields.append(("Archives", stats.archives.map { "\($0.name) (\($0.count.grouped))" }.joined(separator: "; ")))
        }
        fields.append(
            (
                "Collections",
                stats.collections.isEmpty
                    ? "none recorded"
                    : stats.collections.map { "\($0.name) (\($0.count.grouped))" }.joined(separator: "; ")
            ))
        fields.append(
            ("Store", "\(context.store.url.path), \(ByteCountFormatter.string(fromByteCount: stats.bytes, countStyle: .file))"))
        fields.append(("Workspace", context.workspace.root.path))
        let data: JSONValue = [
            "documents": .number(Double(stats.documents)),
            "dated": .number(Double(stats.dated)),
            "undated": .number(Double(stats.documents - stats.dated)),
            "earliest": stats.earliest.map { .string($0.iso) } ?? .null,
            "latest": stats.latest.map { .string($0.iso) } ?? .null,
            "archives": .object(
                Dictionary(
                    stats.archives.map { ($0.name, JSONValue.number(Double($0.count))) }, uniquingKeysWith: { first, _ in first })
            ),
            "collections": .object(
                Dictionary(
                    stats.collections.map { ($0.name, JSONValue.number(Double($0.count))) },
                    uniquingKeysWith: { first, _ in first })),
            "store_bytes": .number(Double(stats.bytes)),
            "store": .string(context.store.url.path),
        ]
        return FieldList(fields: fields, data: data)
    }

    private func dateRange(_ stats: StoreStats) -> String {
        guard let earliest = stats.earliest, let latest = stats.latest else { return "no dated documents" }
        var text = "\(earliest.display) to \(latest.display)"
        let undated = stats.documents - stats.dated
        if undated > 0 { text += "; \(undated.grouped) undated" }
        return text
    }
}
