import Foundation

/// "Recent" schedules are this ISO week's: the first schedule of a new week (in the user's zone)
/// starts every one of the user's counts from zero.
public enum RecentScheduleWeek {
    /// The types with counts zeroed when `currentWeekStart` differs from the stored week; nil when still the same week.
    public static func reset(_ types: [TaskType], storedWeekStart: Date?, currentWeekStart: Date) -> [TaskType]? {
        guard storedWeekStart != currentWeekStart else { return nil }
        return types.map { type in
            var type = type
            type.recentScheduleCount = 0
            return type
        }
    }
}
