import Foundation

/// Something already in the calendar that a new event must not overlap.
public struct BusyBlock: Sendable, Equatable {
    public var start: Date
    public var end: Date
    /// Rest kept free after the block (0 unless it was demanding: cognitive load >= 0.7).
    public var recoveryMinutes: Int
    public var title: String

    public init(start: Date, end: Date, recoveryMinutes: Int = 0, title: String = "") {
        self.start = start
        self.end = end
        self.recoveryMinutes = recoveryMinutes
        self.title = title
    }

    var protectedEnd: Date { end.addingTimeInterval(Double(recoveryMinutes) * 60) }
}

public struct SlotRequest: Sendable {
    public var habit: WeekGrid
    public var energy: WeekGrid
    public var durationMinutes: Int
    /// Only starts at or after `window.start` whose end is at or before `window.end` are considered.
    public var window: DateInterval
    public var availability: Availability
    public var timeZone: TimeZone
    public var busy: [BusyBlock]
    /// Rest this task itself needs before the next busy block.
    public var recoveryMinutes: Int
    public var stepMinutes: Int
    public var alternatives: Int

    public init(habit: WeekGrid, energy: WeekGrid, durationMinutes: Int, window: DateInterval,
                availability: Availability, timeZone: TimeZone, busy: [BusyBlock], recoveryMinutes: Int = 0,
                stepMinutes: Int = 15, alternatives: Int = 3) {
        self.habit = habit
        self.energy = energy
        self.durationMinutes = durationMinutes
        self.window = window
        self.availability = availability
        self.timeZone = timeZone
        self.busy = busy
        self.recoveryMinutes = recoveryMinutes
        self.stepMinutes = stepMinutes
        self.alternatives = alternatives
    }
}

public struct ScoredSlot: Sendable, Equatable {
    public var start: Date
    public var end: Date
    public var score: Double
}

/// Why a requested exact time could not be honoured.
public enum ExactTimeCheck: Sendable, Equatable {
    case free(ScoredSlot)
    case clash(with: BusyBlock, alternatives: [ScoredSlot])
}

/// Finds the best free start for a task: score = mean over covered hours of 0.6 x habit + 0.4 x energy.
public struct SlotFinder: Sendable {
    public static let habitWeight = 0.6
    public static let energyWeight = 0.4

    public init() {}

    /// Best start first, then up to `request.alternatives` non-overlapping runners-up. Ties go to the earliest.
    public func find(_ request: SlotRequest) -> [ScoredSlot] {
        let week = LocalWeek(timeZone: request.timeZone)
        let candidates = enumerate(request, week: week) { weekday in
            request.availability.windows(on: weekday).map { ($0.startMinute, $0.endMinute) }
        }
        return SlotFinder.pickDistinct(from: candidates, count: 1 + request.alternatives)
    }

    /// Every free start in the window within availability, scored, in time order (for evaluation and audits).
    public func candidates(_ request: SlotRequest) -> [ScoredSlot] {
        enumerate(request, week: LocalWeek(timeZone: request.timeZone)) { weekday in
            request.availability.windows(on: weekday).map { ($0.startMinute, $0.endMinute) }
        }
    }

    /// Honours a user-named time when it is free; otherwise names the clash and the nearest free starts.
    public func check(start: Date, request: SlotRequest) -> ExactTimeCheck {
        let end = start.addingTimeInterval(Double(request.durationMinutes) * 60)
        let week = LocalWeek(timeZone: request.timeZone)
        let conflicts = SlotFinder.Conflicts(busy: request.busy, ownRecoverySeconds: Double(request.recoveryMinutes) * 60)
        let score = SlotFinder.score(slots: week.slots(from: start, to: end), request: request)
        guard let clash = conflicts.firstClash(start: start.timeIntervalSinceReferenceDate, end: end.timeIntervalSinceReferenceDate) else {
            return .free(ScoredSlot(start: start, end: end, score: score))
        }
        // Look around the requested time the same day and the next, inside availability widened to include it.
        let requestedMinute = week.minuteOfDay(start)
        var around = request
        around.window = DateInterval(start: max(request.window.start, week.startOfDay(start)),
                                     end: max(request.window.start, start.addingTimeInterval(36 * 3600)))
        let candidates = enumerate(around, week: week) { weekday in
            let windows = request.availability.windows(on: weekday)
            let low = min(windows.map(\.startMinute).min() ?? requestedMinute, requestedMinute)
            let high = max(windows.map(\.endMinute).max() ?? requestedMinute, requestedMinute + request.durationMinutes)
            return [(low, min(high, 24 * 60))]
        }
        let nearest = candidates.sorted {
            abs($0.start.timeIntervalSince(start)) < abs($1.start.timeIntervalSince(start))
        }
        return .clash(with: clash, alternatives: Array(nearest.prefix(max(1, request.alternatives))))
    }

