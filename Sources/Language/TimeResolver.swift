import Foundation

/// Turns the mentions found in a message into one resolved time, relative to the context's now.
/// All arithmetic is on local day numbers and minutes; the zone table converts to instants.
/// The conventions are Duckling's (see Sources/Language/README.md): a value is the first one that has not
/// ended yet, closed ranges include their last grain, bounds are open intervals.
struct TimeResolver {
    let context: TimeContext
    let nowUTC: Int
    /// Today's local day number (days since 1970-01-01).
    let today: Int
    /// 0 = Sunday.
    let todayWeekday: Int
    /// Local wall-clock seconds of now.
    let nowLocal: Int

    init(context: TimeContext) {
        self.context = context
        nowUTC = Int(context.now.timeIntervalSince1970.rounded(.down))
        nowLocal = context.offsets.local(fromUTC: nowUTC)
        today = nowLocal >= 0 ? nowLocal / 86_400 : (nowLocal - 86_399) / 86_400
        todayWeekday = CivilCalendar.weekday(ofDay: today)
    }

    /// What a set of mentions says together, taking the first of each kind (the most precise day).
    struct Merged {
        var day: DaySpec?
        var lastDay: DaySpec?
        var part: PartOfDay?
        var clock: ClockTime?
        var clockEnd: ClockTime?
        var bound: BoundKind?
        var span: SpanSpec?
        var spanEnd: SpanSpec?
        var offset: TimeOffset?
        var offsetIsWithin = false
        var offsetFromToday = false
        var isNow = false
        var zoneOffset: Int?
        var clockShift = 0
        var rangeEnd: [TimeMention] = []
        var sameClockAsNow = false

        init(_ mentions: [TimeMention]) {
            for m in mentions where !m.isInvalid {
                if let d = m.day, day.map({ d.precedence > $0.precedence }) ?? true {
                    day = d
                    lastDay = m.lastDay
                }
                part = part ?? m.part
                if clock == nil, let c = m.clock { clock = c; clockEnd = m.clockEnd; zoneOffset = m.zoneOffset; clockShift = m.clockShift }
                if rangeEnd.isEmpty { rangeEnd = m.rangeEnd }
                bound = bound ?? m.bound
                if span == nil, let sp = m.span { span = sp; spanEnd = m.spanEnd }
                if offset == nil, let o = m.offset { offset = o; offsetIsWithin = m.offsetIsWithin; offsetFromToday = m.offsetFromToday }
                isNow = isNow || m.isNow
                sameClockAsNow = sameClockAsNow || m.sameClockAsNow
            }
            // "march next year", "next year in march": the month in that year.
            if case let .month(month, nil, _, _)? = span, spanEnd == nil,
               let years = mentions.lazy.compactMap({ m -> Int? in
                   if case let .cycle(.year, offset)? = m.span { return offset } else { return nil }
               }).first {
                span = .monthInYears(month: month, fromNow: years)
            } else if case .cycle(.year, _)? = span,
                      let month = mentions.lazy.compactMap({ m -> Int? in
                          if case let .month(month, nil, _, _)? = m.span { return month } else { return nil }
                      }).first, case let .cycle(.year, offset)? = span {
                span = .monthInYears(month: month, fromNow: offset)
            }
            // "monday in 2 weeks", "thursday 2 weeks from now", "monday two weeks ago": Duckling intersects the
            // weekday with the unit-long stretch starting at now + the amount, which is the first such weekday on or
            // after that day.
            if case let .weekday(weekday, .bare, 0)? = day, let o = offset, !offsetIsWithin, !offsetFromToday, bound == nil,
               let base = TimeResolver.dayAfter(o) {
                day = .nthWeekdayAfter(base, weekday: weekday, n: 1)
                offset = nil
            }
            // "a year ago today", "two weeks ago today": the same date that far back, a day.
            if case .relative(0)? = day, lastDay == nil, part == nil, let o = offset, !offsetIsWithin, !offsetFromToday, bound == nil,
               let moved = TimeResolver.dayAfter(o) {
                day = moved
                offset = nil
            }
            // "from tonight 8 to 10": "from" opens nothing when the phrase is a range.
            if bound == .after, clockEnd != nil || lastDay != nil || spanEnd != nil { bound = nil }
        }
    }

