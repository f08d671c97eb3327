import Foundation
import SchedulerCore
import Storage

/// One user at one instant, for work nobody asked for in a message: a tick, or the upkeep after a turn.
struct ProactiveScope {
    let session: any StoreSession
    var user: UserProfile
    var preferences: ProactivePreferences
    let now: Date

    init(session: any StoreSession, user: UserProfile, now: Date) throws {
        self.session = session
        self.user = user
        self.preferences = try session.proactivePreferences(of: user.id)
        self.now = now
    }

    var week: LocalWeek { LocalWeek(timeZone: user.timeZone) }
    var format: TimeFormat { TimeFormat(timeZone: user.timeZone) }
    var timing: NudgeTiming { NudgeTiming(week: week, preferences: preferences) }
    var thisWeek: DateInterval { week.isoWeek(containing: now) }
    var today: DateInterval {
        let start = week.startOfDay(now)
        return DateInterval(start: start, end: week.addingDays(1, to: start) ?? start.addingTimeInterval(86_400))
    }

    /// Scheduled events around `interval` as blocks the finder must avoid, with recovery after demanding ones.
    func busyBlocks(around interval: DateInterval, skipping skipped: Set<Int64> = []) throws -> [BusyBlock] {
        let widened = DateInterval(start: interval.start.addingTimeInterval(-86_400), end: interval.end.addingTimeInterval(86_400))
        var types: [Int64: TaskType] = [:]
        return try session.events(of: user.id, overlapping: widened, statuses: [.scheduled]).compactMap { event in
            guard let id = event.id, !skipped.contains(id) else { return nil }
            if types[event.taskTypeID] == nil { types[event.taskTypeID] = try session.taskType(id: event.taskTypeID) }
            let recovery = types[event.taskTypeID].map { $0.needsRecovery ? $0.recoveryMinutes : 0 } ?? 0
            return BusyBlock(start: event.start, end: event.end, recoveryMinutes: recovery, title: event.title)
        }
    }

    /// A slot request for a task type over `window`, avoiding the calendar.
    func slotRequest(for type: TaskType, duration: Int, window: DateInterval, busy: [BusyBlock]) -> SlotRequest {
        SlotRequest(habit: type.habit, energy: user.energy.energy, durationMinutes: duration, window: window,
                    availability: user.availability, timeZone: user.timeZone, busy: busy,
                    recoveryMinutes: type.needsRecovery ? type.recoveryMinutes : 0)
    }
}
