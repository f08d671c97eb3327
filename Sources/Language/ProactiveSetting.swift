/// A recurring habit as said: "gym 3 times a week", "standup every weekday at 9:30 for 15 min",
/// "deep work every morning for 2h". Minutes are local; days are 0 = Sunday.
public struct RecurrenceRequest: Sendable, Equatable {
    public var task: String
    /// Fixed weekdays ("every weekday", "every mon and thu", "every morning" = all seven); nil for a count.
    public var weekdays: [Int]?
    /// "3 times a week": the planner picks the days.
    public var timesPerWeek: Int?
    /// A fixed start ("at 9:30").
    public var minuteOfDay: Int?
    /// A part of the day or a clock range to place it in ("every morning" = 04:00-12:00); the end may pass 1440.
    public var windowStartMinute: Int?
    public var windowEndMinute: Int?
    public var durationMinutes: Int?

    public init(task: String, weekdays: [Int]? = nil, timesPerWeek: Int? = nil, minuteOfDay: Int? = nil,
                windowStartMinute: Int? = nil, windowEndMinute: Int? = nil, durationMinutes: Int? = nil) {
        self.task = task
        self.weekdays = weekdays
        self.timesPerWeek = timesPerWeek
        self.minuteOfDay = minuteOfDay
        self.windowStartMinute = windowStartMinute
        self.windowEndMinute = windowEndMinute
        self.durationMinutes = durationMinutes
    }
}

/// A setting for the messages the bot sends first.
public enum ProactiveSetting: Sendable, Equatable {
    /// Minutes before an event; nil turns reminders off.
    case reminders(leadMinutes: Int?)
    /// Local minute of the daily plan; nil turns it off.
    case dailyPlan(minuteOfDay: Int?)
    case weeklyReview(on: Bool)
    /// Local minutes (22:00-07:00 wraps past midnight).
    case quietHours(startMinute: Int, endMinute: Int)
    case quietHoursOff
    case messageLimit(perDay: Int)
    /// Whether a follow-up left unanswered marks the event missed (true) or leaves it unknown (false).
    case unansweredCountsAsMissed(Bool)
    case mute
    case resume

    public var intent: IntentKind {
        switch self {
        case .reminders: .reminders
        case .dailyPlan: .dailyPlan
        case .weeklyReview: .weeklyReview
        case .quietHours, .quietHoursOff: .quietHours
        case .messageLimit: .messageLimit
        case .unansweredCountsAsMissed: .unanswered
        case .mute: .mute
        case .resume: .resume
        }
    }
}
