import Foundation
import GRDB
import TextAnalysis

/// One name and the other names it goes by, which no spelling rule derives: Chiang
/// Kai-shek and Jiang Jieshi, Peking and Beijing, a pseudonym.
public struct AliasGroup: Sendable, Equatable {
    public var name: String
    public var variants: [String]

    public init(name: String, variants: [String]) {
        self.name = name
        self.variants = variants
    }

    /// Every spelling of the group, the name first.
    public var spellings: [String] { [name] + variants }
}

/// A problem with aliases given by a user or read from a file.
public enum AliasError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty(String)
    case malformed(file: String, line: Int, reason: String)
    case unreadable(file: String, reason: String)
    case unknown(String)

    public var description: String {
        switch self {
        case .empty(let what): return "\(what) is empty: give a name and one or more other spellings of it."
        case .malformed(let file, let line, let reason):
            return "\(file):\(line): \(reason) No aliases were imported."
        case .unreadable(let file, let reason): return "Cannot read '\(file)': \(reason)."
        case .unknown(let name): return "There is no alias for '\(name)'. 'alias list' shows them."
        }
    }
}

extension DocumentStore {
    /// Every alias group, by name.
    public func aliases() throws(StoreError) -> [AliasGroup] {
        try read { db in try Self.aliasGroups(db) }
    }

    static func aliasGroups(_ db: Database) throws -> [AliasGroup] {
        var groups: [AliasGroup] = []
        for row in try Row.fetchAll(db, sql: "SELECT name, variant FROM alias ORDER BY name COLLATE NOCASE, name, variant") {
            let name: String = row[0]
            let variant: String = row[1]
            if groups.last?.name == name {
                groups[groups.count - 1].variants.append(variant)
            } else {
                groups.append(AliasGroup(name: name, variants: [variant]))
            }
        }
        return groups
    }

    /// Adds `variants` as other names of `name` (joining the group `name` already
    /// belongs to, as its name or a variant); returns how many were new.
    @discardableResult
    public func addAliases(_ group: AliasGroup) throws -> Int {
        try write { db in try Self.add(group, db) }
    }

    private static func add(_ group: AliasGroup, _ db: Database) throws -> Int {
        let name = Folding.trimmed(Folding.nfc(group.name))
        guard !Terms.indexTerms(in: name).isEmpty else { throw AliasError.empty("The name '\(group.name)'") }
        // A name already known as someone's variant joins that group.
        let key = Terms.indexTerms(in: name)
        let existing = try aliasGroups(db).first { $0.spellings.contains { Terms.indexTerms(in: $0) == key } }
        let owner = existing?.name ?? name
        let known = Set((existing?.spellings ?? [name]).map { Terms.indexTerms(in: $0) })
        var added = 0
        var seen = known
        for variant in group.variants + (existing == nil || owner == name ? [] : [name]) {
            let spelling = Folding.trimmed(Folding.nfc(variant))
            let terms = Terms.indexTerms(in: spelling)
            guard !terms.isEmpty else { throw AliasError.empty("The spelling '\(variant)' of '\(group.name)'") }
            guard seen.insert(terms).inserted else { continue }
            try db.execute(sql: "INSERT OR IGNORE INTO alias (name, variant) VALUES (?, ?)", arguments: [owner, spelling])
            added += db.changesCount
        }
        return added
    }

    /// Removes `variants` from the group of `name`, or the whole group when none are given;
    /// returns how many spellings went.
    @discardableResult
    public func removeAliases(name: String, variants: [String] = []) throws -> Int {
        try write { db in
            let key = Terms.indexTerms(in: name)
            guard let group = try Self.aliasGroups(db).first(where: { $0.spellings.contains { Terms.indexTerms(in: $0) == key } })
            else { throw AliasError.unknown(name) }
            let doomed =
                variants.isEmpty
                ? group.variants
                : group.variants.filter { spelling in
                    variants.contains { Terms.indexTerms(in: $0) == Terms.indexTerms(in: spelling) }
                }
            guard !doomed.isEmpty else { throw AliasError.unknown(variants.joined(separator: ", ")) }
            for variant in doomed {
                try db.execute(sql: "DELETE FROM alias WHERE name = ? AND variant = ?", arguments: [group.name, variant])
            }
            return doomed.count
        }
    }

    /// Reads a file of aliases, one name a line with its other spellings after it,
    /// tab-separated (`#` starts a comment line), in one transaction: a malformed line
    /// stops the import with its line number and leaves the aliases as they were.
    public func importAliases(at url: URL, name file: String) throws -> (groups: Int, added: Int) {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw AliasError.unreadable(file: file, reason: exists ? "it is not UTF-8 text" : "there is no such file")
        }
        var groups: [(Int, AliasGroup)] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = Folding.trimmed(String(line))
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t").map { Folding.trimmed(String($0)) }.filter { !$0.isEmpty }
            guard fields.count >= 2 else {
                throw AliasError.malformed(
                    file: file, line: offset + 1,
                    reason: "'\(trimmed)' has no other spelling: put them after the name, separated by tabs.")
            }
            groups.append((offset + 1, AliasGroup(name: fields[0], variants: Array(fields.dropFirst()))))
        }
        return try write { db in
            var added = 0
            for (line, group) in groups {
                do {
                    added += try Self.add(group, db)
                } catch let error as AliasError {
                    throw AliasError.malformed(file: file, line: line, reason: error.description)
                }
            }
            return (groups.count, added)
        }
    }

    /// Alias groups as the file `importAliases` reads.
    public static func aliasFile(_ groups: [AliasGroup]) -> String {
        groups.map { $0.spellings.joined(separator: "\t") + "\n" }.joined()
    }
}
