import ArgumentParser
import CommandSupport
import DocumentStore
import DossierProtocol
import REPLCore

/// `facets QUERY`: who, where, when and from which archive, for all the hits.
struct Facets: FreeTextCommand, ListingCommand {
    static let configuration = CommandConfiguration(
        commandName: "facets",
        abstract: "Count the documents a search finds by year, person, place, collection and archive.",
        discussion: """
            QUERY is written as for 'search' (see 'help search'), date filters included; every \
            hit counts, not only the first page. People and places come from the documents' \
            fields and, for documents without them (most archive records), from the names \
            recognised in their titles and summaries: capitalized names with offices, \
            nationalities and organisations taken off ("Soviet Ambassador A.M. Puzanov" is \
            Puzanov), places from a gazetteer of countries and cities.
            """)

    static let examples = ["facets plenum", "facets Kim Il Sung --limit 3", "facets Kim year:1956"]

    static var freeText: WritableKeyPath<Self, String> { \.query }

    @Argument(help: "What to look for, as for 'search'.")
    var query: String

    @OptionGroup var limit: ResultLimit
    static let defaultLimit = 10

    func validate() throws {
    }

    func run(in context: CommandContext) async throws -> any CommandOutput {
        let limit = self.limit.value(default: Self.defaultLimit)
        let parsed = try context.store.query(query)
        let (total, facets) = try context.store.facets(parsed, limit: limit)
        return FacetsView(query: query, total: total, facets: facets)
    }
}

/// Facets as aligned lists with bars, or as JSON.
struct FacetsView: CommandResult {
    var query: String
    var total: Int
    var facets: [Facet]

    static func heading(_ kind: Facet.Kind) -> String {
        switch kind {
        case .year: return "Years"
        case .person: return "People"
        case .place: return "Places"
        case .collection: return "Collections"
        case .archive: return "Archives"
        }
    }

    func text(in style: TextStyle) -> String {
        var lines = Wrapping.wrap(Search.countSentence(total, query: query), width: style.width)
        guard total > 0 else { return lines.joined(separator: "\n") }
        let labelWidth = min(
            36,
            facets.flatMap(\.values).map {
                Wrapping.visibleWidth($0.value) + ($0.variants.isEmpty ? 0 : 8 + $0.variants.map(\.count).reduce(0, +))
            }.max() ?? 4)
        let countWidth = (facets.flatMap(\.values).map(\.count).max() ?? 0).grouped.count
        let barWidth = min(40, max(4, style.width - 2 - labelWidth - 2 - countWidth - 2))
        for facet in facets {
            lines.append("")
            var heading = Self.heading(facet.kind)
            if facet.values.isEmpty {
                lines.append(style.heading(heading) + " — none")
                continue
            }
            if facet.distinct > facet.values.count {
                heading += " (\(facet.values.count) of \(facet.distinct.grouped)"
                heading += facet.kind == .year ? ", the busiest)" : ", the most frequent)"
            }
            lines.append(style.heading(heading))
            let maximum = facet.values.map(\.count).max() ?? 1
            for value in facet.values {
                let shown =
                    value.variants.isEmpty ? value.value : "\(value.value) (also \(value.variants.joined(separator: ", ")))"
                let label =
                    Wrapping.visibleWidth(shown) > labelWidth
                    ? String(shown.prefix(labelWidth - 1)) + "…" : shown
                let count = value.count.grouped
                lines.append(
                    "  " + Wrapping.pad(label, to: labelWidth) + "  "
                        + String(repeating: " ", count: countWidth - count.count) + count + "  "
                        + style.dim(BarChart.bar(value.count, of: maximum, width: barWidth)))
            }
            if facet.missing > 0 {
                let none: String
                switch facet.kind {
                case .year: none = "undated"
                case .person: none = "naming no one"
                case .place: none = "naming no place"
                case .collection: none = "in no collection"
                case .archive: none = "with no archive"
                }
                lines.append(style.dim("  and \(facet.missing.grouped) \(facet.missing == 1 ? "document" : "documents") \(none)"))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The keys of `--json`: the query, the total, and one key a facet, by its kind.
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// A facet as `--json` gives it.
    struct FacetCounts: Encodable {
        struct Value: Encodable {
            var value: String
            var count: Int
            /// Other spellings counted with it (people and places).
            var variants: [String]?
        }

        var values: [Value]
        var distinct: Int
        var missing: Int
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(query, forKey: Key(stringValue: "query"))
        try container.encode(total, forKey: Key(stringValue: "total"))
        for facet in facets {
            let values = facet.values.map {
                FacetCounts.Value(value: $0.value, count: $0.count, variants: $0.variants.isEmpty ? nil : $0.variants)
            }
            try container.encode(
                FacetCounts(values: values, distinct: facet.distinct, missing: facet.missing),
                forKey: Key(stringValue: facet.kind.rawValue))
        }
    }
}
