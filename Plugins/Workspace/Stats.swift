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
        ArchiveSummary(try context.store.stats(), store: context.store.url.path, workspace: context.workspace.root.path)
    }
}

/// What the archive holds, as `stats` shows it.
struct ArchiveSummary: CommandResult {
    var documents: Int
    var dated: Int
    var earliest: PartialDate?
    var latest: PartialDate?
    var archives: [(name: String, count: Int)]
    var collections: [(name: String, count: Int)]
    var storeBytes: Int64
    var store: String
    var workspace: String

    init(_ stats: StoreStats, store: String, workspace: String) {
        documents = stats.documents
        dated = stats.dated
        earliest = stats.earliest
        latest = stats.latest
        archives = stats.archives.map { ($0.name, $0.count) }
        collections = stats.collections.map { ($0.name, $0.count) }
        storeBytes = stats.bytes
        self.store = store
        self.workspace = workspace
    }

    enum CodingKeys: String, CodingKey {
        case documents, dated, undated, earliest, latest, archives, collections, store
        case storeBytes = "store_bytes"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(documents, forKey: .documents)
        try container.encode(dated, forKey: .dated)
        try container.encode(documents - dated, forKey: .undated)
        // Absent dates are null, as in every record.
        try container.encode(earliest?.iso, forKey: .earliest)
        try container.encode(latest?.iso, forKey: .latest)
        try container.encode(Self.counts(archives), forKey: .archives)
        try container.encode(Self.counts(collections), forKey: .collections)
        try container.encode(storeBytes, forKey: .storeBytes)
        try container.encode(store, forKey: .store)
    }

    private static func counts(_ list: [(name: String, count: Int)]) -> [String: Int] {
        Dictionary(list.map { ($0.name, $0.count) }, uniquingKeysWith: { first, _ in first })
    }

    func text(in style: TextStyle) -> String {
        var fields: [(label: String, value: String)] = [("Documents", documents.grouped), ("Dates", dateRange)]
        if !archives.isEmpty {
            fields.append(("Archives", archives.map { "\($0.name) (\($0.count.grouped))" }.joined(separator: "; ")))
        }
        fields.append(
            (
                "Collections",
                collections.isEmpty
                    ? "none recorded" : collections.map { "\($0.name) (\($0.count.grouped))" }.joined(separator: "; ")
            ))
        fields.append(("Store", "\(store), \(ByteCountFormatter.string(fromByteCount: storeBytes, countStyle: .file))"))
        fields.append(("Workspace", workspace))
        return FieldList(fields: fields).text(in: style)
    }

    private var dateRange: String {
        guard let earliest, let latest else { return "no dated documents" }
        var text = "\(earliest.display) to \(latest.display)"
        let undated = documents - dated
        if undated > 0 { text += "; \(undated.grouped) undated" }
        return text
    }
}