    /// Today moved by a calendar amount, as a day ("2 weeks" is 14 days on); nil for clock units.
    static func dayAfter(_ offset: TimeOffset) -> DaySpec? {
        switch offset.unit {
        case .day: .relative(days: offset.amount)
        case .week: .relative(days: 7 * offset.amount)
        case .fortnight: .relative(days: 14 * offset.amount)
        case .month: .plusMonths(.relative(days: 0), months: offset.amount)
        case .year: .plusMonths(.relative(days: 0), months: 12 * offset.amount)
        default: nil
        }
    }

    func resolve(_ mentions: [TimeMention]) -> ResolvedTime? {
        var merged = Merged(mentions)
        if merged.sameClockAsNow, merged.clock == nil { merged.clock = nowClock }
        guard let time = resolveBody(merged) else { return nil }
        if !merged.rangeEnd.isEmpty, let joined = interval(from: time, to: merged.rangeEnd) { return joined }
        guard let bound = merged.bound else { return time }
        return apply(bound, to: time)
    }

    /// "from monday 9am to wednesday 5pm": the end side is resolved as the first one at or after the start
    /// (now moved to the start), and the interval is closed (it includes the end's grain). The grain is the finer.
    private func interval(from start: ResolvedTime, to endMentions: [TimeMention]) -> ResolvedTime? {
        var later = context
        later.now = start.start
        guard let last = TimeResolver(context: later).resolve(endMentions), last.start >= start.start else { return nil }
        let grain = min(start.grain, last.grain)
        return ResolvedTime(start: start.start, end: end(of: last), grain: grain)
    }

    /// Now's wall-clock minute as a 24-hour clock ("same time tomorrow"), grain minute.
    private var nowClock: ClockTime {
        let minute = (nowLocal - today * 86_400) / 60
        return ClockTime(hour: minute / 60, minute: minute % 60, meridiem: .unstated, isUnambiguous: true, saysMinutes: true)
    }

    // MARK: - The whole expression

    private func resolveBody(_ merged: Merged) -> ResolvedTime? {
        if let offset = merged.offset { return resolve(offset, merged) }
        if case let .year(year)? = merged.span, case let .date(nil, month, dayOfMonth)? = merged.day {
            var withYear = merged
            withYear.day = .date(year: year, month: month, day: dayOfMonth)
            if case let .date(nil, lastMonth, lastDay)? = merged.lastDay {
                withYear.lastDay = .date(year: lastMonth < month ? year + 1 : year, month: lastMonth, day: lastDay)
            }
            withYear.span = nil
            return resolveBody(withYear)
        }
        if let span = merged.span, merged.day == nil {
            guard let first = resolve(span) else { return nil }
            guard var last = merged.spanEnd.flatMap(resolve) else { return first }
            if last.start < first.start, case let .month(month, nil, _, _)? = merged.spanEnd {
                // "from december to may": the first May after that December.
                let local = context.offsets.local(fromUTC: Int(first.start.timeIntervalSince1970))
                let year = CivilCalendar.date(ofDay: local / 86_400).year + 1
                last = resolve(.month(month: month, year: year, skipCurrent: false, past: false)) ?? last
            }
            guard last.start >= first.start else { return first }
            return ResolvedTime(start: first.start, end: end(of: last), grain: first.grain)
        }
        var day: Int?
        if let spec = merged.day {
            guard let resolved = dayNumber(of: spec) else { return nil }
            day = resolved
        }
        if let first = day, let lastSpec = merged.lastDay, var last = dayNumber(of: lastSpec) {
            if last < first, case .weekday = lastSpec { last += 7 }
            guard last >= first else { return nil }
            return interval(from: first, 0, to: last + 1, 0, grain: .day)
        }
        if let first = merged.clock, let second = merged.clockEnd {
            return clockRange(first, second, day: day, part: merged.part, shift: clockShift(merged))
        }
        if let clock = merged.clock {
            guard let (start, grain) = clockInstant(clock, day: day, part: merged.part, shift: clockShift(merged)) else { return nil }
            return ResolvedTime(start: date(start), grain: grain)
        }
        if let part = merged.part { return resolve(part, day: day) }
        if let day { return ResolvedTime(start: date(instant(day, 0)), grain: .day) }
        if merged.isNow { return ResolvedTime(start: context.now, grain: .second) }
        return nil
    }

