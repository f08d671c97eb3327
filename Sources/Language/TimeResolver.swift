import Foundation

/// Turns the mentions found in a message into one resolved time, relative to the context's now.
/// All arithmetic is on local day numbers and minutes; the zone table converts to instants.
struct TimeResolver {
    let context: TimeContext
    private let nowUTC: Int
    /// Today's local day number (days since 1970-01-01).
    let today: Int
    /// 0 = Sunday.
    let todayWeekday: Int

    init(context: TimeContext) {
        self.context = context
        nowUTC = Int(context.now.timeIntervalSince1970.rounded(.down))
        let local = context.offsets.local(fromUTC: nowUTC)
        today = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        todayWeekday = CivilCalendar.weekday(ofDay: today)
    }

    /// What a set of mentions says together, taking the first of each kind (the most precise day).
    struct Merged {
        var day: DaySpec?
        var lastDay: DaySpec?
        var part: PartOfDay?
        var clock: ClockTime?
        var clockEnd: ClockTime?
        var bound: ClockBound?
        var span: SpanSpec?
        var offset: TimeOffset?

        init(_ mentions: [TimeMention]) {
            for m in mentions where !m.isInvalid {
                if let d = m.day, day.map({ d.precedence > $0.precedence }) ?? true {
                    day = d
                    lastDay = m.lastDay
                }
                part = part ?? m.part
                if clock == nil, let c = m.clock { clock = c; clockEnd = m.clockEnd }
                bound = bound ?? m.bound
                span = span ?? m.span
                offset = offset ?? m.offset
            }
        }
    }

    func resolve(_ mentions: [TimeMention]) -> ResolvedTime? {
        let merged = Merged(mentions)
        if let span = merged.span { return resolve(span) }
        if case let .minutes(minutes)? = merged.offset {
            return ResolvedTime(start: Date(timeIntervalSince1970: TimeInterval(nowUTC + minutes * 60)), grain: .minute)
        }
        var day: Int?
        if let spec = merged.day {
            guard let resolved = dayNumber(of: spec) else { return nil }
            day = resolved
        } else if case let .days(n)? = merged.offset {
            day = today + n
        } else if case let .months(n)? = merged.offset {
            day = CivilCalendar.addingMonths(n, to: today)
        }
        if let first = day, let lastSpec = merged.lastDay, var last = dayNumber(of: lastSpec) {
            if last < first, case .weekday = lastSpec { last += 7 }
            guard last >= first else { return nil }
            return interval(from: first, 0, to: last + 1, 0, grain: .day)
        }
        let prefersAfternoon = merged.part?.prefersAfternoon
        if let first = merged.clock, let second = merged.clockEnd {
            let (start, end) = ClockTime.rangeMinutes(first, second, prefersAfternoon: prefersAfternoon)
            let grain: TimeGrain = first.saysMinutes || second.saysMinutes ? .minute : .hour
            let on = day ?? (instant(today, start) >= nowUTC ? today : today + 1)
            return interval(from: on, start, to: on, end, grain: grain)
        }
        if let bound = merged.bound { return resolve(bound, day: day, prefersAfternoon: prefersAfternoon) }
        if let clock = merged.clock {
            let minute = clock.minuteOfDay(prefersAfternoon: prefersAfternoon)
            let on = day ?? (instant(today, minute) >= nowUTC ? today : today + 1)
            return ResolvedTime(start: date(instant(on, minute)), grain: clock.saysMinutes ? .minute : .hour)
        }
        if let part = merged.part {
            let (start, end) = part.minutes
            let on = day ?? (instant(today, end) > nowUTC ? today : today + 1)
            return interval(from: on, start, to: on, end, grain: .hour)
        }
        if let day { return ResolvedTime(start: date(instant(day, 0)), grain: .day) }
        return nil
    }

    // MARK: - Days

    func dayNumber(of spec: DaySpec) -> Int? {
        switch spec {
        case let .relative(days):
            return today + days
        case let .weekday(weekday, modifier, plusDays):
            return weekdayNumber(weekday, modifier).map { $0 + plusDays }
        case let .date(year, month, day):
            return dateNumber(year: year, month: month, day: day)
        case let .dayOfMonth(day):
            for months in 0..<13 {
                let first = CivilCalendar.firstOfMonth(containing: today, plusMonths: months)
                let (y, m, _) = CivilCalendar.date(ofDay: first)
                if day <= CivilCalendar.daysInMonth(year: y, month: m), first + day - 1 >= today { return first + day - 1 }
            }
            return nil
        case let .numeric(a, b, year):
            let monthFirst = DaySpec.date(year: year, month: a, day: b)
            let dayFirst = DaySpec.date(year: year, month: b, day: a)
            let preferred = context.dateOrder == .monthFirst ? [monthFirst, dayFirst] : [dayFirst, monthFirst]
            guard let reading = preferred.first(where: \.isPossibleDate) else { return nil }
            return dayNumber(of: reading)
        }
    }

