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

/// Whether "11/12" means 11 December (day first) or 12 November (month first).
public enum DateOrder: String, Sendable, Codable {
    case monthFirst = "month-first"
    case dayFirst = "day-first"
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

    public init(now: Date, timeZone: TimeZone, dateOrder: DateOrder = .monthFirst) {
        self.now = now
        self.offsets = ZoneOffsets(timeZone: timeZone, around: now)
        self.dateOrder = dateOrder
    }
}

/// What a message asks for. Raw values are the replay/parse contract: add cases, never rename.
public enum IntentKind: String, Sendable, Codable, CaseIterable {
    case schedule, done, skip, agenda, cancel, move, timezone, available, help, onboarding, chat, unknown
    /// `plan <goal>`: a model-made plan of task types, cached across similar profiles.
    case plan
    /// `insights [task]`: what the bot has learned, with a task's week as a heat map; `why [task]`: the last suggestion explained.
    case insights, why
    // Proactive messages and habits (issue 9).
    case habit, habits, stopHabit = "stop_habit", reminders, dailyPlan = "daily_plan", weeklyReview = "weekly_review"
    case quietHours = "quiet_hours", messageLimit = "message_limit", unanswered, mute, resume
}

/// Which part of the agenda the user asked for.
public enum AgendaScope: String, Sendable, Codable {
    case upcoming, today, tomorrow, next
}

/// A message read by the grammar, before the engine acts on it.
public struct ParsedCommand: Sendable, Equatable {
    public var intent: IntentKind
    /// The task as the user named it ("deep coding"), nil when none was named.
    public var task: String?
    public var when: ResolvedTime?
    public var durationMinutes: Int?
    /// 0...1 (a 1-10 rating r maps to r/10).
    public var rating: Double?
    public var note: String?
    public var agendaScope: AgendaScope?
    /// For `timezone`: the zone as typed.
    public var timeZoneName: String?
    /// For `available`: weekdays (0 = Sunday) and local minutes [from, to).
    public var availabilityDays: [Int]?
    public var availabilityFromMinute: Int?
    public var availabilityToMinute: Int?
    /// When a near-miss command word was corrected: e.g. "shedule -> schedule".
    public var correction: String?
    /// A human-readable reason when the command was recognised but something in it could not be read.
    public var problem: String?
    /// For `plan`: the user asked for a new plan rather than a cached one ("plan fresh ...", "new plan ...").
    public var wantsFresh: Bool = false
    /// For habits and the proactive settings: what exactly was asked.
    public var proactive: ProactiveRequest? = nil

    public init(intent: IntentKind, task: String? = nil, when: ResolvedTime? = nil, durationMinutes: Int? = nil,
                rating: Double? = nil, note: String? = nil, agendaScope: AgendaScope? = nil,
                timeZoneName: String? = nil, availabilityDays: [Int]? = nil, availabilityFromMinute: Int? = nil,
                availabilityToMinute: Int? = nil, correction: String? = nil, problem: String? = nil) {
        self.intent = intent
        self.task = task
        self.when = when
        self.durationMinutes = durationMinutes
        self.rating = rating
        self.note = note
        self.agendaScope = agendaScope
        self.timeZoneName = timeZoneName
        self.availabilityDays = availabilityDays
        self.availabilityFromMinute = availabilityFromMinute
        self.availabilityToMinute = availabilityToMinute
        self.correction = correction
        self.problem = problem
    }
}
