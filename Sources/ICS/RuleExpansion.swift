/// Expands an RRULE into wall times, period by period (RFC 5545 §3.3.10): each period of the frequency yields the
/// days that pass every BYxxx part, times from BYHOUR/BYMINUTE/BYSECOND (or DTSTART's), BYSETPOS picks among
/// them, and COUNT/UNTIL end the series. Pure integer civil arithmetic, so one pass over years is cheap.
struct RuleExpansion {
    let rule: RecurrenceRule
    let start: CivilDateTime
    private let byDay: [RecurrenceRule.WeekdayNumber]
    private let byMonthDay: [Int]
    private let byMonth: [Int]
    private let hours: [Int]
    private let minutes: [Int]
    private let seconds: [Int]

    init(rule: RecurrenceRule, start: CivilDateTime) {
        self.rule = rule
        self.start = start
        var byDay = rule.byDay
        var byMonthDay = rule.byMonthDay
        var byMonth = rule.byMonth
        // Without a day-choosing part, the rule repeats DTSTART's day (§3.3.10: "derived from DTSTART").
        if byDay.isEmpty, byMonthDay.isEmpty, rule.byYearDay.isEmpty, rule.byWeekNumber.isEmpty {
            switch rule.frequency {
            case .yearly:
                byMonthDay = [start.date.day]
                if byMonth.isEmpty { byMonth = [start.date.month] }
            case .monthly: byMonthDay = [start.date.day]
            case .weekly: byDay = [.init(start.date.weekday)]
            default: break
            }
        }
        self.byDay = byDay
        self.byMonthDay = byMonthDay
        self.byMonth = byMonth
        hours = rule.byHour.isEmpty ? [start.hour] : rule.byHour.sorted()
        minutes = rule.byMinute.isEmpty ? [start.minute] : rule.byMinute.sorted()
        seconds = rule.bySecond.isEmpty ? [start.second] : rule.bySecond.map { min($0, 59) }.sorted()
    }

    /// Wall times of the series from DTSTART up to `limit` (inclusive), in order. `withinUntil` says whether a wall
    /// time is still inside UNTIL (its comparison needs the zone, which the caller knows). When the rule has no
    /// COUNT, periods wholly before `notBefore` are skipped without being generated.
    func wallTimes(through limit: CivilDateTime, notBefore: CivilDateTime? = nil,
                   withinUntil: (CivilDateTime) -> Bool = { _ in true }) -> [CivilDateTime] {
        guard rule.unsupportedParts.isEmpty else { return start <= limit ? [start] : [] }
        var result: [CivilDateTime] = []
        var emitted = 0
        var period = rule.count == nil ? firstPeriod(reaching: notBefore) : 0
        while let days = days(ofPeriod: period), let first = days.first, first <= limit.date {
            var candidates: [CivilDateTime] = []
            for day in days where matches(day) {
                for hour in hours { for minute in minutes { for second in seconds {
                    candidates.append(CivilDateTime(date: day, hour: hour, minute: minute, second: second))
                } } }
            }
            for candidate in select(candidates) where candidate >= start {
                guard candidate <= limit, withinUntil(candidate) else { return result }
                result.append(candidate)
                emitted += 1
                if let count = rule.count, emitted >= count { return result }
            }
            period += 1
        }
        return result
    }

    private func select(_ candidates: [CivilDateTime]) -> [CivilDateTime] {
        guard !rule.bySetPosition.isEmpty, !candidates.isEmpty else { return candidates }
        var chosen = Set<CivilDateTime>()
        for position in rule.bySetPosition {
            let index = position > 0 ? position - 1 : candidates.count + position
            if candidates.indices.contains(index) { chosen.insert(candidates[index]) }
        }
        return chosen.sorted()
    }

    /// The days of the nth period (nil past any representable date).
    private func days(ofPeriod n: Int) -> [CivilDate]? {
        let step = n * rule.interval
        switch rule.frequency {
        case .yearly:
            let year = start.date.year + step
            guard year < 10_000 else { return nil }
            let months = byMonth.isEmpty ? Array(1...12) : byMonth.sorted()
            return months.flatMap { month in (1...CivilDate.daysIn(month: month, year: year)).map { CivilDate(year: year, month: month, day: $0) } }
        case .monthly:
            let index = start.date.year * 12 + start.date.month - 1 + step
            let year = index / 12, month = index % 12 + 1
            guard year < 10_000 else { return nil }
            return (1...CivilDate.daysIn(month: month, year: year)).map { CivilDate(year: year, month: month, day: $0) }
        case .weekly:
            let offset = (start.date.weekday.rawValue - rule.weekStart.rawValue + 7) % 7
            let first = start.date.dayNumber - offset + 7 * step
            return (0..<7).map { CivilDate(dayNumber: first + $0) }
        default:
            return [start.date.adding(days: step)]
        }
    }

    /// The first period whose days can reach `bound`: later periods are all that matter when COUNT is absent.
    private func firstPeriod(reaching bound: CivilDateTime?) -> Int {
        guard let bound, bound.date > start.date else { return 0 }
        let periods: Int
        switch rule.frequency {
        case .yearly: periods = (bound.date.year - start.date.year) / rule.interval
        case .monthly: periods = ((bound.date.year - start.date.year) * 12 + bound.date.month - start.date.month) / rule.interval
        case .weekly: periods = (bound.date.dayNumber - start.date.dayNumber) / 7 / rule.interval
        default: periods = (bound.date.dayNumber - start.date.dayNumber) / rule.interval
        }
        return max(0, periods - 1)
    }

    private func matches(_ day: CivilDate) -> Bool {
        if !byMonth.isEmpty, !byMonth.contains(day.month) { return false }
        if !rule.byYearDay.isEmpty {
            let forward = day.dayOfYear, backward = forward - CivilDate.daysIn(year: day.year) - 1
            guard rule.byYearDay.contains(where: { $0 == forward || $0 == backward }) else { return false }
        }
        if !byMonthDay.isEmpty {
            let backward = day.day - CivilDate.daysIn(month: day.month, year: day.year) - 1
            guard byMonthDay.contains(where: { $0 == day.day || $0 == backward }) else { return false }
        }
        if !byDay.isEmpty { return byDay.contains { matches(day, $0) } }
        return true
    }

    private func matches(_ day: CivilDate, _ entry: RecurrenceRule.WeekdayNumber) -> Bool {
        guard day.weekday == entry.weekday else { return false }
        guard let ordinal = entry.ordinal else { return true }
        // Ordinals count within the month (MONTHLY, or YEARLY with BYMONTH) or within the year; elsewhere they
        // have no meaning and the weekday alone decides.
        let range: (first: Int, last: Int)
        switch rule.frequency {
        case .monthly:
            range = monthRange(day)
        case .yearly where !rule.byMonth.isEmpty:
            range = monthRange(day)
        case .yearly:
            let first = CivilDate(year: day.year, month: 1, day: 1).dayNumber
            range = (first, first + CivilDate.daysIn(year: day.year) - 1)
        default:
            return true
        }
        let number = day.dayNumber
        return ordinal > 0 ? (number - range.first) / 7 + 1 == ordinal : -((range.last - number) / 7 + 1) == ordinal
    }

    private func monthRange(_ day: CivilDate) -> (first: Int, last: Int) {
        let first = CivilDate(year: day.year, month: day.month, day: 1).dayNumber
        return (first, first + CivilDate.daysIn(month: day.month, year: day.year) - 1)
    }
}
