import Foundation
import Language
import SchedulerCore
import StoreProtocols

/// The clock-driven entry point: each front end calls `tick(_:now:)` with its own network on a timer and sends what it returns.
extension Engine {
    public func tick(_ network: Network, now: Date) async -> [ProactiveMessage] {
        latestClock = max(latestClock ?? now, now)
        await runSmartSyncs(now: now)
        await refreshCalendars(now: now)
        do {
            return try store.write { session in
                try session.pruneAdapterState(of: network, expiredBy: now)
                var messages: [ProactiveMessage] = []
                for userID in try session.userIDsNeedingTick(at: now, on: network) {
                    guard let user = try session.user(userID) else { continue }
                    var scope = try ProactiveScope(session: session, user: user, now: now)
                    try keepCalendarInStep(&scope)
                    messages += try deliverDue(&scope)
                    try scheduleRecurring(scope)
                }
                metrics.nudgesSent(messages.count)
                return messages
            }
        } catch {
            logger.error("could not run the proactive round", metadata: ["error": "\(error)"])
            return []
        }
    }

    public func nextProactiveDue(after instant: Date) async -> Date? {
        try? store.read { try $0.nextNudgeTime(after: instant) }
    }

    /// After every message: remember the room and network, and bring habits and pending messages in line with what it changed.
    /// Reminder and follow-up rows are re-derived only when the message could have changed them, so a greeting
    /// or an agenda costs nothing here.
    func keepProactiveInStep(_ turn: inout Turn) throws {
        var scope = try ProactiveScope(session: turn.session, user: turn.user, now: turn.now)
        let sameNetwork = scope.preferences.network == turn.message.network
        let room = turn.message.roomID ?? (sameNetwork ? scope.preferences.lastRoomID : nil)
        if scope.preferences.lastRoomID != room || !sameNetwork {
            scope.preferences.lastRoomID = room
            scope.preferences.network = turn.message.network
            try turn.session.save(scope.preferences, of: turn.user.id)
        }
        let hasHabits = !(try turn.session.habits(of: turn.user.id, activeOnly: true).isEmpty)
        if hasHabits || Engine.changesNudges(turn.intent) {
            try keepCalendarInStep(&scope)
            try scheduleRecurring(scope)
        } else if !turn.changedEvents.isEmpty {
            try syncNudges(for: turn.changedEvents, scope)
        }
    }

    /// Settings that change when or whether the bot speaks first.
    static func changesNudges(_ intent: IntentKind) -> Bool {
        switch intent {
        case .reminders, .dailyPlan, .weeklyReview, .quietHours, .messageLimit, .unanswered, .mute, .resume, .timezone,
             .habit, .stopHabit, .onboarding:
            true
        default:
            false
        }
    }

    /// Habits placed for this week (collisions repaired), and a reminder and follow-up row for every coming event.
    func keepCalendarInStep(_ scope: inout ProactiveScope) throws {
        try placeHabits(scope)
        try syncEventNudges(scope)
    }
}