    private func weekdayNumber(_ weekday: Int, _ modifier: WeekdayModifier) -> Int? {
        let monday = CivilCalendar.mondayOfWeek(containing: today)
        let ahead = (weekday - todayWeekday + 7) % 7
        switch modifier {
        case .bare:
            return today + (ahead == 0 ? 7 : ahead)
        case .this:
            let inWeek = monday + (weekday + 6) % 7
            return inWeek >= today ? inWeek : today + ahead
        case .next:
            return monday + 7 + (weekday + 6) % 7
        case .last:
            let back = (todayWeekday - weekday + 7) % 7
            return today - (back == 0 ? 7 : back)
        }
    }

    /// A date without a year is its next occurrence on or after today.
    private func dateNumber(year: Int?, month: Int, day: Int) -> Int? {
        guard DaySpec.date(year: year, month: month, day: day).isPossibleDate else { return nil }
        if let year {
            guard day <= CivilCalendar.daysInMonth(year: year, month: month) else { return nil }
            return CivilCalendar.dayNumber(year: year, month: month, day: day)
        }
        let thisYear = CivilCalendar.date(ofDay: today).year
        for candidateYear in thisYear...(thisYear + 8) where day <= CivilCalendar.daysInMonth(year: candidateYear, month: month) {
            let candidate = CivilCalendar.dayNumber(year: candidateYear, month: month, day: day)
            if candidate >= today { return candidate }
        }
        return nil
    }

    // MARK: - Spans, ranges, bounds

    private func resolve(_ span: SpanSpec) -> ResolvedTime {
        let monday = CivilCalendar.mondayOfWeek(containing: today)
        switch span {
        case let .week(offset):
            return ResolvedTime(start: date(instant(monday + 7 * offset, 0)), grain: .week)
        case let .weekend(offset):
            let saturday = monday + 5 + 7 * offset
            return interval(from: saturday, 0, to: saturday + 2, 0, grain: .day)
        case let .endOfWeek(offset):
            var friday = monday + 4 + 7 * offset
            if friday < today { friday += 7 }
            return ResolvedTime(start: date(instant(friday, 0)), grain: .day)
        case let .month(offset):
            return ResolvedTime(start: date(instant(CivilCalendar.firstOfMonth(containing: today, plusMonths: offset), 0)),
                                grain: .month)
        case let .monthPart(offset, part):
            let first = CivilCalendar.firstOfMonth(containing: today, plusMonths: offset)
            let nextFirst = CivilCalendar.firstOfMonth(containing: today, plusMonths: offset + 1)
            switch part {
            case .early: return interval(from: first, 0, to: first + 10, 0, grain: .day)
            case .mid: return interval(from: first + 10, 0, to: first + 20, 0, grain: .day)
            case .late: return interval(from: first + 20, 0, to: nextFirst, 0, grain: .day)
            }
        case let .year(offset):
            let year = CivilCalendar.date(ofDay: today).year + offset
            return ResolvedTime(start: date(instant(CivilCalendar.dayNumber(year: year, month: 1, day: 1), 0)), grain: .year)
        }
    }

    private func resolve(_ bound: ClockBound, day: Int?, prefersAfternoon: Bool?) -> ResolvedTime {
        switch bound {
        case let .before(clock):
            let minute = clock.minuteOfDay(prefersAfternoon: prefersAfternoon)
            let grain: TimeGrain = clock.saysMinutes ? .minute : .hour
            if let day, day != today {
                return interval(from: day, 0, to: day, minute, grain: grain)
            }
            let on = instant(today, minute) > nowUTC ? today : today + 1
            return ResolvedTime(start: context.now, end: date(instant(on, minute)), grain: grain)
        case let .after(clock):
            let minute = clock.minuteOfDay(prefersAfternoon: prefersAfternoon)
            let on = day ?? (instant(today, 24 * 60) > nowUTC && instant(today, minute) >= nowUTC ? today : today + 1)
            return interval(from: on, minute, to: on, 24 * 60, grain: clock.saysMinutes ? .minute : .hour)
        }
    }

    // MARK: - Instants

    /// UTC seconds of a local day and minute (minutes past 1440 run into the following days).
    func instant(_ day: Int, _ minute: Int) -> Int {
        context.offsets.utc(fromLocal: day * 86_400 + minute * 60)
    }

    private func date(_ utcSeconds: Int) -> Date { Date(timeIntervalSince1970: TimeInterval(utcSeconds)) }

    private func interval(from startDay: Int, _ startMinute: Int, to endDay: Int, _ endMinute: Int, grain: TimeGrain) -> ResolvedTime {
        ResolvedTime(start: date(instant(startDay, startMinute)), end: date(instant(endDay, endMinute)), grain: grain)
    }
}
