/// A clock time as said: "3pm", "15:30", "at 9", "quarter to five", "noon".
struct ClockTime: Sendable, Equatable {
    enum Meridiem: Sendable { case am, pm, unstated }

    /// 0...24 as said; 24 is midnight at the end of a day.
    var hour: Int
    var minute: Int
    var meridiem: Meridiem
    /// Written so that it cannot be a 12-hour time: "15:00", "09:30", "0930", "noon", "midnight".
    var isUnambiguous: Bool
    /// Minutes were said ("3:00", "half past 3"), which makes the grain a minute instead of an hour.
    var saysMinutes: Bool

    static let noon = ClockTime(hour: 12, minute: 0, meridiem: .unstated, isUnambiguous: true, saysMinutes: false)
    static let midnight = ClockTime(hour: 24, minute: 0, meridiem: .unstated, isUnambiguous: true, saysMinutes: false)

    var isValid: Bool {
        guard (0...59).contains(minute) else { return false }
        switch meridiem {
        case .am, .pm: return (1...12).contains(hour)
        case .unstated: return (0...23).contains(hour) || (hour == 24 && minute == 0)
        }
    }

    /// Minute of the day. An unstated meridiem follows the part of day when one was said
    /// (`prefersAfternoon`), else the working-day reading: 1-7 are pm, 8-11 am, 12 noon.
    func minuteOfDay(prefersAfternoon: Bool?) -> Int {
        switch meridiem {
        case .am: return (hour % 12) * 60 + minute
        case .pm: return (hour % 12 + 12) * 60 + minute
        case .unstated:
            guard !isUnambiguous, (1...12).contains(hour) else { return hour * 60 + minute }
            if hour == 12 { return prefersAfternoon == false ? minute : 12 * 60 + minute }  // "at 12" is noon
            let afternoon = prefersAfternoon ?? (hour <= 7)
            return (afternoon ? hour + 12 : hour) * 60 + minute
        }
    }
}

extension ClockTime {
    /// Minutes of a clock range, spreading a stated meridiem to the start ("9-11am", "11-1pm") and
    /// reading an unstated end as the first reading after the start ("between 1 and 3", "9 to 5").
    static func rangeMinutes(_ first: ClockTime, _ second: ClockTime, prefersAfternoon: Bool?) -> (Int, Int) {
        var end = second.minuteOfDay(prefersAfternoon: prefersAfternoon)
        var startClock = first
        if first.meridiem == .unstated, !first.isUnambiguous, second.meridiem != .unstated, (1...12).contains(first.hour) {
            startClock.meridiem = second.meridiem
            if startClock.minuteOfDay(prefersAfternoon: nil) >= end { startClock.meridiem = second.meridiem == .pm ? .am : .pm }
        }
        let start = startClock.minuteOfDay(prefersAfternoon: prefersAfternoon)
        if second.meridiem == .unstated, !second.isUnambiguous, (1...12).contains(second.hour) {
            let morning = second.minuteOfDay(prefersAfternoon: false)
            end = morning > start ? morning : morning + 12 * 60
        }
        if end <= start { end += 24 * 60 }  // "10pm-2am" runs past midnight
        return (start, end)
    }
}

/// Named stretches of a day, as intervals of local minutes (an end past 1440 runs into the next day).
enum PartOfDay: String, Sendable {
    case morning, earlyMorning, lateMorning, afternoon, earlyAfternoon, lateAfternoon
    case evening, earlyEvening, lateEvening, night, lunch, afterLunch, endOfDay

    var minutes: (start: Int, end: Int) {
        switch self {
        case .morning: (4 * 60, 12 * 60)
        case .earlyMorning: (4 * 60, 8 * 60)
        case .lateMorning: (10 * 60, 12 * 60)
        case .afternoon: (12 * 60, 19 * 60)
        case .earlyAfternoon: (12 * 60, 15 * 60)
        case .lateAfternoon: (16 * 60, 19 * 60)
        case .evening: (18 * 60, 24 * 60)
        case .earlyEvening: (18 * 60, 21 * 60)
        case .lateEvening: (21 * 60, 24 * 60)
        case .night: (18 * 60, 28 * 60)
        case .lunch: (12 * 60, 14 * 60)
        case .afterLunch: (14 * 60, 17 * 60)
        case .endOfDay: (16 * 60, 18 * 60)
        }
    }

    /// How an unstated meridiem inside this part reads ("tomorrow morning at 8", "friday night at 9").
    var prefersAfternoon: Bool? {
        switch self {
        case .morning, .earlyMorning, .lateMorning: false
        case .lunch: nil
        default: true
        }
    }
}

enum WeekdayModifier: Sendable { case bare, this, next, last }

/// A day named in a message, before it is resolved against today.
enum DaySpec: Sendable, Equatable {
    case relative(days: Int)
    case weekday(Int, WeekdayModifier, plusDays: Int)
    case date(year: Int?, month: Int, day: Int)
    case dayOfMonth(Int)
    /// "11/12": which number is the month is settled by the user's date order unless only one reading is possible.
    case numeric(Int, Int, year: Int?)

    /// A date that exists in some year (Feb 29 does; Feb 30 does not) and, with a year, in that year.
    var isPossibleDate: Bool {
        guard case let .date(year, month, day) = self, (1...12).contains(month) else { return false }
        return (1...CivilCalendar.daysInMonth(year: year ?? 2000, month: month)).contains(day)
    }

    /// Absolute dates beat weekdays when both are said ("monday nov 23").
    var precedence: Int {
        switch self {
        case .date, .numeric: 3
        case .dayOfMonth: 2
        case .weekday: 1
        case .relative: 1
        }
    }
}

/// Stretches longer than a day.
enum SpanSpec: Sendable, Equatable {
    enum MonthPart: Sendable { case early, mid, late }
    case week(offset: Int)
    case weekend(offset: Int)
    case endOfWeek(offset: Int)
    case month(offset: Int)
    case monthPart(offset: Int, MonthPart)
    case year(offset: Int)
}

enum ClockBound: Sendable, Equatable {
    case before(ClockTime)
    case after(ClockTime)
}

/// A shift from now: clock units move the instant, calendar units move the day.
enum TimeOffset: Sendable, Equatable {
    case minutes(Int)
    case days(Int)
    case months(Int)
}

/// One time-related stretch of tokens and what it says. The resolver merges all mentions of a message.
struct TimeMention: Sendable {
    var tokens: Range<Int>
    var day: DaySpec?
    var lastDay: DaySpec?
    var part: PartOfDay?
    var clock: ClockTime?
    var clockEnd: ClockTime?
    var bound: ClockBound?
    var span: SpanSpec?
    var offset: TimeOffset?
    var durationMinutes: Int?
    /// Looked like a time but could not be read ("25pm", "feb 30").
    var isInvalid = false

    init(tokens: Range<Int>) { self.tokens = tokens }

    var saysTime: Bool {
        day != nil || part != nil || clock != nil || bound != nil || span != nil || offset != nil
    }
}
