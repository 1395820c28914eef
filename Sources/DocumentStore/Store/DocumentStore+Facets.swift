import Foundation
import GRDB

/// One value of a facet and how many hits have it.
public struct FacetValue: Sendable, Equatable {
    public var value: String
    public var count: Int
    /// Other spellings of the same person or place, counted in with it.
    public var variants: [String]

    public init(_ value: String, _ count: Int, variants: [String] = []) {
        self.value = value
        self.count = count
        self.variants = variants
    }
}

/// The hits of a query counted by one property.
public struct Facet: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case year, person, place, collection, archive
    }

    public var kind: Kind
    /// The most frequent values, most frequent first (years: the busiest years, in
    /// order of time).
    public var values: [FacetValue]
    /// How many different values the hits have in all.
    public var distinct: Int
    /// How many hits have no value (undated documents for `year`).
    public var missing: Int
}

/// Counts over time: how many hits fall in each year or month.
public struct DateCounts: Sendable, Equatable {
    /// Hits by the date they start on, as printed: `1956`, `1956-09`; uncertain dates
    /// (`1956~`) count with certain ones.
    public var byMonth: [String: Int]
    /// Hits dated to a year only (`1956`), by year; they have no month.
    public var yearOnly: [String: Int]
    public var undated: Int

    /// Every dated hit by year.
    public var byYear: [String: Int] {
        var years = yearOnly
        for (month, count) in byMonth { years[String(month.prefix(4)), default: 0] += count }
        return years
    }
}

extension DocumentStore {
    /// The hits of `query` (all of them, not a page) counted by year, person, place,
    /// collection and archive. People and places come from the records' fields, and for a
    /// record without them from the names recognised in its title and summary.
    public func facets(_ query: SearchQuery, limit: Int = 10) throws(StoreError) -> (total: Int, facets: [Facet]) {
        try read { db in
            let hits = HitSet(query)
            let list = { (field: String) in
                "json_each(CASE WHEN h.\(field) <> '[]' THEN h.\(field) ELSE h.named_\(field) END)"
            }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    WITH h AS MATERIALIZED (
                        SELECT d.date, d.people, d.named_people, d.places, d.named_places, d.collections, d.archive
                        \(hits.from)
                    )
                    SELECT 'total', NULL, count(*) FROM h
                    UNION ALL SELECT 'year', substr(h.date, 1, 4), count(*) FROM h GROUP BY 2
                    UNION ALL SELECT 'person', j.value, count(*) FROM h, \(list("people")) j GROUP BY 2
                    UNION ALL SELECT 'place', j.value, count(*) FROM h, \(list("places")) j GROUP BY 2
                    UNION ALL SELECT 'collection', j.value, count(*) FROM h, json_each(h.collections) j GROUP BY 2
                    UNION ALL SELECT 'person', NULL, count(*) FROM h WHERE h.people = '[]' AND h.named_people = '[]'
                    UNION ALL SELECT 'place', NULL, count(*) FROM h WHERE h.places = '[]' AND h.named_places = '[]'
                    UNION ALL SELECT 'collection', NULL, count(*) FROM h WHERE h.collections = '[]'
                    UNION ALL SELECT 'archive', h.archive, count(*) FROM h GROUP BY 2
                    """,
                arguments: hits.arguments)
            var total = 0
            var values: [Facet.Kind: [FacetValue]] = [:]
            var missing: [Facet.Kind: Int] = [:]
            for row in rows {
                let name: String = row[0]
                let count: Int = row[2]
                guard let kind = Facet.Kind(rawValue: name) else {
                    total = count
                    continue
                }
                guard let value: String = row[1], !value.isEmpty else {
                    missing[kind, default: 0] += count
                    continue
                }
                values[kind, default: []].append(FacetValue(value, count))
            }
            // One person or place under several spellings counts once, under the commonest.
            let aliases = try Self.aliasGroups(db)
            for kind in [Facet.Kind.person, .place] {
                guard let list = values[kind] else { continue }
                values[kind] = NameClusters(aliases: aliases, people: kind == .person).groups(list.map { ($0.value, $0.count) })
                    .map { members in
                        FacetValue(
                            list[members[0]].value, members.reduce(0) { $0 + list[$1].count },
                            variants: members.dropFirst().map { list[$0].value })
                    }
            }
            var facets = Facet.Kind.allCases.map { kind -> Facet in
                let all = values[kind] ?? []
                var top = all.sorted { ($0.count, $1.value) > ($1.count, $0.value) }.prefix(limit).map { $0 }
                if kind == .year { top.sort { $0.value < $1.value } }
                return Facet(kind: kind, values: top, distinct: all.count, missing: missing[kind] ?? 0)
            }
            // A document that names one person under two spellings counts once.
            for (index, facet) in facets.enumerated() where facet.kind == .person || facet.kind == .place {
                let field = facet.kind == .person ? "people" : "places"
                for (position, value) in facet.values.enumerated() where !value.variants.isEmpty {
                    let spellings = [value.value] + value.variants
                    facets[index].values[position].count =
                        try Int.fetchOne(
                            db,
                            sql: """
                                SELECT count(DISTINCT d.rowid) \(hits.from) AND EXISTS (
                                    SELECT 1 FROM json_each(CASE WHEN d.\(field) <> '[]' THEN d.\(field) ELSE d.named_\(field) END) j
                                    WHERE j.value IN (\(Self.placeholders(spellings.count))))
                                """,
                            arguments: hits.arguments + StatementArguments(spellings)) ?? value.count
                }
                facets[index].values.sort { ($0.count, $1.value) > ($1.count, $0.value) }
            }
            return (total, facets)
        }
    }

    /// The hits of `query` counted by the year and month they start in.
    public func dateCounts(_ query: SearchQuery) throws(StoreError) -> DateCounts {
        try read { db in
            let hits = HitSet(query)
            let rows = try Row.fetchAll(
                db, sql: "SELECT substr(d.date, 1, 7), count(*) \(hits.from) GROUP BY 1", arguments: hits.arguments)
            var counts = DateCounts(byMonth: [:], yearOnly: [:], undated: 0)
            for row in rows {
                let count: Int = row[1]
                guard let printed: String = row[0] else {
                    counts.undated += count
                    continue
                }
                let period = printed.replacingOccurrences(of: "~", with: "")
                if period.count >= 7 {
                    counts.byMonth[period, default: 0] += count
                } else {
                    counts.yearOnly[String(period.prefix(4)), default: 0] += count
                }
            }
            return counts
        }
    }
}

/// The FROM clause and arguments that select every hit of a query (the document rows as
/// `d`), with its date filters.
struct HitSet {
    var from: String
    var arguments: StatementArguments

    init(_ query: SearchQuery) {
        let span = DateSpan(query)
        if query.isDatesOnly {
            from = "FROM document d WHERE \(span.condition)"
            arguments = span.arguments
            return
        }
        from =
            "FROM document_fts JOIN document d ON d.rowid = document_fts.rowid WHERE document_fts MATCH ?"
            + span.conditions.map { " AND " + $0 }.joined()
        arguments = StatementArguments([query.match] + span.values)
    }
}