    /// "before X" and "until X" end at X's start, "after X" starts there, "by X" runs from now to X's start,
    /// "by the end of X" from now to X's end.
    private func apply(_ bound: BoundKind, to time: ResolvedTime) -> ResolvedTime {
        switch bound {
        case .before:
            // "before tuesday" said on a Tuesday names a bound already passed: the interval is empty, never inverted.
            return ResolvedTime(start: min(context.now, time.start), end: time.start, grain: time.grain, open: .before)
        case .after:
            return ResolvedTime(start: time.start, end: nil, grain: time.grain, open: .after)
        case .by:
            return ResolvedTime(start: context.now, end: max(time.start, context.now), grain: .second)
        case .byEndOf:
            return ResolvedTime(start: context.now, end: max(end(of: time), context.now), grain: .second)
        }
    }

    /// The exclusive end of a time: its interval end, or its start plus one grain.
    func end(of time: ResolvedTime) -> Date {
        if let end = time.end { return end }
        let startUTC = Int(time.start.timeIntervalSince1970)
        switch time.grain {
        case .second: return date(startUTC + 1)
        case .minute: return date(startUTC + 60)
        case .hour: return date(startUTC + 3600)
        default:
            let local = context.offsets.local(fromUTC: startUTC)
            let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
            let minute = (local - day * 86_400) / 60
            switch time.grain {
            case .day: return date(instant(day + 1, minute))
            case .week: return date(instant(day + 7, minute))
            case .month: return date(instant(CivilCalendar.addingMonths(1, to: day), minute))
            default: return date(instant(CivilCalendar.addingMonths(12, to: day), minute))
            }
        }
    }

    // MARK: - Offsets

    /// "in 2 hours", "3 days ago", "a week from now", "within 2 hours", "in 3 days at 9am".
    /// Duckling's way: now rounded down to the unit below the amount's, plus the amount; that finer unit is the grain.
    private func resolve(_ offset: TimeOffset, _ merged: Merged) -> ResolvedTime? {
        var (shifted, grain) = shift(by: offset)
        if merged.offsetFromToday {
            (shifted, grain) = shiftFromToday(by: offset)
        }
        if merged.offsetIsWithin {
            // "within 0 days" rounds below now: the interval is then empty, never inverted.
            return ResolvedTime(start: context.now, end: date(max(shifted, nowUTC)), grain: .second)
        }
        let calendarUnit = offset.unit != .second && offset.unit != .minute && offset.unit != .hour
        if calendarUnit, merged.clock != nil || merged.part != nil {
            let local = context.offsets.local(fromUTC: shifted)
            let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
            if let first = merged.clock, let second = merged.clockEnd { return clockRange(first, second, day: day, part: merged.part, shift: clockShift(merged)) }
            if let clock = merged.clock, let (start, clockGrain) = clockInstant(clock, day: day, part: merged.part, shift: clockShift(merged)) {
                return ResolvedTime(start: date(start), grain: clockGrain)
            }
            if let part = merged.part { return resolve(part, day: day) }
        }
        return ResolvedTime(start: date(shifted), grain: grain)
    }

    /// The instant `offset` away from now, and its grain.
    func shift(by offset: TimeOffset) -> (Int, TimeGrain) {
        let n = offset.amount
        switch offset.unit {
        case .second: return (nowUTC + n, .second)
        case .minute: return (nowUTC + n * 60, .second)
        case .hour: return (nowUTC - nowUTC % 60 + n * 3600, .minute)
        case .day:
            let hourStart = nowLocal - (nowLocal - today * 86_400) % 3600
            return (context.offsets.utc(fromLocal: hourStart + n * 86_400), .hour)
        case .week: return (instant(today + 7 * n, 0), .day)
        case .fortnight: return (instant(today + 14 * n, 0), .day)
        case .month: return (instant(CivilCalendar.addingMonths(n, to: today), 0), .day)
        case .year:
            let first = CivilCalendar.firstOfMonth(containing: today, plusMonths: 12 * n)
            return (instant(first, 0), .month)
        }
    }

    /// "3 years from today", "2 hours from today": from today's 00:00, grain the finer of day and the unit.
    func shiftFromToday(by offset: TimeOffset) -> (Int, TimeGrain) {
        let n = offset.amount
        switch offset.unit {
        case .second: return (instant(today, 0) + n, .second)
        case .minute: return (instant(today, 0) + n * 60, .minute)
        case .hour: return (context.offsets.utc(fromLocal: today * 86_400 + n * 3600), .hour)
        case .day: return (instant(today + n, 0), .day)
        case .week: return (instant(today + 7 * n, 0), .day)
        case .fortnight: return (instant(today + 14 * n, 0), .day)
        case .month: return (instant(CivilCalendar.addingMonths(n, to: today), 0), .day)
        case .year: return (instant(CivilCalendar.addingMonths(12 * n, to: today), 0), .day)
        }
    }

