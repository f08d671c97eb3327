import Foundation

/// When a habit recurs: on fixed weekdays, or a number of times a week on days the planner picks.
public enum HabitDays: Sendable, Equatable {
    /// 0 = Sunday.
    case fixed(Set<Int>)
    case timesPerWeek(Int)
}

/// A task type done again and again: "gym 3 times a week", "standup every weekday at 9:30 for 15 min",
/// "deep work every morning for 2h".
public struct Habit: Sendable, Equatable {
    public var id: Int64?
    public var userID: String
    public var taskTypeID: Int64
    public var title: String
    public var days: HabitDays
    /// A fixed local start time; nil lets the slot finder choose.
    public var minuteOfDay: Int?
    /// Where the finder may look each day (nil: the user's available hours).
    public var window: DayWindow?
    public var durationMinutes: Int
    public var isActive: Bool
    public var createdAt: Date

    public init(id: Int64? = nil, userID: String, taskTypeID: Int64, title: String, days: HabitDays, minuteOfDay: Int? = nil,
                window: DayWindow? = nil, durationMinutes: Int, isActive: Bool = true, createdAt: Date) {
        self.id = id
        self.userID = userID
        self.taskTypeID = taskTypeID
        self.title = title
        self.days = days
        self.minuteOfDay = minuteOfDay
        self.window = window
        self.durationMinutes = durationMinutes
        self.isActive = isActive
        self.createdAt = createdAt
    }

    /// Placed by the slot finder (rather than pinned to a clock time), so it can be moved when it collides or is skipped.
    public var isFlexible: Bool { minuteOfDay == nil }

    public var timesPerWeek: Int {
        switch days {
        case .fixed(let weekdays): weekdays.count
        case .timesPerWeek(let count): count
        }
    }
}

/// One occurrence of a habit already in the calendar.
public struct HabitOccurrence: Sendable, Equatable {
    public var start: Date
    public var end: Date
    /// Skipped occurrences keep their day taken (no second try the same day) but do not count as kept.
    public var isKept: Bool

    public init(start: Date, end: Date, isKept: Bool) {
        self.start = start
        self.end = end
        self.isKept = isKept
    }
}
