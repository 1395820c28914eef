import DocumentStore
import DossierProtocol

/// Rows under column headings, aligned; the last column takes the rest of the width and
/// wraps (`session list`, `history`, `notes`): a layout that results use for their text.
public struct Table: Sendable {
    public var heading: String?
    public var columns: [String]
    public var rows: [[String]]
    /// Lines under the table (how to do more).
    public var footer: String?
    /// Whether the last column is cut to one line (with `…`) instead of wrapped.
    public var cutsLastColumn: Bool

    public init(
        heading: String? = nil, columns: [String], rows: [[String]], footer: String? = nil, cutsLastColumn: Bool = false
    ) {
        self.heading = heading
        self.columns = columns
        self.rows = rows
        self.footer = footer
        self.cutsLastColumn = cutsLastColumn
    }

    public func text(in style: TextStyle) -> String {
        var lines: [String] = []
        if let heading { lines += Wrapping.wrap(heading, width: style.width) }
        let fixed = columns.indices.dropLast().map { column in
            ([columns[column]] + rows.map { $0[column] }).map { Wrapping.visibleWidth($0) }.max() ?? 0
        }
        let indentWidth = fixed.reduce(0) { $0 + $1 + 2 }
        let indent = String(repeating: " ", count: indentWidth)
        func line(_ cells: [String], header: Bool) -> [String] {
            let prefix = zip(cells, fixed).map { Wrapping.pad($0, to: $1 + 2) }.joined()
            let last = cells.last ?? ""
            let wrapped = Wrapping.wrap(last, width: max(style.width, indentWidth + 20), indent: indent, firstIndent: indent)
            var first = prefix + wrapped[0].dropFirst(indentWidth)
            if cutsLastColumn && wrapped.count > 1 { first += " …" }
            let all = cutsLastColumn ? [first] : [first] + wrapped.dropFirst()
            return header ? all.map { style.dim($0) } : all
        }
        lines += line(columns, header: true)
        for row in rows { lines += line(row, header: false) }
        if let footer { lines += Wrapping.wrap(footer, width: style.width) }
        return lines.joined(separator: "\n")
    }
}
