/// Which days of the week an adjustment covers.
public enum DayPattern: String, Sendable, Codable, CaseIterable {
    case all, weekdays, weekends
    case sunday, monday, tuesday, wednesday, thursday, friday, saturday

    /// Weekday numbers as `WeekSlot` counts them (0 = Sunday).
    public var weekdays: [Int] {
        switch self {
        case .all: Array(0..<7)
        case .weekdays: Array(1...5)
        case .weekends: [0, 6]
        case .sunday: [0]
        case .monday: [1]
        case .tuesday: [2]
        case .wednesday: [3]
        case .thursday: [4]
        case .friday: [5]
        case .saturday: [6]
        }
    }

    /// The single-day pattern for a weekday number (0 = Sunday).
    public static func day(_ weekday: Int) -> DayPattern? {
        let days: [DayPattern] = [.sunday, .monday, .tuesday, .wednesday, .thursday, .friday, .saturday]
        return days.indices.contains(weekday) ? days[weekday] : nil
    }
}

/// One qualitative nudge to a learned week (seed 001): scale the covered hours by `modifier`,
/// blended 70/30 with what behaviour taught.
public struct SyncAdjustment: Equatable, Sendable, Codable {
    public var dayPattern: DayPattern
    public var hourRange: [Int]
    public var modifier: Double
    public var reason: String

    public init(dayPattern: DayPattern, hourRange: [Int], modifier: Double, reason: String) {
        self.dayPattern = dayPattern
        self.hourRange = hourRange
        self.modifier = modifier
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case dayPattern = "day_pattern"
        case hourRange = "hour_range"
        case modifier, reason
    }

    /// Every slot the adjustment touches, in weekday then hour order.
    public var slots: [WeekSlot] {
        dayPattern.weekdays.flatMap { day in hourRange.map { WeekSlot(weekday: day, hour: $0) } }
    }
}
