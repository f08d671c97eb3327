import Foundation

/// A stretch of the local day, in minutes since midnight, that may wrap past midnight (22:00-07:00).
public struct DayWindow: Sendable, Equatable, Codable {
    public var startMinute: Int
    public var endMinute: Int

    /// Nil for an empty window; both ends are taken modulo a day, so 22:00-07:00 wraps.
    public init?(startMinute: Int, endMinute: Int) {
        let start = ((startMinute % 1440) + 1440) % 1440
        let end = ((endMinute % 1440) + 1440) % 1440
        guard start != end else { return nil }
        self.startMinute = start
        self.endMinute = end
    }

    public var wraps: Bool { endMinute < startMinute }

    public func contains(minuteOfDay minute: Int) -> Bool {
        wraps ? (minute >= startMinute || minute < endMinute) : (minute >= startMinute && minute < endMinute)
    }

    public func contains(_ date: Date, in week: LocalWeek) -> Bool {
        contains(minuteOfDay: week.minuteOfDay(date))
    }

    /// The first instant at or after `date` when the window ends (the instant itself when outside it).
    public func end(after date: Date, in week: LocalWeek) -> Date {
        guard contains(date, in: week) else { return date }
        let minute = week.minuteOfDay(date)
        let day = wraps && minute >= startMinute ? (week.addingDays(1, to: date) ?? date) : date
        return week.date(onDayOf: day, minuteOfDay: endMinute) ?? date
    }

    /// The first instant strictly after `date` when the window starts.
    public func nextStart(after date: Date, in week: LocalWeek) -> Date {
        TimeOfDay.next(minuteOfDay: startMinute, after: date, in: week)
    }

    /// 22:00-07:00: nobody wants a nudge at night.
    public static let defaultQuietHours = DayWindow(startMinute: 22 * 60, endMinute: 7 * 60)!
}

/// How and when a user wants the bot to speak first.
public struct ProactivePreferences: Sendable, Equatable {
    /// Minutes before an event that its reminder is sent; nil turns reminders off.
    public var reminderLeadMinutes: Int?
    /// Local minute of the daily plan; nil (the default) means no daily plan.
    public var dailyPlanMinute: Int?
    public var weeklyReview: Bool
    /// When true an unanswered follow-up marks the event missed (a learning signal); otherwise its outcome is unknown.
    public var unansweredCountsAsMissed: Bool
    /// Nil turns quiet hours off.
    public var quietHours: DayWindow?
    /// Unprompted messages per local day, at most.
    public var dailyCap: Int
    /// "stop", "mute" or "quiet": nothing unprompted until "resume".
    public var isMuted: Bool
    /// Where the user last wrote from: unprompted messages go there.
    public var lastRoomID: String?
    /// The network of `lastRoomID`; nil for someone who has not written since networks were recorded.
    public var network: Network?

    public init(reminderLeadMinutes: Int? = ProactivePreferences.defaultReminderLead, dailyPlanMinute: Int? = nil,
                weeklyReview: Bool = false, unansweredCountsAsMissed: Bool = false,
                quietHours: DayWindow? = .defaultQuietHours, dailyCap: Int = ProactivePreferences.defaultDailyCap,
                isMuted: Bool = false, lastRoomID: String? = nil, network: Network? = nil) {
        self.reminderLeadMinutes = reminderLeadMinutes
        self.dailyPlanMinute = dailyPlanMinute
        self.weeklyReview = weeklyReview
        self.unansweredCountsAsMissed = unansweredCountsAsMissed
        self.quietHours = quietHours
        self.dailyCap = dailyCap
        self.isMuted = isMuted
        self.lastRoomID = lastRoomID
        self.network = network
    }

    public static let defaultReminderLead = 10
    public static let defaultDailyCap = 8
}