    // MARK: - Clocks

    /// A clock on `day`, or its next occurrence that has not ended when no day is said. A bare 1-12 can be
    /// either half of the day: inside a part of day, the reading in that part; on a named day, the first.
    func clockInstant(_ clock: ClockTime, day: Int?, part: PartOfDay?, shift: Int = 0) -> (Int, TimeGrain)? {
        let grain: TimeGrain = clock.second != nil ? .second : (clock.saysMinutes ? .minute : .hour)
        let readings = readings(of: clock, part: part, shift: shift)
        let seconds = clock.second ?? 0
        if let day { return (instant(day, readings[0]) + seconds, grain) }
        let length = grain == .second ? 1 : (grain == .minute ? 60 : 3600)
        for d in today...(today + 2) {
            for minute in readings where instant(d, minute) + seconds + length > nowUTC { return (instant(d, minute) + seconds, grain) }
        }
        return nil
    }

    /// The readings of a clock, narrowed by a part of day ("8 tonight" is 20:00, "3 in the morning" 03:00).
    private func readings(of clock: ClockTime, part: PartOfDay?, shift: Int) -> [Int] {
        let readings = readings(of: clock, part: part)
        return shift == 0 ? readings : readings.map { $0 + shift }
    }

    /// Minutes to add to a clock's readings: a duration before/after it, and a zone said after it
    /// (converted at the user's offset now).
    private func clockShift(_ merged: Merged) -> Int {
        let zone = merged.zoneOffset.map { context.offsets.offset(atUTC: nowUTC) / 60 - $0 } ?? 0
        return merged.clockShift + zone
    }

    private func readings(of clock: ClockTime, part: PartOfDay?) -> [Int] {
        // "eod friday", "midnight tonight" in a command: a person means the end of that day (parse-time keeps
        // Duckling's start of the day).
        if clock.isMidnightWord, context.bareHours == .workingDay { return [24 * 60] }
        let all = clock.readings
        guard all.count > 1 else { return all }
        guard let part else {
            return context.bareHours == .workingDay ? [clock.minuteOfDay(prefersAfternoon: nil)] : all
        }
        let (start, end) = part.fitMinutes
        let inside = all.filter { (start..<end).contains($0) || (start..<end).contains($0 + 1440) }
        if !inside.isEmpty { return inside }
        return [clock.minuteOfDay(prefersAfternoon: part.prefersAfternoon)]
    }

    /// "3-5pm", "9:30 till 11", "from 9 to 5", "between 1 and 3": a closed interval, so the end includes its
    /// last grain ("3-5pm" is 15:00-18:00, "9:30-11:00" ends 11:01). A stated meridiem spreads to the start.
    private func clockRange(_ first: ClockTime, _ second: ClockTime, day: Int?, part: PartOfDay?, shift: Int = 0) -> ResolvedTime? {
        var startClock = first
        if first.meridiem == .unstated, !first.isUnambiguous, second.meridiem != .unstated, (1...12).contains(first.hour) {
            startClock.meridiem = second.meridiem
            if startClock.readings[0] >= second.readings[0] { startClock.meridiem = second.meridiem == .pm ? .am : .pm }
        }
        let grain: TimeGrain = first.saysMinutes || second.saysMinutes ? .minute : .hour
        let length = grain == .minute ? 1 : 60
        let starts = readings(of: startClock, part: part, shift: shift)
        let ends = readings(of: second, part: part, shift: shift)
        func endMinute(after start: Int) -> Int {
            for cycle in 0..<3 {
                for minute in ends where minute + cycle * 1440 > start { return minute + cycle * 1440 }
            }
            return start + 60
        }
        let days = day.map { [$0] } ?? [today, today + 1, today + 2]
        for d in days {
            for start in starts {
                let end = endMinute(after: start) + length
                if day != nil || instant(d, start) + length * 60 > nowUTC {
                    return interval(from: d, start, to: d, end, grain: grain)
                }
            }
        }
        return nil
    }

    // MARK: - Parts of day

    private func resolve(_ part: PartOfDay, day: Int?) -> ResolvedTime {
        let (start, end) = part.minutes
        let on = day ?? (instant(today, end) > nowUTC ? today : today + 1)
        return interval(from: on, start, to: on, end, grain: .hour)
    }

    // MARK: - Days

