import Foundation

/// "Recent" schedules are this ISO week's: the first schedule of a new week (in the user's zone)
/// starts every one of the user's counts from zero.
public enum RecentScheduleWeek {
    /// True when the stored week is not the current one (or none is stored yet): the counts must be reset.
    public static func isNewWeek(storedWeekStart: Date?, currentWeekStart: Date) -> Bool {
        storedWeekStart != currentWeekStart
    }
}