    // MARK: - Enumeration

    private func enumerate(_ request: SlotRequest, week: LocalWeek,
                           dayRanges: (Int) -> [(Int, Int)]) -> [ScoredSlot] {
        guard request.durationMinutes > 0, request.stepMinutes > 0 else { return [] }
        let conflicts = Conflicts(busy: request.busy, ownRecoverySeconds: Double(request.recoveryMinutes) * 60)
        let windowStart = request.window.start.timeIntervalSinceReferenceDate
        let windowEnd = request.window.end.timeIntervalSinceReferenceDate
        let hourScores = SlotFinder.hourScores(request)
        var results: [ScoredSlot] = []
        var day = week.startOfDay(request.window.start)
        while day < request.window.end {
            guard let nextDay = week.addingDays(1, to: day) else { break }
            let weekday = week.weekday(day)
            // Linear minute -> instant mapping is exact unless the UTC offset changes during the day (DST).
            let offsetStable = request.timeZone.secondsFromGMT(for: day) == request.timeZone.secondsFromGMT(for: nextDay.addingTimeInterval(-1))
            let dayStart = day.timeIntervalSinceReferenceDate
            for (low, high) in dayRanges(weekday) {
                var minute = (low + request.stepMinutes - 1) / request.stepMinutes * request.stepMinutes
                while minute + request.durationMinutes <= high {
                    defer { minute += request.stepMinutes }
                    let start: Double
                    if offsetStable {
                        start = dayStart + Double(minute) * 60
                    } else {
                        guard let exact = week.date(onDayOf: day, minuteOfDay: minute),
                              week.minuteOfDay(exact) == minute else { continue } // skipped by DST
                        start = exact.timeIntervalSinceReferenceDate
                    }
                    let end = start + Double(request.durationMinutes) * 60
                    guard start >= windowStart, end <= windowEnd else { continue }
                    guard conflicts.firstClash(start: start, end: end) == nil else { continue }
                    let firstHour = minute / 60
                    let lastHour = (minute + request.durationMinutes - 1) / 60
                    var total = 0.0
                    for hour in firstHour...lastHour { total += hourScores[weekday * 24 + min(hour, 23)] }
                    let score = total / Double(lastHour - firstHour + 1)
                    results.append(ScoredSlot(start: Date(timeIntervalSinceReferenceDate: start),
                                              end: Date(timeIntervalSinceReferenceDate: end), score: score))
                }
            }
            day = nextDay
        }
        return results
    }

    static func hourScores(_ request: SlotRequest) -> [Double] {
        (0..<WeekSlot.count).map { habitWeight * request.habit[$0] + energyWeight * request.energy[$0] }
    }

    static func score(slots: [WeekSlot], request: SlotRequest) -> Double {
        guard !slots.isEmpty else { return 0 }
        let total = slots.reduce(0.0) { $0 + habitWeight * request.habit[$1] + energyWeight * request.energy[$1] }
        return total / Double(slots.count)
    }

    /// Highest score first (earliest on ties), skipping any slot that overlaps one already picked.
    static func pickDistinct(from candidates: [ScoredSlot], count: Int) -> [ScoredSlot] {
        let ordered = candidates.sorted { a, b in
            if abs(a.score - b.score) > 1e-9 { return a.score > b.score }
            return a.start < b.start
        }
        var picked: [ScoredSlot] = []
        for slot in ordered where picked.count < count {
            if picked.allSatisfy({ $0.end <= slot.start || slot.end <= $0.start }) { picked.append(slot) }
        }
        return picked
    }

    /// Busy blocks as plain numbers, sorted, so the hot loop does no allocation.
    struct Conflicts {
        let blocks: [BusyBlock]
        let starts: [Double]
        let protectedEnds: [Double]
        let ownRecoverySeconds: Double

        init(busy: [BusyBlock], ownRecoverySeconds: Double) {
            blocks = busy.sorted { $0.start < $1.start }
            starts = blocks.map { $0.start.timeIntervalSinceReferenceDate }
            protectedEnds = blocks.map { $0.protectedEnd.timeIntervalSinceReferenceDate }
            self.ownRecoverySeconds = ownRecoverySeconds
        }

        /// A candidate [start, end) clashes with a block it overlaps, with the block's recovery after it,
        /// or with its own recovery running into the next block.
        func firstClash(start: Double, end: Double) -> BusyBlock? {
            // [start, end + own recovery) must not meet [block start, block end + its recovery).
            let guardedEnd = end + ownRecoverySeconds
            for i in starts.indices {
                if starts[i] >= guardedEnd { break }
                if start < protectedEnds[i] { return blocks[i] }
            }
            return nil
        }
    }
}