    func dayNumber(of spec: DaySpec) -> Int? {
        switch spec {
        case let .plus(base, days):
            return dayNumber(of: base).map { $0 + days }
        case let .dateOnWeekday(month, dayOfMonth, weekday):
            let thisYear = CivilCalendar.date(ofDay: today).year
            for year in thisYear...(thisYear + 28) where dayOfMonth <= CivilCalendar.daysInMonth(year: year, month: month) {
                let day = CivilCalendar.dayNumber(year: year, month: month, day: dayOfMonth)
                if day >= today, CivilCalendar.weekday(ofDay: day) == weekday { return day }
            }
            return dateNumber(year: nil, month: month, day: dayOfMonth)
        case let .plusMonths(base, months):
            return dayNumber(of: base).map { CivilCalendar.addingMonths(months, to: $0) }
        case let .ofYear(offset, month, dayOfMonth):
            return CivilCalendar.dayNumber(year: CivilCalendar.date(ofDay: today).year + offset, month: month, day: dayOfMonth)
        case let .holiday(holiday, which, year):
            if let year { return holiday.day(inYear: year) }
            let thisYear = CivilCalendar.date(ofDay: today).year
            let days = ((thisYear - 1)...(thisYear + 1)).map(holiday.day(inYear:))
            let ahead = days.filter { which == 0 ? $0 >= today : $0 > today }
            let behind = days.filter { $0 < today }
            switch which {
            case 0, 1: return ahead.first
            case 2: return ahead.dropFirst().first
            case -2: return behind.dropLast().last
            default: return behind.last
            }
        case let .nthWeekdayAfter(base, weekday, n):
            guard let day = dayNumber(of: base) else { return nil }
            return day + (weekday - CivilCalendar.weekday(ofDay: day) + 7) % 7 + 7 * (n - 1)
        case let .closestWeekday(base, weekday, n):
            guard let day = dayNumber(of: base) else { return nil }
            // Candidates by distance, the later first on a tie.
            let after = day + (weekday - CivilCalendar.weekday(ofDay: day) + 7) % 7
            let candidates = [after, after - 7, after + 7, after - 14, after + 14]
                .sorted { abs($0 - day) != abs($1 - day) ? abs($0 - day) < abs($1 - day) : $0 > $1 }
            return candidates[min(n, candidates.count) - 1]
        case let .businessDay(n):
            var day = today
            var left = abs(n)
            while left > 0 {
                day += n > 0 ? 1 : -1
                let weekday = CivilCalendar.weekday(ofDay: day)
                if weekday != 0 && weekday != 6 { left -= 1 }
            }
            return day
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
        case let .dayOf(month, day):
            guard let first = firstDay(of: month) else { return nil }
            let (y, m, _) = CivilCalendar.date(ofDay: first)
            guard (1...CivilCalendar.daysInMonth(year: y, month: m)).contains(day) else { return nil }
            return first + day - 1
        case let .lastDayOf(month):
            guard let first = firstDay(of: month) else { return nil }
            let (y, m, _) = CivilCalendar.date(ofDay: first)
            return first + CivilCalendar.daysInMonth(year: y, month: m) - 1
        case let .nthWeekdayOf(month, weekday, n):
            guard let first = firstDay(of: month) else { return nil }
            let (y, m, _) = CivilCalendar.date(ofDay: first)
            let length = CivilCalendar.daysInMonth(year: y, month: m)
            if n < 0 {
                let last = first + length - 1
                return last - (CivilCalendar.weekday(ofDay: last) - weekday + 7) % 7
            }
            let firstMatch = first + (weekday - CivilCalendar.weekday(ofDay: first) + 7) % 7
            let day = firstMatch + 7 * (n - 1)
            return day < first + length ? day : nil
        }
    }

    /// The first day of a month named relative to now or by name (a name without a year is its next
    /// occurrence, the current month included).
    func firstDay(of month: MonthRef) -> Int? {
        switch month {
        case let .relative(offset):
            return CivilCalendar.firstOfMonth(containing: today, plusMonths: offset)
        case let .named(m, year):
            guard (1...12).contains(m) else { return nil }
            if let year { return CivilCalendar.dayNumber(year: year, month: m, day: 1) }
            let (y, current, _) = CivilCalendar.date(ofDay: today)
            return CivilCalendar.dayNumber(year: m >= current ? y : y + 1, month: m, day: 1)
        }
    }

