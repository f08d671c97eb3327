import Foundation

/// The one way every placement asks the slot finder: `schedule`, `move`, habits, the daily plan and the
/// simulator all build their search here, so they score with the same week and avoid the same time.
public struct PlacementBuilder: Sendable {
    /// Shortest and longest event the bot places: shorter is not a task, longer is not one sitting.
    public static let durationLimits = 5...(24 * 60)

    /// Events that hold their time. A done or skipped event keeps it: the user was busy then (or meant to be),
    /// and an event placed on top of it would make the calendar lie.
    public static let occupyingStatuses: Set<Event.Status> = [.scheduled, .done, .skipped]

    public let learner: any Learner

    public init(learner: any Learner) { self.learner = learner }

    /// The calendar as blocks the finder must not overlap. The rest after a demanding task is kept when the
    /// task happened or will happen; a skipped one left nothing to recover from.
    /// - Parameters:
    ///   - restAfter: `TaskType.restAfter` per task type id (missing means no rest).
    ///   - excluding: events that are being placed again (a `move`) or may still yield (flexible habits).
    public static func busyBlocks(for events: [Event], restAfter: [Int64: Int], excluding: Set<Int64> = []) -> [BusyBlock] {
        events.compactMap { event in
            guard occupyingStatuses.contains(event.status) else { return nil }
            if let id = event.id, excluding.contains(id) { return nil }
            let rest = event.status == .skipped ? 0 : restAfter[event.taskTypeID] ?? 0
            return BusyBlock(start: event.start, end: event.end, recoveryMinutes: rest, title: event.title)
        }
    }

    /// The latest free run of at most `minutes` that ends by `end`: where something already done, but never
    /// scheduled, took place. It ends early when another event covers or ends at `end` (so it is never empty,
    /// even for reports a second apart), and may be shorter than asked.
    public static func latestFreeInterval(endingBy end: Date, minutes: Int, busy: [BusyBlock]) -> DateInterval {
        var cursor = end
        while let covering = busy.first(where: { $0.start < cursor && $0.end >= cursor }) { cursor = covering.start }
        let earliest = cursor.addingTimeInterval(-Double(max(1, minutes)) * 60)
        let floor = busy.filter { $0.start < cursor }.map(\.end).max() ?? earliest
        return DateInterval(start: max(earliest, floor), end: cursor)
    }

    /// The finder's search for one event of `type`, scored with the week the learner wants scored at `now`.
    public func request(for type: TaskType, durationMinutes: Int, window: DateInterval, user: UserProfile,
                        busy: [BusyBlock], now: Date, alternatives: Int = 3) -> SlotRequest {
        let seed = ExplorationSeed.derive(userID: user.id, taskName: type.name, at: now)
        let week = learner.scoringWeek(for: type, energy: user.energy, seed: seed)
        return SlotRequest(habit: week.habit, energy: week.energy, durationMinutes: durationMinutes, window: window,
                           availability: user.availability, timeZone: user.timeZone, busy: busy,
                           recoveryMinutes: TaskType.restAfter(cognitiveLoad: type.cognitiveLoad, recoveryMinutes: type.recoveryMinutes),
                           alternatives: alternatives)
    }
}
