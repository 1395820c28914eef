import GRDB
import TextAnalysis

/// One person (or place) under every spelling the documents use.
public struct NameGroup: Sendable, Equatable {
    /// The commonest spelling.
    public var name: String
    /// How many documents name them, in any spelling.
    public var documents: Int
    /// Each spelling and how many documents use it, commonest first.
    public var spellings: [(spelling: String, documents: Int)]

    public static func == (a: NameGroup, b: NameGroup) -> Bool {
        a.name == b.name && a.documents == b.documents && a.spellings.map(\.spelling) == b.spellings.map(\.spelling)
            && a.spellings.map(\.documents) == b.spellings.map(\.documents)
    }
}

/// Tells which of a list of names are one name in different spellings: the same words
/// under `NameVariants`' rules (`Pak Hon Yong`, `Pak Heon-yeong`, `박헌영`), spellings of
/// one alias group, or (names of six letters or more, among the commonest) one letter off
/// (`Shtykov`, `Shytkov`).
struct NameClusters {
    private var aliasOwner: [[String]: String] = [:]
    /// Whether the names are people's, whose surnames alone stand for them.
    var people = true

    init(aliases: [AliasGroup], people: Bool = true) {
        self.people = people
        for group in aliases {
            for spelling in group.spellings { aliasOwner[Terms.indexTerms(in: spelling)] = group.name }
        }
    }

    /// Groups `names` (with their counts): each group as indices into `names`, the group
    /// with the most documents first.
    func groups(_ names: [(String, Int)]) -> [[Int]] {
        var parent = Array(names.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        func join(_ a: Int, _ b: Int) {
            let (ra, rb) = (root(a), root(b))
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        var owner: [String: Int] = [:]
        var joined: [String] = []
        for (i, (name, _)) in names.enumerated() {
            let words = Vocabulary.nameWords(of: name)
            joined.append(NameVariants.joinedName(words))
            var keys = Vocabulary.nameKeys(ofWords: words)
            if let alias = aliasOwner[Terms.indexTerms(in: name)] { keys.append("alias:" + alias) }
            for key in keys {
                if let other = owner[key] { join(i, other) } else { owner[key] = i }
            }
        }
        // A surname alone ("Gromyko") is the one person named in full with it last
        // ("Andrei Gromyko"), when there is only one.
        var byLastWord: [String: [Int]] = [:]
        for (i, (name, _)) in names.enumerated() where people {
            let words = Terms.indexTerms(in: name)
            if words.count >= 2, let last = words.last { byLastWord[last, default: []].append(i) }
        }
        for (i, (name, _)) in names.enumerated() {
            let words = Terms.indexTerms(in: name)
            if words.count == 1, let full = byLastWord[words[0]], full.count == 1 { join(i, full[0]) }
        }
        // Spellings one letter apart, among the commonest names (a pairwise comparison).
        let common = names.indices.sorted { names[$0].1 > names[$1].1 }.prefix(300)
        for a in common where joined[a].count >= 6 {
            for b in common where b > a && joined[b].count >= 6 && root(a) != root(b) {
                if abs(joined[a].count - joined[b].count) <= 1, EditDistance.distance(joined[a], joined[b], limit: 1) <= 1 {
                    join(a, b)
                }
            }
        }
        var members: [Int: [Int]] = [:]
        for i in names.indices { members[root(i), default: []].append(i) }
        return members.values.map { $0.sorted { (names[$0].1, names[$1].0) > (names[$1].1, names[$0].0) } }
            .sorted { lhs, rhs in
                let (l, r) = (lhs.reduce(0) { $0 + names[$1].1 }, rhs.reduce(0) { $0 + names[$1].1 })
                return l != r ? l > r : names[lhs[0]].0 < names[rhs[0]].0
            }
    }
}

extension DocumentStore {
    /// The people named in the hits of `query` (in their people fields, or else recognised
    /// in their titles and summaries), each person once under every spelling, with how
    /// many documents name them: most named first.
    public func names(_ query: SearchQuery, kind: Facet.Kind = .person) throws(StoreError) -> (total: Int, names: [NameGroup]) {
        try read { db in
            let field = kind == .place ? "places" : "people"
            let hits = HitSet(query)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    WITH h AS MATERIALIZED (SELECT d.rowid AS rowid, d.\(field) AS listed, d.named_\(field) AS named \(hits.from))
                    SELECT h.rowid, j.value FROM h, json_each(CASE WHEN h.listed <> '[]' THEN h.listed ELSE h.named END) j
                    UNION ALL SELECT -1, count(*) FROM h
                    """,
                arguments: hits.arguments)
            var total = 0
            var documents: [String: Set<Int64>] = [:]
            for row in rows {
                let rowid: Int64 = row[0]
                if rowid == -1 {
                    total = row[1]
                    continue
                }
                guard let value: String = row[1], !value.isEmpty else { continue }
                documents[value, default: []].insert(rowid)
            }
            let names = documents.map { ($0.key, $0.value.count) }
            let clusters = NameClusters(aliases: try Self.aliasGroups(db), people: kind != .place)
            let groups = clusters.groups(names).map { members -> NameGroup in
                let all = members.reduce(into: Set<Int64>()) { $0.formUnion(documents[names[$1].0] ?? []) }
                return NameGroup(
                    name: names[members[0]].0, documents: all.count,
                    spellings: members.map { (names[$0].0, names[$0].1) })
            }
            return (total, groups.sorted { ($0.documents, $1.name) > ($1.documents, $0.name) })
        }
    }
}

extension DocumentStore {
    /// `names` grouped into people (or places): spellings of one name by the rules, by an
    /// alias, or one letter off, together.
    public func nameGroups(_ names: [String]) throws(StoreError) -> [[String]] {
        let aliases = try self.aliases()
        return NameClusters(aliases: aliases).groups(names.map { ($0, 1) }).map { $0.map { names[$0] } }
    }
}