    private func weekdayNumber(_ weekday: Int, _ modifier: WeekdayModifier) -> Int? {
        let monday = CivilCalendar.mondayOfWeek(containing: today)
        let ahead = (weekday - todayWeekday + 7) % 7
        let back = (todayWeekday - weekday + 7) % 7
        let nextAfterToday = today + (ahead == 0 ? 7 : ahead)
        let lastBeforeToday = today - (back == 0 ? 7 : back)
        switch modifier {
        case .bare: return today + ahead
        case .this: return nextAfterToday
        case .next: return monday + 7 + (weekday + 6) % 7
        case .last: return lastBeforeToday
        case .afterNext: return nextAfterToday + 7
        case let .ofWeek(offset): return monday + 7 * offset + (weekday + 6) % 7
        case let .count(n): return n > 0 ? nextAfterToday + 7 * (n - 1) : lastBeforeToday + 7 * (n + 1)
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

    // MARK: - Spans

    private func resolve(_ span: SpanSpec) -> ResolvedTime? {
        let monday = CivilCalendar.mondayOfWeek(containing: today)
        switch span {
        case let .cycle(unit, offset):
            switch unit {
            case .hour:
                let hourStart = nowLocal - (nowLocal - today * 86_400) % 3600
                return ResolvedTime(start: date(context.offsets.utc(fromLocal: hourStart + offset * 3600)), grain: .hour)
            case .day: return ResolvedTime(start: date(instant(today + offset, 0)), grain: .day)
            case .quarter:
                let (_, month, _) = CivilCalendar.date(ofDay: today)
                let first = CivilCalendar.firstOfMonth(containing: today, plusMonths: -((month - 1) % 3) + 3 * offset)
                return interval(from: first, 0, to: CivilCalendar.firstOfMonth(containing: first, plusMonths: 3), 0, grain: .month)
            case .week: return ResolvedTime(start: date(instant(monday + 7 * offset, 0)), grain: .week)
            case .month:
                return ResolvedTime(start: date(instant(CivilCalendar.firstOfMonth(containing: today, plusMonths: offset), 0)), grain: .month)
            case .year:
                let year = CivilCalendar.date(ofDay: today).year + offset
                return ResolvedTime(start: date(instant(CivilCalendar.dayNumber(year: year, month: 1, day: 1), 0)), grain: .year)
            }
        case let .weekend(n, notImmediate):
            // Friday 18:00 to Monday 00:00; the one of this ISO week is still ahead or in progress.
            var friday = monday + 4
            if notImmediate, instant(friday, 18 * 60) <= nowUTC { friday += 7 }
            friday += 7 * n
            return interval(from: friday, 18 * 60, to: friday + 3, 0, grain: .hour)
        case let .partOf(unit, offset, part):
            return resolvePart(unit, offset: offset, part, monday: monday)
        case let .month(month, year, skipCurrent, past):
            guard let first = monthStart(month, year: year, skipCurrent: skipCurrent, past: past) else { return nil }
            return ResolvedTime(start: date(instant(first, 0)), grain: .month)
        case let .monthPart(month, year, part):
            guard let first = monthStart(month, year: year, skipCurrent: false, past: false) else { return nil }
            return monthPart(first: first, part)
        case let .year(year):
            return ResolvedTime(start: date(instant(CivilCalendar.dayNumber(year: year, month: 1, day: 1), 0)), grain: .year)
        case let .nthWeekOf(month, n):
            guard let first = firstDay(of: month) else { return nil }
            let (y, m, _) = CivilCalendar.date(ofDay: first)
            let week: Int
            if n < 0 {
                week = CivilCalendar.mondayOfWeek(containing: first + CivilCalendar.daysInMonth(year: y, month: m) - 1)
            } else {
                let firstMonday = first + (1 - CivilCalendar.weekday(ofDay: first) + 7) % 7
                week = firstMonday + 7 * (n - 1)
            }
            return ResolvedTime(start: date(instant(week, 0)), grain: .week)
        case let .units(unit, count):
            return unitsSpan(unit, count: count, monday: monday)
        case let .quarter(n, year):
            let y = year ?? CivilCalendar.date(ofDay: today).year
            let first = CivilCalendar.dayNumber(year: y, month: 3 * (n - 1) + 1, day: 1)
            return interval(from: first, 0, to: CivilCalendar.firstOfMonth(containing: first, plusMonths: 3), 0, grain: .month)
        case let .years(from, to):
            return interval(from: CivilCalendar.dayNumber(year: from, month: 1, day: 1), 0,
                            to: CivilCalendar.dayNumber(year: to + 1, month: 1, day: 1), 0, grain: .year)
        case .restOfWeek:
            return interval(from: today, 0, to: max(monday + 5, today + 1), 0, grain: .day)
        case let .monthInYears(month, years):
            let year = CivilCalendar.date(ofDay: today).year + years
            return ResolvedTime(start: date(instant(CivilCalendar.dayNumber(year: year, month: month, day: 1), 0)), grain: .month)
        case let .monthAfterNext(month):
            guard let next = monthStart(month, year: nil, skipCurrent: true, past: false) else { return nil }
            return ResolvedTime(start: date(instant(CivilCalendar.addingMonths(12, to: next), 0)), grain: .month)
        case .allWeek:
            return interval(from: monday, 0, to: monday + 6, 0, grain: .day)
        case let .weekOf(spec):
            guard let day = dayNumber(of: spec) else { return nil }
            let week = CivilCalendar.mondayOfWeek(containing: day)
            return ResolvedTime(start: date(instant(week == day ? week : week + 7, 0)), grain: .week)
        case let .season(season, which):
            return resolve(season, which: which)
        case let .seasonOfYear(season, year):
            let (from, to) = season.days
            let first = CivilCalendar.dayNumber(year: year, month: from.0, day: from.1)
            let last = CivilCalendar.dayNumber(year: to.0 < from.0 ? year + 1 : year, month: to.0, day: to.1)
            return interval(from: first, 0, to: last + 1, 0, grain: .day)
        case let .currentSeason(offset):
            return currentSeason(offset: offset)
        case let .lastWeekendOf(month):
            guard let first = firstDay(of: month) else { return nil }
            let (y, m, _) = CivilCalendar.date(ofDay: first)
            let last = first + CivilCalendar.daysInMonth(year: y, month: m) - 1
            let friday = last - (CivilCalendar.weekday(ofDay: last) - 5 + 7) % 7
            return interval(from: friday, 18 * 60, to: friday + 3, 0, grain: .hour)
        case let .unitAfter(unit, spec, n):
            guard let day = dayNumber(of: spec) else { return nil }
            switch unit {
            case .week: return ResolvedTime(start: date(instant(CivilCalendar.mondayOfWeek(containing: day) + 7 * n, 0)), grain: .week)
            case .month: return ResolvedTime(start: date(instant(CivilCalendar.firstOfMonth(containing: day, plusMonths: n), 0)), grain: .month)
            case .year:
                let year = CivilCalendar.date(ofDay: day).year + n
                return ResolvedTime(start: date(instant(CivilCalendar.dayNumber(year: year, month: 1, day: 1), 0)), grain: .year)
            default: return ResolvedTime(start: date(instant(day + n, 0)), grain: .day)
            }
        }
    }

    /// Duckling's seasons: "summer" is the first one that has not ended, "next summer" the first that has not
    /// begun, "last summer" the latest that has ended. Closed runs of days.
    private func resolve(_ season: Season, which: Int) -> ResolvedTime? {
        let thisYear = CivilCalendar.date(ofDay: today).year
        let runs: [(Int, Int)] = ((thisYear - 2)...(thisYear + 1)).map { year in
            let (from, to) = season.days
            let first = CivilCalendar.dayNumber(year: year, month: from.0, day: from.1)
            let last = CivilCalendar.dayNumber(year: to.0 < from.0 ? year + 1 : year, month: to.0, day: to.1)
            return (first, last + 1)
        }
        let run: (Int, Int)?
        switch which {
        case 0: run = runs.first { $0.1 > today }
        case 1: run = runs.first { $0.0 > today }
        default: run = runs.last { $0.1 <= today }
        }
        guard let (first, end) = run else { return nil }
        return interval(from: first, 0, to: end, 0, grain: .day)
    }

    /// "this season": the one around today; "next season" the one after it, "last season" the one before.
    private func currentSeason(offset: Int) -> ResolvedTime? {
        let order: [Season] = [.winter, .spring, .summer, .fall]
        let (_, month, dayOfMonth) = CivilCalendar.date(ofDay: today)
        let index = order.lastIndex { season in
            let (from, _) = season.days
            return (month, dayOfMonth) >= from
        } ?? 0
        // Before March 20 it is still the winter that began in December.
        let current = (month, dayOfMonth) < Season.spring.days.from ? 0 : index
        let target = order[((current + offset) % 4 + 4) % 4]
        return resolve(target, which: offset == 0 ? 0 : (offset > 0 ? 1 : -1))
    }

    private func monthStart(_ month: Int, year: Int?, skipCurrent: Bool, past: Bool) -> Int? {
        guard (1...12).contains(month) else { return nil }
        let (y, current, _) = CivilCalendar.date(ofDay: today)
        if let year { return CivilCalendar.dayNumber(year: year, month: month, day: 1) }
        if past { return CivilCalendar.dayNumber(year: month < current ? y : y - 1, month: month, day: 1) }
        let thisYear = skipCurrent ? month > current : month >= current
        return CivilCalendar.dayNumber(year: thisYear ? y : y + 1, month: month, day: 1)
    }

    /// Duckling's month thirds: beginning/early days 1-9, mid 11-19, late/end from the 21st to the start of
    /// the last day (open intervals ending at the start of their last named day).
    private func monthPart(first: Int, _ part: SpanSpec.Part) -> ResolvedTime {
        let (y, m, _) = CivilCalendar.date(ofDay: first)
        let last = first + CivilCalendar.daysInMonth(year: y, month: m) - 1
        switch part {
        case .beginning, .early: return interval(from: first, 0, to: first + 9, 0, grain: .day)
        case .mid: return interval(from: first + 10, 0, to: first + 19, 0, grain: .day)
        case .late, .end: return interval(from: first + 20, 0, to: last, 0, grain: .day)
        }
    }

    private func resolvePart(_ unit: SpanSpec.Unit, offset: Int, _ part: SpanSpec.Part, monday: Int) -> ResolvedTime {
        switch unit {
        case .hour, .day, .quarter:
            return resolve(.cycle(unit, offset: offset)) ?? ResolvedTime(start: context.now, grain: .second)
        case .week:
            let week = monday + 7 * offset
            switch part {
            case .beginning, .early: return interval(from: week, 0, to: week + 2, 0, grain: .day)
            case .mid: return interval(from: week + 2, 0, to: week + 4, 0, grain: .day)
            case .late, .end: return interval(from: week + 4, 0, to: week + 6, 0, grain: .day)
            }
        case .month:
            return monthPart(first: CivilCalendar.firstOfMonth(containing: today, plusMonths: offset), part)
        case .year:
            let year = CivilCalendar.date(ofDay: today).year + offset
            let (fromMonth, toMonth): (Int, Int)
            switch part {
            case .beginning, .early: (fromMonth, toMonth) = (1, 4)
            case .mid: (fromMonth, toMonth) = (5, 9)
            case .late, .end: (fromMonth, toMonth) = (9, 13)
            }
            let start = CivilCalendar.dayNumber(year: year, month: fromMonth, day: 1)
            let end = toMonth == 13 ? CivilCalendar.dayNumber(year: year + 1, month: 1, day: 1)
                : CivilCalendar.dayNumber(year: year, month: toMonth, day: 1)
            return interval(from: start, 0, to: end, 0, grain: .month)
        }
    }

    /// "the next 3 days" starts with tomorrow, "the last 2 weeks" ends with last week; "next 2 hours" starts
    /// at the next full hour. The grain is the unit.
    private func unitsSpan(_ unit: TimeUnit, count: Int, monday: Int) -> ResolvedTime {
        let n = abs(count)
        switch unit {
        case .second, .minute, .hour:
            let length = unit == .hour ? 3600 : (unit == .minute ? 60 : 1)
            let current = nowUTC - ((nowUTC % length) + length) % length
            let start = count > 0 ? current + length : current - n * length
            return ResolvedTime(start: date(start), end: date(start + n * length), grain: unit.grain)
        case .day:
            let start = count > 0 ? today + 1 : today - n
            return interval(from: start, 0, to: start + n, 0, grain: .day)
        case .week, .fortnight:
            let weeks = unit == .fortnight ? 2 * n : n
            let start = count > 0 ? monday + 7 : monday - 7 * weeks
            return interval(from: start, 0, to: start + 7 * weeks, 0, grain: .week)
        case .month:
            let start = CivilCalendar.firstOfMonth(containing: today, plusMonths: count > 0 ? 1 : -n)
            let end = CivilCalendar.firstOfMonth(containing: today, plusMonths: count > 0 ? 1 + n : 0)
            return interval(from: start, 0, to: end, 0, grain: .month)
        case .year:
            let year = CivilCalendar.date(ofDay: today).year
            let from = count > 0 ? year + 1 : year - n
            return interval(from: CivilCalendar.dayNumber(year: from, month: 1, day: 1), 0,
                            to: CivilCalendar.dayNumber(year: from + n, month: 1, day: 1), 0, grain: .year)
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
