/// Horizontal bars drawn with block characters, in eighths of a cell.
public enum BarChart {
    private static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar for `value` on a scale where `maximum` fills `width` cells. Any value above
    /// zero shows at least a sliver, so a count of 1 beside 10,000 is not drawn as none.
    public static func bar(_ value: Int, of maximum: Int, width: Int) -> String {
        guard value > 0, maximum > 0, width > 0 else { return "" }
        let units = max(1, Int((Double(value) / Double(maximum) * Double(width * 8)).rounded()))
        return String(repeating: "█", count: units / 8) + eighths[units % 8]
    }
}
