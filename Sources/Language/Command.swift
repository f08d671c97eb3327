import Foundation

/// What a message asks for, read by the grammar: one case per intent, each with exactly the values that
/// request needs. A request that was recognised but cannot be carried out as said is `.unreadable`, with
/// a typed problem, so a handler never sees a half-read command.
public enum Command: Sendable, Equatable {
    case schedule(ScheduleRequest)
    case done(OutcomeReport)
    case skip(OutcomeReport)
    case agenda(AgendaRequest)
    case cancel(EventChoice)
    case move(MoveRequest)
    /// An IANA zone name the zone database knows, as typed.
    case timezone(name: String)
    case available(AvailabilityRequest)
    case help
    case plan(PlanRequest)
    /// `insights [task]`.
    case insights(task: String?)
    /// `why [task]`.
    case why(task: String?)
    case habit(RecurrenceRequest)
    case habits
    case stopHabit(name: String)
    /// Reminders, daily plan, weekly review, quiet hours, message limit, unanswered, mute and resume.
    case setting(ProactiveSetting)
    /// "undo", "oops undo that", "take that back": the user's last change, taken back.
    case undo
    /// "never mind that", "scratch that": the change just made, taken back; said long after one (or with none) it
    /// is talk about whatever came last.
    case neverMind
    /// "actually more like a 5", "make that a 7": a new rating for the completion just recorded.
    case rerate(rating: Double)
    /// "that's a different task": the task just booked, which the bot joined to one of the user's task types, gets
    /// a type of its own.
    case separateTask
    /// Not a command: the conversation path answers it.
    case chat
    /// A command that could not be read as said; nothing may be created or changed for it.
    case unreadable(Unreadable)

    /// The intent name, as the replay and parse output show it.
    public var intent: IntentKind {
        switch self {
        case .schedule: .schedule
        case .done: .done
        case .skip: .skip
        case .agenda: .agenda
        case .cancel: .cancel
        case .move: .move
        case .timezone: .timezone
        case .available: .available
        case .help: .help
        case .plan: .plan
        case .insights: .insights
        case .why: .why
        case .habit: .habit
        case .habits: .habits
        case .stopHabit: .stopHabit
        case .setting(let setting): setting.intent
        case .undo, .neverMind: .undo
        case .rerate: .rerate
        case .separateTask: .separateTask
        case .chat: .chat
        case .unreadable(let unreadable): unreadable.intent
        }
    }
}

/// `schedule <task> [when] [for <duration>]`.
public struct ScheduleRequest: Sendable, Equatable {
    /// The event's title in the user's words ("team meeting"); the task type is matched from it.
    public var task: String
    public var when: ResolvedTime?
    public var durationMinutes: Int?
    /// The time said is a clock range whose length is the duration ("2-4pm"): the task takes exactly that span.
    public var isClockSpan: Bool

    public init(task: String, when: ResolvedTime? = nil, durationMinutes: Int? = nil, isClockSpan: Bool = false) {
        self.task = task
        self.when = when
        self.durationMinutes = durationMinutes
        self.isClockSpan = isClockSpan
    }
}

/// `done [task] [rating] [note]` and `skip [task] [note]`.
public struct OutcomeReport: Sendable, Equatable {
    /// The task as named; nil means the most recent event that is due.
    public var task: String?
    /// 0...1 (a 1-10 rating r maps to r/10); never set on a skip.
    public var rating: Double?
    public var note: String?
    /// A time said with it ("skip gym tomorrow"), which narrows which event.
    public var when: ResolvedTime?

    public init(task: String? = nil, rating: Double? = nil, note: String? = nil, when: ResolvedTime? = nil) {
        self.task = task
        self.rating = rating
        self.note = note
        self.when = when
    }
}

/// Which part of the agenda the user asked for. Raw values are the parse contract.
public enum AgendaScope: String, Sendable, Codable {
    case upcoming, today, tomorrow, next
    /// A named day or stretch ("what do I have on friday?", "agenda next week"): the request's `when`.
    case period
}

public struct AgendaRequest: Sendable, Equatable {
    public var scope: AgendaScope
    /// The day (or stretch) shown: set for today, tomorrow and a named period.
    public var when: ResolvedTime?
    /// The task asked about ("when's my next run"), for the next event of that task.
    public var task: String?

