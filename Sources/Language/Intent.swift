import Foundation

/// How precise a resolved time is.
public enum TimeGrain: String, Sendable, Codable, Equatable, Comparable {
    case second, minute, hour, day, week, month, year

    private var rank: Int {
        switch self {
        case .second: 0
        case .minute: 1
        case .hour: 2
        case .day: 3
        case .week: 4
        case .month: 5
        case .year: 6
        }
    }

    public static func < (a: TimeGrain, b: TimeGrain) -> Bool { a.rank < b.rank }
}

/// Which side of an open interval was said: "until 5pm" ends there (`before`), "after 5pm" starts there (`after`).
public enum OpenSide: String, Sendable, Codable, Equatable {
    case before, after
}

/// A time expression resolved against a reference instant: a point (end == nil) or an interval [start, end).
/// An open interval ("after 5pm", "until friday") says which side is open: `after` has only a start (end nil),
/// `before` runs from now to its end.
public struct ResolvedTime: Sendable, Equatable {
    public var start: Date
    public var end: Date?
    public var grain: TimeGrain
    public var open: OpenSide?

    public init(start: Date, end: Date? = nil, grain: TimeGrain, open: OpenSide? = nil) {
        self.start = start
        self.end = end
        self.grain = grain
        self.open = open
    }
}

extension ResolvedTime {
    /// The same local time of day on the local day of `anchor` ("move gym to 7" keeps gym's day).
    public func onDay(of anchor: Date, in timeZone: TimeZone) -> ResolvedTime {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let days = calendar.dateComponents([.day], from: calendar.startOfDay(for: start), to: calendar.startOfDay(for: anchor)).day ?? 0
        func shifted(_ date: Date) -> Date { calendar.date(byAdding: .day, value: days, to: date) ?? date }
        return ResolvedTime(start: shifted(start), end: end.map(shifted), grain: grain, open: open)
    }

    /// `anchor`'s local time of day on this time's local day ("friday, same time" for an event at 18:30).
    public func atTimeOfDay(of anchor: Date, in timeZone: TimeZone) -> ResolvedTime {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let clock = calendar.dateComponents([.hour, .minute], from: anchor)
        let moved = calendar.date(bySettingHour: clock.hour ?? 0, minute: clock.minute ?? 0, second: 0, of: start) ?? start
        return ResolvedTime(start: moved, grain: .minute)
    }
}

/// Whether "11/12" means 11 December (day first) or 12 November (month first).
public enum DateOrder: String, Sendable, Codable {
    case monthFirst = "month-first"
    case dayFirst = "day-first"
}

/// How a bare hour with no am/pm and no part of day reads ("at 4", "between 2 and 4").
public enum BareHourReading: String, Sendable, Codable {
    /// Duckling's convention: the next occurrence of either reading (at 10:00, "at 4" is 16:00, "friday at 4" is 04:00).
    case nextOccurrence = "next-occurrence"
    /// A scheduler's convention: 1-7 are afternoon, 8-11 morning, 12 noon, so "friday at 4" books 16:00.
    case workingDay = "working-day"
}

/// The reference a time expression is resolved against: the bot's clock and the user's zone.
public struct TimeContext: Sendable {
    public var now: Date
    public var timeZone: TimeZone {
        get { offsets.timeZone }
        set { offsets = ZoneOffsets(timeZone: newValue, around: now) }
    }
    public var dateOrder: DateOrder
    /// The zone's offsets around `now`, computed once so parsing needs no TimeZone calls.
    public private(set) var offsets: ZoneOffsets
    /// `parse-time` follows Duckling; the command grammar books events, so it reads bare hours as working hours.
    public var bareHours: BareHourReading

    public init(now: Date, timeZone: TimeZone, dateOrder: DateOrder = .monthFirst,
                bareHours: BareHourReading = .nextOccurrence) {
        self.now = now
        self.offsets = ZoneOffsets(timeZone: timeZone, around: now)
        self.dateOrder = dateOrder
        self.bareHours = bareHours
    }
}

/// What a message asks for. Raw values are the replay/parse contract: add cases, never rename.
public enum IntentKind: String, Sendable, Codable, CaseIterable {
    case schedule, done, skip, agenda, cancel, move, timezone, available, help, onboarding, chat, unknown
    /// `plan <goal>`: a model-made plan of task types, cached across similar profiles.
    case plan
    /// `insights [task]`: what the bot has learned, with a task's week as a heat map; `why [task]`: the last suggestion explained.
    case insights, why
    // Proactive messages and habits.
    case habit, habits, stopHabit = "stop_habit", reminders, dailyPlan = "daily_plan", weeklyReview = "weekly_review"
    case quietHours = "quiet_hours", messageLimit = "message_limit", unanswered, mute, resume
    /// `calendar import <url>`, `calendar import off`, `calendar feed [reset]`: the user's own calendar.
    case calendar
    /// `undo`: the last change taken back; a new rating for the completion just recorded ("make that a 7").
    case undo, rerate
    /// "that's a different task": the task just booked gets a type of its own instead of the one it was joined to.
    case separateTask = "separate_task"
}
