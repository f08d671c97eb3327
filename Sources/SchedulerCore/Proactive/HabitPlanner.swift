import Foundation

/// What the planner decided for one habit in one week.
public struct HabitPlan: Sendable, Equatable {
    public var placements: [ScoredSlot]
    /// Fixed-time occurrences that could not go in because something else is there.
    public var collisions: [Date]

    public init(placements: [ScoredSlot], collisions: [Date]) {
        self.placements = placements
        self.collisions = collisions
    }

    public static let empty = HabitPlan(placements: [], collisions: [])
}

/// Places a habit's occurrences for the rest of a week. Pure: the calendar comes in as busy blocks.
///
/// Fixed-time habits go at their time on their days (a clash is reported, not moved: the user chose it).
/// Flexible ones take the finder's best slot per day, on days not used yet, spread out when possible.
public struct HabitPlanner: Sendable {
    let finder = SlotFinder()

    public init() {}

    /// - Parameters:
    ///   - week: the local week [Monday 00:00, next Monday 00:00).
    ///   - from: nothing is placed before this instant (now).
    ///   - existing: this week's occurrences already in the calendar.
    ///   - base: scores, availability, zone and busy blocks; its window and duration are replaced.
    public func plan(_ habit: Habit, week: DateInterval, from: Date, existing: [HabitOccurrence], base: SlotRequest) -> HabitPlan {
        let calendar = LocalWeek(timeZone: base.timeZone)
        let takenDays = Set(existing.map { calendar.startOfDay($0.start) })
        let openDays = days(of: week, calendar).filter { !takenDays.contains($0) }
        switch habit.days {
        case .fixed(let weekdays):
            let wanted = openDays.filter { weekdays.contains(calendar.weekday($0)) }
            return place(habit, on: wanted, from: from, base: base, calendar: calendar, limit: wanted.count)
        case .timesPerWeek(let count):
            let missing = count - existing.filter(\.isKept).count
            guard missing > 0 else { return .empty }
            return spread(habit, over: openDays, keptDays: Array(takenDays), from: from, base: base, calendar: calendar, count: missing)
        }
    }

    /// Best slot per open day, then picks days greedily by score, at least a day apart while that is possible.
    private func spread(_ habit: Habit, over days: [Date], keptDays: [Date], from: Date, base: SlotRequest,
                        calendar: LocalWeek, count: Int) -> HabitPlan {
        let best = place(habit, on: days, from: from, base: base, calendar: calendar, limit: days.count)
        let ranked = best.placements.sorted { $0.score > $1.score + 1e-9 || abs($0.score - $1.score) <= 1e-9 && $0.start < $1.start }
        var chosen: [ScoredSlot] = []
        var usedDays = keptDays
        for needsGap in [true, false] {
            for slot in ranked where chosen.count < count && !chosen.contains(slot) {
                let day = calendar.startOfDay(slot.start)
                let gapOK = usedDays.allSatisfy { abs($0.timeIntervalSince(day)) > 36 * 3600 }
                if needsGap && !gapOK { continue }
                chosen.append(slot)
                usedDays.append(day)
            }
        }
        return HabitPlan(placements: chosen.sorted { $0.start < $1.start }, collisions: [])
    }

    /// One occurrence per listed day: at the fixed time, or the finder's best in the day's window.
    /// Placed occurrences become busy for the next day's search (recovery included).
    private func place(_ habit: Habit, on days: [Date], from: Date, base: SlotRequest, calendar: LocalWeek, limit: Int) -> HabitPlan {
        var request = base
        request.durationMinutes = habit.durationMinutes
        request.alternatives = 0
        var placements: [ScoredSlot] = []
        var collisions: [Date] = []
        for day in days where placements.count < limit {
            guard let dayEnd = calendar.addingDays(1, to: day) else { continue }
            if let minute = habit.minuteOfDay {
                guard let start = calendar.date(onDayOf: day, minuteOfDay: minute), start >= from else { continue }
                request.window = DateInterval(start: start, end: max(start, dayEnd))
                switch finder.check(start: start, request: request) {
                case .free(let slot): placements.append(slot)
                case .clash: collisions.append(start)
                }
                continue
            }
            let (low, high) = bounds(of: habit.window, on: day, dayEnd: dayEnd, calendar: calendar)
            let start = max(low, from)
            guard high > start else { continue }
            request.window = DateInterval(start: start, end: high)
            if let slot = finder.find(request).first {
                placements.append(slot)
                request.busy.append(BusyBlock(start: slot.start, end: slot.end, recoveryMinutes: base.recoveryMinutes, title: habit.title))
            }
        }
        return HabitPlan(placements: placements, collisions: collisions)
    }

    /// The habit's window on that day (a window that wraps midnight runs to the end of the day).
    private func bounds(of window: DayWindow?, on day: Date, dayEnd: Date, calendar: LocalWeek) -> (Date, Date) {
        guard let window else { return (day, dayEnd) }
        let low = calendar.date(onDayOf: day, minuteOfDay: window.startMinute) ?? day
        let high = window.wraps ? dayEnd : (calendar.date(onDayOf: day, minuteOfDay: window.endMinute) ?? dayEnd)
        return (low, high)
    }

    private func days(of week: DateInterval, _ calendar: LocalWeek) -> [Date] {
        var result: [Date] = []
        var day = calendar.startOfDay(week.start)
        while day < week.end {
            result.append(day)
            guard let next = calendar.addingDays(1, to: day) else { break }
            day = next
        }
        return result
    }
}

extension LocalWeek {
    /// The ISO week (Monday 00:00 to the next Monday 00:00, local) containing `date`.
    public func isoWeek(containing date: Date) -> DateInterval {
        let start = calendar.dateInterval(of: .weekOfYear, for: date)?.start ?? startOfDay(date)
        let end = addingDays(7, to: start) ?? start.addingTimeInterval(7 * 86_400)
        return DateInterval(start: start, end: end)
    }
}
