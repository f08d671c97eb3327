import Foundation

/// Local wall-clock arithmetic for recurring times, DST-correct through `LocalWeek`.
public enum TimeOfDay {
    /// The first instant strictly after `date` at local `minuteOfDay` (a time skipped by DST moves forward).
    public static func next(minuteOfDay minute: Int, after date: Date, in week: LocalWeek) -> Date {
        var day = date
        for _ in 0..<3 {
            if let candidate = week.date(onDayOf: day, minuteOfDay: minute), candidate > date { return candidate }
            day = week.addingDays(1, to: day) ?? day.addingTimeInterval(86_400)
        }
        return date.addingTimeInterval(86_400)
    }

    /// The first instant strictly after `date` on local `weekday` (0 = Sunday) at `minuteOfDay`.
    public static func next(weekday: Int, minuteOfDay minute: Int, after date: Date, in week: LocalWeek) -> Date {
        var candidate = next(minuteOfDay: minute, after: date, in: week)
        for _ in 0..<7 where week.weekday(candidate) != weekday {
            candidate = next(minuteOfDay: minute, after: candidate, in: week)
        }
        return candidate
    }
}

/// When each kind of unprompted message falls due. Pure: times in, times out.
public struct NudgeTiming: Sendable {
    public let week: LocalWeek
    public let preferences: ProactivePreferences

    public init(week: LocalWeek, preferences: ProactivePreferences) {
        self.week = week
        self.preferences = preferences
    }

    /// Weekly reviews go out on Sunday evening, when the week is nearly over and the next is not yet planned.
    public static let weeklyReviewWeekday = 0
    public static let weeklyReviewMinute = 18 * 60

    /// `lead` minutes before the start; nil when reminders are off.
    public func reminderDue(eventStart: Date) -> Date? {
        preferences.reminderLeadMinutes.map { eventStart.addingTimeInterval(-Double($0) * 60) }
    }

    /// Right when the event ends.
    public func followUpDue(eventEnd: Date) -> Date { eventEnd }

    /// The end of the user's day: when their quiet hours next begin (local midnight without quiet hours).
    /// An event that ends inside quiet hours is asked about the next morning, until that evening.
    public func followUpDeadline(eventEnd: Date) -> Date {
        guard let quiet = preferences.quietHours else {
            return week.addingDays(1, to: week.startOfDay(eventEnd)) ?? eventEnd.addingTimeInterval(86_400)
        }
        let askable = quiet.end(after: eventEnd, in: week)
        return quiet.nextStart(after: askable, in: week)
    }

    public func nextDailyPlan(after date: Date) -> Date? {
        preferences.dailyPlanMinute.map { TimeOfDay.next(minuteOfDay: $0, after: date, in: week) }
    }

    public func nextWeeklyReview(after date: Date) -> Date? {
        guard preferences.weeklyReview else { return nil }
        return TimeOfDay.next(weekday: Self.weeklyReviewWeekday, minuteOfDay: Self.weeklyReviewMinute, after: date, in: week)
    }
}
