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
    /// "20:32:13": seconds said make the grain a second.
    var second: Int? = nil
    /// "midnight", "eod": a word for the turn of the day, not a typed 00:00.
    var isMidnightWord = false

    static let noon = ClockTime(hour: 12, minute: 0, meridiem: .unstated, isUnambiguous: true, saysMinutes: false)
    /// The coming 00:00 (Duckling's convention: "tomorrow at midnight" is the start of tomorrow). Said as a word
    /// ("midnight", "eod", "end of day"), a booking reads it as the end of the day named instead.
    static let midnight = ClockTime(hour: 0, minute: 0, meridiem: .unstated, isUnambiguous: true, saysMinutes: false, isMidnightWord: true)

    var isValid: Bool { problem == nil }

    /// Why this cannot be a time of day, if it cannot.
    var problem: TimeProblem.Kind? {
        switch meridiem {
        case .am, .pm:
            guard (1...12).contains(hour) || (hour == 0 && meridiem == .am) else { return .impossibleHour }
        case .unstated:
            guard (0...24).contains(hour) else { return .impossibleHour }
            if hour == 24 && minute != 0 { return .impossibleMinute }
        }
        return (0...59).contains(minute) ? nil : .impossibleMinute
    }

    /// The minutes of the day this clock can mean, earliest first: one for a stated meridiem or a 24-hour
    /// time, two for a bare 1-12 ("at 3" is 03:00 or 15:00; the resolver takes the next one).
    var readings: [Int] {
        switch meridiem {
        case .am: return [(hour % 12) * 60 + minute]
        case .pm: return [(hour % 12 + 12) * 60 + minute]
        case .unstated:
            guard !isUnambiguous, (1...12).contains(hour) else { return [hour * 60 + minute] }
            return [(hour % 12) * 60 + minute, (hour % 12 + 12) * 60 + minute]
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
/// The Duckling conventions: morning 00-12, afternoon 12-19, evening and night 18-24, lunch 12-14.
enum PartOfDay: String, Sendable {
    case morning, earlyMorning, lateMorning, afternoon, earlyAfternoon, lateAfternoon
    case evening, earlyEvening, lateEvening, night, lateNight, lunch, afterLunch, afterWork, afterSchool

    var minutes: (start: Int, end: Int) {
        switch self {
        case .morning: (0, 12 * 60)
        case .earlyMorning: (0, 9 * 60)
        case .lateMorning: (10 * 60, 12 * 60)
        case .afternoon: (12 * 60, 19 * 60)
        case .earlyAfternoon: (12 * 60, 15 * 60)
        case .lateAfternoon: (16 * 60, 19 * 60)
        case .evening: (18 * 60, 24 * 60)
        case .earlyEvening: (18 * 60, 21 * 60)
        case .lateEvening: (21 * 60, 24 * 60)
        case .night: (18 * 60, 24 * 60)
        case .lateNight: (21 * 60, 24 * 60)
        case .lunch: (12 * 60, 14 * 60)
        case .afterLunch: (13 * 60, 17 * 60)
        case .afterWork: (17 * 60, 21 * 60)
        case .afterSchool: (15 * 60, 21 * 60)
        }
    }

    /// Where a bare hour may fall to belong to this part: a night runs on past midnight ("1 at night" is 01:00).
    var fitMinutes: (start: Int, end: Int) {
        switch self {
        case .night, .lateNight: (minutes.start, 28 * 60)
        default: minutes
        }
    }

    /// How an unstated meridiem inside this part reads ("tomorrow morning at 8", "friday night at 9"):
    /// am when the part starts before noon, else pm.
    var prefersAfternoon: Bool? {
        switch self {
        case .morning, .earlyMorning, .lateMorning: false
        default: true
        }
    }
}

enum WeekdayModifier: Sendable, Equatable {
    /// "friday": the next one, today included.
    case bare
    /// "this friday": the next one after today.
    case this
    /// "next friday": the one in the next ISO week.
    case next
    /// "last friday": the latest one before today.
    case last
    /// "friday after next": the second one after today.
    case afterNext
    /// "friday of next week", "last week's friday": the one in the ISO week `offset` weeks away.
    case ofWeek(Int)
    /// "2 fridays from now" (n > 0), "2 fridays ago" (n < 0).
    case count(Int)
}

/// A month named relative to now ("next month") or by name ("april", "april 2027").
enum MonthRef: Sendable, Equatable {
    case relative(Int)
    case named(month: Int, year: Int?)
}

/// A day named in a message, before it is resolved against today.
enum DaySpec: Sendable, Equatable {
    case relative(days: Int)
    case weekday(Int, WeekdayModifier, plusDays: Int)
    case date(year: Int?, month: Int, day: Int)
    case dayOfMonth(Int)
    /// "11/12": which number is the month is settled by the user's date order unless only one reading is possible.
    case numeric(Int, Int, year: Int?)
    /// "the 20th of next month", "the 3rd of april".
    case dayOf(MonthRef, day: Int)
    /// "the last day of the month".
    case lastDayOf(MonthRef)
    /// "the first monday of march" (n = 1...5), "the last friday of the month" (n = -1).
    case nthWeekdayOf(MonthRef, weekday: Int, n: Int)
    /// "christmas" (which 0: the coming one, today included), "next christmas" (1: after today),
    /// "last christmas" (-1: the latest before today), "christmas 2014" (that year's).
    case holiday(Holiday, which: Int, year: Int?)
    /// A day moved by whole days: "the day after christmas", "2 weeks after march 1".
    indirect case plus(DaySpec, days: Int)
    /// A day moved by months: "one year after christmas", "2 months after march 3".
    indirect case plusMonths(DaySpec, months: Int)
    /// "the second monday after christmas", "2 fridays from march 1": the n-th such weekday on or after the day.
    indirect case nthWeekdayAfter(DaySpec, weekday: Int, n: Int)
    /// "the closest monday to march 5" (n = 1), "the second closest friday to christmas" (n = 2).
    indirect case closestWeekday(to: DaySpec, weekday: Int, n: Int)
    /// "next weekday", "the previous business day": Monday to Friday, n days away (n < 0 before today).
    case businessDay(Int)
    /// "fri, jul 18": the next July 18 that is a Friday (Duckling intersects the two).
    case dateOnWeekday(month: Int, day: Int, weekday: Int)
    /// "the last day of the year" (offset 0), "the first day of next year" (1): a date in the year `offset` years away.
    case ofYear(offset: Int, month: Int, day: Int)

    /// A date that exists in some year (Feb 29 does; Feb 30 does not) and, with a year, in that year.
    var isPossibleDate: Bool {
        guard case let .date(year, month, day) = self, (1...12).contains(month) else { return false }
        return (1...CivilCalendar.daysInMonth(year: year ?? 2000, month: month)).contains(day)
    }

    /// Absolute dates beat weekdays when both are said ("monday nov 23").
    var precedence: Int {
        switch self {
        case .date, .numeric, .dayOf, .lastDayOf, .nthWeekdayOf, .holiday, .dateOnWeekday, .ofYear: 3
        case let .plus(base, _), let .plusMonths(base, _), let .nthWeekdayAfter(base, _, _), let .closestWeekday(base, _, _): base.precedence
        case .businessDay: 1
        case .dayOfMonth: 2
        case .weekday: 1
        case .relative: 1
        }
    }
}

/// Stretches longer than a day.
enum SpanSpec: Sendable, Equatable {
    enum Part: Sendable { case beginning, early, mid, late, end }
    enum Unit: Sendable { case hour, day, week, month, quarter, year }
    /// "this week" (0), "next month" (1), "last year" (-1): the whole calendar unit.
    case cycle(Unit, offset: Int)
    /// "this weekend" (n 0), "next weekend" (n 0, not the one in progress), "last weekend" (-1), "weekend after next" (1).
    case weekend(n: Int, notImmediate: Bool)
    /// "beginning/end of the week", "early/mid/late/end of next month", "beginning/end of the year".
    case partOf(Unit, offset: Int, Part)
    /// "march", "next march", "march 2027".
    case month(month: Int, year: Int?, skipCurrent: Bool, past: Bool)
    /// "early march", "end of april".
    case monthPart(month: Int, year: Int?, Part)
    /// "2027", "in 2027".
    case year(Int)
    /// "the first week of april" (n = 1...5) or "the last week of the month" (n = -1).
    case nthWeekOf(MonthRef, n: Int)
    /// "the last 2 days" (count < 0), "the next 3 weeks" (count > 0).
    case units(TimeUnit, count: Int)
    /// "the rest of the week": today to Saturday 00:00.
    case restOfWeek
    /// "the third quarter", "4th quarter 2018".
    case quarter(Int, year: Int?)
    /// "2019 to 2021": whole years, the last one included.
    case years(Int, Int)
    /// "summer", "next winter", "last fall": Duckling's astronomical seasons (which as for holidays).
    case season(Season, which: Int)
    /// "summer 2014", "winter 2013" (that winter begins in December of the year).
    case seasonOfYear(Season, Int)
    /// "the week of oct 6": the week starting on or after that day (Duckling's convention).
    case weekOf(DaySpec)
    /// "all week": this week, Monday to the end of Saturday.
    case allWeek
    /// "march after next": the second March from now (the current month not counted).
    case monthAfterNext(Int)
    /// "march next year": that month of the year `fromNow` years from this one.
    case monthInYears(month: Int, fromNow: Int)
    /// "this season" (0), "next season" (1), "last season" (-1): the season around today, or the one after/before.
    case currentSeason(offset: Int)
    /// "the last weekend of october": from its last Friday 18:00 to Monday 00:00.
    case lastWeekendOf(MonthRef)
    /// "the week after christmas" (1), "the month before march 3" (-1): the unit that many after the day's own.
    case unitAfter(Unit, DaySpec, Int)
}

/// How a bound wraps the time it names.
enum BoundKind: Sendable, Equatable {
    /// "before 5pm", "until friday": an open interval ending there (from now).
    case before
    /// "after 5pm", "since monday", "from tomorrow": an open interval starting there.
    case after
    /// "by 5pm": from now to its start.
    case by
    /// "by the end of the month": from now to its end.
    case byEndOf
}

/// A shift from now by an amount of one unit; resolved the Duckling way (now rounded to the unit below, plus the amount).
struct TimeOffset: Sendable, Equatable {
    var amount: Int
    var unit: TimeUnit
}

/// One time-related stretch of tokens and what it says. The resolver merges all mentions of a message.
struct TimeMention: Sendable {
    var tokens: Range<Int>
    var day: DaySpec?
    var lastDay: DaySpec?
    var part: PartOfDay?
    var clock: ClockTime?
    var clockEnd: ClockTime?
    var bound: BoundKind?
    var span: SpanSpec?
    var spanEnd: SpanSpec?
    var offset: TimeOffset?
    /// "within 2 hours": from now to now + the offset.
    var offsetIsWithin = false
    /// "3 years from today": counted from today's 00:00.
    var offsetFromToday = false
    var isNow = false
    var durationMinutes: Int?
    /// Looked like a time but could not be read ("25pm", "feb 30").
    var isInvalid: Bool { problem != nil }
    var problem: TimeProblem.Kind?
    /// The tokens of the impossible value itself ("25:00" in "at 25:00").
    var problemTokens: Range<Int>?
    var rules = RuleSet()
    /// "4pm CET", "10am GMT+2": the clock is in this fixed offset (minutes east of UTC), not the user's zone.
    var zoneOffset: Int?
    /// "3 hours after 5pm", "30 minutes before noon": minutes added to the clock.
    var clockShift = 0
    /// "from monday 9am to wednesday 5pm": what the interval runs to, resolved after its start.
    var rangeEnd: [TimeMention] = []
    /// "same time tomorrow", "this time next week": the clock is now's, on the day said.
    var sameClockAsNow = false

    init(tokens: Range<Int>) { self.tokens = tokens }

    var saysTime: Bool {
        day != nil || part != nil || clock != nil || span != nil || offset != nil || isNow
    }

    mutating func flag(_ kind: TimeProblem.Kind?, at range: Range<Int>) {
        guard problem == nil, let kind else { return }
        problem = kind
        problemTokens = range
    }
}
