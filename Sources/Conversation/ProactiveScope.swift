import Foundation
import SchedulerCore
import StoreProtocols

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
    /// The words for this user's messages, in their zone.
    var phrasebook: Phrasebook { Phrasebook(format: format, now: now) }
    var timing: NudgeTiming { NudgeTiming(week: week, preferences: preferences) }
    var thisWeek: DateInterval { week.isoWeek(containing: now) }
    var today: DateInterval {
        let start = week.startOfDay(now)
        return DateInterval(start: start, end: week.addingDays(1, to: start) ?? start.addingTimeInterval(86_400))
    }

    /// Everything on the user's calendar around `interval` as blocks the finder must avoid.
    func busyBlocks(around interval: DateInterval, skipping skipped: Set<Int64> = []) throws -> [BusyBlock] {
        try session.busyBlocks(of: user.id, around: interval, excluding: skipped)
    }
}
