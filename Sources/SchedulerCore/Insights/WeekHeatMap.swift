/// A learned week drawn as 7 rows x 24 columns of Unicode blocks, Monday first, so a person sees the
/// pattern at a glance. Meant for a monospace block (front ends show it preformatted).
public enum WeekHeatMap {
    /// Nine levels from empty to full; value v in [0, 1] takes level round(v x 8).
    public static let blocks: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let mondayFirst = [1, 2, 3, 4, 5, 6, 0]

    public static func render(_ grid: WeekGrid) -> String {
        var lines = ["    0     6     12    18   "]
        for weekday in mondayFirst {
            let cells = (0..<24).map { hour in block(for: grid[WeekSlot(weekday: weekday, hour: hour)]) }
            lines.append(WeekSlot.weekdayShortNames[weekday] + " " + String(cells))
        }
        return lines.joined(separator: "\n")
    }

    static func block(for value: Double) -> Character {
        blocks[Int((min(1, max(0, value)) * 8).rounded())]
    }
}