    public init(scope: AgendaScope, when: ResolvedTime? = nil, task: String? = nil) {
        self.scope = scope
        self.when = when
        self.task = task
    }
}

/// Which event a `cancel` means: a task, a time, or both (at least one is set).
public struct EventChoice: Sendable, Equatable {
    public var task: String?
    public var when: ResolvedTime?

    public init(task: String?, when: ResolvedTime? = nil) {
        self.task = task
        self.when = when
    }
}

/// `move <task> to <when> [for <duration>]`, or by an amount ("push gym back an hour").
public struct MoveRequest: Sendable, Equatable {
    public var task: String
    /// Where the event goes; nil when the move is a `shift` from the event's own start.
    public var to: ResolvedTime?
    public var durationMinutes: Int?
    /// The destination is a clock range whose length is the duration ("to tomorrow 2-4pm").
    public var isClockSpan: Bool
    /// The destination names only a time of day ("move gym to 7", "make it 3pm"): it is on the event's own
    /// day, not the next such time from now.
    public var keepsEventDay: Bool
    /// The destination says "same time" ("to friday, same time"): the event's own time of day on the day named.
    public var keepsEventTime: Bool
    /// "push the meeting back an hour", "postpone the call by a day": how far from the event's current start.
    public var shift: TimeShift?
    /// Which event, when a time is said with the task ("move gym from monday to friday", "push tomorrow's run back
    /// an hour"): the one overlapping it.
    public var from: ResolvedTime?

    public init(task: String, to: ResolvedTime, durationMinutes: Int? = nil, isClockSpan: Bool = false, keepsEventDay: Bool = false,
                keepsEventTime: Bool = false) {
        self.task = task
        self.to = to
        self.durationMinutes = durationMinutes
        self.isClockSpan = isClockSpan
        self.keepsEventDay = keepsEventDay
        self.keepsEventTime = keepsEventTime
    }

    /// A move by an amount: the destination is the event's own start shifted.
    public init(task: String, shift: TimeShift) {
        self.task = task
        self.to = nil
        self.durationMinutes = nil
        self.isClockSpan = false
        self.keepsEventDay = false
        self.keepsEventTime = false
        self.shift = shift
    }
}

/// An amount to move an event by, later (positive) or earlier (negative). Days and months keep the local time
/// of day across a change of UTC offset; minutes are elapsed time.
public struct TimeShift: Sendable, Equatable {
    public enum Unit: String, Sendable { case minute, day, month }
    public var amount: Int
    public var unit: Unit

    public init(amount: Int, unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    /// The instant `start` moved by this amount in `timeZone`.
    public func applied(to start: Date, in timeZone: TimeZone) -> Date {
        guard unit != .minute else { return start.addingTimeInterval(Double(amount) * 60) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(byAdding: unit == .day ? .day : .month, value: amount, to: start) ?? start
    }
}

/// `available <days> <from>-<to>`: weekdays 0 = Sunday, local minutes [from, to) within one day;
/// from = to marks the days off ("available sat off").
public struct AvailabilityRequest: Sendable, Equatable {
    public var weekdays: [Int]
    public var fromMinute: Int
    public var toMinute: Int

    public var isOff: Bool { fromMinute == toMinute }

    public init(weekdays: [Int], fromMinute: Int, toMinute: Int) {
        self.weekdays = weekdays
        self.fromMinute = fromMinute
        self.toMinute = toMinute
    }
}

/// `plan [fresh] <goal>`.
public struct PlanRequest: Sendable, Equatable {
    public var goal: String
    /// A new plan rather than a cached one ("plan fresh ...", "new plan ...").
    public var wantsFresh: Bool

    public init(goal: String, wantsFresh: Bool = false) {
        self.goal = goal
        self.wantsFresh = wantsFresh
    }
}

/// A command as read, with the near-miss command word that was corrected on the way, if any.
public struct Reading: Sendable, Equatable {
    public var command: Command
    /// e.g. "shedule -> schedule", said back to the user so a wrong guess is visible.
    public var correction: String?

    public init(_ command: Command, correction: String? = nil) {
        self.command = command
        self.correction = correction
    }

    public var intent: IntentKind { command.intent }
}
