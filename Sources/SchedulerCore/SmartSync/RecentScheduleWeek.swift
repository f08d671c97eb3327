import Foundation

/// "Recent" schedules are this ISO week's: the first schedule of a new week (in the user's zone)
/// starts every one of the user's counts from zero.
public enum RecentScheduleWeek {
    /// The types whose counts must go back to zero when `currentWeekStart` differs from the stored week
    /// (only those with a count, so nothing else is rewritten); nil when it is still the same week.
    public static func reset(_ types: [TaskType], storedWeekStart: Date?, currentWeekStart: Date) -> [TaskType]? {
        guard storedWeekStart != currentWeekStart else { return nil }
        return types.filter { $0.recentScheduleCount != 0 }.map { type in
            var type = type
            type.recentScheduleCount = 0
            return type
        }
    }
}
